import type * as z from "zod";
import { MAX_PRIORITY_WEIGHT, type TenantPolicy as Policy, StoredTenantPolicy } from "./policy.js";

/**
 * A council's policy as it is sent to be saved (a policy change, the settings page's draft): the stored
 * policy's rules, and settings checked against one another.
 */
export const TenantPolicy = StoredTenantPolicy.superRefine(
  (p, ctx) => {
    for (const issue of contradictionsSoFar(p, ctx.issues))
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  },
  // Checked even when a setting is malformed (a word where a number goes, an unknown frequency), so a
  // council hears of every problem in one round, not the contradictions only once the rest is fixed.
  { when: () => true },
);
export type TenantPolicy = Policy;

/**
 * The contradictions in a policy that may not have parsed: none for a setting that already has a
 * problem (the first message for a field is the one shown), and none at all when a whole section is
 * missing or of the wrong shape, where there is nothing to compare yet.
 */
function contradictionsSoFar(
  p: unknown,
  issues: readonly { path?: readonly PropertyKey[] | undefined }[],
): { path: (string | number)[]; message: string }[] {
  let found: { path: (string | number)[]; message: string }[];
  try {
    found = policyContradictions(p as PolicyShape);
  } catch {
    return [];
  }
  const taken = new Set(issues.map((i) => (i.path ?? []).map(String).join(".")));
  return found.filter((c) => !taken.has(c.path.join(".")));
}

type PolicyShape = z.input<typeof StoredTenantPolicy>;

/**
 * Settings that each pass validation alone but contradict one another.
 * Returned rather than thrown so the SPA can show every reason at once.
 */
export function policyContradictions(p: PolicyShape): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const r = p.referrals;
  if (r.minAge > r.maxAge) {
    out.push({ path: ["referrals", "minAge"], message: "The youngest referral age cannot be above the oldest" });
  }
  const leavers = r.careLeavers;
  if (leavers.acceptedUpToAge !== null && leavers.acceptedUpToAge <= r.maxAge) {
    out.push({
      path: ["referrals", "careLeavers", "acceptedUpToAge"],
      message: "The care-leaver end age must be above the oldest referral age",
    });
  }
  if (leavers.vulnerableUpToAge !== null) {
    if (leavers.acceptedUpToAge === null) {
      out.push({
        path: ["referrals", "careLeavers", "vulnerableUpToAge"],
        message: "Vulnerable care leavers can only be supported longer if care leavers are accepted at all",
      });
    } else if (leavers.vulnerableUpToAge < leavers.acceptedUpToAge) {
      out.push({
        path: ["referrals", "careLeavers", "vulnerableUpToAge"],
        message: "The end age for vulnerable care leavers cannot be below the end age for other care leavers",
      });
    }
  }
  if (r.minimumMonthsInCare === 0 && r.timeInCareExemptions.length > 0) {
    out.push({
      path: ["referrals", "timeInCareExemptions"],
      message: "Exemptions from the time-in-care rule only make sense when a minimum time in care is set",
    });
  }
  const v = p.visits;
  if (v.typicalHours.min > v.typicalHours.max) {
    out.push({
      path: ["visits", "typicalHours", "min"],
      message: "The typical visit length's minimum is above its maximum",
    });
  }
  if (v.typicalHours.max > v.maxHours) {
    out.push({
      path: ["visits", "typicalHours", "max"],
      message: "A typical visit cannot be longer than the longest allowed visit",
    });
  }
  const order = { weekly: 1, fortnightly: 2, monthly: 3 } as const;
  if (order[v.idealFrequency] > order[v.minimumFrequency]) {
    out.push({
      path: ["visits", "idealFrequency"],
      message: "The ideal visit frequency cannot be less often than the minimum",
    });
  }
  const m = p.matches;
  if (m.trialVisits.min > m.trialVisits.max) {
    out.push({
      path: ["matches", "trialVisits", "min"],
      message: "The trial's fewest visits are above its most visits",
    });
  }
  if (m.endingAlertMonths !== undefined && m.endingAlertMonths.second >= m.endingAlertMonths.first) {
    out.push({
      path: ["matches", "endingAlertMonths", "second"],
      message: "The second end-age alert must come after the first, so fewer months before the end",
    });
  }
  if (
    m.feedbackLinkDays !== undefined &&
    m.feedbackReminderDays !== undefined &&
    m.feedbackReminderDays >= m.feedbackLinkDays
  ) {
    out.push({
      path: ["matches", "feedbackReminderDays"],
      message: "A feedback reminder must be sent before the feedback link expires",
    });
  }
  const maxSupportAge = Math.max(r.maxAge + 1, leavers.vulnerableUpToAge ?? 0, leavers.acceptedUpToAge ?? 0);
  if (m.supportEndsAtAge > maxSupportAge) {
    out.push({
      path: ["matches", "supportEndsAtAge"],
      message:
        "Support cannot continue past the oldest age at which a young person can be referred or supported as a care leaver",
    });
  }
  const e = p.expenses;
  if (e.perVisitCapPence !== null && e.perMonthCapPence !== null && e.perVisitCapPence > e.perMonthCapPence) {
    out.push({ path: ["expenses", "perVisitCapPence"], message: "The per-visit cap cannot be above the monthly cap" });
  }
  if (
    e.perVisitCapPence !== null &&
    e.monthlyBudget?.amountPence != null &&
    e.perVisitCapPence > e.monthlyBudget.amountPence
  ) {
    out.push({
      path: ["expenses", "perVisitCapPence"],
      message: "The per-visit cap cannot be above the monthly budget",
    });
  }
  if (e.monthlyBudget !== null && !e.monthlyBudget.canBeSavedUp && (e.monthlyBudget.maxSavedMonths ?? 0) > 0) {
    out.push({
      path: ["expenses", "monthlyBudget", "maxSavedMonths"],
      message: "Months of budget that can be saved must be 0 when the budget cannot be saved up",
    });
  }
  const w = r.priority;
  if (
    w !== undefined &&
    w.littleOrNoFamilyContactWeight + w.notVisitedInLastYearWeight + w.placedFarFromHomeWeight > MAX_PRIORITY_WEIGHT
  ) {
    out.push({
      path: ["referrals", "priority", "littleOrNoFamilyContactWeight"],
      message: `The priority weights add up to more than ${MAX_PRIORITY_WEIGHT}, the most the waiting list can order by`,
    });
  }
  const vol = p.volunteers;
  if (vol.professionalReferenceRequired && vol.referencesRequired < 1) {
    out.push({
      path: ["volunteers", "referencesRequired"],
      message: "A professional reference needs at least one reference",
    });
  }
  const codes = vol.training.map((t) => t.code);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup !== undefined) {
    out.push({ path: ["volunteers", "training"], message: `Training code "${dup}" is listed twice` });
  }
  // 28 days is the shortest month: a warning that long would flag a document as expiring the day it is seen.
  if (vol.expiryWarningDays >= vol.drivingDocumentsReviewMonths * 28) {
    out.push({
      path: ["volunteers", "expiryWarningDays"],
      message: "The expiry warning must be shorter than the driving documents' review period",
    });
  }
  return out;
}
