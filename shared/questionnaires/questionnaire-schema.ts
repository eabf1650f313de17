import * as z from '../platform/validation/zod.ts';
import { SUPPORTED_LANGUAGES } from '../platform/language/languages.ts';

export { SUPPORTED_LANGUAGES };
export const ZLanguage = z.enum(SUPPORTED_LANGUAGES);
export type TLanguage = z.infer<typeof ZLanguage>;

const ZSlug = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes'));
/** Text in each of the questionnaire's languages; checked against `languages` below. */
const ZLocalizedText = z.partialRecord(ZLanguage, z.string().check(z.trim(), z.minLength(1), z.maxLength(500)));

/** The headline question's scales: Net Promoter (0–10) or customer satisfaction (1–5). */
export const HEADLINE_SCALES = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
} as const;

export type HeadlineKind = keyof typeof HEADLINE_SCALES;
const HEADLINE_KINDS = Object.keys(HEADLINE_SCALES) as [HeadlineKind, ...HeadlineKind[]];

const ZHeadline = z.strictObject({
  kind: z.enum(HEADLINE_KINDS),
  text: ZLocalizedText,
});

const ZProbe = z.strictObject({
  /** The probe is asked when our performance on the value is at or below this. */
  whenPerformanceAtMost: z.int().check(z.minimum(1), z.maximum(4)),
  text: ZLocalizedText,
});

/** A value customers weigh (quality, price, …): rated for importance and performance, 1–5. */
const ZValue = z.strictObject({
  id: ZSlug,
  label: ZLocalizedText,
  probe: z.optional(ZProbe),
});

/** A service standard the business sets itself, asked as a yes/no question. */
const ZStandard = z.strictObject({
  id: ZSlug,
  text: ZLocalizedText,
});

export const ZQuestionnaire = z
  .strictObject({
    id: ZSlug,
    title: ZLocalizedText,
    audience: z.enum(['customers', 'staff']),
    /** Anonymous responses keep staff, department and wave, never the respondent. */
    anonymous: z.boolean(),
    /** Anonymous questionnaires: a department's figures are reported only from this many respondents in a period. @default 5 */
    minimumGroupSize: z.optional(z.int().check(z.minimum(2), z.maximum(1000))),
    /** The first language is the fallback for contacts whose language is not offered. */
    languages: z.array(ZLanguage).check(z.minLength(1)),
    headline: ZHeadline,
    values: z.array(ZValue).check(z.minLength(1), z.maxLength(15)),
    /**
     * How many values each invitation asks about (matrix sampling: every value is measured each
     * period, no one answers all of them); `all` asks every value. @default as many as keep the
     * page within 12 questions (`value-rotation.ts`)
     */
    valuesPerResponse: z.optional(z.union([z.int().check(z.minimum(1), z.maximum(15)), z.literal('all')])),
    /** Named when customers are asked to rate the main competitor on each value too. */
    mainCompetitor: z.optional(z.strictObject({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)) })),
    competitorComparison: z.optional(z.strictObject({ text: ZLocalizedText })),
    standards: z._default(z.array(ZStandard).check(z.maxLength(20)), []),
    comment: z.strictObject({ text: ZLocalizedText, maxLength: z._default(z.int().check(z.minimum(100), z.maximum(5000)), 5000) }),
    complaintOption: z.strictObject({ text: ZLocalizedText }),
    /** Where the thank-you page invites promoters (NPS 9–10, CSAT 4–5) to leave a public review. */
    reviewUrl: z.optional(z.string().check(z.maxLength(500), z.regex(/^https:\/\/[^\s"<>]+$/, 'must be an https:// address'))),
  })
  .check(
    z.superRefine((questionnaire, ctx) => {
      requireEveryLanguage(questionnaire, ctx);
      requireUniqueIds(questionnaire.values, ['values'], ctx);
      requireUniqueIds(questionnaire.standards, ['standards'], ctx);
      if (questionnaire.competitorComparison && !questionnaire.mainCompetitor) {
        ctx.addIssue({ code: 'custom', path: ['competitorComparison'], message: 'needs mainCompetitor to be named' });
      }
      if (typeof questionnaire.valuesPerResponse === 'number' && questionnaire.valuesPerResponse > questionnaire.values.length) {
        ctx.addIssue({ code: 'custom', path: ['valuesPerResponse'], message: `is more than the ${questionnaire.values.length} values there are (use "all")` });
      }
      if (questionnaire.audience === 'staff' && !questionnaire.anonymous) {
        ctx.addIssue({ code: 'custom', path: ['anonymous'], message: 'staff questionnaires must be anonymous' });
      }
    }),
  );

export type TQuestionnaire = z.output<typeof ZQuestionnaire>;

function requireUniqueIds(items: ReadonlyArray<{ id: string }>, path: PropertyKey[], ctx: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...path, index, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

/** Every piece of text must exist in every language the questionnaire offers. */
function requireEveryLanguage(questionnaire: z.output<typeof ZQuestionnaire>, ctx: z.core.$RefinementCtx): void {
  const texts: Array<[PropertyKey[], Partial<Record<string, string>>]> = [
    [['title'], questionnaire.title],
    [['headline', 'text'], questionnaire.headline.text],
    [['comment', 'text'], questionnaire.comment.text],
    [['complaintOption', 'text'], questionnaire.complaintOption.text],
    ...questionnaire.values.flatMap((value, i): Array<[PropertyKey[], Partial<Record<string, string>>]> => [
      [['values', i, 'label'], value.label],
      ...(value.probe ? [[['values', i, 'probe', 'text'], value.probe.text] as [PropertyKey[], Partial<Record<string, string>>]] : []),
    ]),
    ...(questionnaire.standards ?? []).map((s, i): [PropertyKey[], Partial<Record<string, string>>] => [['standards', i, 'text'], s.text]),
    ...(questionnaire.competitorComparison ? [[['competitorComparison', 'text'], questionnaire.competitorComparison.text] as [PropertyKey[], Partial<Record<string, string>>]] : []),
  ];
  for (const [path, text] of texts) {
    for (const language of questionnaire.languages) {
      if (!text[language]) ctx.addIssue({ code: 'custom', path: [...path, language], message: `missing the "${language}" text` });
    }
  }
}

/** The questionnaire's language for a contact who speaks `language`: that one if offered, else its first. */
export function languageFor(questionnaire: Pick<TQuestionnaire, 'languages'>, language: string): TLanguage {
  return (questionnaire.languages as string[]).includes(language) ? (language as TLanguage) : questionnaire.languages[0]!;
}

/** The text in `language`, falling back to the questionnaire's first language. */
export function localized(questionnaire: TQuestionnaire, text: Partial<Record<TLanguage, string>>, language: string): string {
  return text[languageFor(questionnaire, language)] ?? '';
}
