import type { ComplaintChange, TComplaint } from './complaint-store.ts';
import type { ComplaintAction } from './complaint-emails.tsx';

/**
 * Whom a complaint link was sent to: the owner of one assignment (the first owner, or a
 * reassignment's new owner), or the head of service (an escalation). The link says so in
 * its signed grant, so a link forwarded or kept after a Reassign acts for no one else.
 */
export type LinkHolder = { readonly assignment: number } | { readonly headOfService: true };

/** The head of service: the second and last escalation level. */
export const TOP_LEVEL = 2;

export function grantOf(holder: LinkHolder): string {
  return 'assignment' in holder ? `o${holder.assignment}` : 'h';
}

/**
 * The holder a link's grant names; undefined for a grant this version does not know. Links
 * sent before grants existed act for the first owner's assignment.
 */
export function holderOf(grant: string | undefined): LinkHolder | undefined {
  if (grant === undefined) return { assignment: 0 };
  if (grant === 'h') return { headOfService: true };
  const owner = /^o(\d{1,6})$/.exec(grant);
  return owner ? { assignment: Number(owner[1]) } : undefined;
}

/**
 * Who acts through the link now: the owner while their assignment is current, the head of
 * service while the complaint is escalated to them; undefined when the link no longer holds it.
 */
export function actingAs(complaint: TComplaint, holder: LinkHolder, headOfServiceEmail: string): string | undefined {
  if ('assignment' in holder) return holder.assignment === (complaint.assignment ?? 0) ? complaint.ownerEmail : undefined;
  return complaint.level >= TOP_LEVEL ? headOfServiceEmail : undefined;
}

/**
 * The actions a link may take on the complaint as it stands: what its page offers and what
 * its POSTs may do — one rule for both, so a page never offers a button that would be refused.
 */
export function grantedActions(complaint: TComplaint, holder: LinkHolder, headOfServiceEmail: string, managers: readonly string[]): ComplaintAction[] {
  if (complaint.state === 'resolved' || !actingAs(complaint, holder, headOfServiceEmail)) return [];
  return [
    ...(complaint.state === 'open' ? (['acknowledge'] as const) : []),
    'resolve',
    ...(managers.some((manager) => manager !== complaint.ownerEmail) ? (['reassign'] as const) : []),
  ];
}

export type ActionRequest =
  | { readonly action: 'acknowledge' }
  | { readonly action: 'resolve'; readonly note?: string | undefined }
  | { readonly action: 'reassign'; readonly to: string };

export type ActionDecision =
  | { readonly outcome: 'changed'; readonly by: string; readonly change: ComplaintChange }
  | { readonly outcome: 'not-holder' | 'resolved' | 'already-acknowledged' | 'already-owner'; readonly change?: undefined };

/**
 * What an action through a link does to the complaint as it stands, and the notifications
 * that implies. Pure: the store applies the change only if the complaint is still the one
 * decided on, and decides again otherwise.
 */
export function decideAction(
  complaint: TComplaint,
  holder: LinkHolder,
  request: ActionRequest,
  handling: { readonly headOfServiceEmail: string; readonly notifyCustomerOnAcknowledge: boolean },
  at: string,
): ActionDecision {
  if (complaint.state === 'resolved') return { outcome: 'resolved' };
  const by = actingAs(complaint, holder, handling.headOfServiceEmail);
  if (!by) return { outcome: 'not-holder' };
  const acknowledging = complaint.acknowledgedAt ? {} : { acknowledgedAt: at, acknowledgedBy: by };
  switch (request.action) {
    case 'acknowledge':
      if (complaint.state !== 'open') return { outcome: 'already-acknowledged' };
      return {
        outcome: 'changed',
        by,
        change: {
          set: { state: 'acknowledged', ...acknowledging },
          event: { at, event: 'acknowledged', by },
          notify: complaint.customer && handling.notifyCustomerOnAcknowledge ? [{ key: 'customer-acknowledged' }] : [],
        },
      };
    case 'resolve':
      return {
        outcome: 'changed',
        by,
        change: {
          set: { state: 'resolved', resolvedAt: at, ...acknowledging, ...(request.note ? { resolutionNote: request.note } : {}) },
          event: { at, event: 'resolved', by },
          closes: true,
          notify: [],
        },
      };
    case 'reassign': {
      if (request.to === complaint.ownerEmail) return { outcome: 'already-owner' };
      const assignment = (complaint.assignment ?? 0) + 1;
      return {
        outcome: 'changed',
        by,
        change: {
          set: { ownerEmail: request.to, assignment },
          event: { at, event: `reassigned to ${request.to}`, by },
          // The history's length is unique per change (each is conditional on the version read) and never reused.
          notify: [{ key: `reassigned-${complaint.history.length}`, to: request.to, assignment }],
        },
      };
    }
  }
}

/**
 * Raises an overdue complaint to the head of service, once: decided on the complaint as it
 * stands, so an Acknowledge that landed since the sweep listed it is respected.
 */
export function decideEscalation(complaint: TComplaint, overdue: boolean, headOfServiceEmail: string, at: string): { change?: ComplaintChange } {
  if (!overdue || complaint.level >= TOP_LEVEL) return {};
  return {
    change: {
      set: { level: TOP_LEVEL, escalatedAt: at },
      event: { at, event: `escalated to level ${TOP_LEVEL}` },
      notify: [{ key: 'escalated', to: headOfServiceEmail }],
    },
  };
}
