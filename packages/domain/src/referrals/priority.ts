import * as z from "zod";
import { displayDate } from "../calendar/display.js";
import { addMonths, daysBetween } from "../calendar/iso-date.js";
import { MAX_PRIORITY_WEIGHT } from "../tenants/limits.js";
import type { TenantPolicy } from "../tenants/policy.js";
import type { ReferralAnswers } from "./answers.js";

/**
 * Who waits least for a volunteer: the statutory guidance's reasons to offer an Independent Visitor
 * (infrequent contact with parents; not visited in the last year) and a reason to consider one (placed
 * a long way from home), each weighed as the council's policy says (`referrals.priority`).
 */
export const PriorityReasonCode = z.enum([
  "little_or_no_family_contact",
  "not_visited_in_last_year",
  "placed_far_from_home",
]);
export type PriorityReasonCode = z.infer<typeof PriorityReasonCode>;

type PrioritySettings = TenantPolicy["referrals"]["priority"];

const weightOf = (code: PriorityReasonCode, s: PrioritySettings): number =>
  ({
    little_or_no_family_contact: s.littleOrNoFamilyContactWeight,
    not_visited_in_last_year: s.notVisitedInLastYearWeight,
    placed_far_from_home: s.placedFarFromHomeWeight,
  })[code];

export interface PriorityReason {
  code: PriorityReasonCode;
  weight: number;
  reason: string;
}

export function priorityReasons(
  answers: Pick<ReferralAnswers, "family" | "careStatus">,
  settings: PrioritySettings,
  todayIso: string,
): PriorityReason[] {
  const out: PriorityReason[] = [];
  const add = (code: PriorityReasonCode, reason: string) =>
    out.push({ code, weight: weightOf(code, settings), reason });
  const farMiles = settings.farFromHomeMiles;
  const f = answers.family;
  if (f.contactLevel !== "regular") {
    add(
      "little_or_no_family_contact",
      f.contactLevel === "none" ? "No contact with family" : "Little contact with family",
    );
  }
  const yearAgo = addMonths(todayIso, -12);
  if (f.lastVisitedByFamily !== undefined) {
    if (f.lastVisitedByFamily < yearAgo) {
      add(
        "not_visited_in_last_year",
        `Last visited by family on ${displayDate(f.lastVisitedByFamily)}, more than a year ago`,
      );
    }
  } else if (f.contactLevel === "none") {
    // No contact at all means no visit either, even when the referrer left the date blank.
    add("not_visited_in_last_year", "Not visited by family: no contact at all");
  }
  const c = answers.careStatus;
  if (c.distanceFromHomeMiles !== undefined) {
    if (c.distanceFromHomeMiles > farMiles) {
      add("placed_far_from_home", `Placed ${c.distanceFromHomeMiles} miles from home (over ${farMiles})`);
    }
  } else if (!c.placedInArea) {
    // Without a distance, out of area is the best evidence there is; a given distance wins because
    // a placement just over the boundary is not far.
    add("placed_far_from_home", "Placed out of area (distance not given)");
  }
  return out;
}

export function priorityWeight(reasons: readonly PriorityReason[]): number {
  return reasons.reduce((sum, r) => sum + r.weight, 0);
}

/** Calendar days waited; 0 rather than negative when the start is after today (clock skew, data entry). */
export function daysWaiting(acceptedOrSubmittedIso: string, todayIso: string): number {
  return Math.max(0, daysBetween(acceptedOrSubmittedIso, todayIso));
}

export interface WaitingListEntry {
  /** Sum of priority reason weights: 0 to MAX_PRIORITY_WEIGHT. */
  weight: number;
  /** The date the child started waiting (accepted, or submitted where acceptance is not recorded). */
  waitingSince: string;
  /** Breaks ties so the order never depends on how the list was read. */
  reference: string;
}

/** Plain code-unit comparison, as DynamoDB compares sort keys bytewise (the same for ASCII). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Heavier priority first, then longest waiting, then reference. */
export function compareForWaitingList(a: WaitingListEntry, b: WaitingListEntry): number {
  return b.weight - a.weight || byCodeUnits(a.waitingSince, b.waitingSince) || byCodeUnits(a.reference, b.reference);
}

/**
 * A sort key in the same order as compareForWaitingList, for a DynamoDB index the waiting list is
 * read from in order. The weight is inverted and zero-padded so heavier sorts first; the ISO date
 * already sorts oldest first; the reference goes last because its length may vary.
 */
export function priorityKey(entry: WaitingListEntry): string {
  const { weight, waitingSince, reference } = entry;
  if (!Number.isInteger(weight) || weight < 0 || weight > MAX_PRIORITY_WEIGHT) {
    throw new RangeError(`Priority weight must be a whole number from 0 to ${MAX_PRIORITY_WEIGHT}: ${weight}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(waitingSince)) throw new RangeError(`Not an ISO date: ${waitingSince}`);
  const inverted = String(MAX_PRIORITY_WEIGHT - weight).padStart(2, "0");
  return `P${inverted}#${waitingSince}#${reference}`;
}
