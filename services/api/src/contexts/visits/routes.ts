import {
  CancelVisit,
  ConfirmHomeSafe,
  DecideVisit,
  MatchVisitsParam,
  PlanVisit,
  RecordPastVisit,
  RecordVisit,
  VisitApprovalPage,
  VisitForApproval,
  VisitListQuery,
  VisitPage,
  VisitParam,
  VisitState,
  VisitView,
} from "@tandem/contracts/visits";
import * as keys from "@tandem/data/keys";
import { noteFirstVisit } from "@tandem/data/reviews";
import {
  cancelVisit,
  confirmHomeSafe,
  decideVisit,
  getVisit,
  listVisits,
  matchVisitState,
  planVisit,
  readMatchGlance,
  recordPastVisit,
  recordVisit,
  referralChildNames,
  visitForApproval,
  visitsAwaitingApproval,
} from "@tandem/data/visits";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";
import { matchFor } from "./match-access.js";

const json = jsonResponse;
const volunteers = { kind: "tenant", roles: ["volunteer"] } as const;
const readers = { kind: "tenant", roles: ["volunteer", "coordinator", "manager"] } as const;
const changeRefusals = ["not_found", "conflict", "version_conflict"] as const;

const route = routesFor({ tags: ["visits"], access: volunteers, refuses: ["not_found"] });

const plan = route("post", "/api/matches/{matchId}/visits", {
  summary: "Plan a visit with your matched child (your own active matches only)",
  description:
    "Over the policy's longest visit, or overnight: refused where the policy says never, otherwise it waits for a " +
    "senior manager's approval. The named person is required where the policy asks for one.",
  refuses: ["conflict"],
  request: { params: MatchVisitsParam, body: jsonBody(PlanVisit) },
  responses: { 201: json(VisitView, "The visit, planned or awaiting approval") },
});

const past = route("post", "/api/matches/{matchId}/visits/past", {
  summary: "Record a visit on an earlier day that was not planned here (your own active matches only)",
  description:
    "The plan's rules and the record's are those of planning then recording: over the policy's longest visit or " +
    "overnight where never allowed is a 400; one that needed a senior manager's agreement beforehand is a 409. " +
    "A visit today or later is planned first.",
  refuses: ["conflict"],
  request: { params: MatchVisitsParam, body: jsonBody(RecordPastVisit) },
  responses: { 201: json(VisitView, "The visit, recorded") },
});

const list = route("get", "/api/matches/{matchId}/visits", {
  summary: "The match's visits, newest first (the volunteer's own match, or staff)",
  access: readers,
  refuses: ["conflict", "invalid_cursor"],
  request: { params: MatchVisitsParam, query: VisitListQuery },
  responses: { 200: json(VisitPage, "One page of visits") },
});

const record = route("post", "/api/matches/{matchId}/visits/{visitId}/record", {
  summary: "Record a visit afterwards; a note naming the child is refused before saving, with the reason",
  refuses: changeRefusals,
  request: { params: VisitParam, body: jsonBody(RecordVisit) },
  responses: { 200: json(VisitView, "The visit, recorded") },
});

const cancel = route("post", "/api/matches/{matchId}/visits/{visitId}/cancel", {
  summary: "Cancel a planned visit for one of the reasons the council accepts",
  refuses: changeRefusals,
  request: { params: VisitParam, body: jsonBody(CancelVisit) },
  responses: { 200: json(VisitView, "The visit, cancelled") },
});

const homeSafe = route("post", "/api/matches/{matchId}/visits/{visitId}/home-safe", {
  summary: "Confirm you are home safe after a visit (lone working)",
  refuses: changeRefusals,
  request: { params: VisitParam, body: jsonBody(ConfirmHomeSafe) },
  responses: { 200: json(VisitView, "The visit") },
});

const decide = route("post", "/api/matches/{matchId}/visits/{visitId}/decision", {
  summary: "A senior manager approves or refuses a visit over the hours or overnight, beforehand",
  description:
    "A refusal says why (400 without a reason): the volunteer is e-mailed the decision and the reason. " +
    "Either way the visit leaves the list of visits awaiting approval.",
  access: { kind: "tenant", roles: ["manager"] },
  refuses: changeRefusals,
  request: { params: VisitParam, body: jsonBody(DecideVisit) },
  responses: { 200: json(VisitView, "The visit after the decision") },
});

const approvals = route("get", "/api/visits/awaiting-approval", {
  summary: "The council's visits waiting for a senior manager's agreement, soonest first; one Query a page",
  description:
    "Visits over the policy's hours or overnight, where the policy asks a senior manager to agree beforehand. " +
    "A visit leaves the list when it is approved, refused or cancelled. Coordinators may read it; managers decide.",
  access: { kind: "tenant", roles: ["manager", "coordinator"] },
  refuses: ["invalid_cursor"],
  request: { query: VisitListQuery },
  responses: { 200: json(VisitApprovalPage, "One page of visits awaiting approval") },
});

