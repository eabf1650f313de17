import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, preferredLanguage, supportedLanguage, textsIn } from '../../shared/platform/language/languages.ts';

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

  it('reads the language a browser prefers most among those supported, by weight and then order', () => {
    expect(preferredLanguage('es-ES,es;q=0.9,en;q=0.8')).toBe('es');
    expect(preferredLanguage('fr-FR,fr;q=0.9,es;q=0.5,en;q=0.7')).toBe('en');
    expect(preferredLanguage('de, es;q=0')).toBe('en');
    expect(preferredLanguage('ES')).toBe('es');
    expect(preferredLanguage(undefined)).toBe('en');
    expect(preferredLanguage(';;;q=x,,')).toBe('en');
  });
});
