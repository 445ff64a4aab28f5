/** Words for concerns, shared by the portal and the workspace. */
import type { ConcernActionKind, ConcernType } from "../api/concerns";

export const CONCERN_TYPES: Record<ConcernType, { label: string; hint: string }> = {
  disclosure: { label: "A disclosure", hint: "The child told you something that worries you" },
  safeguarding_concern: { label: "A safeguarding concern", hint: "Something you saw or heard that worries you" },
  incident: { label: "An incident", hint: "Something went wrong during a visit" },
  accident: { label: "An accident", hint: "Someone was hurt" },
  missing_child: { label: "A missing child", hint: "The child did not come back or cannot be found" },
  complaint: { label: "A complaint about the service", hint: "About the scheme, not about the child" },
};

export const ACTION_KINDS: Record<ConcernActionKind, string> = {
  social_worker_told: "The child's social worker was told",
  supervising_social_worker_told: "The supervising social worker was told",
  carer_told: "The carer was told",
  police_told: "The police were told",
  duty_team_told: "The out-of-hours duty team was told",
  volunteer_suspended: "The volunteer is suspended",
  match_ending_started: "The match is being ended",
  other: "Something else",
};

/** Acts that cannot be taken back (or that others act on): asked again before they are recorded. */
export const SERIOUS_ACTIONS: readonly ConcernActionKind[] = [
  "volunteer_suspended",
  "match_ending_started",
  "police_told",
];
