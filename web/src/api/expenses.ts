/**
 * Expense claims in the workspace (issue 14): the coordinator's and finance's queues, one claim and the
 * decision on it, the month end, the payment file, marking a batch paid and a volunteer's payee reference.
 */
import { type Body, type CallOptions, call, callForFile, type Input, newIdempotencyKey, type Output } from "./client";

const scoped: CallOptions = { tenantScoped: true };

export type ClaimQueueName = Input<"get", "/api/expenses/queues/:queue">["param"]["queue"];
export type QueuedClaim = Output<"get", "/api/expenses/claims/:matchId/:claimId">;
export type MatchTotalsPage = Output<"get", "/api/expenses/months/:month/totals/matches">;
export type VolunteerTotalsPage = Output<"get", "/api/expenses/months/:month/totals/volunteers">;
export type ActOnClaim = Body<"post", "/api/matches/:matchId/claims/:claimId/actions">;
export type PayeeView = Output<"get", "/api/expenses/payees/:volunteerId">;

export const claimQueue = (queue: ClaimQueueName, query: { limit?: number; cursor?: string; month?: string } = {}) =>
  call("get", "/api/expenses/queues/:queue", { param: { queue }, query }, scoped);

export const queuedClaim = (matchId: string, claimId: string) =>
  call("get", "/api/expenses/claims/:matchId/:claimId", { param: { matchId, claimId } }, scoped);

export const actOnClaim = (matchId: string, claimId: string, json: ActOnClaim) =>
  call("post", "/api/matches/:matchId/claims/:claimId/actions", { param: { matchId, claimId }, json }, scoped);

export const totalsByMatch = (month: string, query: { limit?: number; cursor?: string } = {}) =>
  call("get", "/api/expenses/months/:month/totals/matches", { param: { month }, query }, scoped);

export const totalsByVolunteer = (month: string, query: { limit?: number; cursor?: string } = {}) =>
  call("get", "/api/expenses/months/:month/totals/volunteers", { param: { month }, query }, scoped);

/** The month's payment file as CSV (the download is recorded in the audit trail). */
export const paymentFile = (month: string) =>
  callForFile("/api/expenses/months/:month/payment-file", { param: { month } }, scoped);

/** Marks a batch paid; one Idempotency-Key per intended batch, so a retry cannot pay twice. */
export const markPaid = (month: string, claims: { matchId: string; claimId: string }[], key = newIdempotencyKey()) =>
  call(
    "post",
    "/api/expenses/months/:month/payments",
    { param: { month }, header: { "idempotency-key": key }, json: { claims } },
    scoped,
  );

export const payee = (volunteerId: string) =>
  call("get", "/api/expenses/payees/:volunteerId", { param: { volunteerId } }, scoped);

export const setPayee = (volunteerId: string, json: Body<"put", "/api/expenses/payees/:volunteerId">) =>
  call("put", "/api/expenses/payees/:volunteerId", { param: { volunteerId }, json }, scoped);

/** A receipt the receipts context serves, fetched with the token (a plain link would carry none). */
export const receiptFile = (matchId: string, receiptId: string) =>
  callForFile("/api/matches/:matchId/receipts/:receiptId", { param: { matchId, receiptId } }, scoped);
