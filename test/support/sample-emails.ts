import { renderInvitationEmail } from '../../shared/invitations/invitation-email.tsx';
import { renderAcknowledgementEmail, renderEscalationEmail } from '../../shared/complaints/complaint-emails.tsx';
import { renderDigestEmail } from '../../shared/digest/digest-email.tsx';
import { buildDigestReport } from '../../shared/digest/digest-report.ts';
import { emptyRollup, type Rollup } from '../../shared/digest/rollup.ts';
import { segmentKey } from '../../shared/platform/table/keys.ts';
import type { EmailBrand } from '../../shared/platform/mail/email-frame.tsx';
import type { RenderedEmail } from '../../shared/platform/mail/mime.ts';
import type { TComplaint } from '../../shared/complaints/complaint-store.ts';
import { customerQuestionnaire } from './factories.ts';

const LONG_WORD = 'https://example.com/a-very-long-address-that-a-customer-pasted-into-the-comment-box-without-spaces';

/** An invitation with every optional part: a reminder, an interaction line, a long name. */
export function sampleInvitation(language = 'en', brand?: EmailBrand): RenderedEmail {
  return renderInvitationEmail({
    questionnaire: customerQuestionnaire,
    businessName: 'Acme Home Services',
    recipientName: 'Bartholomew Featherstonehaugh-Smythe',
    language,
    scoreUrl: (score) => `https://feedback.example/q/TOKEN?score=${score}`,
    unsubscribeUrl: 'https://feedback.example/unsubscribe/UNSUB',
    interaction: { service: 'boiler service', staffName: 'Sam Reed', date: language === 'es' ? '18 de noviembre' : '18 November' },
    ...(brand ? { brand } : {}),
  });
}

export function sampleEscalation(): RenderedEmail {
  const complaint: TComplaint = {
    id: 'link-1',
    questionnaireId: customerQuestionnaire.id,
    waveId: '2026-W48',
    reasons: ['requested', 'low-headline', 'low-value:speed'],
    customer: { email: 'bartholomew.featherstonehaugh-smythe@a-long-customer-domain.example', name: 'Bartholomew Featherstonehaugh-Smythe', language: 'en' },
    staffEmail: 'sam.reed@acme.example',
    departmentId: 'repairs',
    state: 'open',
    ownerEmail: 'manager@acme.example',
    level: 1,
    createdAt: '2026-11-23T10:00:00.000Z',
    acknowledgeBy: '2026-11-23T14:00:00.000Z',
    resolveBy: '2026-11-25T17:00:00.000Z',
    notified: {},
    history: [],
  };
  return renderEscalationEmail({
    context: {
      complaint,
      questionnaire: customerQuestionnaire,
      response: {
        questionnaireId: customerQuestionnaire.id,
        waveId: '2026-W48',
        headlineScore: 2,
        firstAnsweredAt: '2026-11-23T10:00:00.000Z',
        answeredAt: '2026-11-23T10:00:00.000Z',
        answers: { values: { speed: { importance: 5, performance: 1 } }, probes: { speed: `Two weeks for a visit. ${LONG_WORD}` }, standards: { 'called-by-name': false }, comment: `Nobody came. ${LONG_WORD}`, complaintRequested: true },
      },
      staffName: 'Sam Reed',
      departmentName: 'Repairs',
      earlier: [{ questionnaireId: customerQuestionnaire.id, waveId: '2026-W40', headlineScore: 6 }],
    },
    businessName: 'Acme Home Services',
    timeZone: 'Europe/London',
    occasion: 'opened',
    actionUrl: (action) => `https://feedback.example/complaints/TOKEN?action=${action}`,
  });
}

export function sampleAcknowledgement(language = 'en'): RenderedEmail {
  return renderAcknowledgementEmail({ customerName: 'Ada', handlerName: 'Sam Reed', businessName: 'Acme Home Services', language });
}

function staffRollup(email: string, promoters: number, detractors: number): Rollup {
  return { ...emptyRollup(segmentKey({ kind: 'staff', email }), 'nps'), delivered: promoters + detractors + 5, responses: promoters + detractors, promoters, detractors, scoreSum: promoters * 10 + detractors * 3 };
}

/** A digest with every section filled: values, standards, eight staff (so labels show), comments. */
export function sampleDigest(): RenderedEmail {
  const company: Rollup = { ...emptyRollup('company', 'nps'), delivered: 300, responses: 120, promoters: 60, passives: 30, detractors: 30, scoreSum: 900 };
  for (const value of customerQuestionnaire.values) company.values[value.id] = { importance: { sum: 480, n: 120 }, performance: { sum: 360, n: 120 }, competitor: { sum: 400, n: 120 } };
  for (const standard of customerQuestionnaire.standards) company.standards[standard.id] = { yes: 90, no: 30 };
  company.comparison = { better: 40, same: 50, worse: 20, dk: 10 };
  company.comments = [{ score: 0, text: `Nobody came. ${LONG_WORD}`, staffEmail: 'staff0@acme.example' }, { score: 9, text: 'Lovely people.' }];
  const staff = Array.from({ length: 8 }, (_, i) => staffRollup(`staff${i}@acme.example`, 10 + i, 8 - i));
  const report = buildDigestReport({
    questionnaire: customerQuestionnaire,
    period: '2026-W48',
    scope: { kind: 'company', name: 'Acme Home Services' },
    rollups: [company, ...staff],
    previous: { period: '2026-W47', rollups: [] },
    benchmark: null,
    complaints: [],
    bounds: { start: '2026-11-23T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' },
    calendar: { timeZone: 'UTC', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '17:00', holidays: [] },
    staffNames: new Map(staff.map((_, i) => [`staff${i}@acme.example`, `Staff Member Number ${i} Featherstonehaugh`])),
    staffDepartments: new Map(),
    now: new Date('2026-11-30T07:00:00Z'),
  })!;
  return renderDigestEmail(report, { businessName: 'Acme Home Services', timeZone: 'UTC' });
}
