/**
 * Payloads for online referrals (issue 4): the coordinators' triage workspace and waiting list, and (from
 * ./referral-forms.ts, re-exported) the public form a referrer fills without an account, verification of the
 * referrer's e-mail and requests for more information. The answers themselves are the domain's schemas:
 * nothing here restates a question.
 */
import { IsoDate } from "@tandem/domain/calendar";
import { Email } from "@tandem/domain/people";
import {
  EligibilityFlag,
  EligibilityFlagCode,
  PriorityReasonCode,
  ReferralAction,
  ReferralAnswers,
  ReferralReference,
  ReferralStatus,
  SelfReferralAnswers,
} from "@tandem/domain/referrals";
import { PublicLanguage } from "@tandem/domain/tenants";
import * as z from "zod";
import { ReferralKind } from "./referral-forms.js";

export * from "./referral-forms.js";

// ---------------------------------------------------------------------------------------------
// Tenant: triage workspace (signed in, X-Tandem-Tenant; served by the tenant Lambda)
// ---------------------------------------------------------------------------------------------

/** Status groups a list can be filtered by, besides a single status. */
export const ReferralStatusGroup = z.enum(["open", "waiting_list", "closed"]);
export const ReferralStatusFilter = z.union([ReferralStatus, ReferralStatusGroup]);

export const ReferralSort = z.enum(["received", "waiting", "priority"]);

const trueOnly = z.enum(["true"]);

export const ReferralListQuery = z
  .object({
    status: ReferralStatusFilter.optional(),
    flagged: trueOnly.optional().describe("Only referrals with at least one eligibility flag"),
    overdue: trueOnly.optional().describe("Only open referrals whose respond-by date has passed, most overdue first"),
    sort: ReferralSort.default("received"),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(2000).optional(),
  })
  .strict()
  .describe(
    [
      "Each supported combination reads exactly one DynamoDB Query page, whatever the number of referrals:",
      "- sort=received (newest first) or sort=waiting (received longest ago first), with no status, a status, or a status group (open | waiting_list | closed);",
      "- flagged=true with sort=received|waiting, with no status or a status group;",
      "- sort=priority (heaviest priority, then longest waiting) with a status group (not a single status);",
      "- overdue=true alone (open referrals past their respond-by date, most overdue first).",
      "Other combinations answer 400 rather than filtering in memory.",
      "open = submitted, awaiting_information, under_review; waiting_list = accepted, waiting_for_match;",
      "closed = matched, declined, withdrawn, closed (after a match ended).",
    ].join("\n"),
  );
export type ReferralListQuery = z.infer<typeof ReferralListQuery>;

export const ReferralPriorityReason = z.object({
  code: PriorityReasonCode,
  weight: z.number().int(),
  reason: z.string(),
});

export const ReferralSummary = z.object({
  id: ReferralReference.describe("The referral's id is its reference"),
  reference: ReferralReference,
  kind: ReferralKind,
  status: ReferralStatus,
  flags: z.array(EligibilityFlagCode),
  priority: z.number().int().describe("Sum of priority reason weights; higher is more urgent"),
  receivedAt: z.string(),
  daysWaiting: z.number().int(),
  respondBy: IsoDate,
  overdue: z.boolean().describe("Still open after its respond-by date"),
  childFirstName: z.string().describe("The child's first (or preferred) name only"),
  childLastInitial: z
    .string()
    .nullable()
    .describe("The first letter of the child's last name, to tell two children of one first name apart"),
  childAge: z.number().int().nullable().describe("The child's age today"),
  assignedToName: z.string().nullable().describe("The coordinator handling it, if one is assigned"),
  enteredOnBehalf: z.boolean(),
  verified: z.boolean().describe("The referrer's e-mail was confirmed (or a coordinator entered it)"),
  language: PublicLanguage.describe("The language the form was filled in (ADR 22)"),
});
export type ReferralSummary = z.infer<typeof ReferralSummary>;
export const ReferralPage = z.object({ items: z.array(ReferralSummary), cursor: z.string().nullable() });

/** A reference in any case; one that is not this council's (or not a reference at all) answers 404. */
export const ReferralIdParam = z.object({
  id: z.string().trim().toUpperCase().max(40).describe("The referral's reference, such as RIV-7K3M9QXD"),
});

export const ReferralHistoryEntry = z.object({
  at: z.string(),
  action: z.union([ReferralAction, z.enum(["submitted", "verified", "information_answered", "match"])]),
  by: z.object({ personId: z.string(), name: z.string() }),
  from: ReferralStatus.nullable(),
  to: ReferralStatus,
  reason: z.string().optional(),
  reviewBy: IsoDate.optional(),
  question: z.string().optional(),
  answer: z.string().optional(),
});

/**
 * What a coordinator needs to arrange the introduction, kept beside the referral's answers (issue 19,
 * item 12): where the child lives and how to reach the carer, and who is handling the referral. Typed
 * in the workspace, not asked on the public form: a referrer often cannot give the carer's details.
 */
