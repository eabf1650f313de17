import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Duration, Stack, type CfnElement } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FeedbackMail } from '../../infra/constructs/feedback-mail.ts';
import { ProductFunction } from '../../infra/constructs/product-function.ts';
import { StackPart, logicalIdWithoutParts } from '../../infra/constructs/stack-part.ts';
import { WorkQueue } from '../../infra/constructs/work-queue.ts';
import { SEND_QUEUE_URL } from '../../shared/invitations/invitation-settings.ts';
import { SETTINGS as SENDER_SETTINGS } from '../../functions/sender/settings.ts';

class Part extends StackPart {}
class PartsStack extends Stack {
  protected override allocateLogicalId(element: CfnElement): string {
    return logicalIdWithoutParts(element);
  }
}

const outdirs: string[] = [];
afterAll(() => outdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
/** An app that never bundles, with its assembly in a folder removed after the run. */
function testApp(): App {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-parts-'));
  outdirs.push(outdir);
  return new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
}
/** A stack that names resources as FeedbackStack does. */
const partsStack = () => new PartsStack(testApp(), 'Test');
const logicalIdOf = (queue: sqs.Queue) => Stack.of(queue).getLogicalId(queue.node.defaultChild as CfnElement);

describe('stack parts', () => {
  it('give a resource inside a part the logical ID it has directly in the stack', () => {
    const stack = partsStack();
    const outside = new sqs.Queue(new Stack(testApp(), 'Test'), 'Work');
    const inside = new sqs.Queue(new Part(stack, 'Queues'), 'Work');
    expect(logicalIdOf(inside)).toBe(logicalIdOf(outside));
  });

  it('leave ordinary constructs in the logical ID', () => {
    const stack = partsStack();
    const queue = new sqs.Queue(new Construct(new Part(stack, 'Queues'), 'Group'), 'Work');
    expect(logicalIdOf(queue)).toMatch(/^GroupWork[0-9A-F]{8}$/);
  });

  it('fail synth when two parts hold resources with the same id', () => {
    const stack = partsStack();
    new sqs.Queue(new Part(stack, 'One'), 'Work');
    new sqs.Queue(new Part(stack, 'Two'), 'Work');
    expect(() => (stack.node.root as App).synth()).toThrow(/already contains 'Work/);
  });
});

describe('a work queue', () => {
  it('refuses a consumer whose timeout needs a longer visibility timeout (six times it)', () => {
    const stack = partsStack();
    const sender = new ProductFunction(stack, 'SenderFunction', { folder: 'sender', settings: SENDER_SETTINGS, callBudget: 'queue', description: 'test', timeout: Duration.minutes(1), logRetention: 7 });
    const queue = new WorkQueue(stack, 'Send', { urlSetting: SEND_QUEUE_URL, visibilityTimeout: Duration.minutes(5) });
    expect(() => queue.feed(sender, { maxConcurrency: 2 })).toThrow(/sender: a 1 minute timeout needs a visibility timeout/);
  });

  it('refuses a receive count SQS does not allow', () => {
    expect(() => new WorkQueue(partsStack(), 'Send', { urlSetting: SEND_QUEUE_URL, maxReceiveCount: 0 })).toThrow(/maxReceiveCount/);
  });
});

describe('mail sending', () => {
  it('refuses a sender that is not an email address, since sending is granted on its domain too', () => {
    const stack = partsStack();
    const handler = lambda.Function.fromFunctionArn(stack, 'Handler', 'arn:aws:lambda:eu-west-1:123456789012:function:mail-events');
    expect(() => new FeedbackMail(stack, 'Mail', { senderAddress: 'acme.example', eventsHandler: handler })).toThrow(/senderAddress/);
  });
});
