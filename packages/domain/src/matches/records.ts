import * as z from "zod";
import { IsoDate } from "../calendar/iso-date.js";
import { BeginEnding, EndMatch } from "../endings/ending.js";
import { DidNotProceed } from "./lifecycle.js";

/**
 * What the API receives with each match action: the facts each step puts on the record. Whether the
 * action is possible now, and for whom, is the lifecycle's table; whether a trial is long enough to
 * ratify is `ratifyBlocker`.
 */

const Text = (what: string) => z.string().trim().min(1, `Enter ${what}`).max(2000, "Use 2000 characters or fewer");
const Notes = z.string().trim().max(2000, "Use 2000 characters or fewer").optional();
const Name = z.string().trim().min(1, "Enter each person's name").max(120, "Use 120 characters or fewer");

export const Agreement = z
  .object({
    on: IsoDate,
    socialWorkerName: Name,
    /** The child's wishes about this match, in their words, recorded with the agreement. */
    childsWishes: Text("the child's wishes about this match"),
  })
  .strict();
export type Agreement = z.infer<typeof Agreement>;

/** The three-way meeting: child, volunteer, coordinator, carers too (Leicester City), by default at the child's home. */
export const Introduction = z
  .object({
    on: IsoDate,
    place: z.enum(["childs_home", "elsewhere"]).default("childs_home"),
    placeDetails: z.string().trim().max(200, "Use 200 characters or fewer").optional(),
    attended: z.array(Name).min(2, "Name the child and the volunteer at least").max(12, "Name 12 people or fewer"),
    notes: Notes,
  })
  .strict()
  .refine((i) => i.place === "childs_home" || Boolean(i.placeDetails), {
    path: ["placeDetails"],
    message: "Say where the meeting took place",
  });
export type Introduction = z.infer<typeof Introduction>;

/**
 * Leicestershire: "When it is identified from both the young person and the visitor that they wish to
 * proceed then the match will be ratified": both are recorded, and neither can be "no".
 */
export const Ratification = z
  .object({
    on: IsoDate,
    threeWayMeetingOn: IsoDate,
    childWishesToProceed: z.literal(
      true,
      "The child must wish to proceed: if not, record that the match did not proceed",
    ),
    volunteerWishesToProceed: z.literal(
      true,
      "The volunteer must wish to proceed: if not, record that the match did not proceed",
    ),
    notes: Notes,
  })
  .strict()
  .refine((r) => r.threeWayMeetingOn <= r.on, {
    path: ["threeWayMeetingOn"],
    message: "The three-way meeting comes before the ratification",
  });
export type Ratification = z.infer<typeof Ratification>;

const actionOptions = [
  z.object({ action: z.literal("record_agreement"), record: Agreement }).strict(),
  z.object({ action: z.literal("record_introduction"), record: Introduction }).strict(),
  z
    .object({ action: z.literal("record_trial_visit"), record: z.object({ on: IsoDate, notes: Notes }).strict() })
    .strict(),
  z.object({ action: z.literal("ratify"), record: Ratification }).strict(),
  z.object({ action: z.literal("activate"), record: z.object({ on: IsoDate }).strict() }).strict(),
  z.object({ action: z.literal("did_not_proceed"), record: DidNotProceed }).strict(),
  // What an ending records (planned, unplanned or immediate; then what happens to the referral) is endings/'.
  z.object({ action: z.literal("begin_ending"), record: BeginEnding }).strict(),
  z.object({ action: z.literal("end"), record: EndMatch }).strict(),
] as const;

export const MatchActionRequest = z.discriminatedUnion("action", actionOptions);
export type MatchActionRequest = z.infer<typeof MatchActionRequest>;

const Version = z
  .number()
  .int()
  .min(1)
  .max(1_000_000)
  .describe("The match version you loaded; a stale one is refused with 409");

/** An action as the API receives it: with the version of the match the person loaded. */
export const VersionedMatchActionRequest = z.discriminatedUnion("action", [
  actionOptions[0].extend({ version: Version }),
  actionOptions[1].extend({ version: Version }),
  actionOptions[2].extend({ version: Version }),
  actionOptions[3].extend({ version: Version }),
  actionOptions[4].extend({ version: Version }),
  actionOptions[5].extend({ version: Version }),
  actionOptions[6].extend({ version: Version }),
  actionOptions[7].extend({ version: Version }),
]);
export type VersionedMatchActionRequest = z.infer<typeof VersionedMatchActionRequest>;
