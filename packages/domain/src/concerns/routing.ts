import { todayInLondon } from "../calendar/iso-date.js";
import { londonTimeToInstant } from "../calendar/london-time.js";
import { isWorkingDay } from "../calendar/working-days.js";
import type { ConcernType } from "./report.js";

export type Recipient =
  | "safeguarding_contacts"
  | "coordinator"
  | "line_manager"
  | "childs_social_worker"
  | "supervising_social_worker"
  | "out_of_hours_duty_team"
  | "carer";

export interface Routing {
  /** Who must be told, first to last. */
  tell: Recipient[];
  /** How fast, in the source's words. */
  urgency: "immediately" | "as_soon_as_possible";
  /** The source's sentence the route comes from. */
  source: string;
}

/**
 * Office hours, which decide whether a disclosure goes to the social worker or the duty team: Monday to
 * Friday, 9:00 to 17:00, on working days in England and Wales. No source gives hours, so these are
 * Tandem's suggestion.
 */
export function isOutOfHours(londonDate: string, londonMinutesOfDay: number): boolean {
  return !isWorkingDay(londonDate) || londonMinutesOfDay < 9 * 60 || londonMinutesOfDay >= 17 * 60;
}

/** `isOutOfHours` at an instant, on London's clock. */
export function isOutOfHoursAt(now: Date): boolean {
  const day = todayInLondon(now);
  // On a clock-change day (always a Sunday, out of hours whatever the minute) this is an hour out.
  const minutes = Math.floor((now.getTime() - londonTimeToInstant(day, "00:00").getTime()) / 60_000);
  return isOutOfHours(day, minutes);
}

/**
 * Who is told of a concern, and how fast. Every concern reaches the council's designated safeguarding
 * contacts at once by e-mail (the tenant setting); the route says who else the sources name.
 */
export function concernRouting(type: ConcernType, outOfHours: boolean): Routing {
  switch (type) {
    case "disclosure":
      return {
        tell: ["safeguarding_contacts", outOfHours ? "out_of_hours_duty_team" : "childs_social_worker"],
        urgency: "immediately",
        source:
          "Leicestershire: the child's social worker or First Response Children's Duty Out of Hours service must be contacted, and advice sought prior to returning the child/young person to their carers",
      };
    case "safeguarding_concern":
      return {
        tell: ["safeguarding_contacts", "line_manager", ...(outOfHours ? (["out_of_hours_duty_team"] as const) : [])],
        urgency: "immediately",
        source:
          "Leicestershire: Any safeguarding concerns will immediately be raised with the Fostering Service line manager",
      };
    case "incident":
    case "accident":
      return {
        tell: ["safeguarding_contacts", "coordinator", "carer", "supervising_social_worker", "childs_social_worker"],
        urgency: "as_soon_as_possible",
        source:
          "Leicester City: Foster carers will be informed of any incident/accident by the IV when returning a young person. The IV Co-ordinator will inform SSW and child's SW of any incident/accident ASAP",
      };
    case "missing_child":
      return {
        tell: [
          "safeguarding_contacts",
          "carer",
          "coordinator",
          ...(outOfHours ? (["out_of_hours_duty_team"] as const) : []),
        ],
        urgency: "immediately",
        source:
          "Leicester City: If your visiting young person goes missing whilst in your care, it is your duty to notify the young person's foster carer",
      };
    case "complaint":
      return {
        tell: ["safeguarding_contacts", "coordinator"],
        urgency: "as_soon_as_possible",
        source: "Leicester City: 3-stage complaints procedure, starting with the IV Co-ordinator",
      };
  }
}
