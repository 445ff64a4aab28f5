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

export type MatchReviews = Output<"get", "/api/matches/:matchId/reviews">;
export type ReviewBody = Body<"post", "/api/matches/:matchId/reviews">;
export type FeedbackInvitees = Body<"post", "/api/matches/:matchId/feedback-requests">["invitees"];
export type LookedAfterBody = Body<"post", "/api/matches/:matchId/looked-after-reviews">;
export type BeginEndingBody = Body<"post", "/api/matches/:matchId/ending">;
export type EndMatchBody = Body<"post", "/api/matches/:matchId/end">;
export type ChildAnswers = Body<"post", "/api/matches/:matchId/feedback-requests/:requestId/answer">["answers"];
export type SupervisionBody = Body<"post", "/api/supervision">;
export type EndAgeAlertPage = Output<"get", "/api/reviews/end-age-alerts">;
export type MatchHealthList = Output<"get", "/api/reviews/health">;

export const matchReviews = (matchId: string) =>
  call("get", "/api/matches/:matchId/reviews", { param: { matchId } }, scoped);
export const recordReview = (matchId: string, json: ReviewBody) =>
  call("post", "/api/matches/:matchId/reviews", { param: { matchId }, json }, scoped);
export const askForFeedback = (matchId: string, invitees: FeedbackInvitees) =>
  call("post", "/api/matches/:matchId/feedback-requests", { param: { matchId }, json: { invitees } }, scoped);
export const childFeedbackWithCoordinator = (matchId: string, requestId: string, answers: ChildAnswers) =>
  call(
    "post",
    "/api/matches/:matchId/feedback-requests/:requestId/answer",
    { param: { matchId, requestId }, json: { answers } },
    scoped,
  );
export const recordLookedAfterReview = (matchId: string, json: LookedAfterBody) =>
  call("post", "/api/matches/:matchId/looked-after-reviews", { param: { matchId }, json }, scoped);
export const beginEnding = (matchId: string, json: BeginEndingBody) =>
  call("post", "/api/matches/:matchId/ending", { param: { matchId }, json }, scoped);
export const endMatch = (matchId: string, json: EndMatchBody) =>
  call("post", "/api/matches/:matchId/end", { param: { matchId }, json }, scoped);
export const setCareLeaver = (matchId: string, vulnerableCareLeaver: boolean) =>
  call(
    "put",
    "/api/matches/:matchId/vulnerable-care-leaver",
    { param: { matchId }, json: { vulnerableCareLeaver } },
    scoped,
  );
export const recordSupervision = (json: SupervisionBody) => call("post", "/api/supervision", { json }, scoped);
export const endAgeAlerts = (query: DueQuery) => call("get", "/api/reviews/end-age-alerts", { query }, scoped);
export const matchHealth = () => call("get", "/api/reviews/health", {}, scoped);
