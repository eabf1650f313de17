import { describe, expect, inject, it } from 'vitest';
import { measureAggregation } from '../../bench/aggregation-scale.ts';
import { measureAnswerLoad } from '../../bench/answer-load.ts';
import { readdirSync } from 'node:fs';
import { ENVIRONMENT, measureColdStarts, VARIANTS } from '../../bench/cold-start.ts';
import { measureOperationCosts } from '../../bench/operation-costs.ts';
import { freePort } from '../support/free-port.ts';
import { measurePlanning } from '../../bench/planning-scale.ts';
import { measureAggregationReads } from '../../bench/aggregation-reads.ts';

describe('the benchmark, in miniature (so it cannot rot)', () => {
  it('aggregates generated responses and reports its figures', () => {
    const result = measureAggregation(2_000);
    expect(result.responses).toBe(2_000);
    expect(result.cpuMs).toBeGreaterThan(0);
    expect(Number.isFinite(result.perMillionSeconds)).toBe(true);
  });

  it('loads the answer path for a moment and loses nothing', async () => {
    const result = await measureAnswerLoad({ dynamodbEndpoint: inject('dynamodbEndpoint'), seconds: 1, concurrency: 4, invitations: 200 });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.errors).toBe(0);
    expect(result.lost).toBe(0);
    expect(result.stored).toBe(result.acknowledged);
  });

  it('gives every function, including ones added later, each setting it reads, so each loads in the cold-start run', async () => {
    for (const fn of readdirSync('functions')) {
      const { SETTINGS } = (await import(`../../functions/${fn}/settings.ts`)) as { SETTINGS: Record<string, { name: string }> };
      for (const setting of Object.values(SETTINGS)) expect(Object.keys(ENVIRONMENT), `${fn} reads ${setting.name}`).toContain(setting.name);
    }
  });

  it('measures the answer function’s cold-start proxies beside the SDK builds, with no network call at import', async () => {
    const [result] = await measureColdStarts(1, 'http-api');
    expect(result).toMatchObject({ fn: 'http-api', networkCallsAtImport: 0 });
    // The alias and the externals take the credential chain and event streams out of the bundle.
    expect(result!.kb.product).toBeLessThan(result!.kb.sdkBundled - 50);
    for (const variant of VARIANTS) {
      expect(result!.importMs[variant]).toBeGreaterThan(0);
      // Every build answers its first request (the probe fails the run on anything but a 200).
      expect(result!.firstRequestMs![variant]).toBeGreaterThan(result!.importMs[variant]);
    }
  });

  it('measures DynamoDB units, SES calls and unit cost per operation, within the send rate', async () => {
    const costs = await measureOperationCosts({ dynamodbEndpoint: inject('dynamodbEndpoint'), inboxPort: await freePort(), invitations: 10 });
    expect(costs.responses).toBe(10);
    expect(costs.sesCallsPer1000).toBe(1000);
    expect(costs.maxSendsInOneSecond).toBeLessThanOrEqual(costs.configuredSendRate);
    expect(costs.storeUnitsPerResponse.writes).toBeGreaterThan(0);
    expect(costs.dollarsPer1000Responses).toBeGreaterThan(0);
  });

  it('aggregates a period from DynamoDB Local with metered reads, and reads its trend at the cost of a smaller period', async () => {
    const result = await measureAggregationReads({ dynamodbEndpoint: inject('dynamodbEndpoint'), responses: 500 });
    expect(result.responses).toBe(500);
    expect(result.readUnits).toBeGreaterThan(0);
    // Rollups are per segment, so 500 and 400 responses over the same 400 staff read alike.
    expect(result.trendReadUnits.period).toBeLessThan(result.trendReadUnits.tenthPeriod * 1.5);
  });

  it('times a planning run and queues every due contact once', async () => {
    const result = await measurePlanning({ dynamodbEndpoint: inject('dynamodbEndpoint'), contacts: 300 });
    expect(result).toMatchObject({ contacts: 300, queued: 300 });
    expect(result.contactsPerSecond).toBeGreaterThan(0);
  });
});
