import { describe, expect, it } from 'vitest';
import { ZContactRow, ZStaffRow, contactFromInteraction, departmentId } from '../../shared/people/import-schemas.ts';
import { describeIssues } from '../../shared/platform/config/zod-issues.ts';

const problems = (schema: typeof ZContactRow | typeof ZStaffRow, row: Record<string, string>) => {
  const result = schema.safeParse(row);
  return result.success ? [] : describeIssues(result.error);
};

describe('CSV rows', () => {
  it('a contact row becomes a contact with its department, interaction time and service', () => {
    const row = ZContactRow.parse({ email: ' Alice@Customer.example ', name: 'Alice', staff_email: 'sam@acme.example', department: 'Customer Care', date: '2026-11-20', service: ' boiler service ' });
    expect(contactFromInteraction(row, new Date('2026-11-23T00:00:00Z'))).toEqual({
      email: 'alice@customer.example',
      name: 'Alice',
      language: 'en',
      staffEmail: 'sam@acme.example',
      departmentId: 'customer-care',
      lastInteractionAt: '2026-11-20T00:00:00.000Z',
      service: 'boiler service',
    });
  });

  it('an interaction dated in the future counts as now', () => {
    const row = ZContactRow.parse({ email: 'a@customer.example', name: 'A', date: '2030-01-01' });
    expect(contactFromInteraction(row, new Date('2026-11-23T00:00:00Z')).lastInteractionAt).toBe('2026-11-23T00:00:00.000Z');
  });

  it.each([
    [{ email: 'not-an-email', name: 'A' }, 'email: must be an email address'],
    [{ email: 'a@customer.example', name: '' }, 'name'],
    [{ email: 'a@customer.example', name: 'A', date: '20/11/2026' }, 'date: must be a date like 2026-11-20'],
    [{ email: 'a@customer.example', name: 'A', language: 'xx' }, 'language'],
    [{ email: 'a@customer.example', name: 'A', colour: 'red' }, 'colour'],
  ])('a bad contact row %j names the column', (row, expected) => {
    expect(problems(ZContactRow, row).join('; ')).toContain(expected);
  });

  it('a staff row needs a department and a known role', () => {
    expect(problems(ZStaffRow, { email: 's@acme.example', name: 'S', department: 'Repairs', role: 'boss' }).join()).toContain('role: must be "staff" or "manager"');
    expect(problems(ZStaffRow, { email: 's@acme.example', name: 'S' }).join()).toContain('department');
  });

  it('derives department ids from names', () => {
    expect(departmentId('Customer Care')).toBe('customer-care');
    expect(departmentId('  Réparations & Co. ')).toBe('reparations-co');
  });
});
