import * as z from "zod";
import { addDays, IsoDate } from "../calendar/iso-date.js";
import { CLOCK_TIME, londonTimeToInstant, minutesOfDay } from "../calendar/london-time.js";
import type { TenantPolicy } from "../tenants/policy.js";

const ClockTime = z.string().regex(CLOCK_TIME, "Enter a time like 14:00");
const Short = (what: string, max: number) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Use ${max} characters or fewer`);

/**
 * Leicester City's lone working: "a named person is aware of when they are going to meet with a child
 * or young person and where the visit is going to take place" and is told "when they have returned".
 */
export const NamedPerson = z
  .object({
    name: Short("the name of the person who knows about the visit", 120),
    phone: z
      .string()
      .trim()
      .max(20)
      .regex(/^\+?[0-9][0-9 ]{5,18}[0-9]$/, "Enter a phone number like 07700 900123")
      .optional(),
  })
  .strict();

/** A visit the volunteer plans: when (London time), what, where, and who knows. */
export const VisitPlan = z
  .object({
    on: IsoDate,
    startsAt: ClockTime,
    endsAt: ClockTime,
    /** The visit ends on the next day: an overnight stay. */
    overnight: z.boolean().default(false),
    activity: Short("the activity", 120),
    place: Short("where the visit is", 200),
    namedPerson: NamedPerson.optional(),
  })
  .strict()
  .refine((p) => p.overnight || minutesOfDay(p.endsAt) > minutesOfDay(p.startsAt), {
    path: ["endsAt"],
    message: "The visit must end after it starts (or say it is overnight)",
  });
export type VisitPlan = z.infer<typeof VisitPlan>;

/** How long a planned visit lasts, in minutes. */
export function plannedMinutes(plan: Pick<VisitPlan, "startsAt" | "endsAt" | "overnight">): number {
  const end = minutesOfDay(plan.endsAt) + (plan.overnight ? 24 * 60 : 0);
  return end - minutesOfDay(plan.startsAt);
}

/** The instant the visit is planned to end (for the home-safe timer). */
export function plannedEnd(plan: Pick<VisitPlan, "on" | "endsAt" | "overnight">): Date {
  return londonTimeToInstant(plan.overnight ? addDays(plan.on, 1) : plan.on, plan.endsAt);
}

export type LengthVerdict =
  | { kind: "allowed" }
  | { kind: "needs_prior_approval"; reason: string }
  | { kind: "refused"; reason: string };

/**
 * Leicestershire: "should not be in the care of an independent visitor for more than 8 hrs or overnight.
 * Only in exceptional circumstances will this be agreed by the Assistant Director or their nominated
 * person." Both limits follow the policy's `overnight` setting: agreed beforehand by a senior manager
 * where it allows that, refused where it says never.
 */
export function lengthVerdict(
  plan: Pick<VisitPlan, "startsAt" | "endsAt" | "overnight">,
  visits: Pick<TenantPolicy["visits"], "maxHours" | "overnight">,
): LengthVerdict {
  const minutes = plannedMinutes(plan);
  const over = minutes > visits.maxHours * 60;
  if (!over && !plan.overnight) return { kind: "allowed" };
  const what = plan.overnight
    ? "An overnight visit"
    : `A visit of ${hoursInWords(minutes)} is longer than the ${hoursInWords(visits.maxHours * 60)} allowed, and`;
  if (visits.overnight === "senior_manager_approval") {
    return {
      kind: "needs_prior_approval",
      reason: `${what} needs a senior manager's agreement before it takes place`,
    };
  }
  return {
    kind: "refused",
    reason: plan.overnight
      ? "This scheme does not allow overnight visits"
      : `${what} this scheme does not allow longer visits`,
  };
}

export function hoursInWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 0 ? "" : `${h} ${h === 1 ? "hour" : "hours"}`;
  const mins = m === 0 ? "" : `${m} ${m === 1 ? "minute" : "minutes"}`;
  return [hours, mins].filter(Boolean).join(" ") || "0 minutes";
}

/** What stops a plan being saved under the policy (each with the field it belongs to), beyond its length. */
export function planProblems(
  plan: VisitPlan,
  visits: Pick<TenantPolicy["visits"], "namedPersonRequired">,
  riskAssessedActivities: readonly string[],
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (visits.namedPersonRequired && !plan.namedPerson) {
    out.push({
      path: "namedPerson",
      message: "Name the person who knows where and when the visit is, and whom you will tell when you are home",
    });
  }
  // An empty list means the match has no risk-assessed list yet: any activity the coordinator has not ruled out.
  const allowed = riskAssessedActivities.map((a) => a.toLowerCase());
  if (allowed.length > 0 && !allowed.includes(plan.activity.toLowerCase())) {
    out.push({
      path: "activity",
      message: `Choose an activity from the match's risk assessment: ${riskAssessedActivities.join(", ")}`,
    });
  }
  return out;
}

/**
 * Why a visit cannot be recorded as a past one on this day: a visit today or later is planned first (its
 * home-safe timer still matters), and none comes before the match became active. Null when it can.
 */
export function pastVisitDateProblem(on: string, today: string, activeSince: string | null): string | null {
  if (on >= today) return "A past visit is before today: plan a visit today or later instead";
  if (activeSince !== null && on < activeSince) {
    return `The match became active on ${activeSince}: a visit is on or after that day`;
  }
  return null;
}
