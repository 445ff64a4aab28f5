import * as z from "zod";
import { IsoDate } from "../calendar/iso-date.js";
import { ReviewKind } from "./schedule.js";

/**
 * What a review records. Leicestershire: formal reviews "include a visit or telephone call to the
 * child/young person (depending on age and communication needs) to ensure they are satisfied with the
 * match"; the child's view is kept in their own words, not summarised.
 */
const Text = (what: string, max = 2000) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Use ${max} characters or fewer`);

export const ReviewParticipantRole = z.enum([
  "child",
  "volunteer",
  "carer",
  "social_worker",
  "iro",
  "coordinator",
  "other",
]);
export type ReviewParticipantRole = z.infer<typeof ReviewParticipantRole>;

export const ReviewOutcome = z.enum(["continue", "change", "end"]);
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

export const ReviewOutcomeWords: Record<ReviewOutcome, string> = {
  continue: "The match continues",
  change: "The match continues with a change",
  end: "The match should end",
};

export const ReviewRecord = z
  .object({
    kind: ReviewKind,
    heldOn: IsoDate,
    /** How the child was seen. */
    childSeenBy: z.enum(["visit", "call"]),
    participants: z
      .array(z.object({ name: Text("each person's name", 120), role: ReviewParticipantRole }).strict())
      .min(1, "Say who took part")
      .max(12, "Name 12 people or fewer"),
    childsView: Text("the child's view, in their own words"),
    outcome: ReviewOutcome,
    change: z.string().trim().max(2000, "Use 2000 characters or fewer").optional(),
    notes: z.string().trim().max(2000, "Use 2000 characters or fewer").optional(),
  })
  .strict()
  .refine((r) => r.outcome !== "change" || Boolean(r.change), {
    path: ["change"],
    message: "Say what will change",
  });
export type ReviewRecord = z.infer<typeof ReviewRecord>;

/**
 * Dates a review cannot have: before the match started, or in the future. Null when the date is fine.
 * Kept apart from the schema because it needs the match and today.
 */
export function reviewDateProblem(heldOn: string, activatedOn: string, today: string): string | null {
  if (heldOn < activatedOn) return "The review date must be on or after the day the match started";
  if (heldOn > today) return "The review date cannot be in the future";
  return null;
}
