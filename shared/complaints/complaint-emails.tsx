import type { RenderedEmail } from '../platform/mail/mime.ts';
import { EmailFrame, buttonStyle, emailDocument, type EmailBrand } from '../platform/mail/email-frame.tsx';
import { localized } from '../questionnaires/questionnaire-schema.ts';
import type { ComplaintContext } from './complaint-context.ts';
import { textsIn } from '../platform/language/languages.ts';
import { ACKNOWLEDGEMENT_TEXT } from './acknowledgement-text.ts';

export type ComplaintAction = 'acknowledge' | 'resolve' | 'reassign';

export interface EscalationEmailInput {
  readonly context: ComplaintContext;
  readonly businessName: string;
  readonly timeZone: string;
  /** Why this email: a new complaint, a reassignment, or an escalation past a deadline. */
  readonly occasion: 'opened' | 'reassigned' | 'escalated';
  readonly actionUrl: (action: ComplaintAction) => string;
  /** The recipient's dashboard, signed for their scope. */
  readonly dashboardUrl?: string | undefined;
  /** The business's logo and colour; the name alone when absent. */
  readonly brand?: EmailBrand | undefined;
}

const REASON_TEXT: Record<string, string> = {
  requested: 'The customer asked to be contacted',
  'low-headline': 'Low score',
};

/** A staff questionnaire's complaint is staff feedback from someone who stays anonymous, and is worded so. */
const STAFF_REASON_TEXT: Record<string, string> = {
  requested: 'A member of staff asked for this to be followed up',
  'low-headline': 'Low score',
};

function fromStaff(context: ComplaintContext): boolean {
  return context.complaint.audience === 'staff';
}

/** A value's label as managers read it (English), or its id when the questionnaire no longer has it. */
function valueLabel(context: ComplaintContext, id: string): string {
  const value = context.questionnaire?.values.find((v) => v.id === id);
  return value && context.questionnaire ? localized(context.questionnaire, value.label, 'en') : id;
}

function describeReason(reason: string, context: ComplaintContext): string {
  if (reason.startsWith('low-value:')) {
    return `Rated low: ${valueLabel(context, reason.slice('low-value:'.length))}`;
  }
  return (fromStaff(context) ? STAFF_REASON_TEXT : REASON_TEXT)[reason] ?? reason;
}

function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

type Fact = [label: string, value: string];

const ACTIONS: Array<[ComplaintAction, string]> = [
  ['acknowledge', 'Acknowledge'],
  ['resolve', 'Resolve'],
  ['reassign', 'Reassign'],
];

function departmentOf(context: ComplaintContext): string {
  // A staff complaint names no department when it is too small to keep its people anonymous.
  return context.departmentName ?? context.complaint.departmentId ?? (fromStaff(context) ? 'department not reported' : 'no department');
}

function introOf(occasion: EscalationEmailInput['occasion'], context: ComplaintContext): string {
  const { state } = context.complaint;
  if (occasion === 'escalated') return `This complaint has passed its deadline (${state === 'open' ? 'not acknowledged' : 'not resolved'}) and is escalated to you.`;
  if (occasion === 'reassigned') return 'This complaint has been reassigned to you.';
  return fromStaff(context)
    ? 'Anonymous staff feedback raises a concern that needs you. The staff questionnaire is anonymous: nobody can tell who sent it, so please do not try to find out.'
    : 'A customer has made a complaint that needs you.';
}

function lowRatings(context: ComplaintContext): string[] {
  const { questionnaire, response } = context;
  if (!questionnaire) return [];
  return questionnaire.values
    .filter((v) => (response?.answers?.values[v.id]?.performance ?? 5) <= 2)
    .map((v) => `${localized(questionnaire, v.label, 'en')}: ${response?.answers?.values[v.id]?.performance}/5`);
}

function missedStandards(context: ComplaintContext): string[] {
  const { questionnaire, response } = context;
  if (!questionnaire) return [];
  return questionnaire.standards.filter((s) => response?.answers?.standards[s.id] === false).map((s) => localized(questionnaire, s.text, 'en'));
}

