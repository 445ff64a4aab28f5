/**
 * Payloads of the public volunteer forms (issue 5): the application form and the referee's reference form
 * behind a single-use link. Apart from the coordinators' board and record (./volunteers.ts, which re-exports
 * these) so the public form's function builds only these schemas at load (ADR 23). The application is the
 * domain's schema: nothing here restates it.
 */
import { Slug } from "@tandem/domain/tenants";
import { VolunteerApplicationSubmission } from "@tandem/domain/volunteers";
import * as z from "zod";

/** The token in a reference link: 32 random bytes, base64url (43 characters). */
export const VolunteerLinkToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "This link is not complete: copy the whole address from the e-mail");

export const VolunteerForm = z.object({
  tenantName: z.string(),
  about: z.string().describe("The council's words about its scheme (branding.about); may be empty"),
  contactEmail: z.string(),
  contactPhone: z.string(),
  minimumAge: z.number().int().min(18),
  commitmentMonths: z.number().int().min(1),
  referencesRequired: z.number().int().min(1),
  professionalReferenceRequired: z.boolean(),
  medicalDeclaration: z
    .enum(["always", "when_declared"])
    .describe(
      "always: every applicant completes a medical declaration; when_declared: only those who declare a condition",
    ),
});
export type VolunteerForm = z.infer<typeof VolunteerForm>;

/**
 * An application. Checked against the tenant's policy and today's date (minimum age, number of
 * referees, a professional one): each problem comes back as a field path in a 400. Send an
 * Idempotency-Key (required). The same e-mail applying twice to one council is refused with 409.
 */
export const SubmitVolunteerApplication = VolunteerApplicationSubmission;

export const VolunteerApplicationReceipt = z.object({
  reference: z.string().describe("The applicant's reference, quoted in the acknowledgement e-mail"),
  message: z.string().describe("What happens next, in words to show the applicant"),
});
export type VolunteerApplicationReceipt = z.infer<typeof VolunteerApplicationReceipt>;

export const ReferenceTokenParam = z.object({ slug: Slug, token: VolunteerLinkToken });

export const ReferenceQuestionId = z.enum(["knownFor", "suitability", "concerns", "recommend"]);
export type ReferenceQuestionId = z.infer<typeof ReferenceQuestionId>;

/** The questions every reference form asks, in order. */
export const REFERENCE_QUESTIONS: readonly { id: ReferenceQuestionId; text: string }[] = [
  { id: "knownFor", text: "How long have you known the applicant, and in what capacity?" },
  {
    id: "suitability",
    text: "How suitable is the applicant to befriend a child or young person in care? Tell us about their reliability, patience and judgement.",
  },
  {
    id: "concerns",
    text: "Do you know of any reason, including any concern about the safety of children, why the applicant should not work with children?",
  },
  { id: "recommend", text: "Would you recommend the applicant as an Independent Visitor?" },
];

export const ReferenceFormView = z.object({
  tenantName: z.string(),
  applicantName: z.string(),
  refereeName: z.string(),
  questions: z.array(z.object({ id: ReferenceQuestionId, text: z.string() })),
});
export type ReferenceFormView = z.infer<typeof ReferenceFormView>;

const answerText = (max: number) =>
  z.string().trim().min(1, "Enter an answer").max(max, `Use ${max} characters or fewer`);

export const ReferenceAnswers = z
  .object({
    knownFor: answerText(2000),
    suitability: answerText(5000),
    concerns: answerText(5000).describe("Write 'None' if you know of none"),
    recommend: z.enum(["yes", "with_reservations", "no"], { error: "Say whether you would recommend the applicant" }),
  })
  .strict();
export type ReferenceAnswers = z.infer<typeof ReferenceAnswers>;

export const SubmitReference = z.object({ answers: ReferenceAnswers }).strict();
export const ReferenceSubmitted = z.object({ message: z.string() });
