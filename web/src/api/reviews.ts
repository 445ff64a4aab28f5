/**
 * Reviews, supervision and complaints (issue 15): the public feedback form behind a review's link,
 * the coordinators' due lists and the complaints register. Each payload's name is read off its route.
 */
import { type Body, type CallOptions, call, type Input, type Output } from "./client";

export type FeedbackFormView = Output<"get", "/api/public/tenants/:slug/feedback/:token">;
export type FeedbackAnswers = Body<"post", "/api/public/tenants/:slug/feedback/:token">["answers"];

export const feedbackForm = (slug: string, token: string) =>
  call("get", "/api/public/tenants/:slug/feedback/:token", { param: { slug, token } });

export const submitFeedback = (slug: string, token: string, answers: FeedbackAnswers) =>
  call("post", "/api/public/tenants/:slug/feedback/:token", { param: { slug, token }, json: { answers } });

const scoped: CallOptions = { tenantScoped: true };

export type DueQuery = Input<"get", "/api/reviews/due">["query"];
export type DueReviewPage = Output<"get", "/api/reviews/due">;
export type DueSupervisionPage = Output<"get", "/api/supervision/due">;
export type ComplaintPage = Output<"get", "/api/complaints">;
export type Complaint = ComplaintPage["items"][number];

export const dueReviews = (query: DueQuery) => call("get", "/api/reviews/due", { query }, scoped);
export const dueSupervision = (query: DueQuery) => call("get", "/api/supervision/due", { query }, scoped);
export const complaints = (query: DueQuery) => call("get", "/api/complaints", { query }, scoped);
