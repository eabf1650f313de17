import { describe, expect, it } from 'vitest';
import { importStaff } from '../../shared/people/import-file.ts';
import { getComplaint } from '../../shared/complaints/complaint-store.ts';
import { ANSWERING_TEXT } from '../../shared/answering/answering-text.ts';
import { UNSUBSCRIBE_TEXT } from '../../shared/invitations/unsubscribe-text.ts';
import { fieldNames } from '../../shared/questionnaires/answer-schema.ts';
import { formatDate } from '../../shared/platform/language/languages.ts';
import { aContact, customerQuestionnaire } from '../support/factories.ts';
import { inviteCustomer } from '../support/invite-customer.ts';
import { postForm } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const BROWSER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const clock = new Date('2026-11-23T09:00:00Z');
const pipelines = usePipeline({ now: () => clock });
const SLOT = '\u0000';

/**
 * Every fixed piece of English in a catalogue: strings as they are, and each function's
 * wording around its arguments (called with a marker and split on it). Pieces under four
 * letters ("No", "1") are left out: they are the same in Spanish or not words at all.
 */
function englishPieces(node: unknown): string[] {
  if (typeof node === 'string') return node.split(SLOT).map((piece) => piece.trim().replace(/^[:.,;(]+|[:.,;)?]+$/g, '').trim()).filter((piece) => piece.length >= 4);
  if (typeof node === 'function') return englishPieces(String((node as (...args: string[]) => string)(SLOT, SLOT)));
  if (node && typeof node === 'object') return Object.values(node).flatMap(englishPieces);
  return [];
}

/** The page without its style sheet, entities decoded: text and attributes (aria-labels are read aloud). */
const pageText = (html: string) => html.replace(/<style>[^]*?<\/style>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

function expectNoEnglish(html: string, where: string, english: readonly string[]) {
  const text = pageText(html);
  for (const piece of english) expect(text, `${where} shows the English "${piece}"`).not.toContain(piece);
}

describe('a contact who reads Spanish', () => {
  it('gets the questionnaire, its errors, the thank-you and the unsubscribe pages in Spanish, with no English from the catalogues and Spanish dates and numbers', async () => {
    const pipeline = await pipelines.start();
    await importStaff(pipeline.table, 'examples/staff.csv', { now: clock });
    const { answerPath, unsubscribePath, askedValues, linkId } = await inviteCustomer(pipeline, aContact({ language: 'es', departmentId: 'installations', staffEmail: 'sam.reed@acme.example' }));
    const q = customerQuestionnaire;
    const asked = q.values.filter((v) => askedValues.includes(v.id));
    const english = [
      ...englishPieces(ANSWERING_TEXT.en),
      ...englishPieces(UNSUBSCRIBE_TEXT.en),
      ...[q.title, q.headline.text, q.comment.text, q.complaintOption.text, q.competitorComparison!.text, ...q.standards.map((s) => s.text), ...asked.flatMap((v) => [v.label, ...(v.probe ? [v.probe.text] : [])])].map((text) => text.en!),
    ];
    const get = (path: string) => pipeline.app.request(path, { headers: { 'user-agent': BROWSER } });
    const post = (fields: Record<string, string>) => postForm(pipeline, answerPath, fields, { 'user-agent': BROWSER });

    const page = await (await get(`${answerPath}?score=9`)).text();
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('Aproximadamente 1 minuto');
    expect(page).toContain('¿Qué tal lo hace BrightFix?');
    expect(page).toContain(q.headline.text.es!);
    expectNoEnglish(page, 'the questionnaire page', english);

    const refused = await post({ score: '11', [fieldNames.comment]: 'x'.repeat(5001) });
    expect(refused.status).toBe(400);
    const errors = await refused.text();
    expect(errors).toContain('score: debe estar entre 0 y 10');
    // Spanish writes a four-digit number without a thousands separator: 5000, not 5,000.
    expect(errors).toContain('comment: debe tener como máximo 5000 caracteres');
    expectNoEnglish(errors, 'the page with errors', english);

    const thanks = await (await post({ score: '9', [fieldNames.complaint]: 'yes' })).text();
    expect(thanks).toContain('<h1>Gracias</h1>');
    expect(thanks).toContain('hasta el 23 de diciembre.');
    const complaint = (await getComplaint(pipeline.table, linkId))!;
    const by = formatDate(complaint.acknowledgeBy, 'es', 'Europe/London', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
    expect(by).toMatch(/^[a-zé]+, \d+ de noviembre, \d\d:\d\d$/);
    expect(thanks).toContain(`El responsable de Installations se pondrá en contacto con usted sobre su queja antes del ${by}.`);
    expectNoEnglish(thanks, 'the thank-you page', english);

    const unsubscribe = await (await get(unsubscribePath)).text();
    expect(unsubscribe).toContain('¿Dejar de recibir cuestionarios de');
    expectNoEnglish(unsubscribe, 'the unsubscribe page', english);
    const done = await (await postForm(pipeline, unsubscribePath, {})).text();
    expect(done).toContain('Se ha dado de baja');
    expectNoEnglish(done, 'the unsubscribed page', english);
  });

  it('answers a bad link in the language the browser asks for, since a bad link names no contact to take it from', async () => {
    const pipeline = await pipelines.start();
    const bad = await pipeline.app.request('/q/not-a-token', { headers: { 'user-agent': BROWSER, 'accept-language': 'es-ES,es;q=0.9,en;q=0.8' } });
    expect(bad.status).toBe(404);
    const spanish = await bad.text();
    expect(spanish).toContain('<html lang="es">');
    expect(spanish).toContain('Este enlace no se puede usar');
    expect(spanish).not.toContain('This link cannot be used');
    const english = await (await pipeline.app.request('/q/not-a-token', { headers: { 'user-agent': BROWSER } })).text();
    expect(english).toContain('This link cannot be used');
    const missing = await (await pipeline.app.request('/no/such/page', { headers: { 'accept-language': 'es' } })).text();
    expect(missing).toContain('Página no encontrada');
  });
});
