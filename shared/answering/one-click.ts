/**
 * Bot-safe one-click answers. Mail security scanners (Safe Links, Proofpoint, Mimecast…)
 * fetch every link in a message, some of them in a real browser, so a fetch of a score link
 * is a candidate, never evidence:
 * - the GET of a score link records nothing: it shows the form with the score selected;
 * - the page's own script confirms the score once a person is plausibly there — the page
 *   stayed visible for {@link SEEN_AFTER_MS} (`seen`) or was touched, typed into or scrolled
 *   (`touched`) — and without JavaScript the form's button does it;
 * - a confirmation is held (stored, not counted) when its user agent is a scanner's, or, for a
 *   `seen` one, when other scores of the same invitation were confirmed within
 *   {@link SCANNER_WINDOW_MS} (a person clicks one score; a detonating scanner opens them all).
 *
 * What is kept per invitation is the latest confirmation time of each score, so it is bounded
 * by the scale whatever the traffic: nothing a bot does can use up an invitation. Which stored
 * score a confirmation may replace is decided by {@link mayReplace}.
 */
export const SCANNER_WINDOW_MS = 10_000;

/** How long the page must stay visible before its script confirms the score as `seen`. */
export const SEEN_AFTER_MS = 2_000;

const SCANNER_AGENTS = [
  'barracuda', 'proofpoint', 'mimecast', 'safelinks', 'safe links', 'microsoft office', 'ms-office', 'forcepoint', 'symantec',
  'trendmicro', 'trend micro', 'sophos', 'fortiguard', 'zscaler', 'cisco', 'ironport', 'messagelabs', 'googleimageproxy',
  'bot', 'crawler', 'spider', 'preview', 'scanner', 'python-requests', 'python-urllib', 'curl/', 'wget/', 'go-http-client',
  'java/', 'okhttp', 'axios/', 'node-fetch', 'headlesschrome',
];

export type HoldReason = 'head-request' | 'scanner-agent' | 'several-scores';

/** What the page's script saw before confirming: the page stayed visible, or a person touched it. */
export const CLICK_EVIDENCE = ['seen', 'touched'] as const;
export type ClickEvidence = (typeof CLICK_EVIDENCE)[number];

/** The form field that marks a POST as the script's confirmation of a one-click score. */
export const ONE_CLICK_FIELD = 'one-click';

/** Why a single request cannot be taken as a person's, if it cannot. */
export function requestHoldReason(method: string, userAgent: string | undefined): HoldReason | undefined {
  if (method === 'HEAD') return 'head-request';
  const agent = (userAgent ?? '').toLowerCase();
  if (agent === '' || SCANNER_AGENTS.some((marker) => agent.includes(marker))) return 'scanner-agent';
  return undefined;
}

/** The latest confirmation time (ISO) of each score of one invitation, keyed by score. */
export type RecentClicks = Readonly<Record<string, string>>;

/** Whether scores other than one were confirmed within the window around `at`. */
export function severalScoresAround(recent: RecentClicks, at: string): boolean {
  const t = Date.parse(at);
  return Object.values(recent).filter((when) => Math.abs(Date.parse(when) - t) <= SCANNER_WINDOW_MS).length > 1;
}

export interface Confirmation {
  score: number;
  at: string;
  evidence: ClickEvidence;
  /** Set when the request itself gives the client away (its user agent). */
  requestHold?: HoldReason;
}

/**
 * Why a confirmation is held, if it is. A touch is a person's (scanners do not interact), so
 * only the user agent holds it; a page that merely stayed open is held when other scores were
 * confirmed around it.
 */
export function confirmationHoldReason(confirmation: Confirmation, recent: RecentClicks): HoldReason | undefined {
  if (confirmation.requestHold) return confirmation.requestHold;
  if (confirmation.evidence === 'touched') return undefined;
  return severalScoresAround(recent, confirmation.at) ? 'several-scores' : undefined;
}

/** The stored headline as far as the replacement rule cares. */
export interface StoredHeadline {
  submitted: boolean;
  score?: number;
  held: boolean;
  evidence?: ClickEvidence;
  at?: string;
}

/**
 * Whether a confirmation may replace the stored headline. A submitted form is never replaced
 * by a one-click score. A counted confirmation replaces a held score unless a burst held it
 * within the window (the burst's own stragglers must not undo the hold); a counted score is
 * replaced only by a touch (a person changing their mind touches the new page; a scanner's
 * first fetch of a burst merely opens it). A held confirmation replaces nothing counted,
 * except, for a burst of several scores, a `seen` score confirmed within the same window
 * (the burst's own first fetch, counted before the rest arrived). So no bot traffic
 * overwrites a score a person submitted or touched, or one confirmed a window before it.
 */
export function mayReplace(stored: StoredHeadline, confirmation: Confirmation, hold: HoldReason | undefined): boolean {
  if (stored.submitted) return false;
  if (stored.score === undefined) return true;
  const recent = stored.at !== undefined && Date.parse(confirmation.at) - Date.parse(stored.at) <= SCANNER_WINDOW_MS;
  if (!hold) {
    return confirmation.evidence === 'touched' || (stored.held && !recent);
  }
  if (stored.held) return true;
  return hold === 'several-scores' && stored.evidence !== 'touched' && recent;
}
