import { describe, expect, it } from 'vitest';
import { saveContact } from '../../shared/people/contact-store.ts';
import { isSuppressed } from '../../shared/people/suppression-store.ts';
import { envelopeOf, simulatorOutcome } from '../../local/mailbox-simulator.ts';
import { aContact } from '../support/factories.ts';
import { mailSentTo } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const pipelines = usePipeline();
const BOUNCE = 'bounce+sim-test@simulator.amazonses.com';
const COMPLAINT = 'complaint@simulator.amazonses.com';
const SUCCESS = 'success+sim-test@simulator.amazonses.com';

async function inviteSimulatorAddresses(overrides: Parameters<typeof pipelines.start>[0] = {}) {
  const pipeline = await pipelines.start(overrides);
  for (const email of [BOUNCE, COMPLAINT, SUCCESS]) await saveContact(pipeline.table, aContact({ email }));
  await pipeline.jobs.planWave();
  await pipeline.drained();
  return pipeline;
}

describe('the local stack plays the SES mailbox simulator', () => {
  it('mail to the bounce and complaint addresses is delivered, then comes back as the SES events that put them on the suppression list', async () => {
    const pipeline = await inviteSimulatorAddresses();
    expect((await mailSentTo(pipeline, BOUNCE)).length).toBe(1);
    expect(await isSuppressed(pipeline.table, BOUNCE)).toBe(true);
    expect(await isSuppressed(pipeline.table, COMPLAINT)).toBe(true);
    expect(await isSuppressed(pipeline.table, SUCCESS)).toBe(false);
  });

  it('with the mail-events consumer stopped, the events reach nobody and nothing is suppressed', async () => {
    const pipeline = await inviteSimulatorAddresses({ mailEvents: false });
    expect((await mailSentTo(pipeline, BOUNCE)).length).toBe(1);
    expect(await isSuppressed(pipeline.table, BOUNCE)).toBe(false);
    expect(await isSuppressed(pipeline.table, COMPLAINT)).toBe(false);
  });

  it('knows the simulator’s addresses, labels included, and reads recipients from folded MIME headers', () => {
    expect([BOUNCE, COMPLAINT, SUCCESS, 'Bounce@Simulator.AmazonSES.com', 'bounce@example.com'].map(simulatorOutcome)).toEqual(['bounce', 'complaint', 'success', 'bounce', undefined]);
    const raw = Buffer.from('From: "Shop" <shop@example.com>\r\nTo: "A" <a@example.com>,\r\n "B" <bounce@simulator.amazonses.com>\r\nSubject: x\r\n\r\nTo: not-a-header@example.com\r\n');
    expect(envelopeOf(raw)).toEqual({ to: ['a@example.com', 'bounce@simulator.amazonses.com'], from: 'shop@example.com' });
  });
});
