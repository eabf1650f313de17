import type { Catalogue } from '../platform/language/languages.ts';

export interface AcknowledgementText {
  readonly subject: (business: string) => string;
  readonly heading: string;
  readonly greeting: (name: string) => string;
  readonly body: (handler: string) => string;
}

/**
 * What a customer reads when their complaint is acknowledged, in every supported language.
 * The managers' emails about complaints stay in English: they are read by the business's
 * own staff, who work in the language the deployment is configured in.
 */
export const ACKNOWLEDGEMENT_TEXT: Catalogue<AcknowledgementText> = {
  en: {
    subject: (business) => `${business}: we are looking into your complaint`,
    heading: 'We are looking into your complaint',
    greeting: (name) => `Dear ${name},`,
    body: (handler) => `Thank you for telling us what went wrong. ${handler} is now handling your complaint personally and will be in touch with you soon.`,
  },
  es: {
    subject: (business) => `${business}: estamos atendiendo su queja`,
    heading: 'Estamos atendiendo su queja',
    greeting: (name) => `Hola, ${name}:`,
    body: (handler) => `Gracias por contarnos qué salió mal. ${handler} se ocupa ahora personalmente de su queja y se pondrá en contacto con usted pronto.`,
  },
};