const optionalLine = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Use ${max} characters or fewer for ${what}`)
    .transform((v) => (v === "" ? null : v))
    .nullable();

export const UpdateReferralCase = z
  .object({
    placementArea: optionalLine(100, "the placement area").describe("The town or area, as the scheme says it"),
    placementAddress: optionalLine(500, "the placement address"),
    carerName: optionalLine(100, "the carer's name"),
    carerPhone: optionalLine(40, "the carer's phone number"),
    carerEmail: z
      .union([z.literal("").transform(() => null), Email])
      .nullable()
      .describe("The carer's e-mail address, if they use one"),
    assignedTo: z
      .string()
      .trim()
      .max(100)
      .nullable()
      .describe("The personId of the coordinator handling the referral, or null for nobody yet"),
    version: z.number().int().min(1).describe("The referral version you loaded; a stale one is refused with 409"),
  })
  .strict();

export const ReferralCase = z.object({
  placementArea: z.string().nullable(),
  placementAddress: z.string().nullable(),
  carerName: z.string().nullable(),
  carerPhone: z.string().nullable(),
  carerEmail: z.string().nullable(),
  assignedTo: z.object({ personId: z.string(), name: z.string() }).nullable(),
});

export const AddReferralNote = z
  .object({
    text: z.string().trim().min(3, "Write the note").max(5000, "Use 5,000 characters or fewer for the note"),
  })
  .strict();

export const ReferralNote = z.object({
  id: z.string(),
  at: z.string(),
  by: z.object({ personId: z.string(), name: z.string() }),
  text: z.string(),
});
export const ReferralNotePage = z.object({ items: z.array(ReferralNote), cursor: z.string().nullable() });
export const ReferralNotesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2000).optional(),
});

export const Referral = z.object({
  id: ReferralReference,
  reference: ReferralReference,
  kind: ReferralKind,
  status: ReferralStatus,
  answers: z.union([ReferralAnswers, SelfReferralAnswers]),
  flags: z.array(EligibilityFlag),
  priorityReasons: z.array(ReferralPriorityReason),
  policyVersion: z.number().int().min(1).describe("The tenant policy version the eligibility was checked under"),
  receivedAt: z.string(),
  verifiedAt: z.string().nullable(),
  verified: z.boolean(),
  enteredOnBehalf: z.boolean(),
  language: PublicLanguage.describe(
    "The language the form was filled in (ADR 22): the referrer's e-mails go in it, and a coordinator replies in it",
  ),
  respondBy: IsoDate,
  overdue: z.boolean(),
  daysWaiting: z.number().int(),
  acceptedAt: z.string().nullable(),
  reviewBy: IsoDate.nullable().describe("When declined: the date the decision is looked at again"),
  penPicture: z.string().nullable(),
  case: ReferralCase,
  history: z.array(ReferralHistoryEntry),
  allowedActions: z.array(ReferralAction),
  version: z.number().int().min(1),
});
export type Referral = z.infer<typeof Referral>;

/** The actions a coordinator takes from the workspace; pen pictures have their own route. */
export const ReferralWorkspaceAction = ReferralAction.exclude(["add_pen_picture", "information_received"]);

export const TakeReferralAction = z
  .object({
    action: z.union([
      ReferralWorkspaceAction,
      z.literal("match").describe("Refused with 409: a referral becomes matched only through a match (Matching)"),
    ]),
    version: z.number().int().min(1).describe("The referral version you loaded; a stale one is refused with 409"),
    reason: z.string().trim().min(3, "Give a reason").max(2000).optional(),
    reviewBy: IsoDate.optional().describe(
      "For decline: when to look again (default: the policy's referrals.declinedReviewMonths after today)",
    ),
    question: z
      .string()
      .trim()
      .min(3, "Write the question for the referrer")
      .max(2000)
      .optional()
      .describe("For request_information: shown to the referrer behind a secure link, never in the e-mail"),
  })
  .strict();

export const PenPicture = z
  .object({
    text: z.string().trim().min(10, "Write the pen picture agreed with the child").max(5000),
    version: z.number().int().min(1),
  })
  .strict();

export const WaitingListEntryView = z.object({
  id: ReferralReference,
  reference: ReferralReference,
  status: z.enum(["accepted", "waiting_for_match"]),
  childFirstName: z.string(),
  childLastInitial: z.string().nullable(),
  childAge: z.number().int().nullable(),
  priority: z.number().int(),
  priorityReasons: z.array(ReferralPriorityReason),
  waitingSince: IsoDate,
  daysWaiting: z.number().int(),
  hasPenPicture: z.boolean(),
});
export const WaitingListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});
export const WaitingListPage = z.object({ items: z.array(WaitingListEntryView), cursor: z.string().nullable() });

/**
 * A referral received on paper and typed in by a coordinator (for example a care leaver over 18
 * referred by another professional). It is marked as entered on behalf and counts as verified by
 * the coordinator's own sign-in.
 */
export const EnterReferral = z
  .object({
    kind: z.literal("professional"),
    answers: ReferralAnswers,
    language: PublicLanguage.optional().describe(
      "The language the referrer is written to in, e-mails included (cy only where the council offers Welsh; en when absent)",
    ),
  })
  .strict();
export const ReferralCreated = z.object({ id: ReferralReference, reference: ReferralReference });
