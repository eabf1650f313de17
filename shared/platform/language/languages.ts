/**
 * The languages the product can speak to a person in, and the one way to pick a text or
 * format a date or number in one of them. Features keep their own wording beside their pages
 * and emails as a `Catalogue`; typing it by language makes a missing translation a type error.
 */
export const SUPPORTED_LANGUAGES = ['en', 'es'] as const;
export type TLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** The fallback for a person whose language is not (or no longer) supported. */
export const DEFAULT_LANGUAGE: TLanguage = 'en';

/** One feature's wording in every supported language. */
export type Catalogue<T> = Readonly<Record<TLanguage, T>>;

/** The Intl locale each language formats dates and numbers in (day-month order, 24-hour clock in both). */
const LOCALES: Readonly<Record<TLanguage, string>> = { en: 'en-GB', es: 'es-ES' };

export function isSupportedLanguage(language: string): language is TLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(language);
}

/** The supported language closest to `language`, falling back to the default. */
export function supportedLanguage(language: string): TLanguage {
  return isSupportedLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/** A feature's wording in `language`, in English when the language is not supported. */
export function textsIn<T>(catalogue: Catalogue<T>, language: string): T {
  return catalogue[supportedLanguage(language)];
}

export function localeOf(language: string): string {
  return LOCALES[supportedLanguage(language)];
}

/** A date as a reader of `language` in `timeZone` writes it ("18 November" / "18 de noviembre" by default). */
export function formatDate(
  instant: Date | string,
  language: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' },
): string {
  return new Intl.DateTimeFormat(localeOf(language), { timeZone, ...options }).format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** A number as a reader of `language` writes it (decimal comma in Spanish). */
export function formatNumber(value: number, language: string, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(localeOf(language), options).format(value);
}

/**
 * The supported language a browser's Accept-Language header prefers most (`es-ES,es;q=0.9,en;q=0.8`
 * → `es`), or the default: for pages that know nothing of their reader but the request.
 */
export function preferredLanguage(acceptLanguage: string | undefined): TLanguage {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { language: tag.toLowerCase().split('-')[0]!, q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((entry) => entry.q > 0 && isSupportedLanguage(entry.language))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return (ranked[0]?.language as TLanguage | undefined) ?? DEFAULT_LANGUAGE;
}
