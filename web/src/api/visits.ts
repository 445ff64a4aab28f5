/**
 * Visits, expense claims and concerns (issue 14): the volunteer's portal and the staff's concerns
 * pages. Each payload's name is read off the route that carries it.
 */
import type { ReceiptView } from "@tandem/contracts/visits";
import { type Body, type CallOptions, call, callWithFile, type Output } from "./client";

const scoped: CallOptions = { tenantScoped: true };

export type VisitState = Output<"get", "/api/matches/:matchId/visit-state">;
export type VisitPage = Output<"get", "/api/matches/:matchId/visits">;
export type Visit = VisitPage["items"][number];
export type PlanVisit = Body<"post", "/api/matches/:matchId/visits">;
export type RecordVisit = Body<"post", "/api/matches/:matchId/visits/:visitId/record">;
export type CancelVisit = Body<"post", "/api/matches/:matchId/visits/:visitId/cancel">;
export type ClaimPage = Output<"get", "/api/matches/:matchId/claims">;
export type Claim = ClaimPage["items"][number];
export type SubmitClaim = Body<"post", "/api/matches/:matchId/claims">;

export const visitState = (matchId: string) =>
  call("get", "/api/matches/:matchId/visit-state", { param: { matchId } }, scoped);
export const visits = (matchId: string) =>
  call("get", "/api/matches/:matchId/visits", { param: { matchId }, query: { limit: 50 } }, scoped);
export const planVisit = (matchId: string, json: PlanVisit) =>
  call("post", "/api/matches/:matchId/visits", { param: { matchId }, json }, scoped);
export const recordVisit = (matchId: string, visitId: string, json: RecordVisit) =>
  call("post", "/api/matches/:matchId/visits/:visitId/record", { param: { matchId, visitId }, json }, scoped);
export const cancelVisit = (matchId: string, visitId: string, json: CancelVisit) =>
  call("post", "/api/matches/:matchId/visits/:visitId/cancel", { param: { matchId, visitId }, json }, scoped);
export const confirmHomeSafe = (matchId: string, visitId: string, version: number) =>
  call(
    "post",
    "/api/matches/:matchId/visits/:visitId/home-safe",
    { param: { matchId, visitId }, json: { version } },
    scoped,
  );
export const matchClaims = (matchId: string) =>
  call("get", "/api/matches/:matchId/claims", { param: { matchId }, query: { limit: 50 } }, scoped);
/** One key per claim the volunteer sends: a retry of the same request cannot claim twice. */
export const submitClaim = (matchId: string, json: SubmitClaim, idempotencyKey: string) =>
  call(
    "post",
    "/api/matches/:matchId/claims",
    { param: { matchId }, header: { "idempotency-key": idempotencyKey }, json },
    scoped,
  );

/** A receipt's photo or PDF, sent as it is: the API reads what it is from its content, and answers its id. */
export const uploadReceiptFile = (matchId: string, file: Blob) =>
  callWithFile<ReceiptView>("/api/matches/:matchId/receipts", { param: { matchId } }, file, scoped);

export type VisitForApproval = Output<"get", "/api/matches/:matchId/visits/:visitId">;
export type DecideVisit = Body<"post", "/api/matches/:matchId/visits/:visitId/decision">;

/** The council's visits waiting for a senior manager's agreement, soonest first. */
export const visitsAwaitingApproval = (query: { limit?: number; cursor?: string } = {}) =>
  call("get", "/api/visits/awaiting-approval", { query }, scoped);
export const visitForApproval = (matchId: string, visitId: string) =>
  call("get", "/api/matches/:matchId/visits/:visitId", { param: { matchId, visitId } }, scoped);
export const decideVisit = (matchId: string, visitId: string, json: DecideVisit) =>
  call("post", "/api/matches/:matchId/visits/:visitId/decision", { param: { matchId, visitId }, json }, scoped);
