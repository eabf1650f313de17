import { describe, expect, it } from 'vitest';
import { ZDeploymentConfig } from '../../shared/deployment/deployment-config.ts';
import { parseOrThrow } from '../../shared/platform/config/zod-issues.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDeploymentConfig } from '../../shared/deployment/load-config.ts';

const minimal = { stackName: 'Feedback', businessName: 'Acme', senderAddress: 'feedback@acme.example', timeZone: 'Europe/Berlin', complaintHandling: { headOfServiceEmail: 'head@acme.example' } };

describe('deployment config', () => {
  it('fills the documented defaults', () => {
    const config = ZDeploymentConfig.parse(minimal);
    expect(config.sesSendRatePerSecond).toBe(14);
    expect(config.schedules).toEqual({ planWave: 'cron(0 9 ? * MON *)', sendReminders: 'cron(0 10 * * ? *)', sweepComplaints: 'rate(15 minutes)', sendDigests: 'cron(0 7 ? * MON *)', sendStaffDigests: 'cron(0 8 1 * ? *)' });
    expect(config.complaintHandling).toEqual({ headOfServiceEmail: 'head@acme.example', acknowledgeWithinBusinessHours: 4, resolveWithinBusinessDays: 2, notifyCustomerOnAcknowledge: true });
    expect(config.businessHours).toEqual({ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '17:00', holidays: [] });
    expect(config.planning).toEqual({ recurringPeriodDays: 90, frequencyCapDays: 30, interactionDelayDays: 1 });
    expect(config.reminders).toEqual({ enabled: true, afterDays: 5 });
    expect(config.logRetentionDays).toBe(90);
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'timeZone: must be an IANA time zone'],
    [{ senderAddress: 'not-an-address' }, 'senderAddress'],
    [{ schedules: { planWave: 'cron(0 9 * * MON *)' } }, 'schedules.planWave: exactly one of day-of-month and day-of-week must be "?"'],
    [{ schedules: { planWave: 'every monday' } }, 'schedules.planWave: expected cron(...) or rate(...)'],
    [{ sesSendRatePerSecond: 0 }, 'sesSendRatePerSecond'],
    [{ logRetentionDays: 45 }, 'logRetentionDays'],
    [{ businessHours: { start: '18:00', end: '09:00' } }, 'businessHours.end: start must be before end'],
    [{ businessHours: { holidays: ['25/12/2026'] } }, 'businessHours.holidays[0]'],
    [{ complaintHandling: {} }, 'complaintHandling.headOfServiceEmail'],
  ])('rejects %j, naming the field', (change, expected) => {
    expect(() => parseOrThrow(ZDeploymentConfig, { ...minimal, ...change }, 'feedback.config.json')).toThrow(expected);
  });
});

describe('config errors name the JSON line and column', () => {
  const write = (text: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'config-')), 'feedback.config.json');
    writeFileSync(file, text);
    return file;
  };

  it('a syntax error is placed at its line and column', () => {
    const file = write('{\n  "stackName": "Feedback",\n  "businessName": "Acme"\n  "timeZone": "UTC"\n}\n');
    expect(() => loadDeploymentConfig(file)).toThrow(/feedback\.config\.json is invalid:\n {2}- line 4, column 3: is not valid JSON/);
  });

  it('a bad field is placed at its key, and a missing one at the object it belongs in', () => {
    const config = { ...minimal, sesSendRatePerSecond: -1, complaintHandling: {} };
    const file = write(JSON.stringify(config, null, 2));
    const message = (() => {
      try {
        loadDeploymentConfig(file);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/line 7, column 3: sesSendRatePerSecond: /);
    expect(message).toMatch(/line 6, column 3: complaintHandling\.headOfServiceEmail: /);
  });

  it('a missing top-level field is placed at the start of the file', () => {
    const { stackName: _omitted, ...config } = minimal;
    expect(() => loadDeploymentConfig(write(JSON.stringify(config, null, 2)))).toThrow(/line 1, column 1: stackName: /);
  });
});
