import * as z from "zod";

export const ConcernType = z.enum([
  "disclosure",
  "safeguarding_concern",
  "incident",
  "accident",
  "missing_child",
  "complaint",
]);
export type ConcernType = z.infer<typeof ConcernType>;

export const CONCERN_TYPE_WORDS: Record<ConcernType, string> = {
  disclosure: "A disclosure by the child",
  safeguarding_concern: "A safeguarding concern",
  incident: "An incident",
  accident: "An accident",
  missing_child: "A missing child",
  complaint: "A complaint about the service",
};

const Text = (what: string, max: number) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Use ${max} characters or fewer`);

/** What is reported. Once submitted it is never edited, only added to (`ConcernAddendum`). */
export const ConcernReport = z
  .object({
    type: ConcernType,
    whatHappened: Text("what happened", 5000),
    /** When it happened, as the reporter knows it. */
    happenedAt: z.iso.datetime({ offset: true, message: "Enter when it happened" }),
    whoWasTold: z.string().trim().max(1000, "Use 1000 characters or fewer").optional(),
  })
  .strict();
export type ConcernReport = z.infer<typeof ConcernReport>;

export const ConcernAddendum = z.object({ text: Text("what you are adding", 5000) }).strict();
export type ConcernAddendum = z.infer<typeof ConcernAddendum>;

/**
 * What staff did about it. Leicester City: the coordinator "will inform SSW and child's SW of any
 * incident/accident ASAP"; foster carers told; a missing child reported. A concern can also lead to
 * suspending the volunteer or ending the match (those steps are taken in their own contexts).
 */
export const ConcernActionKind = z.enum([
  "social_worker_told",
  "supervising_social_worker_told",
  "carer_told",
  "police_told",
  "duty_team_told",
  "volunteer_suspended",
  "match_ending_started",
  "other",
]);
export type ConcernActionKind = z.infer<typeof ConcernActionKind>;

export const ConcernAction = z
  .object({
    kind: ConcernActionKind,
    at: z.iso.datetime({ offset: true }),
    details: z.string().trim().max(2000, "Use 2000 characters or fewer").optional(),
  })
  .strict();
export type ConcernAction = z.infer<typeof ConcernAction>;
