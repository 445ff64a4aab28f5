/**
 * Matches (issue 13): suggestions for a waiting child, proposals, the board, a match's record and
 * its actions, and a volunteer's own matches. Each payload's name is read off the route that carries it.
 */
import { type Body, type CallOptions, call, type Input, type Output } from "./client";

export type Suggestions = Output<"get", "/api/matching/children/:referralId/suggestions">;
export type Suggestion = Suggestions["suggestions"][number];
export type ProposeMatch = Body<"post", "/api/matches">;
export type MatchRecord = Output<"get", "/api/matches/:matchId">;
export type MatchStage = MatchRecord["stage"];
export type MatchAction = MatchRecord["allowedActions"][number];
export type TakeMatchAction = Body<"post", "/api/matches/:matchId/actions">;
export type MatchBoardQuery = Input<"get", "/api/matches">["query"];
export type MatchBoardPage = Output<"get", "/api/matches">;
export type MatchCard = MatchBoardPage["items"][number];
export type MyMatches = Output<"get", "/api/volunteers/me/matches">;
export type DidNotProceedReason = Extract<TakeMatchAction, { action: "did_not_proceed" }>["record"]["reason"];

const scoped: CallOptions = { tenantScoped: true };

export const suggestionsFor = (referralId: string) =>
  call("get", "/api/matching/children/:referralId/suggestions", { param: { referralId } }, scoped);
export const proposeMatch = (json: ProposeMatch) => call("post", "/api/matches", { json }, scoped);
export const matchBoard = (query: MatchBoardQuery = {}) => call("get", "/api/matches", { query }, scoped);
export const match = (matchId: string) => call("get", "/api/matches/:matchId", { param: { matchId } }, scoped);
export const takeMatchAction = (matchId: string, json: TakeMatchAction) =>
  call("post", "/api/matches/:matchId/actions", { param: { matchId }, json }, scoped);
export const myMatches = () => call("get", "/api/volunteers/me/matches", {}, scoped);

export type RecordRiskAssessment = Body<"put", "/api/matches/:matchId/risk-assessment">;
export const recordRiskAssessment = (matchId: string, json: RecordRiskAssessment) =>
  call("put", "/api/matches/:matchId/risk-assessment", { param: { matchId }, json }, scoped);

export type AgreementFormView = Output<"get", "/api/public/tenants/:slug/match-agreements/:token">;
export type AgreementAnswer = Body<"post", "/api/public/tenants/:slug/match-agreements/:token">;

/** The social worker's single-use agreement link (no sign-in): opening it does not use it up. */
export const agreementForm = (slug: string, token: string) =>
  call("get", "/api/public/tenants/:slug/match-agreements/:token", { param: { slug, token } });

export const giveAgreement = (slug: string, token: string, json: AgreementAnswer) =>
  call("post", "/api/public/tenants/:slug/match-agreements/:token", { param: { slug, token }, json });
