import { ReviewMatchParam } from "@tandem/contracts/review-common";
import {
  CareLeaverFlag,
  CareLeaverFlagView,
  FeedbackRequestParam,
  FeedbackRequestView,
  FeedbackWithCoordinator,
  LookedAfterReview,
  LookedAfterReviewView,
  MatchReviews,
  RequestFeedback,
  ReviewRecord,
  ReviewView,
} from "@tandem/contracts/reviews";
import {
  getEnding,
  listFeedback,
  listLookedAfterReviews,
  listReviews,
  loadReviewedMatch,
  loadReviewSchedule,
  recordFeedbackWithCoordinator,
  recordLookedAfterReview,
  recordReview,
  referralContactOf,
  requestFeedback,
  setVulnerableCareLeaver,
} from "@tandem/data/reviews";
import { loadVolunteerEmailContact } from "@tandem/data/volunteers";
import { endAge, endAgeAlert } from "@tandem/domain/endings";
import { isReviewRule, type ReviewKind, reviewRuleWords } from "@tandem/domain/reviews";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

const json = jsonResponse;
const staff = { kind: "tenant", roles: ["coordinator", "manager"] } as const;
const coordinators = { kind: "tenant", roles: ["coordinator"] } as const;
const route = routesFor({ tags: ["reviews"], access: coordinators });
const base = "/api/matches/{matchId}";

const reviewsOfMatch = route("get", `${base}/reviews`, {
  summary: "A match's reviews, feedback, looked-after reviews, ending and what is due next",
  access: staff,
  refuses: ["not_found"],
  request: { params: ReviewMatchParam },
  responses: { 200: json(MatchReviews, "The match's reviews") },
});

const newReview = route("post", `${base}/reviews`, {
  summary: "Record a review: date, visit or call, who took part, the child's view in their own words, the outcome",
  description:
    "409 when the match is not active (a closure review: not ending), with the reason; a date before the match " +
    "started or in the future is 400. The match's next review moves on.",
  refuses: ["not_found", "conflict", "version_conflict"],
  request: { params: ReviewMatchParam, body: jsonBody(ReviewRecord) },
  responses: { 201: json(ReviewView, "The review as recorded") },
});

const askForFeedback = route("post", `${base}/feedback-requests`, {
  summary: "E-mail single-use feedback links to the carer, social worker, IRO, volunteer (and child)",
  description: "A child without an e-mail address answers with the coordinator. Unanswered links get one reminder.",
  refuses: ["not_found", "conflict"],
  request: { params: ReviewMatchParam, body: jsonBody(RequestFeedback) },
  responses: { 201: json(FeedbackRequestView.array(), "The requests sent") },
});

const lookedAfter = route("post", `${base}/looked-after-reviews`, {
  summary: "The child's looked-after review: their wish for the visitor to attend, the invitation, whether they went",
  refuses: ["not_found", "conflict"],
  request: { params: ReviewMatchParam, body: jsonBody(LookedAfterReview) },
  responses: { 201: json(LookedAfterReviewView, "As recorded") },
});

const childWithCoordinator = route("post", `${base}/feedback-requests/{requestId}/answer`, {
  summary: "The child's feedback form completed with the coordinator (a child without their own link)",
  description: "409 once the request has been answered; 404 for a request of another match or council.",
  refuses: ["not_found", "conflict", "version_conflict"],
  request: { params: FeedbackRequestParam, body: jsonBody(FeedbackWithCoordinator) },
  responses: { 200: json(FeedbackRequestView, "The request, answered") },
});

const careLeaver = route("put", `${base}/vulnerable-care-leaver`, {
  summary: "Mark the young person a vulnerable care leaver (or not): their end-age alerts follow the policy's age",
  description:
    "Where the council's policy supports vulnerable care leavers longer (Leeds: to 25), the alerts move to that " +
    "age; elsewhere the flag is kept but the end age stays. 409 for a match that has ended or not started.",
  refuses: ["not_found", "conflict", "version_conflict"],
  request: { params: ReviewMatchParam, body: jsonBody(CareLeaverFlag) },
  responses: { 200: json(CareLeaverFlagView, "The flag and the end age it gives") },
});

