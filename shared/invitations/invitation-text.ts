import type { Catalogue } from '../platform/language/languages.ts';

/** What is known of the interaction an invitation asks about; each part may be missing. */
export interface InteractionFacts {
  readonly service?: string | undefined;
  readonly staffName?: string | undefined;
  /** Already formatted for the reader's language. */
  readonly date?: string | undefined;
}

export interface InvitationText {
  readonly subject: (business: string, title: string) => string;
  readonly reminderSubject: (business: string, title: string) => string;
  readonly greeting: (name: string) => string;
  readonly reminderIntro: string;
  /** "This is about your boiler service with Sam Reed on 18 November." Only the parts known. */
  readonly about: (facts: InteractionFacts) => string;
  readonly oneClick: string;
  /** The accessible name of one score button. */
  readonly scoreLabel: (score: number, end: string | undefined) => string;
  readonly takesAMinute: string;
  readonly anonymousHeadline: string;
  readonly unsubscribe: string;
  readonly unsubscribeText: (url: string) => string;
}

/**
 * The invitation's and reminder's wording in every supported language: everything a customer
 * or member of staff reads in the email except the questionnaire's own text (its title and
 * question), which comes from the questionnaire in the same language.
 */
export const INVITATION_TEXT: Catalogue<InvitationText> = {
  en: {
    subject: (business, title) => `${business}: ${title}`,
    reminderSubject: (business, title) => `Reminder — ${business}: ${title}`,
    greeting: (name) => `Dear ${name},`,
    reminderIntro: 'A few days ago we asked for your view. If you have a minute, one click is enough:',
    about: ({ service, staffName, date }) => `This is about ${service ? `your ${service}` : 'your recent visit'}${staffName ? ` with ${staffName}` : ''}${date ? ` on ${date}` : ''}.`,
    oneClick: 'One click on a score is enough.',
    scoreLabel: (score, end) => (end ? `${score} (${end})` : `${score}`),
    takesAMinute: 'It takes a minute, and every answer is read.',
    anonymousHeadline: 'Anonymous: nobody can tell which answers are yours.',
    unsubscribe: 'Unsubscribe from these questionnaires',
    unsubscribeText: (url) => `Unsubscribe from these questionnaires: ${url}`,
  },
  es: {
    subject: (business, title) => `${business}: ${title}`,
    reminderSubject: (business, title) => `Recordatorio — ${business}: ${title}`,
    greeting: (name) => `Hola, ${name}:`,
    reminderIntro: 'Hace unos días le pedimos su opinión. Si tiene un minuto, basta con un clic:',
    about: ({ service, staffName, date }) => `Se trata de ${service ? `su ${service}` : 'su visita reciente'}${staffName ? ` con ${staffName}` : ''}${date ? ` el ${date}` : ''}.`,
    oneClick: 'Basta con un clic en una puntuación.',
    scoreLabel: (score, end) => (end ? `${score} (${end})` : `${score}`),
    takesAMinute: 'Se tarda un minuto, y leemos todas las respuestas.',
    anonymousHeadline: 'Anónimo: nadie puede saber qué respuestas son suyas.',
    unsubscribe: 'Darse de baja de estos cuestionarios',
    unsubscribeText: (url) => `Darse de baja de estos cuestionarios: ${url}`,
  },
};
