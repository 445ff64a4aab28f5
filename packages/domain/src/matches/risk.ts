import * as z from "zod";
import { addMonths, IsoDate } from "../calendar/iso-date.js";
import type { TenantRole } from "../people/roles.js";

/**
 * Risk assessments (Leicestershire, "Appointment of an Independent Visitor"):
 * - the volunteer's checklist, "completed with Independent Visitor prior to matching": their home, their
 *   car, their pets, and for a dog "a dog risk assessment would need to be completed before the dog could
 *   be brought on any visit with the child";
 * - each match's planned activities: "a risk assessment completed for each activity and provided to the
 *   person who has delegated authority"; "where the activity is considered high risk ... the activity
 *   will not take place".
 * No source says how often the checklist is looked at again: a yearly review is Tandem's suggestion.
 */

const Notes = z.string().trim().max(2000, "Use 2000 characters or fewer");
const Name = z.string().trim().min(1, "Enter a name").max(120, "Use 120 characters or fewer");

/** Months after which a volunteer's checklist must be reviewed before another proposal (Tandem's suggestion). */
export const RISK_CHECKLIST_REVIEW_MONTHS = 12;

export const DogAssessment = z
  .object({
    completedOn: IsoDate,
    dogs: z.string().trim().min(1, "Name or describe each dog").max(300),
    outcome: z.enum(["may_come_on_visits", "must_not_come_on_visits"]),
    notes: Notes,
  })
  .strict();
export type DogAssessment = z.infer<typeof DogAssessment>;

export const RiskChecklist = z
  .object({
    completedOn: IsoDate,
    completedBy: Name,
    home: z.object({ suitable: z.boolean(), notes: Notes }).strict(),
    /** Null when the volunteer will not drive the child. */
    car: z.object({ suitable: z.boolean(), notes: Notes }).strict().nullable(),
    pets: z.object({ hasPets: z.boolean(), hasDog: z.boolean(), notes: Notes }).strict(),
    dogAssessment: DogAssessment.nullable(),
  })
  .strict()
  .refine((c) => !c.pets.hasDog || c.pets.hasPets, {
    path: ["pets", "hasPets"],
    message: "A dog is a pet: say the volunteer has pets",
  })
  .refine((c) => !c.pets.hasDog || c.dogAssessment !== null, {
    path: ["dogAssessment"],
    message: "Complete the dog risk assessment: a dog cannot come on any visit before it",
  });
export type RiskChecklist = z.infer<typeof RiskChecklist>;

/** The day the checklist must be reviewed by. */
export const riskChecklistDueOn = (c: Pick<RiskChecklist, "completedOn">) =>
  addMonths(c.completedOn, RISK_CHECKLIST_REVIEW_MONTHS);

/** Why a volunteer cannot be proposed for want of a current checklist; null when they can. */
export function riskChecklistBlocker(c: RiskChecklist | null, todayIso: string): string | null {
  if (c === null) {
    return "The volunteer's risk checklist (home, car, pets) has not been completed: complete it with them before matching";
  }
  if (riskChecklistDueOn(c) <= todayIso) {
    return `The volunteer's risk checklist was completed on ${c.completedOn} and is reviewed every ${RISK_CHECKLIST_REVIEW_MONTHS} months: review it with them before matching`;
  }
  if (!c.home.suitable) return "The risk checklist found the volunteer's home not suitable: review it before matching";
  if (c.car !== null && !c.car.suitable) {
    return "The risk checklist found the volunteer's car not suitable: review it, or record that they will not drive the child";
  }
  return null;
}

export const ActivityRisk = z.enum(["low", "medium", "high"]);
export type ActivityRisk = z.infer<typeof ActivityRisk>;

export const PlannedActivity = z
  .object({
    activity: z.string().trim().min(1, "Name the activity").max(120, "Use 120 characters or fewer"),
    risk: ActivityRisk,
    controls: Notes,
  })
  .strict();
export type PlannedActivity = z.infer<typeof PlannedActivity>;

export const MatchRiskAssessment = z
  .object({
    activities: z.array(PlannedActivity).min(1, "List at least one planned activity").max(30, "List 30 or fewer"),
    delegatedAuthority: z
      .object({
        name: Name,
        role: z.string().trim().min(1, "Say who they are, such as foster carer or registered manager").max(120),
      })
      .strict(),
    sharedWithDelegatedAuthorityOn: IsoDate.nullable(),
  })
  .strict();
export type MatchRiskAssessment = z.infer<typeof MatchRiskAssessment>;

/**
 * Why this assessment cannot be approved by someone with these roles; empty when it can. High risk never
 * (Leicestershire); medium only by a manager (Tandem's rule: a second pair of eyes); the assessment must
 * have been shared with whoever holds delegated authority.
 */
export function riskAssessmentProblems(a: MatchRiskAssessment, roles: readonly TenantRole[]): string[] {
  const out: string[] = [];
  for (const act of a.activities) {
    if (act.risk === "high") {
      out.push(`"${act.activity}" is high risk and will not take place: remove it or lower its risk with controls`);
    } else if (act.risk === "medium" && !roles.includes("manager")) {
      out.push(`"${act.activity}" is medium risk: a manager approves it`);
    }
  }
  if (a.sharedWithDelegatedAuthorityOn === null) {
    out.push(`Share the assessment with ${a.delegatedAuthority.name}, who holds delegated authority, and record when`);
  }
  return out;
}
