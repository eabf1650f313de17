import { describe, expect, it } from 'vitest';
import { addBusinessHours, businessHoursBetween, complaintDeadlines, type BusinessCalendar } from '../../shared/complaints/business-calendar.ts';

const london: BusinessCalendar = { timeZone: 'Europe/London', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '17:00', holidays: ['2026-12-25', '2026-12-28'] };
const add = (iso: string, hours: number, calendar = london) => addBusinessHours(new Date(iso), hours, calendar).toISOString();

describe('business-hours deadlines', () => {
  it.each([
    ['inside the day', '2026-11-23T10:00:00Z', 4, '2026-11-23T14:00:00.000Z'],
    ['spilling into the next morning', '2026-11-23T15:00:00Z', 4, '2026-11-24T11:00:00.000Z'],
    ['opened before opening time', '2026-11-23T06:30:00Z', 4, '2026-11-23T13:00:00.000Z'],
    ['opened in the evening', '2026-11-23T20:00:00Z', 4, '2026-11-24T13:00:00.000Z'],
    ['opened on Friday afternoon: over the weekend', '2026-11-27T15:00:00Z', 4, '2026-11-30T11:00:00.000Z'],
    ['opened on Saturday', '2026-11-28T12:00:00Z', 4, '2026-11-30T13:00:00.000Z'],
    ['over Christmas and the substitute holiday', '2026-12-24T15:00:00Z', 4, '2026-12-29T11:00:00.000Z'],
    ['two business days (16 h) from Thursday noon', '2026-11-26T12:00:00Z', 16, '2026-11-30T12:00:00.000Z'],
  ])('%s', (_name, start, hours, expected) => {
    expect(add(start, hours)).toBe(expected);
  });

  it('keeps local opening hours across the spring daylight-saving change (London, 29 March 2026)', () => {
    // Friday 27 March is GMT (09:00 = 09:00Z); Monday 30 March is BST (09:00 = 08:00Z).
    expect(add('2026-03-27T15:00:00Z', 4)).toBe('2026-03-30T10:00:00.000Z');
  });

  it('keeps local opening hours across the autumn change (New York, 1 November 2026)', () => {
    const newYork: BusinessCalendar = { ...london, timeZone: 'America/New_York', holidays: [] };
    // Friday 30 October 16:00 EDT (20:00Z) + 2 h → Monday 2 November 10:00 EST (15:00Z).
    expect(add('2026-10-30T20:00:00Z', 2, newYork)).toBe('2026-11-02T15:00:00.000Z');
  });

  it('works in a time zone ahead of UTC with a Sunday–Thursday week', () => {
    const dubai: BusinessCalendar = { timeZone: 'Asia/Dubai', days: ['SUN', 'MON', 'TUE', 'WED', 'THU'], start: '08:00', end: '16:00', holidays: [] };
    // Thursday 26 Nov 15:00 GST (11:00Z) + 2 h → Sunday 29 Nov 09:00 GST (05:00Z).
    expect(add('2026-11-26T11:00:00Z', 2, dubai)).toBe('2026-11-29T05:00:00.000Z');
  });

  it('measures business hours between two instants (handling times)', () => {
    expect(businessHoursBetween(new Date('2026-11-27T15:00:00Z'), new Date('2026-11-30T11:00:00Z'), london)).toBe(4);
    expect(businessHoursBetween(new Date('2026-11-28T10:00:00Z'), new Date('2026-11-29T10:00:00Z'), london)).toBe(0);
  });

  it('gives a complaint its acknowledge (4 business hours) and resolve (2 business days) deadlines', () => {
    expect(complaintDeadlines(new Date('2026-11-27T15:00:00Z'), { acknowledgeWithinBusinessHours: 4, resolveWithinBusinessDays: 2 }, london)).toEqual({
      acknowledgeBy: '2026-11-30T11:00:00.000Z',
      resolveBy: '2026-12-01T15:00:00.000Z',
    });
  });
});
