import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { readdirSync } from 'node:fs';
import { ProductFunction } from '../../infra/constructs/product-function.ts';
import type { Settings } from '../../shared/platform/config/settings.ts';
import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app.ts';
import { demoConfig, rawQuestionnaire } from '../support/factories.ts';
import { ADMIN_CATCH_ALL_PATH, ROUTES } from '../../shared/platform/web/routes.ts';
import { OUTPUTS } from '../../infra/feedback-stack-outputs.ts';
import { CALL_BUDGETS, worstCaseMs, type CallBudgetName } from '../../shared/platform/aws-clients.ts';

const outdirs: string[] = [];
/** Synthesises the real app (with cdk-nag) into a temporary folder, without bundling. */
function synthApp(context: Record<string, unknown> = {}): App {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-test-'));
  outdirs.push(outdir);
  const app = buildApp(new App({ outdir, context: { 'aws:cdk:bundling-stacks': [], ...context } }));
  app.synth();
  return app;
}
afterAll(() => outdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The demo config with `changes`, written to a temporary file for `-c config=FILE`. */
function configFile(changes: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'config-'));
  outdirs.push(dir);
  const file = join(dir, 'feedback.config.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync('config/feedback.config.json', 'utf8')), ...changes }));
  return file;
}

describe('the CDK stack', () => {
  let template: Template;
  let app: App;
  beforeAll(() => {
    // synth() throws if cdk-nag's AwsSolutions pack reports any unacknowledged finding.
    app = synthApp();
    template = Template.fromStack(app.node.findChild(demoConfig.stackName) as Stack);
  });

  it('keeps the table safe: on-demand, PITR, deletion protection, retained, TTL, the designed indexes', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'byList' }), Match.objectLike({ IndexName: 'byLinkId' })],
        Replicas: [Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      }),
    });
  });

  it.each([
    ['planWave', demoConfig.schedules.planWave],
    ['sendReminders', demoConfig.schedules.sendReminders],
    ['sweepComplaints', demoConfig.schedules.sweepComplaints],
    ['sendDigests', demoConfig.schedules.sendDigests],
    ['sendStaffDigests', demoConfig.schedules.sendStaffDigests],
  ])('runs %s on its configured cron in the business time zone, retried and dead-lettered', (job, expression) => {
    const dlq = new Capture();
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: expression,
      ScheduleExpressionTimezone: demoConfig.timeZone,
      Target: Match.objectLike({
        Input: JSON.stringify({ job }),
        RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 3 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlq, 'Arn'] } },
      }),
    });
    expect(template.toJSON().Resources[dlq.asString()].Type).toBe('AWS::SQS::Queue');
  });

  it('gives every function arm64, the latest Node.js runtime, no source-map loading at start and its own log group with retention', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    expect(Object.keys(functions)).toHaveLength(8);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      // Loading the map would cost every cold start 8–11 ms (see lambda-bundling.ts).
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBeUndefined();
      expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
    }
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: demoConfig.logRetentionDays });
  });

  it('scopes every DynamoDB permission to the table and named indexes, never "*"', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    const dynamo = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('dynamodb:')));
    expect(dynamo.length).toBe(9);
    for (const statement of dynamo) {
      expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"|index\/\*/);
      expect([statement.Action].flat()).not.toContain('dynamodb:*');
      expect([statement.Action].flat()).not.toContain('dynamodb:Scan');
    }
    const mailEventsPolicy = statements.find((s) => JSON.stringify(s.Action) === '"dynamodb:PutItem"');
    expect(mailEventsPolicy).toBeDefined();
  });

  it('sets every environment variable each handler reads (its settings.ts), and no other', async () => {
    const stack = app.node.findChild(demoConfig.stackName) as Stack;
    const functions = stack.node.findAll().filter((c): c is ProductFunction => c instanceof ProductFunction);
    expect(functions.map((f) => f.folder).sort()).toEqual(readdirSync('functions').sort());
    for (const fn of functions) {
      const { SETTINGS } = (await import(`../../functions/${fn.folder}/settings.ts`)) as { SETTINGS: Settings };
      const logicalId = stack.getLogicalId(fn.function.node.defaultChild as CfnElement);
      const variables = Object.keys(template.toJSON().Resources[logicalId].Properties.Environment.Variables as object);
      expect(variables.sort(), fn.folder).toEqual(Object.values(SETTINGS).map((s) => s.name).sort());
    }
  });

  it('bounds every function’s AWS calls by a budget whose worst case fits in half its timeout', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function')).filter((f) => f.Properties.Runtime === 'nodejs24.x');
    expect(functions).toHaveLength(8);
    for (const fn of functions) {
      const budget = fn.Properties.Environment.Variables.CALL_BUDGET as CallBudgetName;
      expect(Object.keys(CALL_BUDGETS)).toContain(budget);
      expect(worstCaseMs(CALL_BUDGETS[budget])).toBeLessThanOrEqual((fn.Properties.Timeout * 1000) / 2);
    }
    const answerFunction = functions.find((f) => f.Properties.Description.startsWith('Serves questionnaire pages'))!;
    expect(answerFunction.Properties.Environment.Variables.CALL_BUDGET).toBe('interactive');
  });

  it('lets only the sender, complaints and digest functions call SES, only as the sender identity and through the configuration set', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    const withSes = Object.entries(policies).filter(([, policy]) => JSON.stringify(policy.Properties.PolicyDocument).includes('ses:'));
    expect(withSes.map(([id]) => id.replace(/Role.*$/, '')).sort()).toEqual(['ComplaintsFunction', 'DigestFunction', 'SenderFunction']);
    for (const [, policy] of withSes) {
      const statement = policy.Properties.PolicyDocument.Statement.find((s: { Action: unknown }) => JSON.stringify(s.Action).includes('ses:'));
      expect(statement.Action).toBe('ses:SendRawEmail');
      expect(JSON.stringify(statement.Resource)).toContain('configuration-set/');
      expect(JSON.stringify(statement.Resource)).toContain(`identity/${demoConfig.senderAddress}`);
      expect(JSON.stringify(statement.Resource)).not.toContain('identity/*');
    }
  });

  it('feeds the sender and the complaints function from queues with dead-letter queues, partial batch responses and bounded concurrency', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 }, SqsManagedSseEnabled: true });
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).map((m) => m.Properties);
    expect(mappings).toHaveLength(3);
    for (const mapping of mappings) {
      expect(mapping).toMatchObject({ BatchSize: 10, FunctionResponseTypes: ['ReportBatchItemFailures'], ScalingConfig: { MaximumConcurrency: 2 } });
    }
    const redrives = Object.values(template.findResources('AWS::SQS::Queue')).filter((q) => q.Properties.RedrivePolicy);
    expect(redrives).toHaveLength(3);
  });

  it('sends SES bounces and complaints to the mail-events function', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ Enabled: true, MatchingEventTypes: ['bounce', 'complaint'] }),
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda' });
  });

  it('alarms on dead-letter depth, function errors, and the SES bounce (5 %) and complaint (0.1 %) rates', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/SES', MetricName: 'Reputation.BounceRate', Threshold: 0.05 });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/SES', MetricName: 'Reputation.ComplaintRate', Threshold: 0.001 });
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.filter((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(7);
    expect(alarms.filter((a) => a.Properties.MetricName === 'Errors')).toHaveLength(8);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });

  it('alarms when SES refuses mail for good or refuses the sender, on the sending functions’ own metrics', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties).filter((a) => a.Namespace === 'FeedbackPipeline');
    expect(alarms.map((a) => a.MetricName).sort()).toEqual(['SendFailures', 'SendFailures', 'SendingBlocked', 'SendingBlocked']);
    const services = alarms.map((a) => String(a.Dimensions[0].Value.Ref).replace(/Function.*$/, ''));
    expect([...new Set(services)].sort()).toEqual(['Complaints', 'Sender']);
    for (const alarm of alarms) expect(alarm).toMatchObject({ Threshold: 1, Dimensions: [{ Name: 'service' }] });
  });

  it('alarms on the HTTP API’s own 5xx answers and on messages waiting too long in the work queues', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/ApiGateway', MetricName: '5xx', Threshold: 5 });
    const ages = Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter((a) => a.Properties.MetricName === 'ApproximateAgeOfOldestMessage');
    expect(ages.map((a) => a.Properties.Threshold).sort((a: number, b: number) => a - b)).toEqual([600, 3600]);
  });

  it('sends a failed asynchronous run (Scheduler, SNS) to a queue with an alarm after two retries within an hour', () => {
    const configs = Object.values(template.findResources('AWS::Lambda::EventInvokeConfig')).map((c) => c.Properties);
    expect(configs).toHaveLength(4);
    const queueId = Object.keys(template.findResources('AWS::SQS::Queue')).find((id) => id.startsWith('AsyncInvokeFailureQueue'))!;
    for (const config of configs) {
      expect(config).toMatchObject({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600, DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } } });
    }
    const invoked = configs.map((c) => String(c.FunctionName.Ref).replace(/Function.*$/, '')).sort();
    expect(invoked).toEqual(['Complaints', 'Digest', 'MailEvents', 'Planner']);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }] });
  });

  it('puts admin routes behind IAM and leaves questionnaire routes public', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    for (const route of Object.values(ROUTES)) {
      const created = routes.find((r) => r.RouteKey === `${route.method} ${route.path}`);
      expect(created, route.path).toBeDefined();
      expect(created!.AuthorizationType ?? 'NONE').toBe(route.access === 'iam' ? 'AWS_IAM' : 'NONE');
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 50 }), AccessLogSettings: Match.anyValue() });
  });

  it('shares the configured SES rate between every function that sends mail, so together they never exceed it', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).map((m) => m.Properties);
    let total = 0;
    const senders = Object.entries(functions).filter(([, fn]) => fn.Properties.Environment.Variables.MAIL_SENDS_PER_SECOND !== undefined);
    expect(senders).toHaveLength(3);
    for (const [id, fn] of senders) {
      const perInstance = Number(fn.Properties.Environment.Variables.MAIL_SENDS_PER_SECOND);
      // Queue-fed functions run at most MaximumConcurrency instances; the digest runs once at a time.
      const mapping = mappings.find((m) => m.FunctionName.Ref === id);
      total += perInstance * (mapping ? mapping.ScalingConfig.MaximumConcurrency : 1);
    }
    expect(total).toBeCloseTo(demoConfig.sesSendRatePerSecond, 5);
  });

  it('grants no action the code does not call: SQS producers only SendMessage, consumers only what the event source mapping calls, the secret only GetSecretValue', () => {
    const actions = new Set(
      Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) => (p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[] }>).flatMap((s) => [s.Action].flat())),
    );
    for (const unused of ['sqs:GetQueueUrl', 'secretsmanager:DescribeSecret', 'ses:SendEmail', 'dynamodb:Scan']) expect(actions, unused).not.toContain(unused);
    // Only the webhook deliverer sets its own backoff.
    const backoff = Object.entries(template.findResources('AWS::IAM::Policy')).filter(([, p]) => JSON.stringify(p.Properties.PolicyDocument).includes('sqs:ChangeMessageVisibility'));
    expect(backoff.map(([id]) => id)).toEqual([expect.stringMatching(/^WebhookDelivererFunctionRole/)]);
    expect(actions).toContain('secretsmanager:GetSecretValue');
    expect(actions).toContain('sqs:SendMessage');
  });

  it('names every alarm after the stack, as the README’s runbook does', () => {
    const names = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName as string);
    for (const name of names) expect(name).toMatch(new RegExp(`^${demoConfig.stackName}-[A-Za-z0-9]+$`));
    expect(names).toEqual(expect.arrayContaining([`${demoConfig.stackName}-HttpApi5xx`, `${demoConfig.stackName}-SenderFunctionSendingBlocked`, `${demoConfig.stackName}-AsyncInvokeFailureQueueDepth`]));
  });

  it('requires IAM for any other method or spelling under /admin, and leaves only the rest to the public catch-all', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    expect(routes.find((r) => r.RouteKey === `ANY ${ADMIN_CATCH_ALL_PATH}`)?.AuthorizationType).toBe('AWS_IAM');
    expect(routes.find((r) => r.RouteKey === 'ANY /{proxy+}')?.AuthorizationType ?? 'NONE').toBe('NONE');
  });

  it('writes one JSON access-log line per request with route, status, latency and integration error, never the path (it holds link tokens) or the caller’s IP', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    const format = stage.Properties.AccessLogSettings.Format as string;
    const fields = JSON.parse(format) as Record<string, string>;
    expect(fields).toMatchObject({ routeKey: '$context.routeKey', status: '$context.status', latencyMs: '$context.responseLatency', integrationError: '$context.integrationErrorMessage', requestId: '$context.requestId' });
    expect(format).not.toMatch(/\$context\.(path|identity\.sourceIp|routePath)|rawPath/);
  });

  it('tags every resource that takes tags with the application and the stack', () => {
    const tagged = Object.values(template.toJSON().Resources as Record<string, { Type: string; Properties?: { Tags?: unknown } }>).filter((r) => r.Properties?.Tags !== undefined);
    expect(tagged.length).toBeGreaterThan(20);
    for (const resource of tagged) expect(JSON.stringify(resource.Properties!.Tags), resource.Type).toContain('feedback-pipeline');
    template.hasResourceProperties('AWS::SQS::Queue', { Tags: Match.arrayWith([{ Key: 'FeedbackStack', Value: demoConfig.stackName }]) });
  });

  it('generates the link-signing secret, keeps it when the stack goes, and exports what the CLI needs', () => {
    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: Match.objectLike({ GenerateSecretString: Match.objectLike({ PasswordLength: 64 }) }) });
    for (const output of Object.values(OUTPUTS)) template.hasOutput(output, {});
    expect(Object.keys(template.toJSON().Outputs).sort()).toEqual(Object.values(OUTPUTS).sort());
  });

  it('lets CloudWatch publish this stack’s alarms to the alarm topic, and no other alarms', () => {
    const policies = Object.values(template.findResources('AWS::SNS::TopicPolicy')).map((p) => p.Properties.PolicyDocument.Statement as Array<Record<string, any>>);
    const allow = policies.flat().filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Principal).includes('cloudwatch'));
    expect(allow).toHaveLength(1);
    expect(allow[0]).toMatchObject({ Action: 'sns:Publish', Principal: { Service: 'cloudwatch.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } });
    const alarmIds = Object.keys(template.findResources('AWS::CloudWatch::Alarm')).sort();
    const allowed = (allow[0]!.Condition.ArnLike['aws:SourceArn'] as Array<{ 'Fn::GetAtt': [string, string] }>).map((ref) => ref['Fn::GetAtt'][0]).sort();
    expect(allowed).toEqual(alarmIds);
  });

  // A changed logical ID makes CloudFormation replace the resource. These were deployed before
  // the stack was split into parts, and must never change: a new table starts empty, a new secret
  // or API invalidates every emailed link, a new queue drops what it holds, and a new mapping of
  // a kept queue fails the deploy.
  it.each([
    ['TableCD117FA1', 'AWS::DynamoDB::GlobalTable'],
    ['LinkSigningSecret6FCDA02C', 'AWS::SecretsManager::Secret'],
    ['HttpApiF5A9A8A7', 'AWS::ApiGatewayV2::Api'],
    ['HttpApiDefaultStage3EEB07D6', 'AWS::ApiGatewayV2::Stage'],
    ['ApiAccessLogsE9DF007D', 'AWS::Logs::LogGroup'],
    ['SendQueue1F034DCA', 'AWS::SQS::Queue'],
    ['SendDeadLetterQueue75EE196E', 'AWS::SQS::Queue'],
    ['ComplaintQueueD32C3579', 'AWS::SQS::Queue'],
    ['ComplaintDeadLetterQueue97FCCD4B', 'AWS::SQS::Queue'],
    ['MailEventsDeadLetterQueueD1A4DE5E', 'AWS::SQS::Queue'],
    ['SchedulerDeadLetterQueueFA1FB96A', 'AWS::SQS::Queue'],
    ['SenderFunctionSqsEventSourceFeedbackPipelineSendQueue0A3771E59847783D', 'AWS::Lambda::EventSourceMapping'],
    ['ComplaintsFunctionSqsEventSourceFeedbackPipelineComplaintQueue3B2E38EC5CE97623', 'AWS::Lambda::EventSourceMapping'],
    ['MailEventsTopic82B5E23C', 'AWS::SNS::Topic'],
    ['ConfigurationSet3DD38186', 'AWS::SES::ConfigurationSet'],
    ['AlarmTopicD01E77F9', 'AWS::SNS::Topic'],
  ])('keeps the logical ID %s (%s), so an update never replaces it', (logicalId, type) => {
    expect(template.toJSON().Resources[logicalId]?.Type).toBe(type);
  });

  it('matches the reviewed snapshot (asset hashes normalised)', () => {
    const normalised = JSON.stringify(template.toJSON(), null, 1).replace(/[0-9a-f]{64}(\.zip)?/g, '<asset-hash>');
    expect(normalised).toMatchSnapshot();
  });

  it('refuses at synth a Region without the services the stack needs, unless the config allows it', () => {
    const withRegion = (region: string, config?: string) => {
      vi.stubEnv('CDK_DEFAULT_REGION', region);
      try {
        return synthApp(config ? { config } : {});
      } finally {
        vi.unstubAllEnvs();
      }
    };
    expect(() => withRegion('cn-north-1')).toThrow(/Region cn-north-1[\s\S]*SES \(v2 API\), EventBridge Scheduler[\s\S]*additionalRegions/);
    expect(() => withRegion('eu-west-2')).not.toThrow();
    expect(() => withRegion('cn-north-1', configFile({ additionalRegions: ['cn-north-1'] }))).not.toThrow();
  });

  it('serves the API, and builds every emailed link, on the business’s own domain when configured (certificate and DNS record in its hosted zone)', () => {
    const domainApp = synthApp({ config: configFile({ customDomain: { domainName: 'feedback.acme.example', hostedZoneId: 'Z0123456789ABC', hostedZoneName: 'acme.example' } }) });
    const domain = Template.fromStack(domainApp.node.findChild(demoConfig.stackName) as Stack);
    domain.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainName: 'feedback.acme.example', DomainNameConfigurations: [Match.objectLike({ SecurityPolicy: 'TLS_1_2' })] });
    domain.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    domain.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'feedback.acme.example', ValidationMethod: 'DNS' });
    domain.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'feedback.acme.example.', Type: 'A', HostedZoneId: 'Z0123456789ABC' });
    const urls = Object.values(domain.findResources('AWS::Lambda::Function')).map((fn) => fn.Properties.Environment.Variables.PUBLIC_BASE_URL).filter(Boolean);
    expect(urls.length).toBeGreaterThan(0);
    expect(new Set(urls)).toEqual(new Set(['https://feedback.acme.example/']));
    domain.hasOutput(OUTPUTS.apiUrl, { Value: 'https://feedback.acme.example/' });
  });

  it('fails synth on an invalid questionnaire, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'questionnaires-'));
    outdirs.push(dir);
    const broken = rawQuestionnaire();
    delete broken['headline'];
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    expect(() => synthApp({ questionnaires: dir })).toThrow(/broken\.json is invalid:[\s\S]*headline/);
  });
});
