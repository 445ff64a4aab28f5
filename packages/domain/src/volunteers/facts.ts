import * as z from "zod";
import type { VolunteerApplication } from "./application.js";

/**
 * What the application said that decides which checks a volunteer needs and whether they can be
 * approved. Kept apart from the application because a coordinator updates them when circumstances
 * change (a volunteer starts driving, changes job, reports ill health) while the application stays
 * as it was submitted.
 */
export const VolunteerFacts = z
  .object({
    drives: z.boolean(),
    declaredHealthCondition: z.boolean(),
    worksInCouncilChildrensServices: z.boolean(),
  })
  .strict();
export type VolunteerFacts = z.infer<typeof VolunteerFacts>;

export function factsFromApplication(app: VolunteerApplication): VolunteerFacts {
  return {
    drives: app.background.drives,
    declaredHealthCondition: app.disclosures.healthCondition,
    worksInCouncilChildrensServices: app.background.worksInCouncilChildrensServices,
  };
}
