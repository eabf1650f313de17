import { describe, expect, it } from 'vitest';
import { importStaff } from '../../shared/people/import-file.ts';
import { createMailEventsHandler } from '../../functions/mail-events/mail-events.ts';
import { createLogger } from '../../shared/platform/observability/logger.ts';
import { fieldNames } from '../../shared/questionnaires/answer-schema.ts';
import { injectDynamoFaults } from '../support/faults.ts';
import { emittedMetrics, metricTotal } from '../support/metrics-collector.ts';
import { aContact } from '../support/factories.ts';
import { inviteCustomer } from '../support/invite-customer.ts';
import { postForm } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const pipelines = usePipeline();

describe('operations: metrics and correlation ids', () => {
  it('emits CloudWatch metrics (EMF) for sends, responses, complaints, SLA breaches and bounces', async () => {
    emittedMetrics.length = 0;
    let clock = new Date('2026-11-23T10:00:00Z');
    const pipeline = await pipelines.start({ now: () => clock });
    await importStaff(pipeline.table, 'examples/staff.csv', { now: clock });
    const { contact, answerPath } = await inviteCustomer(pipeline, aContact({ departmentId: 'repairs' }));
    expect(metricTotal('InvitationsSent')).toBe(7); // the customer and the six staff

    await postForm(pipeline, answerPath, { score: '1', [fieldNames.complaint]: 'yes' });
    await pipeline.drained();
    expect(metricTotal('ResponsesRecorded')).toBe(1);
    expect(metricTotal('ComplaintsOpened')).toBe(1);

    clock = new Date('2026-11-24T10:00:00Z');
    await pipeline.jobs.sweepComplaints();
    expect(metricTotal('SlaBreaches')).toBe(1);

    const mailEvents = createMailEventsHandler({ table: pipeline.table, now: () => clock, log: createLogger({ write: () => undefined }) });
    await mailEvents({ Records: [{ Sns: { MessageId: 'm', Message: JSON.stringify({ eventType: 'Bounce', bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: contact.email }] } }) } }] } as never);
    expect(metricTotal('Bounces')).toBe(1);

    for (const metric of emittedMetrics) {
      expect(metric).toMatchObject({ _aws: { CloudWatchMetrics: [{ Namespace: 'FeedbackPipeline', Dimensions: [['service']] }] } });
    }
  });

  it('an error is logged with the request’s correlation id, which the response carries; the log holds no personal data', async () => {
    const pipeline = await pipelines.start({ now: () => new Date('2026-11-23T10:00:00Z') });
    const { contact, answerPath } = await inviteCustomer(pipeline);
    injectDynamoFaults(pipeline.table, (command) => (command === 'UpdateItem' ? 'server-error' : undefined));
    const response = await postForm(pipeline, answerPath, { score: '4', [fieldNames.comment]: 'my phone is 07700 900123' }, { 'x-amzn-trace-id': 'Root=1-67891233-abcdef012345678912345678' });
    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBe('Root=1-67891233-abcdef012345678912345678');
    const errorLine = pipeline.logLines.find((line) => line.includes('unhandled error'))!;
    expect(JSON.parse(errorLine)).toMatchObject({ level: 'ERROR', requestId: 'Root=1-67891233-abcdef012345678912345678', errorName: 'InternalServerError' });
    const logs = pipeline.logLines.join('\n');
    expect(logs).not.toContain(contact.email);
    expect(logs).not.toContain('07700 900123');
    expect(logs).not.toMatch(/v[12]\.(k\d+\.)?answer\.[A-Za-z0-9_-]{22}\.\d+\.[A-Za-z0-9_-]{20,}/);
  });
});
