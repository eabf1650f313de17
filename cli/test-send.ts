import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { TDeploymentConfig } from '../shared/deployment/deployment-config.ts';
import { brandSettingFrom } from '../shared/deployment/branding-setting.ts';
import { brandOf } from '../shared/platform/brand/brand.ts';
import { composeEmail } from '../shared/platform/mail/mail-context.ts';
import { sesMailer, type Mailer } from '../shared/platform/mail/mailer.ts';
import { ROUTES, routeUrl } from '../shared/platform/web/routes.ts';
import { renderInvitationEmail } from '../shared/invitations/invitation-email.tsx';
import type { TQuestionnaire } from '../shared/questionnaires/questionnaire-schema.ts';
import type { Target } from './target.ts';

/** Marks a test send where the recipient sees it first: the subject. */
export const TEST_SUBJECT_PREFIX = '[Test] ';

/** The mailer a test send goes through: the local stack's SES emulator, or SES in the stack's Region with the caller's credentials. */
export function targetMailer(target: Target): Mailer {
  if (target.kind === 'local') return sesMailer({ connection: { endpoint: target.run.inboxUrl } });
  return sesMailer({ connection: { region: target.region, credentials: defaultProvider() }, configurationSet: target.outputs.configurationSetName });
}

/**
 * One real invitation to `address`, exactly as recipients get it (branding, language, Reply-To),
 * with "[Test]" in its subject. Nothing is written: no wave, no invitation, no contact. Its
 * links are test links: they carry no signed token, so they open the API's "this link cannot
 * be used" page and can never record an answer or an opt-out.
 */
export async function sendTestInvitation(input: { target: Target; mailer: Mailer; config: TDeploymentConfig; questionnaire: TQuestionnaire; language: string; address: string }): Promise<string> {
  const { config, target } = input;
  const apiUrl = target.kind === 'local' ? target.run.apiUrl : target.outputs.apiUrl;
  const { setting } = brandSettingFrom(config.branding);
  const email = renderInvitationEmail({
    questionnaire: input.questionnaire,
    businessName: config.businessName,
    recipientName: input.address,
    language: input.language,
    scoreUrl: (score) => routeUrl(apiUrl, ROUTES.answerPage, { token: 'test-send' }, { score: String(score) }),
    unsubscribeUrl: routeUrl(apiUrl, ROUTES.unsubscribePage, { token: 'test-send' }),
    brand: brandOf(setting, config.businessName, apiUrl),
  });
  const raw = await composeEmail(config, { ...email, subject: `${TEST_SUBJECT_PREFIX}${email.subject}` }, input.address, { replyTo: setting.replyTo });
  return (await input.mailer.sendRaw(raw)).messageId;
}
