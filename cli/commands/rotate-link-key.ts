import { randomBytes } from 'node:crypto';
import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { localLinkSecret, writeLocalLinkSecret } from '../../local/local-secret.ts';
import { loadDeploymentConfig } from '../../shared/deployment/load-config.ts';
import { UNSUBSCRIBE_LINK_EXTRA_DAYS } from '../../shared/invitations/deliver-invitation.ts';
import { parseKeyring, rotateKeyring, serializeKeyring, type RotationPlan } from '../../shared/platform/tokens/link-keys.ts';
import { LINK_KEY_ACTIVATION_DELAY_SECONDS } from '../../shared/platform/tokens/link-secret.ts';
import type { Target } from '../target.ts';
import { defineCommand, EXIT } from '../frame.ts';

export const rotateLinkKeyCommand = defineCommand({
  name: 'rotate-link-key',
  summary: 'add a new link-signing key; links already emailed keep working until they expire',
  usage: 'feedback rotate-link-key [--stack NAME] [--region REGION]',
  details:
    `Adds a new key to the link-signing secret. Running functions read the secret again every few minutes, so the new key starts signing links ${LINK_KEY_ACTIVATION_DELAY_SECONDS / 60} minutes after this command; every earlier key keeps verifying the links it signed until the longest of them (an unsubscribe link) has expired, and is then dropped by a later rotation. Rotate when the secret may have leaked, or on a schedule your policy sets.`,
  options: {},
  runsOnStack: true,
  async run({ out, target }) {
    const stack = await target();
    const config = loadDeploymentConfig();
    const nowSeconds = Math.floor(Date.now() / 1000);
    const rotate = (text: string): RotationPlan =>
      rotateKeyring(parseKeyring(text), {
        nowSeconds,
        newSecret: randomBytes(48).toString('base64url'),
        activationDelaySeconds: LINK_KEY_ACTIVATION_DELAY_SECONDS,
        longestLinkSeconds: (config.linkValidityDays + UNSUBSCRIBE_LINK_EXTRA_DAYS) * 86_400,
      });
    const plan = stack.kind === 'local' ? rotateLocal(stack, rotate) : await rotateDeployed(stack, rotate);
    const activeAt = new Date(plan.added.activeFrom * 1000).toISOString();
    out(`Added link-signing key ${plan.added.id}: new links are signed with it from ${activeAt}.`);
    out(`Keys kept for links already sent: ${plan.ring.keys.filter((key) => key.id !== plan.added.id).map((key) => key.id).join(', ') || 'none'}.`);
    if (plan.removed.length > 0) out(`Dropped key(s) whose links have all expired: ${plan.removed.join(', ')}.`);
    return EXIT.done;
  },
});

function rotateLocal(stack: Extract<Target, { kind: 'local' }>, rotate: (text: string) => RotationPlan): RotationPlan {
  const plan = rotate(localLinkSecret(stack.settings.secretFile));
  writeLocalLinkSecret(stack.settings.secretFile, serializeKeyring(plan.ring));
  return plan;
}

async function rotateDeployed(stack: Extract<Target, { kind: 'deployed' }>, rotate: (text: string) => RotationPlan): Promise<RotationPlan> {
  const client = new SecretsManagerClient({ region: stack.region, credentials: defaultProvider() });
  const current = await client.send(new GetSecretValueCommand({ SecretId: stack.outputs.linkSecretArn }));
  const plan = rotate(current.SecretString ?? '');
  await client.send(new PutSecretValueCommand({ SecretId: stack.outputs.linkSecretArn, SecretString: serializeKeyring(plan.ring) }));
  return plan;
}
