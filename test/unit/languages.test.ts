import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, supportedLanguage, textsIn } from '../../shared/platform/language/languages.ts';

describe('languages', () => {
  const catalogue = { en: { thanks: 'Thank you' }, es: { thanks: 'Gracias' } };

  it('picks the wording in the reader’s language and falls back to English for one not supported', () => {
    expect(textsIn(catalogue, 'es').thanks).toBe('Gracias');
    expect(textsIn(catalogue, 'pl').thanks).toBe('Thank you');
    expect(supportedLanguage('de')).toBe('en');
  });

  it('writes dates and numbers the way a reader of the language does, in the business’s time zone', () => {
    const lateEvening = '2026-11-18T23:30:00Z';
    expect(formatDate(lateEvening, 'en', 'Europe/London')).toBe('18 November');
    expect(formatDate(lateEvening, 'es', 'Europe/Madrid')).toBe('19 de noviembre');
    expect(formatNumber(8.5, 'es')).toBe('8,5');
    expect(formatNumber(8.5, 'en')).toBe('8.5');
  });
});
