/**
 * Payloads of the public referral form (issue 4): the form a referrer fills without an account, its drafts,
 * verification of the referrer's e-mail and answers to requests for more information. Apart from the
 * coordinators' workspace (./referrals.ts, which re-exports these) so the public form's function builds only
 * these schemas at load (ADR 23). The answers themselves are the domain's schemas: nothing here restates a
 * question.
 */
import { IsoDate } from "@tandem/domain/calendar";
import { Email } from "@tandem/domain/people";
import {
  parseReferralReference,
  REFERENCE_SOURCE,
  ReferralAnswers,
  type ReferralQuestions,
  ReferralReference,
  SelfReferralAnswers,
} from "@tandem/domain/referrals";
import { PublicLanguage, Slug } from "@tandem/domain/tenants";
import * as z from "zod";

/** The largest saved draft, as JSON: a complete referral with every free-text box full is well under. */
export const MAX_DRAFT_JSON_CHARS = 48_000;

/**
 * The token in a referral's verification and information-request links: the reference, a dot,
 * then 32 random bytes in base64url (`RIV-7K3M9QXD.` + 43 characters). Treat it as opaque.
 */
export const ReferralLinkToken = z
  .string()
  .regex(
    new RegExp(`^${REFERENCE_SOURCE}\\.[A-Za-z0-9_-]{43}$`),
    "This link is not complete: copy the whole address from the e-mail",
  );
/**
 * A link's token in the address is checked by looking it up, not by its shape: a mangled or
 * unknown link answers 410 "not recognised" with what to do, like an expired one, so a person who
 * pasted half a link is told the same thing whichever half they lost.
 */
const TokenInPath = z.string().min(1).max(200).describe("The token from the e-mailed link, as it is");
export const DraftTokenParam = z.object({ slug: Slug, token: TokenInPath });
export const ReferralTokenParam = z.object({ slug: Slug, token: TokenInPath });

// ---------------------------------------------------------------------------------------------
// Public: the referral form (no sign-in; served by the public Lambda)
// ---------------------------------------------------------------------------------------------

/** Which optional questions the tenant's form asks (domain `questionsFor(policy)`). */
export const ReferralFormQuestions = z.object({
  proceedingsConcluded: z.boolean(),
  longTermPlan: z.boolean(),
  unaccompaniedAsylumSeeking: z.boolean(),
  managerFundingAgreement: z.boolean(),
  insteadOfRespite: z.boolean(),
}) satisfies z.ZodType<ReferralQuestions>;

export const ReferralForm = z.object({
  tenantName: z.string(),
  policyVersion: z.number().int().min(1),
  questions: ReferralFormQuestions,
  selfReferralsAccepted: z.boolean(),
  respondWithinWorkingDays: z.number().int().min(1),
});
export type ReferralForm = z.infer<typeof ReferralForm>;

export const ReferralKind = z.enum(["professional", "self"]);
export type ReferralKind = z.infer<typeof ReferralKind>;

/** The form's answers nest 3 levels; the store refuses more than 32 (with the item's own) and cannot keep these names. */
const MAX_DRAFT_DEPTH = 10;
const UNSTORABLE_NAMES = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Answers saved part-way. A draft is not validated question by question (half-typed dates are
 * normal in a draft); it must be a JSON object no larger than MAX_DRAFT_JSON_CHARS.
 */
export const DraftAnswers = z
  .record(z.string().max(60), z.unknown())
  .refine((a) => JSON.stringify(a).length <= MAX_DRAFT_JSON_CHARS, {
    message: `A draft can hold at most ${MAX_DRAFT_JSON_CHARS / 1000} thousand characters of answers`,
  })
  .refine((a) => draftShapeFits(a, 1), {
    message: `A draft's answers can nest at most ${MAX_DRAFT_DEPTH} levels, and no answer can be named __proto__, constructor or prototype`,
  });

function draftShapeFits(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== "object") return true;
  if (depth > MAX_DRAFT_DEPTH) return false;
  if (Array.isArray(value)) return value.every((v) => draftShapeFits(v, depth + 1));
  return Object.keys(value).every(
    (k) => !UNSTORABLE_NAMES.has(k) && draftShapeFits((value as Record<string, unknown>)[k], depth + 1),
  );
}

