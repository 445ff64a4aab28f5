import * as z from "zod";
import { IsoDate } from "../calendar/iso-date.js";

/**
 * How a match ends (Leicestershire, "Endings"): planned, with a plan the child's social worker agrees;
 * unplanned, for a coded reason, with the social worker agreeing the ending plan ("The child's social
 * worker is ultimately responsible for the child and should agree to the ending plan"); or immediate,
 * for a breach of the boundaries ("we have the right to immediately end the match. This will take place
 * with a conversation with the child/young person and the Independent Visitor and then a formal letter
 * will be sent out to all involved"), which suspends visits at once.
 */
export const EndingKind = z.enum(["planned", "unplanned", "immediate"]);
export type EndingKind = z.infer<typeof EndingKind>;

export const PlannedEndingReason = z.enum(["reached_end_age", "moving_away", "change_in_circumstances", "other"]);
export const UnplannedEndingReason = z.enum([
  "placement_move",
  "childs_wish",
  "volunteer_left",
  "safeguarding",
  "breach",
  "other",
]);
export const ImmediateEndingReason = z.enum(["breach", "safeguarding"]);

export const EndingReasonWords: Record<string, string> = {
  reached_end_age: "The young person reached the age support ends",
  moving_away: "The child or the volunteer is moving away",
  change_in_circumstances: "A change in personal circumstances",
  placement_move: "The child's placement moved",
  childs_wish: "The child wished to end the match",
  volunteer_left: "The volunteer left",
  safeguarding: "A safeguarding concern",
  breach: "A breach of the boundaries and expectations",
  other: "Another reason",
};

/** How the child says goodbye: "if they do not wish to have a goodbye, this should be respected". */
export const Goodbye = z.enum(["final_visit", "final_message", "child_did_not_want_one", "not_possible"]);
export type Goodbye = z.infer<typeof Goodbye>;

const Text = (what: string, max = 2000) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Use ${max} characters or fewer`);
const Name = Text("the social worker's name", 120);

const SocialWorkerAgreement = {
  socialWorkerName: Name,
  socialWorkerAgreedOn: IsoDate,
};

export const BeginEnding = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("planned"),
      reason: PlannedEndingReason,
      plan: Text("the ending plan"),
      lastVisitOn: IsoDate.optional(),
      ...SocialWorkerAgreement,
    })
    .strict(),
  z
    .object({
      kind: z.literal("unplanned"),
      reason: UnplannedEndingReason,
      details: Text("what happened"),
      goodbye: Goodbye,
      /** Where there can be no goodbye: how and when the child is told. */
      howChildIsTold: z.string().trim().max(2000, "Use 2000 characters or fewer").optional(),
      plan: Text("the ending plan"),
      ...SocialWorkerAgreement,
    })
    .strict(),
  z
    .object({
      kind: z.literal("immediate"),
      reason: ImmediateEndingReason,
      details: Text("what happened"),
      /** The conversation with the child and the volunteer comes first, then the letter. */
      conversationHeldOn: IsoDate,
    })
    .strict(),
]);
export type BeginEnding = z.infer<typeof BeginEnding>;

/** What happens to the child's referral once the match has ended. */
export const AfterEnding = z.enum(["return_to_waiting_list", "close_referral"]);
export type AfterEnding = z.infer<typeof AfterEnding>;

export const EndMatch = z
  .object({
    endedOn: IsoDate,
    afterwards: AfterEnding,
    notes: z.string().trim().max(2000, "Use 2000 characters or fewer").optional(),
  })
  .strict();
export type EndMatch = z.infer<typeof EndMatch>;

/** Problems with an ending's facts that depend on the match and the day. Empty when none. */
export function beginEndingProblems(
  e: BeginEnding,
  activatedOn: string,
  today: string,
): { path: string[]; message: string }[] {
  const out: { path: string[]; message: string }[] = [];
  const check = (path: string, date: string | undefined, what: string, future = false) => {
    if (date === undefined) return;
    if (date < activatedOn)
      out.push({ path: [path], message: `${what} must be on or after the day the match started` });
    else if (!future && date > today) out.push({ path: [path], message: `${what} cannot be in the future` });
  };
  if (e.kind === "immediate") check("conversationHeldOn", e.conversationHeldOn, "The conversation");
  else check("socialWorkerAgreedOn", e.socialWorkerAgreedOn, "The social worker's agreement");
  if (e.kind === "planned") check("lastVisitOn", e.lastVisitOn, "The last visit", true);
  if (
    e.kind === "unplanned" &&
    (e.goodbye === "not_possible" || e.goodbye === "child_did_not_want_one") &&
    !e.howChildIsTold
  )
    out.push({
      path: ["howChildIsTold"],
      message: "Say how and when the child will be told, as the coordinator, carer and social worker agreed",
    });
  return out;
}

/**
 * Whether a visit can still be recorded: not once an immediate ending has begun (visits are suspended
 * at once), nor after the match has ended; a planned or unplanned ending leaves room for a goodbye.
 */
export function visitsAllowed(stage: string, ending: Pick<BeginEnding, "kind"> | null): boolean {
  if (stage === "active") return true;
  if (stage === "ending") return ending?.kind !== "immediate";
  return false;
}

/** The ending "formal letter ... to all involved": who receives it. */
export const ENDING_LETTER_TO = ["volunteer", "carer", "social_worker", "iro"] as const;

/**
 * Why a match cannot end yet, or null: the closure review comes first where the policy asks for one
 * (Leicester City: "a closure review will take place when a match ends"); the end date is not before
 * the ending began.
 */
export function endBlocker(
  end: EndMatch,
  ending: { beganOn: string },
  closureReviewHeld: boolean,
  closureReviewRequired: boolean,
  today: string,
): string | null {
  if (closureReviewRequired && !closureReviewHeld) return "Hold the closure review before the match ends";
  if (end.endedOn < ending.beganOn) return "The end date must be on or after the day the ending began";
  if (end.endedOn > today) return "The end date cannot be in the future";
  return null;
}
