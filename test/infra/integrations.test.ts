import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app.ts';
import { demoConfig } from '../support/factories.ts';
import { DELIVERY_ATTEMPTS } from '../../shared/integrations/retry-schedule.ts';

const dir = mkdtempSync(join(tmpdir(), 'cdk-integrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real app (cdk-nag included: synth throws on an unacknowledged finding) with one webhook and two chat channels. */
function synthWithIntegrations(): Template {
  const config = JSON.parse(readFileSync('config/feedback.config.json', 'utf8')) as Record<string, unknown>;
  config['webhooks'] = [{ id: 'crm', url: 'https://crm.example.com/hooks/feedback', events: ['ComplaintOpened', 'ContactUnsubscribed'] }];
  config['chat'] = [
    { id: 'service-slack', format: 'slack' },
    { id: 'sales-teams', format: 'teams', departmentId: 'sales' },
  ];
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  const app = buildApp(new App({ outdir: join(dir, 'out'), context: { 'aws:cdk:bundling-stacks': [], config: file } }));
  app.synth();
  return Template.fromStack(app.node.findChild(demoConfig.stackName) as Stack);
}

describe('the stack’s integrations', () => {
  let template: Template;
  beforeAll(() => {
    template = synthWithIntegrations();
  });

  it('has its own event bus and outputs its name and ARN', () => {
    template.resourceCountIs('AWS::Events::EventBus', 1);
    template.hasOutput('EventBusName', { Value: { Ref: Match.stringLikeRegexp('EventBus') } });
    template.hasOutput('EventBusArn', { Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('EventBus'), 'Arn'] } });
  });

  it('publishes from the table’s stream (new and old images) through the publisher function to the bus, retried then dead-lettered', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' } });
    const publisher = new Capture();
    template.hasResourceProperties('AWS::Pipes::Pipe', {
      Source: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'StreamArn'] },
      Enrichment: { 'Fn::GetAtt': [publisher, 'Arn'] },
      Target: { 'Fn::GetAtt': [Match.stringLikeRegexp('EventBus'), 'Arn'] },
      SourceParameters: {
        DynamoDBStreamParameters: Match.objectLike({ StartingPosition: 'TRIM_HORIZON', MaximumRetryAttempts: 10, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('EventPublishDeadLetterQueue'), 'Arn'] } } }),
      },
      TargetParameters: { EventBridgeEventBusParameters: { Source: 'feedback.pipeline', DetailType: '$.type', Time: '$.occurredAt' } },
    });
    expect(publisher.asString()).toMatch(/^EventPublisherFunction/);
    template.hasResourceProperties('AWS::Lambda::Function', { Description: Match.stringLikeRegexp('^Turns table changes') });
  });

  it('routes each destination’s event types (and department) to the delivery queue, tagged with the destination', () => {
    const input = new Capture();
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['feedback.pipeline'], 'detail-type': ['ComplaintOpened', 'ContactUnsubscribed'] },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('WebhookDeliveryQueue'), 'Arn'] }, InputTransformer: { InputPathsMap: { f1: '$' }, InputTemplate: input } })],
    });
    expect(input.asString()).toBe('{"destination":"crm","event":<f1>}');
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: { source: ['feedback.pipeline'], 'detail-type': ['ComplaintOpened', 'DigestSent'], detail: { departmentId: ['sales'] } } });
  });

  it('retries a delivery for a day, then dead-letters it, and alarms on the dead-letter queue', () => {
    expect(DELIVERY_ATTEMPTS).toBeGreaterThan(20);
    const dlq = new Capture();
    template.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: { maxReceiveCount: DELIVERY_ATTEMPTS, deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] } } });
    expect(dlq.asString()).toMatch(/^WebhookDeliveryDeadLetterQueue/);
    for (const queue of ['WebhookDeliveryDeadLetterQueue', 'EventPublishDeadLetterQueue']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp(queue), 'QueueName'] } }] });
    }
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('WebhookDeliveryQueue'), 'Arn'] }, FunctionResponseTypes: ['ReportBatchItemFailures'] });
  });

  it('keeps each webhook’s signing key and each channel’s URL in Secrets Manager, readable by the deliverer only; no URL of a channel in the template', () => {
    for (const name of ['FeedbackPipeline/webhooks/crm', 'FeedbackPipeline/chat/service-slack', 'FeedbackPipeline/chat/sales-teams']) {
      template.hasResourceProperties('AWS::SecretsManager::Secret', { Name: name, GenerateSecretString: Match.objectLike({ PasswordLength: 48 }) });
    }
    const deliverer = Object.values(template.findResources('AWS::Lambda::Function')).find((f) => String(f.Properties.Description).startsWith('Posts domain events'))!;
    const destinations = JSON.stringify(deliverer.Properties.Environment.Variables.DESTINATIONS);
    expect(destinations).toContain('https://crm.example.com/hooks/feedback');
    expect(JSON.stringify(template.toJSON())).not.toMatch(/hooks\.slack\.com|webhook\.office\.com/);
  });
});
