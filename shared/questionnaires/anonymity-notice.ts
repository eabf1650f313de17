import { DEFAULT_MINIMUM_GROUP_SIZE } from '../digest/small-groups.ts';
import { textsIn, type Catalogue } from '../platform/language/languages.ts';

/**
 * What respondents to an anonymous questionnaire are told, in the email and on the page —
 * worded as the README's privacy section says it, and true of what is stored
 * (`shared/answering/anonymous-answer.ts`, `shared/digest/small-groups.ts`, and the value
 * rotation, whose choice travels in the link only). Change one, change the other.
 */
const NOTICES: Catalogue<{ anonymous: string; group: (minimum: number) => string; staffConcern: (minimum: number) => string; complaintThanks: string }> = {
  en: {
    anonymous:
      'This questionnaire is anonymous. Your answers are stored under a random number that only the link in your email carries; nothing we keep records which answers are yours — only that you were invited and whether you have answered, so that you get at most one reminder.',
    group: (minimum) =>
      `A department's results are reported only when at least ${minimum} people in it have answered; below that, answers count only in the company's figures, and comments appear only at company level.`,
    staffConcern: (minimum) =>
      `If you ask for something to be followed up, it goes to the head of service, not to your own manager, without your name, and names your department only if it has at least ${minimum} staff.`,
    complaintThanks: 'Your concern has been passed on to be followed up. Since your answers are anonymous, nobody can reply to you personally.',
  },
  es: {
    anonymous:
      'Este cuestionario es anónimo. Sus respuestas se guardan bajo un número aleatorio que solo lleva el enlace de su correo; nada de lo que guardamos indica qué respuestas son suyas, solo que se le invitó y si ha respondido, para enviarle como mucho un recordatorio.',
    group: (minimum) =>
      `Los resultados de un departamento solo se muestran cuando han respondido al menos ${minimum} personas de él; por debajo, las respuestas cuentan solo en las cifras de la empresa y los comentarios aparecen solo a nivel de empresa.`,
    staffConcern: (minimum) =>
      `Si pide que se haga un seguimiento, llega a la dirección del servicio, no a su responsable directo, sin su nombre, y solo indica su departamento si tiene al menos ${minimum} empleados.`,
    complaintThanks: 'Hemos trasladado su inquietud para que se haga un seguimiento. Como sus respuestas son anónimas, nadie puede contestarle personalmente.',
  },
};

export const ANONYMOUS_NOTICE = NOTICES.en.anonymous;

export const groupNotice = (minimum = DEFAULT_MINIMUM_GROUP_SIZE, language = 'en') => textsIn(NOTICES, language).group(minimum);

/** Staff questionnaires add where a concern goes. */
export const staffConcernNotice = (minimum = DEFAULT_MINIMUM_GROUP_SIZE, language = 'en') => textsIn(NOTICES, language).staffConcern(minimum);

/** After an anonymous complaint: nobody can contact the respondent, so no one promises to. */
export const ANONYMOUS_COMPLAINT_THANKS = NOTICES.en.complaintThanks;
export const anonymousComplaintThanks = (language = 'en') => textsIn(NOTICES, language).complaintThanks;

/** The notice for a questionnaire in `language`, or undefined when it is not anonymous. */
export function anonymityNotice(questionnaire: { anonymous: boolean; audience: 'customers' | 'staff'; minimumGroupSize?: number | undefined }, language = 'en'): string | undefined {
  if (!questionnaire.anonymous) return undefined;
  const minimum = questionnaire.minimumGroupSize;
  return [textsIn(NOTICES, language).anonymous, groupNotice(minimum, language), ...(questionnaire.audience === 'staff' ? [staffConcernNotice(minimum, language)] : [])].join(' ');
}
