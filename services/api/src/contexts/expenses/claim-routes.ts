import {
  ActOnClaim,
  ClaimMonthParam,
  ClaimPage,
  ClaimParam,
  ClaimView,
  MatchVisitsParam,
  SubmitClaim,
  VisitListQuery,
} from "@tandem/contracts/visits";
import { actOnClaim, listMatchClaims, monthClaimsPage, submitClaim } from "@tandem/data/expenses";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { IdempotencyHeaders } from "../../http/idempotency-header.js";
import { newRouter } from "../../http/router.js";
import { matchFor } from "../visits/match-access.js";

const json = jsonResponse;
const readers = { kind: "tenant", roles: ["volunteer", "coordinator", "manager"] } as const;
const changeRefusals = ["not_found", "conflict", "version_conflict"] as const;

// Tagged with the visits' routes, as before they had a router of their own: a claim is for a visit or a month.
const route = routesFor({ tags: ["visits"], access: { kind: "tenant", roles: ["volunteer"] }, refuses: ["not_found"] });

const claim = route("post", "/api/matches/{matchId}/claims", {
  summary: "Claim expenses for a recorded visit or for a month; over a limit you are told what remains",
  description:
    "Two claims racing past a cap: exactly one lands; the other is told what remains. With an Idempotency-Key, " +
    "a retry (or a double click) makes no second claim and gets the first answer.",
  refuses: ["conflict", "version_conflict", "idempotency_key_reused"],
  request: { params: MatchVisitsParam, headers: IdempotencyHeaders, body: jsonBody(SubmitClaim) },
  responses: { 201: json(ClaimView, "The claim, submitted or awaiting the coordinator's prior approval") },
});

const matchClaims = route("get", "/api/matches/{matchId}/claims", {
  summary: "The match's claims with their status (the volunteer's own match, or staff)",
  access: readers,
  refuses: ["invalid_cursor"],
  request: { params: MatchVisitsParam, query: VisitListQuery },
  responses: { 200: json(ClaimPage, "One page of claims") },
});

const monthClaims = route("get", "/api/expenses/months/{month}/claims", {
  summary: "One page of a month's claims (coordinator's and finance's queue); one Query a page",
  access: { kind: "tenant", roles: ["coordinator", "finance"] },
  refuses: ["invalid_cursor"],
  request: { params: ClaimMonthParam, query: VisitListQuery },
  responses: { 200: json(ClaimPage, "One page of claims") },
});

const actOn = route("post", "/api/matches/{matchId}/claims/{claimId}/actions", {
  summary: "Approve or reject a claim (coordinator, then finance), or mark it paid (finance)",
  access: { kind: "tenant", roles: ["coordinator", "finance"] },
  refuses: [...changeRefusals, "forbidden"],
  request: { params: ClaimParam, body: jsonBody(ActOnClaim) },
  responses: { 200: json(ClaimView, "The claim after the action") },
});

const claimView = (c: unknown) => ClaimView.parse(c);

/**
 * A match's expense claims (a volunteer's on their own active matches, staff's on any) and the month's
 * claims queue with the coordinator's and finance's actions on a claim. Mounted by the expenses function.
 */
export const claimRoutes = newRouter()
  .openapi(claim, async (c) => {
    const { table, tenant } = c.var;
    const match = await matchFor(table, c.req.valid("param").matchId, "own_write");
    const key = c.req.valid("header")["idempotency-key"];
    return c.json(claimView(await submitClaim(table, match, c.req.valid("json"), tenant.policy, undefined, key)), 201);
  })
  .openapi(matchClaims, async (c) => {
    const { table } = c.var;
    const match = await matchFor(table, c.req.valid("param").matchId, "read");
    const { limit, cursor } = c.req.valid("query");
    return c.json(ClaimPage.parse(await listMatchClaims(table, match.matchId, limit, cursor ?? null)), 200);
  })
  .openapi(monthClaims, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    return c.json(
      ClaimPage.parse(await monthClaimsPage(c.var.table, c.req.valid("param").month, limit, cursor ?? null)),
      200,
    );
  })
  .openapi(actOn, async (c) => {
    const { matchId, claimId } = c.req.valid("param");
    const { action, reason, version } = c.req.valid("json");
    return c.json(claimView(await actOnClaim(c.var.table, matchId, claimId, version, action, reason)), 200);
  });