/** A match's reviews, feedback requests and looked-after reviews (the reviews function, ADR 23). */
export const reviewMatchRoutes = newRouter()
  .openapi(reviewsOfMatch, async (c) => {
    const { table, tenant, today } = c.var;
    const { facts, childDateOfBirth } = await loadReviewedMatch(table, c.req.valid("param").matchId);
    const [schedule, reviews, feedback, lar, ending] = await Promise.all([
      loadReviewSchedule(table, facts.id),
      listReviews(table, facts.id),
      listFeedback(table, facts.id),
      listLookedAfterReviews(table, facts.id),
      getEnding(table, facts.id),
    ]);
    const vulnerable = schedule?.vulnerableCareLeaver ?? false;
    const alert = facts.stage === "active" ? endAgeAlert(childDateOfBirth, vulnerable, tenant.policy, today) : null;
    return c.json(
      MatchReviews.parse({
        matchId: facts.id,
        label: facts.label,
        stage: facts.stage,
        next:
          schedule?.dueOn && schedule.kind
            ? {
                kind: schedule.kind as ReviewKind,
                dueOn: schedule.dueOn,
                why: isReviewRule(schedule.rule) ? reviewRuleWords(schedule.rule, tenant.policy) : "",
              }
            : null,
        endAgeAlert: alert ? { words: alert.words, endsOn: alert.endsOn } : null,
        endAge: childDateOfBirth ? endAge(tenant.policy, vulnerable) : null,
        vulnerableCareLeaver: vulnerable,
        vulnerableAgeApplies:
          (tenant.policy.referrals.careLeavers.vulnerableUpToAge ?? 0) > tenant.policy.matches.supportEndsAtAge,
        reviews,
        feedback,
        lookedAfterReviews: lar,
        ending: ending ?? null,
      }),
      200,
    );
  })
  .openapi(newReview, async (c) => {
    const { facts } = await loadReviewedMatch(c.var.table, c.req.valid("param").matchId);
    return c.json(
      ReviewView.parse(await recordReview(c.var.table, facts, c.req.valid("json"), c.var.tenant.policy)),
      201,
    );
  })
  .openapi(askForFeedback, async (c) => {
    const { table, tenant, links } = c.var;
    const { facts } = await loadReviewedMatch(table, c.req.valid("param").matchId);
    // The e-mails go in the languages the referral and the application were made in (ADR 22).
    const [referral, volunteer] = await Promise.all([
      referralContactOf(table, facts.referralId),
      loadVolunteerEmailContact(table, facts.volunteerId),
    ]);
    const languages = { referral: referral.language, volunteer: volunteer.language };
    const sent = await requestFeedback(
      table,
      facts,
      c.req.valid("json").invitees,
      tenant.policy,
      links,
      undefined,
      languages,
    );
    return c.json(
      sent.map(({ tokenHash: _h, version: _v, ...r }) => FeedbackRequestView.parse(r)),
      201,
    );
  })
  .openapi(lookedAfter, async (c) => {
    const { facts } = await loadReviewedMatch(c.var.table, c.req.valid("param").matchId);
    return c.json(
      LookedAfterReviewView.parse(await recordLookedAfterReview(c.var.table, facts, c.req.valid("json"))),
      201,
    );
  })
  .openapi(childWithCoordinator, async (c) => {
    const { matchId, requestId } = c.req.valid("param");
    const { facts } = await loadReviewedMatch(c.var.table, matchId);
    const answered = await recordFeedbackWithCoordinator(c.var.table, facts, requestId, c.req.valid("json").answers);
    const { tokenHash: _h, version: _v, ...view } = answered;
    return c.json(FeedbackRequestView.parse(view), 200);
  })
  .openapi(careLeaver, async (c) => {
    const { table, tenant } = c.var;
    const { facts } = await loadReviewedMatch(table, c.req.valid("param").matchId);
    const flag = c.req.valid("json").vulnerableCareLeaver;
    await setVulnerableCareLeaver(table, facts, flag);
    return c.json(
      CareLeaverFlagView.parse({ matchId: facts.id, vulnerableCareLeaver: flag, endAge: endAge(tenant.policy, flag) }),
      200,
    );
  });
