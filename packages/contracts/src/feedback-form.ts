/**
 * The public feedback form behind a review's single-use link (issue 15): served by the public forms'
 * function, apart from the coordinators' reviews payloads so neither function carries the other's.
 */
import { IsoDate } from "@tandem/domain/calendar";
import { AdultFeedback, ChildFeedback } from "@tandem/domain/reviews";
import { Slug } from "@tandem/domain/tenants";
import * as z from "zod";

export const FeedbackLinkToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "This link is not complete: copy the whole address from the e-mail");
export const FeedbackTokenParam = z.object({ slug: Slug, token: FeedbackLinkToken });

export const FeedbackFormView = z.object({
  tenantName: z.string(),
  form: z.enum(["child", "adult"]),
  expiresOn: IsoDate,
});
export const SubmitFeedback = z.object({ answers: z.union([AdultFeedback, ChildFeedback]) }).strict();
export const FeedbackSubmitted = z.object({ message: z.string() });
