import { displayDayAndDate, displayTime } from "../calendar/display.js";
import { addDays } from "../calendar/iso-date.js";
import { londonTimeToInstant } from "../calendar/london-time.js";

/**
 * A senior manager's decision on a visit over the hours or overnight (Leicestershire: "Only in
 * exceptional circumstances will this be agreed by the Assistant Director or their nominated person").
 */

/** Longest reason a manager gives for refusing (ours: the claims' decision notes take the same). */
export const DECISION_REASON_MAX = 500;

/**
 * What stops a decision being saved: a refusal must say why, because the volunteer is told the reason
 * (they plan again, shorter or another day); an approval's note is optional.
 */
export function visitDecisionProblem(
  approved: boolean,
  reason: string | undefined,
): { path: "reason"; message: string } | null {
  const text = reason?.trim() ?? "";
  if (!approved && text === "") return { path: "reason", message: "Say why you are refusing this visit" };
  if (text.length > DECISION_REASON_MAX) {
    return { path: "reason", message: `Use ${DECISION_REASON_MAX} characters or fewer` };
  }
  return null;
}

type When = { on: string; startsAt: string; endsAt: string; overnight: boolean };

/**
 * When a visit is planned, in words, as the manager and the volunteer read it: "Saturday 12 December
 * 2026, 6pm to 10am the next day". Times are London's, as the volunteer planned them.
 */
export function visitWhenInWords(plan: When, language: "en" | "cy" = "en"): string {
  const start = displayTime(londonTimeToInstant(plan.on, plan.startsAt).toISOString(), language);
  const endDay = plan.overnight ? addDays(plan.on, 1) : plan.on;
  const end = displayTime(londonTimeToInstant(endDay, plan.endsAt).toISOString(), language);
  if (language === "cy") {
    // WELSH-CHECK: new Welsh for the visit approvals, not yet read by a Welsh speaker (ADR 22).
    return `${displayDayAndDate(plan.on, "cy")}, ${start} tan ${end}${plan.overnight ? " drannoeth" : ""}`;
  }
  return `${displayDayAndDate(plan.on)}, ${start} to ${end}${plan.overnight ? " the next day" : ""}`;
}
