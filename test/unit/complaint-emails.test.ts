import { describe, expect, it } from 'vitest';
import { sampleAcknowledgement, sampleEscalation } from '../support/sample-emails.ts';
import { ACKNOWLEDGEMENT_TEXT } from '../../shared/complaints/acknowledgement-text.ts';

describe('the complaint emails', () => {
  it('name a probed value by its label, not its id, in both parts', () => {
    const email = sampleEscalation();
    expect(email.html).toContain('<b>Speed of service</b>: Two weeks for a visit.');
    expect(email.text).toContain('Speed of service: Two weeks for a visit.');
    expect(email.text).not.toMatch(/^speed:/m);
  });

  it('acknowledge a Spanish-speaking customer in Spanish, with no English sentence left', () => {
    const email = sampleAcknowledgement('es');
    expect(email.subject).toBe('Acme Home Services: estamos atendiendo su queja');
    for (const line of [ACKNOWLEDGEMENT_TEXT.en.heading, ACKNOWLEDGEMENT_TEXT.en.greeting('Ada'), ACKNOWLEDGEMENT_TEXT.en.body('Sam Reed')]) {
      expect(email.html).not.toContain(line);
      expect(email.text).not.toContain(line);
    }
    expect(email.html).toContain('lang="es"');
  });
});
