/**
 * Bot-safe one-click answers. Mail security scanners (Safe Links, Proofpoint, Mimecast…)
 * fetch every link in a message, which would record fake scores. A one-click score is
 * therefore held — stored, but not counted and not escalated until a person submits the
 * form — when:
 * - it came as a HEAD request (scanners probe; browsers don't);
 * - the user agent is a known scanner or a non-browser client; or
 * - another, different score link of the same invitation was fetched within
 *   {@link SCANNER_WINDOW_MS} of it (a person clicks one score; a scanner fetches them all).
 */
export const SCANNER_WINDOW_MS = 10_000;

const SCANNER_AGENTS = [
  'barracuda', 'proofpoint', 'mimecast', 'safelinks', 'safe links', 'microsoft office', 'ms-office', 'forcepoint', 'symantec',
  'trendmicro', 'trend micro', 'sophos', 'fortiguard', 'zscaler', 'cisco', 'ironport', 'messagelabs', 'googleimageproxy',
  'bot', 'crawler', 'spider', 'preview', 'scanner', 'python-requests', 'python-urllib', 'curl/', 'wget/', 'go-http-client',
  'java/', 'okhttp', 'axios/', 'node-fetch', 'headlesschrome',
];

export type HoldReason = 'head-request' | 'scanner-agent' | 'several-scores';

/** Why a single fetch cannot be taken as a person's click, if it cannot. */
export function requestHoldReason(method: string, userAgent: string | undefined): HoldReason | undefined {
  if (method === 'HEAD') return 'head-request';
  const agent = (userAgent ?? '').toLowerCase();
  if (agent === '' || SCANNER_AGENTS.some((marker) => agent.includes(marker))) return 'scanner-agent';
  return undefined;
}

export interface Click {
  score: number;
  at: string;
}

/**
 * Whether the clicks around `at` (within the window either side) carry more than one score:
 * a person clicks one score, a scanner fetches them all.
 */
export function severalScoresAround(clicks: readonly Click[], at: string): boolean {
  const t = Date.parse(at);
  return new Set(clicks.filter((c) => Math.abs(Date.parse(c.at) - t) <= SCANNER_WINDOW_MS).map((c) => c.score)).size > 1;
}
