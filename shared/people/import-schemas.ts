import * as z from '../platform/validation/zod.ts';
import { SUPPORTED_LANGUAGES } from '../questionnaires/questionnaire-schema.ts';
import { normalizeEmail } from '../platform/table/keys.ts';
import type { TContact } from './contact-store.ts';
import type { TStaffMember } from './directory-store.ts';

/** A contact's or staff member's language: one the questionnaires are written in, and the message lists them. */
const ZLanguage = z.enum(SUPPORTED_LANGUAGES, {
  error: (issue: { input: unknown }) => `"${String(issue.input)}" is not a language of the questionnaires; use one of ${SUPPORTED_LANGUAGES.join(', ')}`,
});

const REQUIRED = { error: (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : 'must be text') };
const ZEmail = z.pipe(z.pipe(z.string(REQUIRED).check(z.trim()), z.email('must be an email address')), z.transform(normalizeEmail));
const ZName = z.string(REQUIRED).check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters'));
/** Department ids are derived from names: "Customer Care" → "customer-care". */
export function departmentId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}
const ZDepartmentName = z.string(REQUIRED).check(z.trim(), z.minLength(1), z.maxLength(100), z.refine((name) => departmentId(name).length > 0, 'must contain a letter or digit'));

/** A date (2026-11-20) or a time (2026-11-20T14:30:00Z); a date alone means midnight UTC. */
const ZWhen = z.pipe(
  z.string().check(z.refine((value) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(value) && !Number.isNaN(Date.parse(value)), 'must be a date like 2026-11-20 or an ISO time')),
  z.transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString()),
);

/**
 * One interaction: a customer served by a staff member of a department on a date. The same
 * shape arrives as a CSV row (`feedback import contacts`) and in `POST /admin/interactions`.
 */
export const ZInteraction = z.strictObject({
  email: ZEmail,
  name: ZName,
  language: z._default(ZLanguage, 'en'),
  staffEmail: z.optional(ZEmail),
  department: z.optional(ZDepartmentName),
  date: z.optional(ZWhen),
  /** What the customer had done ("boiler service"), named in the invitation. */
  service: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100, 'must be at most 100 characters'))),
});
export type TInteraction = z.output<typeof ZInteraction>;

/** CSV columns: email, name, language, staff_email, department, date, service. */
export const CONTACT_COLUMNS = { required: ['email', 'name'], optional: ['language', 'staff_email', 'department', 'date', 'service'] } as const;
export const ZContactRow = z.pipe(z.pipe(z.strictObject({
    email: z.string(REQUIRED),
    name: z.string(REQUIRED),
    language: z.optional(z.string()),
    staff_email: z.optional(z.string()),
    department: z.optional(z.string()),
    date: z.optional(z.string()),
    service: z.optional(z.string()),
  }), z.transform(({ staff_email, ...rest }) => ({ ...rest, ...(staff_email ? { staffEmail: staff_email } : {}) }))), ZInteraction);

export function contactFromInteraction(interaction: TInteraction, now: Date): TContact {
  // An interaction dated in the future (a typo, a clock) must not make a contact due later than today.
  const date = interaction.date && Date.parse(interaction.date) > now.getTime() ? now.toISOString() : interaction.date;
  return {
    email: interaction.email,
    name: interaction.name,
    language: interaction.language,
    ...(interaction.staffEmail ? { staffEmail: interaction.staffEmail } : {}),
    ...(interaction.department ? { departmentId: departmentId(interaction.department) } : {}),
    ...(date ? { lastInteractionAt: date } : {}),
    ...(interaction.service ? { service: interaction.service } : {}),
  };
}

/** CSV columns: email, name, department, role (staff or manager), language. */
export const STAFF_COLUMNS = { required: ['email', 'name', 'department'], optional: ['role', 'language'] } as const;
export const ZStaffRow = z.strictObject({
  email: ZEmail,
  name: ZName,
  department: ZDepartmentName,
  role: z._default(z.enum(['staff', 'manager'], 'must be "staff" or "manager"'), 'staff'),
  language: z.optional(ZLanguage),
});
export type TStaffRow = z.output<typeof ZStaffRow>;

export function staffMemberFromRow(row: TStaffRow): TStaffMember {
  return { email: row.email, name: row.name, departmentId: departmentId(row.department), role: row.role, ...(row.language ? { language: row.language } : {}) };
}
