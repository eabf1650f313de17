import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { readLinkSecret } from '../../shared/platform/tokens/link-secret.ts';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { localLinkSecret } from '../../local/local-secret.ts';
import { normalizeEmail, parseSegmentKey } from '../../shared/platform/table/keys.ts';
import { routeUrl, ROUTES } from '../../shared/platform/web/routes.ts';
import { getDepartment, getStaffMember } from '../../shared/people/directory-store.ts';
import { DEFAULT_DASHBOARD_LINK_DAYS, MAX_DASHBOARD_LINK_DAYS, signDashboardToken, type DashboardScope } from '../../shared/dashboard/dashboard-scope.ts';
import { revokeDashboardLinks } from '../../shared/dashboard/dashboard-store.ts';
import type { Target } from '../target.ts';
import { CommandFailed, defineCommand, EXIT, UsageError } from '../frame.ts';

const SCOPE_USAGE = '--scope: say company, department:<id> or staff:<email>';

export const dashboardLinkCommand = defineCommand({
  name: 'dashboard-link',
  summary: 'print a signed dashboard link for a scope, or revoke the scope’s links',
  usage: 'feedback dashboard-link --scope company|department:ID|staff:EMAIL [--days N] [--revoke] [--stack NAME] [--region REGION]',
  details: `The link opens the dashboard for its scope only: the whole company (the head of service), one department, or one staff member's own figures. It needs no account and expires after --days (default ${DEFAULT_DASHBOARD_LINK_DAYS}, at most ${MAX_DASHBOARD_LINK_DAYS}). --revoke ends every link for that scope issued until now (other scopes' links keep working); links issued afterwards open again. Digest and escalation emails carry links too. The link goes to stdout, its note to stderr.`,
  options: {
    scope: { type: 'string', description: 'company, department:<id> (or dept:<id>) or staff:<email>' },
    days: { type: 'string', description: `how long the link works, in days (default ${DEFAULT_DASHBOARD_LINK_DAYS})` },
    revoke: { type: 'boolean', description: 'revoke every link for the scope issued until now instead of printing one' },
  },
  runsOnStack: true,
  async run({ options, out, progress, target, table }) {
    const scope = scopeOption(options.scope);
    const days = daysOption(options.days);
    if (options.revoke && options.days !== undefined) throw new UsageError('--days: not with --revoke');
    const stack = await target();
    const dashboardTable = await table();
    const now = new Date();
    if (options.revoke) {
      await revokeDashboardLinks(dashboardTable, scope, now);
      out(`Revoked every dashboard link for ${describe(scope)} issued before ${now.toISOString()}.`);
      return EXIT.done;
    }
    if (scope.kind === 'department' && !(await getDepartment(dashboardTable, scope.id))) throw new CommandFailed(`--scope: no department "${scope.id}"`);
    if (scope.kind === 'staff' && !(await getStaffMember(dashboardTable, scope.email))) throw new CommandFailed(`--scope: no staff member "${scope.email}" (import the staff directory with \`feedback import staff\`)`);
    const token = signDashboardToken(scope, await secretOf(stack), { now, days });
    out(routeUrl(stack.kind === 'local' ? stack.run.apiUrl : stack.outputs.apiUrl, ROUTES.dashboard, { token }));
    const expires = new Date(now.getTime() + days * 86_400_000).toISOString();
    // The link alone on stdout, so `LINK=$(npx feedback dashboard-link …)` holds just the link.
    progress(`Dashboard for ${describe(scope)}, valid until ${expires}. Anyone with the link sees it: send it to its reader only.`);
    return EXIT.done;
  },
});

function scopeOption(value: string | undefined): DashboardScope {
  if (value === undefined) throw new UsageError(SCOPE_USAGE);
  const segment = parseSegmentKey(value.startsWith('department:') ? `dept:${value.slice('department:'.length)}` : value);
  if (!segment) throw new UsageError(`${SCOPE_USAGE}, not "${value}"`);
  return segment.kind === 'staff' ? { kind: 'staff', email: normalizeEmail(segment.email) } : segment;
}

function daysOption(value: string | undefined): number {
  if (value === undefined) return DEFAULT_DASHBOARD_LINK_DAYS;
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > MAX_DASHBOARD_LINK_DAYS) throw new UsageError(`--days: "${value}" is not a whole number of days from 1 to ${MAX_DASHBOARD_LINK_DAYS}`);
  return days;
}

function describe(scope: DashboardScope): string {
  return scope.kind === 'company' ? 'the whole company' : scope.kind === 'department' ? `department ${scope.id}` : `staff member ${scope.email}`;
}

async function secretOf(stack: Target): Promise<string> {
  if (stack.kind === 'local') return localLinkSecret(stack.settings.secretFile);
  return readLinkSecret(new SecretsManagerClient({ region: stack.region, credentials: defaultProvider() }), stack.outputs.linkSecretArn);
}