function escalationFacts(context: ComplaintContext, timeZone: string, customerHidden: boolean): Fact[] {
  const { complaint, questionnaire, response } = context;
  const lowValues = lowRatings(context);
  const missed = missedStandards(context);
  const deadline = complaint.state === 'open' ? `Acknowledge by ${localTime(complaint.acknowledgeBy, timeZone)}` : `Resolve by ${localTime(complaint.resolveBy, timeZone)}`;
  return [
    fromStaff(context)
      ? ['From', 'A member of staff (anonymous staff questionnaire)']
      : ['Customer', customerHidden ? 'A customer' : complaint.customer ? `${complaint.customer.name} <${complaint.customer.email}>` : 'Anonymous respondent'],
    ['Why', complaint.reasons.map((r) => describeReason(r, context)).join('; ')],
    ...(fromStaff(context) ? [] : [['Served by', context.staffName ?? complaint.staffEmail ?? 'unknown'] as Fact]),
    ['Department', departmentOf(context)],
    ['Score', response?.headlineScore !== undefined && questionnaire ? `${response.headlineScore} (${questionnaire.headline.kind.toUpperCase()})` : 'not given'],
    ...(lowValues.length ? [['Rated low', lowValues.join('; ')] as Fact] : []),
    ...(missed.length ? [['Standards missed', missed.join('; ')] as Fact] : []),
    ['Deadline', deadline],
  ];
}

/** Worked out once for both parts, so the text and the HTML cannot disagree. */
interface EscalationContent {
  readonly intro: string;
  readonly facts: Fact[];
  readonly comment: string | undefined;
  readonly probes: Array<[string, string]>;
  readonly earlier: string[];
}

export type ComplaintSummary = Omit<EscalationContent, 'intro'>;

/** What a complaint is about, as the escalation email, the dashboard and `feedback complaints show` all present it. */
export function complaintSummary(context: ComplaintContext, timeZone: string, options: { customerHidden?: boolean } = {}): ComplaintSummary {
  // For a reader who may see what was said about them but not who said it (a staff member's own dashboard).
  const hidden = options.customerHidden ?? false;
  const answers = context.response?.answers;
  return {
    facts: escalationFacts(context, timeZone, hidden),
    comment: answers?.comment,
    probes: Object.entries(answers?.probes ?? {}).map(([id, answer]) => [valueLabel(context, id), answer]),
    earlier: hidden ? [] : context.earlier.map((e) => `${e.waveId}: ${e.headlineScore ?? 'no answer'}${e.complaintState ? `, complaint ${e.complaintState}` : ''}`),
  };
}

function escalationContent(input: EscalationEmailInput): EscalationContent {
  return { intro: introOf(input.occasion, input.context), ...complaintSummary(input.context, input.timeZone) };
}

function escalationText(content: EscalationContent, input: EscalationEmailInput): string {
  return [
    content.intro,
    '',
    ...content.facts.map(([label, value]) => `${label}: ${value}`),
    ...(content.comment ? ['', 'Comment:', content.comment] : []),
    ...content.probes.map(([label, answer]) => `\n${label}: ${answer}`),
    ...(content.earlier.length ? ['', 'Earlier:', ...content.earlier.map((e) => `- ${e}`)] : []),
    '',
    ...ACTIONS.map(([action, label]) => `${label}: ${input.actionUrl(action)}`),
    '',
    input.businessName,
  ].join('\n');
}

/** Label and value side by side in a fluid table: labels may wrap, and a long address breaks anywhere rather than widen the page at 320 px. */
function FactsTable(props: { facts: Fact[] }) {
  return (
    <table role="presentation" width="100%" cellpadding="4" cellspacing="0" style="width:100%;table-layout:fixed">
      {props.facts.map(([label, value]) => (
        <tr>
          <td width="36%" style="color:#4a5059;vertical-align:top;font-size:13px">{label}</td>
          <td style="vertical-align:top;overflow-wrap:anywhere;word-break:break-word">{value}</td>
        </tr>
      ))}
    </table>
  );
}

