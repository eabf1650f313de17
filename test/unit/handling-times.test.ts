import { describe, expect, it } from 'vitest';
import { percentile, summarizeHandling } from '../../shared/complaints/handling-times.ts';
import type { TComplaint } from '../../shared/complaints/complaint-store.ts';
import type { BusinessCalendar } from '../../shared/complaints/business-calendar.ts';

const calendar: BusinessCalendar = { timeZone: 'UTC', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '17:00', holidays: [] };
let n = 0;
function complaint(overrides: Partial<TComplaint>): TComplaint {
  n++;
  return {
    id: `id-${n}`,
    questionnaireId: 'q',
    waveId: 'w',
    reasons: ['requested'],
    customer: null,
    staffEmail: null,
    departmentId: null,
    state: 'open',
    ownerEmail: 'm@acme.example',
    level: 1,
    createdAt: '2026-11-23T09:00:00.000Z',
    acknowledgeBy: '2026-11-23T13:00:00.000Z',
    resolveBy: '2026-11-24T17:00:00.000Z',
    notified: {},
    history: [],
    ...overrides,
  };
}

describe('complaint handling times', () => {
  it('percentiles by nearest rank', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });

  it('summarises a worked example', () => {
    const summary = summarizeHandling(
      [
        // Acknowledged after 1 h, resolved after 4 h: within SLA.
        complaint({ state: 'resolved', acknowledgedAt: '2026-11-23T10:00:00.000Z', resolvedAt: '2026-11-23T13:00:00.000Z' }),
        // Acknowledged after 6 h (late), resolved next day after 12 business hours: outside SLA.
        complaint({ state: 'resolved', acknowledgedAt: '2026-11-23T15:00:00.000Z', resolvedAt: '2026-11-24T13:00:00.000Z' }),
        // Acknowledged after 2 h, still open for resolution, not yet past its deadline.
        complaint({ state: 'acknowledged', acknowledgedAt: '2026-11-23T11:00:00.000Z' }),
        // Never acknowledged, past its deadline.
        complaint({ state: 'open' }),
      ],
      calendar,
      new Date('2026-11-23T16:00:00Z'),
    );
    expect(summary).toEqual({
      opened: 4,
      acknowledged: 3,
      resolved: 2,
      hoursToAcknowledge: { median: 2, p90: 6 },
      hoursToResolve: { median: 4, p90: 12 },
      withinSlaShare: 0.5,
      openPastSla: 1,
    });
  });
});
