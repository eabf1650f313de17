import type { Catalogue } from '../platform/language/languages.ts';

/** The unsubscribe pages' wording, in the language of the invitation the link came in. */
export const UNSUBSCRIBE_TEXT: Catalogue<{
  confirmTitle: string;
  confirmHeading: (business: string) => string;
  confirmBody: string;
  button: string;
  doneTitle: string;
  doneHeading: string;
  doneBody: (business: string) => string;
}> = {
  en: {
    confirmTitle: 'Unsubscribe',
    confirmHeading: (business) => `Stop questionnaires from ${business}?`,
    confirmBody: 'You will not receive any more feedback questionnaires from us.',
    button: 'Unsubscribe',
    doneTitle: 'Unsubscribed',
    doneHeading: 'You are unsubscribed',
    doneBody: (business) => `${business} will not send you any more questionnaires.`,
  },
  es: {
    confirmTitle: 'Darse de baja',
    confirmHeading: (business) => `¿Dejar de recibir cuestionarios de ${business}?`,
    confirmBody: 'No recibirá más cuestionarios de opinión de nuestra parte.',
    button: 'Darme de baja',
    doneTitle: 'Baja confirmada',
    doneHeading: 'Se ha dado de baja',
    doneBody: (business) => `${business} no le enviará más cuestionarios.`,
  },
};
