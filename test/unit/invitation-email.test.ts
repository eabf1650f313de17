import { describe, expect, it } from 'vitest';
import { renderInvitationEmail } from '../../shared/invitations/invitation-email.tsx';
import { buildMime } from '../../shared/platform/mail/mime.ts';
import { INVITATION_TEXT, type InvitationText } from '../../shared/invitations/invitation-text.ts';
import { scaleLabels } from '../../shared/questionnaires/headline-scale.ts';
import { customerQuestionnaire, demoQuestionnaires } from '../support/factories.ts';

const render = (recipientName: string) =>
  renderInvitationEmail({
    questionnaire: customerQuestionnaire,
    businessName: 'Acme & Sons',
    recipientName,
    language: 'en',
    scoreUrl: (score) => `https://api.example/q/TOKEN?score=${score}`,
    unsubscribeUrl: 'https://api.example/unsubscribe/UNSUB',
  });

describe('the invitation email', () => {
  it('offers the headline question as one link per score, in both parts', () => {
    const email = render('Ada');
    for (let score = 0; score <= 10; score++) {
      expect(email.text).toContain(`https://api.example/q/TOKEN?score=${score}`);
      expect(email.html).toContain(`href="https://api.example/q/TOKEN?score=${score}"`);
    }
    expect(email.html).toContain('href="https://api.example/unsubscribe/UNSUB"');
    expect(email.subject).toBe('Acme & Sons: How did we do?');
  });

  it.each(['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "Ann' onmouseover='x"])('escapes a hostile name in the HTML: %s', (name) => {
    const { html } = render(name);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/onmouseover='x/);
  });

  it('becomes a MIME message with text and HTML parts and both RFC 8058 headers', async () => {
    const email = render('Ada');
    const raw = (await buildMime({ ...email, from: 'Acme <feedback@acme.example>', to: 'ada@customer.example', unsubscribeUrl: 'https://api.example/unsubscribe/UNSUB' })).toString();
    expect(raw).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(raw).toMatch(/^Content-Type: text\/plain/m);
    expect(raw).toMatch(/^Content-Type: text\/html/m);
    expect(raw).toMatch(/^List-Unsubscribe: <https:\/\/api\.example\/unsubscribe\/UNSUB>/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
  });

  it('cannot be given extra headers through a name or subject with CR/LF', async () => {
    const email = render('Eve\r\nBcc: victim@example.com');
    const raw = (await buildMime({ ...email, subject: 'Hi\r\nBcc: victim@example.com', from: 'Acme <feedback@acme.example>', to: 'eve@customer.example' })).toString();
    const headerBlock = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(headerBlock).not.toMatch(/^Bcc:/im);
  });
});

describe('the invitation names what it asks about', () => {
  const withFacts = (interaction: Parameters<typeof renderInvitationEmail>[0]['interaction'], language = 'en') =>
    renderInvitationEmail({
      questionnaire: customerQuestionnaire,
      businessName: 'Acme',
      recipientName: 'Ada',
      language,
      scoreUrl: (score) => `https://api.example/q/T?score=${score}`,
      unsubscribeUrl: 'https://api.example/unsubscribe/U',
      interaction,
    });

  it('says the service, who served and the date when all are known', () => {
    const email = withFacts({ service: 'boiler service', staffName: 'Sam Reed', date: '18 November' });
    expect(email.text).toContain('This is about your boiler service with Sam Reed on 18 November.');
    expect(email.html).toContain('This is about your boiler service with Sam Reed on 18 November.');
  });

  it('leaves out the parts that are unknown, and says nothing when none is known', () => {
    expect(withFacts({ date: '18 November' }).text).toContain('This is about your recent visit on 18 November.');
    expect(withFacts({ staffName: 'Sam Reed' }).text).toContain('This is about your recent visit with Sam Reed.');
    expect(withFacts({}).text).not.toContain('This is about');
    expect(withFacts(undefined).text).not.toContain('This is about');
  });
});

describe('a staff questionnaire’s invitation', () => {
  const staffQuestionnaire = demoQuestionnaires.find((q) => q.audience === 'staff')!;
  const render = (language: string) =>
    renderInvitationEmail({ questionnaire: staffQuestionnaire, businessName: 'Acme', recipientName: 'Sam', language, scoreUrl: (s) => `https://api.example/q/T?score=${s}`, unsubscribeUrl: 'https://api.example/u/U' });

  it.each([
    ['en', 'Anonymous: nobody can tell which answers are yours.', 'This questionnaire is anonymous.'],
    ['es', 'Anónimo: nadie puede saber qué respuestas son suyas.', 'Este cuestionario es anónimo.'],
  ])('says it is anonymous, in the preview line, the HTML and the text (%s)', (language, headline, notice) => {
    const email = render(language);
    expect(email.html.slice(0, email.html.indexOf('<main>'))).toContain(headline);
    expect(email.html).toContain(notice);
    expect(email.text).toContain(headline);
    expect(email.text).toContain(notice);
  });
});

describe('the invitation in Spanish', () => {
  /** Every sentence of a catalogue in one language, its functions called with sample arguments. */
  const sentences = (text: InvitationText, language: string) => [
    text.greeting('Ada'),
    text.reminderIntro,
    text.about({ service: 'boiler service', staffName: 'Sam Reed', date: '18' }),
    text.oneClick,
    scaleLabels(customerQuestionnaire, language).low,
    scaleLabels(customerQuestionnaire, language).high,
    text.takesAMinute,
    text.unsubscribe,
    text.reminderSubject('Acme', 'X'),
  ];

  it('lets no English sentence of the catalogue through, in the subject, the HTML or the text', () => {
    const english = sentences(INVITATION_TEXT.en, 'en');
    for (const reminder of [false, true]) {
      const email = renderInvitationEmail({
        questionnaire: customerQuestionnaire,
        businessName: 'Acme',
        recipientName: 'Ada',
        language: 'es',
        reminder,
        scoreUrl: (score) => `https://api.example/q/T?score=${score}`,
        unsubscribeUrl: 'https://api.example/u/U',
        interaction: { service: 'boiler service', staffName: 'Sam Reed', date: '18' },
      });
      const html = email.html.replace(/&#39;/g, "'");
      for (const sentence of english) {
        expect(html).not.toContain(sentence);
        expect(email.text).not.toContain(sentence);
        expect(email.subject).not.toContain(sentence);
      }
      expect(email.html).toContain('lang="es"');
      expect(email.text).toContain(INVITATION_TEXT.es.takesAMinute);
    }
  });
});