/** The customer's own words: they may hold markup, so they must never go through raw(). */
function CustomerWords(props: { comment: string | undefined; probes: Array<[string, string]> }) {
  return (
    <>
      {props.comment && (
        <blockquote style="margin:12px 0;padding:8px 12px;overflow-wrap:anywhere;border-left:4px solid #a30000;background:#fdf2f2;white-space:pre-wrap">{props.comment}</blockquote>
      )}
      {props.probes.map(([label, answer]) => (
        <p>
          <b>{label}</b>: {answer}
        </p>
      ))}
    </>
  );
}

function EarlierContacts(props: { earlier: string[] }) {
  if (props.earlier.length === 0) return null;
  return (
    <>
      <p style="margin-bottom:4px">Earlier:</p>
      <ul style="margin-top:0">
        {props.earlier.map((e) => (
          <li>{e}</li>
        ))}
      </ul>
    </>
  );
}

function ActionLinks(props: { actionUrl: EscalationEmailInput['actionUrl']; accent: string | undefined }) {
  return (
    <p>
      {ACTIONS.map(([action, label]) => (
        <a href={props.actionUrl(action)} style={buttonStyle(props.accent)}>
          {label}
        </a>
      ))}
    </p>
  );
}

/**
 * The email that puts a complaint in front of the person who can act on it: who, what, the
 * scores and comment (escaped), the customer's history, and one link per action. The links
 * open a confirm page; nothing changes until the manager presses its button, because mail
 * scanners fetch every link.
 */
export function renderEscalationEmail(input: EscalationEmailInput): RenderedEmail {
  const { complaint } = input.context;
  const staff = fromStaff(input.context);
  const prefix = input.occasion === 'escalated' ? (staff ? 'Overdue staff feedback' : 'Overdue complaint') : staff ? 'Staff feedback' : 'Complaint';
  const subject = `${prefix}: ${complaint.customer?.name ?? 'anonymous'} (${departmentOf(input.context)})`;
  const content = escalationContent(input);
  const html = (
    <EmailFrame title={subject} preheader={content.facts.find(([label]) => label === 'Why')?.[1] ?? content.intro} brand={input.brand ?? { name: input.businessName }}>
      <h1 style="font-size:16px;line-height:1.4">{content.intro}</h1>
      <FactsTable facts={content.facts} />
      <CustomerWords comment={content.comment} probes={content.probes} />
      <EarlierContacts earlier={content.earlier} />
      <ActionLinks actionUrl={input.actionUrl} accent={input.brand?.colour} />
      {input.dashboardUrl && <p><a href={input.dashboardUrl}>Open the dashboard</a></p>}
      <p style="color:#4a5059;font-size:12px">{input.businessName} feedback pipeline</p>
    </EmailFrame>
  );
  return { subject, text: escalationText(content, input) + (input.dashboardUrl ? `\n\nOpen the dashboard: ${input.dashboardUrl}` : ''), html: emailDocument(html) };
}

/** Tells the customer their complaint is in someone's hands, by name, in the customer's language. */
export function renderAcknowledgementEmail(input: { customerName: string; handlerName: string; businessName: string; language?: string; brand?: EmailBrand | undefined }): RenderedEmail {
  const language = input.language ?? 'en';
  const t = textsIn(ACKNOWLEDGEMENT_TEXT, language);
  const subject = t.subject(input.businessName);
  const body = t.body(input.handlerName);
  const lines = [t.greeting(input.customerName), body, input.businessName];
  const html = (
    <EmailFrame title={subject} preheader={body} lang={language} fontSize={15} brand={input.brand ?? { name: input.businessName }}>
      <h1 style="font-size:18px;line-height:1.3">{t.heading}</h1>
      {lines.map((line) => (
        <p>{line}</p>
      ))}
    </EmailFrame>
  );
  return { subject, text: lines.join('\n\n'), html: emailDocument(html) };
}
