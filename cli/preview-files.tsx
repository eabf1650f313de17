import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { TDeploymentConfig } from '../shared/deployment/deployment-config.ts';
import { brandSettingFrom } from '../shared/deployment/branding-setting.ts';
import { brandOf } from '../shared/platform/brand/brand.ts';
import { formatDate } from '../shared/platform/language/languages.ts';
import { pageBrand } from '../shared/platform/web/layout.tsx';
import { renderInvitationEmail } from '../shared/invitations/invitation-email.tsx';
import { QuestionnairePage } from '../shared/answering/questionnaire-page.tsx';
import type { TQuestionnaire } from '../shared/questionnaires/questionnaire-schema.ts';
import { valuesPerResponse } from '../shared/questionnaires/value-rotation.ts';

/** Stands in for every link of a preview: nothing in it can record an answer. */
const PREVIEW_LINK = '#preview';

/**
 * The invitation email (HTML and text) and the questionnaire page a recipient would see, for
 * a sample recipient, written as files to open in a browser; returns their paths. A logo in
 * config/ is copied beside them, so the files show it without a running API.
 */
export async function writePreview(config: TDeploymentConfig, questionnaire: TQuestionnaire, language: string, dir: string, configDir?: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const { setting, logoFile } = brandSettingFrom(config.branding, configDir);
  if (logoFile) copyFileSync(logoFile, join(dir, basename(logoFile)));
  // A served logo is referred to by its file name, which the copy beside the previews answers.
  const brand = { ...brandOf(setting, config.businessName, undefined), ...(logoFile ? { logoUrl: basename(logoFile) } : {}) };
  const email = renderInvitationEmail({
    questionnaire,
    businessName: config.businessName,
    recipientName: 'Alex Sample',
    language,
    scoreUrl: () => PREVIEW_LINK,
    unsubscribeUrl: PREVIEW_LINK,
    brand,
    ...(questionnaire.audience === 'customers' ? { interaction: { staffName: 'Sam Reed', date: formatDate(new Date(), language, config.timeZone) } } : {}),
  });
  // Rendered inside the brand's context, as the web frame renders every page, so it has the header.
  const page = await pageBrand.run(brand, async () => (
    <QuestionnairePage questionnaire={questionnaire} values={questionnaire.values.slice(0, valuesPerResponse(questionnaire))} language={language} action={PREVIEW_LINK} state={{}} />
  ).toString());
  const base = join(dir, `${questionnaire.id}-${language}`);
  const files: Array<[string, string]> = [
    [`${base}-email.html`, email.html],
    [`${base}-email.txt`, `Subject: ${email.subject}\n\n${email.text}\n`],
    [`${base}-page.html`, String(page)],
  ];
  for (const [file, content] of files) writeFileSync(file, content);
  return files.map(([file]) => file);
}
