import { addDays, addMonths, daysBetween } from "../calendar/iso-date.js";
import type { TenantPolicy } from "../tenants/policy.js";

type Frequency = TenantPolicy["visits"]["minimumFrequency"];

/** The latest day the next visit can be on and still meet the frequency. */
export function nextVisitDueBy(frequency: Frequency, since: string): string {
  if (frequency === "weekly") return addDays(since, 7);
  if (frequency === "fortnightly") return addDays(since, 14);
  return addMonths(since, 1);
}

export interface FrequencyState {
  lastVisitOn: string | null;
  dueBy: string;
  behind: boolean;
  /** Days past the due date; 0 when not behind. */
  daysBehind: number;
}

/**
 * Whether a match is behind the council's minimum frequency ("no less than monthly", Leicestershire; "at
 * least once per month", Northamptonshire). Counted from the last recorded visit, or from the day the
 * match became active when there is none yet.
 */
export function frequencyState(
  frequency: Frequency,
  lastVisitOn: string | null,
  activeSince: string,
  today: string,
): FrequencyState {
  const dueBy = nextVisitDueBy(frequency, lastVisitOn ?? activeSince);
  const behind = today > dueBy;
  return { lastVisitOn, dueBy, behind, daysBehind: behind ? daysBetween(dueBy, today) : 0 };
}