const oneForApproval = route("get", "/api/matches/{matchId}/visits/{visitId}", {
  summary: "One visit of a match, with the match's label and who planned it (staff)",
  access: { kind: "tenant", roles: ["manager", "coordinator"] },
  request: { params: VisitParam },
  reads: ({ matchId = "", visitId = "" }, tenantId) => [
    keys.visit(tenantId, matchId, visitId),
    keys.match(tenantId, matchId),
  ],
  responses: { 200: json(VisitForApproval, "The visit") },
});

const state = route("get", "/api/matches/{matchId}/visit-state", {
  summary: "The match's last visit, whether it is behind the minimum frequency, and its risk-assessed activities",
  access: readers,
  refuses: ["conflict"],
  request: { params: MatchVisitsParam },
  responses: { 200: json(VisitState, "Where the match's visiting stands") },
});

const visitView = (v: unknown) => VisitView.parse(v);

/** A volunteer's visits on their own active matches, and the approvals. Mounted by the scheme function. */
export const visitRoutes = newRouter()
  .openapi(plan, async (c) => {
    const { table, tenant } = c.var;
    const match = await matchFor(table, c.req.valid("param").matchId, "own_write");
    const stored = await readMatchGlance(table, match.matchId);
    const activities = stored.riskAssessment?.activities.map((a) => a.activity) ?? [];
    const { links } = c.var;
    return c.json(visitView(await planVisit(table, match, c.req.valid("json"), tenant.policy, activities, links)), 201);
  })
  .openapi(past, async (c) => {
    const { table, tenant } = c.var;
    const match = await matchFor(table, c.req.valid("param").matchId, "own_write");
    const body = c.req.valid("json");
    const stored = await readMatchGlance(table, match.matchId);
    const activities = stored.riskAssessment?.activities.map((a) => a.activity) ?? [];
    const child = await referralChildNames(table, match.referralId);
    // The match's first visit makes its informal review due where the policy asks (reviews' schedule).
    const firstVisit = await noteFirstVisit(table, match.matchId, body.plan.on, tenant.policy);
    const visit = await recordPastVisit(table, match, body, tenant.policy, activities, child, new Date(), firstVisit);
    return c.json(visitView(visit), 201);
  })
  .openapi(list, async (c) => {
    const { table } = c.var;
    const match = await matchFor(table, c.req.valid("param").matchId, "read");
    const { limit, cursor } = c.req.valid("query");
    return c.json(VisitPage.parse(await listVisits(table, match.matchId, limit, cursor ?? null)), 200);
  })
  .openapi(record, async (c) => {
    const { table, tenant } = c.var;
    const match = await matchFor(table, c.req.valid("param").matchId, "own_write");
    const { record: what, version } = c.req.valid("json");
    const { visitId } = c.req.valid("param");
    const child = await referralChildNames(table, match.referralId);
    // The match's first visit makes its informal review due where the policy asks (reviews' schedule).
    const planned = await getVisit(table, match.matchId, visitId);
    const firstVisit = await noteFirstVisit(table, match.matchId, planned.plan.on, tenant.policy);
    return c.json(
      visitView(await recordVisit(table, match, visitId, version, what, child, new Date(), firstVisit)),
      200,
    );
  })
  .openapi(cancel, async (c) => {
    const { table, tenant } = c.var;
    const match = await matchFor(table, c.req.valid("param").matchId);
    const { cancellation, version } = c.req.valid("json");
    const { visitId } = c.req.valid("param");
    return c.json(visitView(await cancelVisit(table, match, visitId, version, cancellation, tenant.policy)), 200);
  })
  .openapi(homeSafe, async (c) => {
    const { table } = c.var;
    const match = await matchFor(table, c.req.valid("param").matchId);
    const { visitId } = c.req.valid("param");
    return c.json(visitView(await confirmHomeSafe(table, match, visitId, c.req.valid("json").version)), 200);
  })
  .openapi(decide, async (c) => {
    const { table, tenant, links } = c.var;
    const { matchId, visitId } = c.req.valid("param");
    await matchFor(table, matchId, "read");
    return c.json(
      visitView(await decideVisit(table, matchId, visitId, c.req.valid("json"), tenant.policy, links)),
      200,
    );
  })
  .openapi(approvals, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    return c.json(VisitApprovalPage.parse(await visitsAwaitingApproval(c.var.table, limit, cursor ?? null)), 200);
  })
  .openapi(oneForApproval, async (c) => {
    // Staff only: the visit's key is the council's and names its match, so no separate read of the match's access.
    const { matchId, visitId } = c.req.valid("param");
    return c.json(VisitForApproval.parse(await visitForApproval(c.var.table, matchId, visitId)), 200);
  })
  .openapi(state, async (c) => {
    const { table, tenant } = c.var;
    const match = await matchFor(table, c.req.valid("param").matchId);
    const stored = await readMatchGlance(table, match.matchId);
    const activities = stored.riskAssessment?.activities.map((a) => a.activity) ?? [];
    return c.json(VisitState.parse({ ...(await matchVisitState(table, match, tenant.policy)), activities }), 200);
  });
