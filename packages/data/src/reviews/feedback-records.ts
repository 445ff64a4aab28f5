import { AdultFeedback, ChildFeedback, FeedbackRespondent } from "@tandem/domain/reviews";
import { PublicLanguage } from "@tandem/domain/tenants";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";

/** A review's feedback requests and their single-use links as stored, keyed by the match (the link by its hash). */

export const StoredFeedbackRequest = z.object({
  id: z.string(),
  matchId: z.string(),
  respondent: FeedbackRespondent,
  name: z.string(),
  /** Kept so a reminder can be sent; never returned to another respondent. */
  email: z.string().nullable(),
  sentOn: z.string(),
  expiresOn: z.string(),
  remindOn: z.string(),
  remindedOn: z.string().nullable(),
  /** The newest link's hash: an older link stops working once a reminder sends a new one. */
  tokenHash: z.string().nullable(),
  answeredOn: z.string().nullable(),
  /** Completed with the coordinator (the child without an e-mail address) rather than through a link. */
  completedWithCoordinator: z.boolean(),
  answer: z.union([AdultFeedback, ChildFeedback]).nullable(),
  /** The language of the e-mails and the form's link (ADR 22), kept for the reminder; English for requests stored before. */
  language: PublicLanguage.default("en"),
  version: z.number().int(),
});
export type StoredFeedbackRequest = z.output<typeof StoredFeedbackRequest>;

export const feedbackRequestEntity = defineEntity({
  type: "feedback-request",
  schema: StoredFeedbackRequest,
  key: (tenantId, r: { matchId: string; id: string }) => keys.feedbackRequest(tenantId, r.matchId, r.id),
  // In the reminder view only while a reminder is still to go out.
  index: (tenantId, r) =>
    r.answeredOn === null && r.remindedOn === null && r.email !== null
      ? { gsi1pk: keys.scheduleView(tenantId, "feedback"), gsi1sk: `${r.remindOn}#${r.matchId}#${r.id}` }
      : null,
});

export const feedbackLinkEntity = defineEntity({
  type: "feedback-link",
  schema: z.object({
    matchId: z.string(),
    requestId: z.string(),
    expiresOn: z.string(),
    usedAt: z.string().nullable(),
    version: z.number().int(),
    expiresAt: z.number(),
  }),
  key: (tenantId, link: { tokenHash: string }) => keys.feedbackLink(tenantId, link.tokenHash),
});
