import type { TInvitation } from '../invitations/invitation-store.ts';
import { isAnonymousInvitation } from '../invitations/invitation-store.ts';

/**
 * What the privacy commands say about an anonymous questionnaire's invitation: that the
 * person was invited and whether they answered — all that is held, since the response is
 * keyed by an id the invitation never stored. Listing more (the link id, send times) would
 * print what an admin could try to match against responses.
 */
export interface AnonymousInvitationRecord {
  questionnaireId: string;
  waveId: string;
  audience: TInvitation['audience'];
  anonymous: true;
  invited: true;
  answered: boolean;
}

export function anonymousRecord(invitation: TInvitation, legacyAnswered: boolean): AnonymousInvitationRecord {
  return {
    questionnaireId: invitation.questionnaireId,
    waveId: invitation.waveId,
    audience: invitation.audience,
    anonymous: true,
    invited: true,
    answered: invitation.answered === true || legacyAnswered,
  };
}

/** A person's invitations split into those whose responses are theirs and the anonymous ones. */
export function splitByAnonymity(invitations: readonly TInvitation[], anonymousQuestionnaires: ReadonlySet<string> = new Set()): { named: TInvitation[]; anonymous: TInvitation[] } {
  const anonymous = invitations.filter((i) => isAnonymousInvitation(i) || anonymousQuestionnaires.has(i.questionnaireId));
  return { named: invitations.filter((i) => !anonymous.includes(i)), anonymous };
}
