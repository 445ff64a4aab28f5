import { daysBetween } from "../calendar/iso-date.js";
import type { TenantPolicy } from "../tenants/policy.js";

/**
 * How an active match is doing, from what the scheme already records, with every reason shown so a
 * coordinator can act on it. The thresholds (twice the minimum visit interval, a month overdue) are
 * Tandem's suggestion: no source gives them.
 */
export type MatchHealth = "on_track" | "needs_check_in" | "at_risk";

export const MatchHealthWords: Record<MatchHealth, string> = {
  on_track: "On track",
  needs_check_in: "Needs a check-in",
  at_risk: "At risk",
};

export interface MatchHealthInput {
  today: string;
  activatedOn: string;
  lastVisitOn: string | null;
  /** The next review's date (null: none due). */
  reviewDueOn: string | null;
  /** The volunteer's next supervision's date (null: none due). */
  supervisionDueOn: string | null;
  openConcerns: number;
  openSafeguardingConcerns: number;
  /** Whether feedback from the last review raised a concern (an unhappy child, a worried carer). */
  recentFeedbackRaisedConcern: boolean;
  /** The last review's outcome said the match should end. */
  lastReviewSaidEnd: boolean;
}

export interface HealthReason {
  code: string;
  level: Exclude<MatchHealth, "on_track">;
  words: string;
}

const INTERVAL_DAYS = { weekly: 7, fortnightly: 14, monthly: 31 } as const;
/** A review or supervision this many days late moves a match from "check in" to "at risk". */
export const LONG_OVERDUE_DAYS = 31;

export function matchHealth(
  input: MatchHealthInput,
  policy: TenantPolicy,
): { health: MatchHealth; reasons: HealthReason[] } {
  const reasons: HealthReason[] = [];
  const interval = INTERVAL_DAYS[policy.visits.minimumFrequency];
  const since = input.lastVisitOn ?? input.activatedOn;
  const days = daysBetween(since, input.today);
  if (days > 2 * interval)
    reasons.push({
      code: "visits_stopped",
      level: "at_risk",
      words: input.lastVisitOn
        ? `No visit for ${days} days: the scheme expects one at least ${policy.visits.minimumFrequency === "monthly" ? "monthly" : policy.visits.minimumFrequency}`
        : `No visit in the ${days} days since the match started`,
    });
  else if (days > interval)
    reasons.push({
      code: "visit_late",
      level: "needs_check_in",
      words: `No visit for ${days} days: the scheme expects one at least ${policy.visits.minimumFrequency}`,
    });
  const late = (dueOn: string | null) => (dueOn !== null && input.today > dueOn ? daysBetween(dueOn, input.today) : 0);
  const reviewLate = late(input.reviewDueOn);
  if (reviewLate > 0)
    reasons.push({
      code: "review_overdue",
      level: reviewLate > LONG_OVERDUE_DAYS ? "at_risk" : "needs_check_in",
      words: `The review is ${reviewLate} days overdue`,
    });
  const supervisionLate = late(input.supervisionDueOn);
  if (supervisionLate > 0)
    reasons.push({
      code: "supervision_overdue",
      level: "needs_check_in",
      words: `The volunteer's supervision is ${supervisionLate} days overdue`,
    });
  if (input.openSafeguardingConcerns > 0)
    reasons.push({ code: "safeguarding_concern", level: "at_risk", words: "A safeguarding concern is open" });
  const other = input.openConcerns - input.openSafeguardingConcerns;
  if (other > 0)
    reasons.push({
      code: "open_concern",
      level: "needs_check_in",
      words: other === 1 ? "A concern is open" : `${other} concerns are open`,
    });
  if (input.recentFeedbackRaisedConcern)
    reasons.push({ code: "feedback_concern", level: "needs_check_in", words: "Recent feedback raised a concern" });
  if (input.lastReviewSaidEnd)
    reasons.push({ code: "review_said_end", level: "at_risk", words: "The last review said the match should end" });
  const health: MatchHealth = reasons.some((r) => r.level === "at_risk")
    ? "at_risk"
    : reasons.length > 0
      ? "needs_check_in"
      : "on_track";
  return { health, reasons };
}

const RANK: Record<MatchHealth, number> = { at_risk: 0, needs_check_in: 1, on_track: 2 };

/** A coordinator's matches, the ones needing attention first, then by the most reasons, then by id. */
export function byHealth<T extends { id: string; health: MatchHealth; reasons: readonly unknown[] }>(
  list: readonly T[],
): T[] {
  return [...list].sort(
    (a, b) => RANK[a.health] - RANK[b.health] || b.reasons.length - a.reasons.length || a.id.localeCompare(b.id),
  );
}
