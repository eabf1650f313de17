import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClientConfig, CALL_BUDGETS, type AwsConnection, type CallBudget } from '../aws-clients.ts';
import type { MessageQueue } from './message-queue.ts';

/** SQS takes at most 10 messages per batch call. */
const SQS_BATCH_LIMIT = 10;

/**
 * An SQS queue on the AWS SDK. A batch SQS accepts in part is an error naming the refused
 * entries: the caller's message is redelivered and its idempotent keys make the repeat harmless.
 */
export function sqsQueue<T>(queueUrl: string, options: { connection?: AwsConnection; budget?: CallBudget } = {}): MessageQueue<T> {
  const client = new SQSClient(awsClientConfig(options.connection ?? {}, options.budget ?? CALL_BUDGETS.admin));
  return {
    async send(messages) {
      for (let start = 0; start < messages.length; start += SQS_BATCH_LIMIT) {
        const entries = messages.slice(start, start + SQS_BATCH_LIMIT).map((message, i) => ({ Id: String(i), MessageBody: JSON.stringify(message) }));
        const { Failed = [] } = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
        if (Failed.length > 0) throw new Error(`SQS refused ${Failed.length} message(s): ${Failed.map((f) => f.Code).join(', ')}`);
      }
    },
  };
}
