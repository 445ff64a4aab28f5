/** Words for a referral's status, flags, actions and history, as coordinators say them. Pure. */
import type {
  EligibilityFlagCode,
  ReferralAction,
  ReferralHistoryEntry,
  ReferralStatus,
  ReferralStatusFilter,
} from "../../api/referrals";
import type { TagColour } from "../../components";

export const STATUS_NAMES: Record<ReferralStatus, string> = {
  submitted: "Submitted",
  awaiting_information: "Awaiting information",
  under_review: "Under review",
  accepted: "Accepted",
  waiting_for_match: "Waiting for a match",
  matched: "Matched",
  declined: "Declined",
  withdrawn: "Withdrawn",
  closed: "Closed after a match ended",
};

export const STATUS_COLOURS: Record<ReferralStatus, TagColour> = {
  submitted: "blue",
  awaiting_information: "yellow",
  under_review: "light-blue",
  accepted: "turquoise",
  waiting_for_match: "purple",
  matched: "green",
  declined: "red",
  withdrawn: "grey",
  closed: "grey",
};

/** The list's status filter: the three groups the API reads in one query, then each status. */
export const STATUS_FILTERS: readonly { value: ReferralStatusFilter | ""; label: string; hint?: string }[] = [
  { value: "", label: "All referrals" },
  { value: "open", label: "Open", hint: "Submitted, awaiting information or under review" },
  { value: "waiting_list", label: "On the waiting list", hint: "Accepted or waiting for a match" },
  { value: "closed", label: "Closed", hint: "Matched, declined, withdrawn or closed after a match ended" },
  ...(Object.keys(STATUS_NAMES) as ReferralStatus[]).map((s) => ({ value: s, label: STATUS_NAMES[s] })),
];

export const FLAG_NAMES: Record<EligibilityFlagCode, string> = {
  age_below_minimum: "Below the minimum age",
  age_above_maximum: "Above the maximum age",
  care_leaver_must_be_vulnerable: "Care leaver: must be vulnerable",
  time_in_care_too_short: "Time in care too short",
  exemption_applied: "Exemption applied",
  proceedings_not_concluded: "Proceedings not concluded",
  no_long_term_plan: "No long-term plan",
  placement_about_to_move: "Placement about to move",
  out_of_area_needs_funding: "Out of area: needs funding",
  out_of_area_not_accepted: "Out of area",
  regular_family_contact: "Regular family contact",
  sought_instead_of_respite: "Instead of respite care",
  child_objects: "Child objects",
  child_not_asked: "Child not asked yet",
  serious_safeguarding_concerns: "Serious safeguarding concerns",
  untrusted_referrer_domain: "Unrecognised referrer e-mail",
  referrer_role_not_accepted: "Referrer's role not accepted",
  self_referrals_not_accepted: "Self-referrals not accepted",
};

/** Flags that point to information, not a problem: shown in a calmer colour. */
const INFORMATIONAL: readonly EligibilityFlagCode[] = ["exemption_applied", "child_not_asked"];

export function flagColour(code: EligibilityFlagCode): TagColour {
  if (code === "serious_safeguarding_concerns" || code === "child_objects") return "red";
  return INFORMATIONAL.includes(code) ? "grey" : "orange";
}

/** The workspace's buttons, in the order they are offered. `return_to_waiting_list` belongs to matching, as does making a referral matched. */
export const ACTION_NAMES: Partial<Record<ReferralAction, string>> = {
  start_review: "Start review",
  request_information: "Ask the referrer for information",
  accept: "Accept referral",
  add_pen_picture: "Add the pen picture",
  decline: "Decline referral",
  withdraw: "Record a withdrawal",
  reopen: "Reopen for review",
};

/** Actions that need more than a click: each has its own page. */
export const ACTION_PAGES: Partial<Record<ReferralAction, string>> = {
  accept: "accept",
  request_information: "request-information",
  add_pen_picture: "pen-picture",
  decline: "decline",
  withdraw: "withdraw",
};

export function offeredActions(allowed: readonly ReferralAction[]): ReferralAction[] {
  return (Object.keys(ACTION_NAMES) as ReferralAction[]).filter((a) => allowed.includes(a));
}

const HISTORY_NAMES: Record<ReferralHistoryEntry["action"], string> = {
  submitted: "Referral received",
  verified: "Referrer's e-mail confirmed",
  information_answered: "Referrer answered",
  start_review: "Review started",
  request_information: "Information requested",
  information_received: "Information received",
  accept: "Accepted",
  decline: "Declined",
  withdraw: "Withdrawn",
  add_pen_picture: "Pen picture added",
  match: "Matched",
  return_to_waiting_list: "Returned to the waiting list",
  reopen: "Reopened",
};

export function historyName(action: ReferralHistoryEntry["action"]): string {
  return HISTORY_NAMES[action] ?? action.replaceAll("_", " ");
}

/** "1 day", "12 days". */
export function days(n: number): string {
  return `${n} ${n === 1 ? "day" : "days"}`;
}
