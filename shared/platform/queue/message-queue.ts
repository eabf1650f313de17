/**
 * Where jobs hand work to each other: SQS in the deployed stack, an in-process queue with
 * the same semantics on the local stack.
 */
export interface MessageQueue<T> {
  send(messages: readonly T[]): Promise<void>;
}
