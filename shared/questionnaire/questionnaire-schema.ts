import * as z from 'zod';

/** Language tags the product can render pages and emails in. */
export const SUPPORTED_LANGUAGES = ['en'] as const;
export const ZLanguage = z.enum(SUPPORTED_LANGUAGES);
export type TLanguage = z.infer<typeof ZLanguage>;

const ZSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes');
/** Text in each of the questionnaire's languages; checked against `languages` below. */
const ZLocalizedText = z.partialRecord(ZLanguage, z.string().trim().min(1).max(500));

export const HEADLINE_SCALES = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
} as const;

const ZHeadline = z
  .object({
    kind: z.enum(['nps', 'csat']),
    text: ZLocalizedText,
  })
  .strict();

const ZProbe = z
  .object({
    /** The probe is asked when our performance on the value is at or below this. */
    whenPerformanceAtMost: z.number().int().min(1).max(4),
    text: ZLocalizedText,
  })
  .strict();

/** A value customers weigh (quality, price, …): rated for importance and performance, 1–5. */
const ZValue = z
  .object({
    id: ZSlug,
    label: ZLocalizedText,
    probe: ZProbe.optional(),
  })
  .strict();

/** A service standard the business sets itself, asked as a yes/no question. */
const ZStandard = z
  .object({
    id: ZSlug,
    text: ZLocalizedText,
  })
  .strict();

export const ZQuestionnaire = z
  .object({
    id: ZSlug,
    title: ZLocalizedText,
    audience: z.enum(['customers', 'staff']),
    /** Anonymous responses keep staff, department and wave, never the respondent. */
    anonymous: z.boolean(),
    /** The first language is the fallback for contacts whose language is not offered. */
    languages: z.array(ZLanguage).min(1),
    headline: ZHeadline,
    values: z.array(ZValue).min(1).max(15),
    /** Named when customers are asked to rate the main competitor on each value too. */
    mainCompetitor: z.object({ name: z.string().trim().min(1).max(100) }).strict().optional(),
    competitorComparison: z.object({ text: ZLocalizedText }).strict().optional(),
    standards: z.array(ZStandard).max(20).default([]),
    comment: z
      .object({ text: ZLocalizedText, maxLength: z.number().int().min(100).max(5000).default(5000) })
      .strict(),
    complaintOption: z.object({ text: ZLocalizedText }).strict(),
  })
  .strict()
  .superRefine((questionnaire, ctx) => {
    requireEveryLanguage(questionnaire, ctx);
    requireUniqueIds(questionnaire.values, ['values'], ctx);
    requireUniqueIds(questionnaire.standards, ['standards'], ctx);
    if (questionnaire.competitorComparison && !questionnaire.mainCompetitor) {
      ctx.addIssue({ code: 'custom', path: ['competitorComparison'], message: 'needs mainCompetitor to be named' });
    }
    if (questionnaire.audience === 'staff' && !questionnaire.anonymous) {
      ctx.addIssue({ code: 'custom', path: ['anonymous'], message: 'staff questionnaires must be anonymous' });
    }
  });

export type TQuestionnaire = z.output<typeof ZQuestionnaire>;

function requireUniqueIds(items: ReadonlyArray<{ id: string }>, path: PropertyKey[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...path, index, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

/** Every piece of text must exist in every language the questionnaire offers. */
function requireEveryLanguage(questionnaire: z.input<typeof ZQuestionnaire>, ctx: z.RefinementCtx): void {
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

/** The text in `language`, falling back to the questionnaire's first language. */
export function localized(questionnaire: TQuestionnaire, text: Partial<Record<TLanguage, string>>, language: string): string {
  const chosen = (questionnaire.languages as string[]).includes(language) ? (language as TLanguage) : questionnaire.languages[0]!;
  return text[chosen] ?? '';
}