export const CreateReferralDraft = z
  .object({
    email: Email.describe("Where the link to resume the draft is sent"),
    kind: ReferralKind.default("professional"),
    answers: DraftAnswers,
    language: PublicLanguage.optional().describe(
      "The language of the form: the e-mail with the link is in it (cy only where the council offers Welsh)",
    ),
  })
  .strict();
export const DraftVersion = z
  .number()
  .int()
  .min(1)
  .describe("The draft's version as last read or saved: a save from an older one (another window) is refused");
export const ReferralDraftCreated = z.object({
  draftId: z.string().uuid(),
  token: TokenInPath.describe(
    "The resume link's token, also e-mailed: the window that saved uses it to save again under the same link and sends it with the referral, which deletes the draft",
  ),
  version: DraftVersion,
});
export const UpdateReferralDraft = z.object({ answers: DraftAnswers, version: DraftVersion }).strict();
export const ReferralDraft = z.object({
  kind: ReferralKind,
  answers: DraftAnswers,
  expiresAt: z.string().describe("ISO timestamp after which the link no longer works"),
  version: DraftVersion,
});

/**
 * A submission. The answers are checked against today's date (dates of birth in the future, ages
 * over 25, into care before birth) and against the questions the tenant's policy asks; each
 * problem comes back as a field path in a 400. Send an Idempotency-Key (required): a retry with
 * the same key and body gets the first answer and never makes a second referral.
 */
const SubmissionLanguage = PublicLanguage.optional().describe(
  "The language the form was filled in: the e-mails about the referral are sent in it (cy only where the council offers Welsh; en when absent)",
);
const SubmissionDraftToken = TokenInPath.optional().describe(
  "The token of the saved draft the answers came back from, if any: its resume link stops working once the referral is sent",
);
export const SubmitReferral = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("professional"),
      answers: ReferralAnswers,
      language: SubmissionLanguage,
      draftToken: SubmissionDraftToken,
    })
    .strict(),
  z
    .object({
      kind: z.literal("self"),
      answers: SelfReferralAnswers,
      language: SubmissionLanguage,
      draftToken: SubmissionDraftToken,
    })
    .strict(),
]);
export type SubmitReferral = z.infer<typeof SubmitReferral>;

export const ReferralVerificationMethod = z.enum(["email", "none"]);
export const ReferralReceipt = z.object({
  reference: ReferralReference,
  verification: ReferralVerificationMethod.describe(
    "email: a link and a code were sent to the referrer's e-mail and the referral reaches the coordinator once " +
      "either is used. none: a self-referral without e-mail, passed to the coordinator at once",
  ),
  message: z.string().describe("What happens next, in words to show the referrer"),
});
export type ReferralReceipt = z.infer<typeof ReferralReceipt>;

/** Confirm the referrer's e-mail with the code typed from the e-mail, or with the link's token. */
export const VerifyReferral = z.union([
  z
    .object({
      // Typed from the e-mail: case, spaces, a hyphen in the middle or an O for a 0 are forgiven.
      reference: z
        .string()
        .max(40)
        .transform((s) => parseReferralReference(s) ?? s.trim().toUpperCase())
        .pipe(ReferralReference),
      code: z.string().trim().min(8, "Enter the 8-character code from the e-mail").max(20),
    })
    .strict(),
  z.object({ token: ReferralLinkToken }).strict(),
]);
export const ReferralVerified = z.object({
  reference: ReferralReference,
  respondBy: IsoDate.describe("The referrer hears back by this date (working days, England and Wales)"),
});

export const InformationRequestView = z.object({
  reference: ReferralReference,
  question: z.string(),
  askedAt: z.string(),
});
export const InformationAnswer = z
  .object({ answer: z.string().trim().min(1, "Enter your answer").max(5000, "Use 5000 characters or fewer") })
  .strict();
export const InformationAnswered = z.object({ reference: ReferralReference });
