import { describe, expect, inject, it } from 'vitest';
import { measureDashboardReads } from '../../bench/dashboard-reads.ts';

describe('the dashboard’s read units', () => {
  it('stay flat when a period has four times the responses: every page reads rollups, the complaint index and the directory, never responses', async () => {
    const { sizes } = await measureDashboardReads({ dynamodbEndpoint: inject('dynamodbEndpoint'), sizes: [200, 800] });
    const [small, large] = sizes as [(typeof sizes)[0], (typeof sizes)[0]];
    for (const who of ['company', 'department'] as const) {
      for (const [page, units] of Object.entries(large[who])) {
        expect(units, `${who} ${page}`).toBeGreaterThan(0);
        expect(units, `${who} ${page}: ${small[who][page]} RCU at 200 responses, ${units} at 800`).toBeLessThanOrEqual(small[who][page]! * 1.1);
      }
    }
  }, 120_000);
});
