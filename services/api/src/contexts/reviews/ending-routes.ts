import { BeginMatchEnding, EndTheMatch } from "@tandem/contracts/endings";
import { EndingView, ReviewMatchParam } from "@tandem/contracts/review-common";
import { beginEnding, beginEndingOps, endMatch, endOps, loadMatch, referralContactOf } from "@tandem/data/reviews";
import { loadVolunteerEmailContact } from "@tandem/data/volunteers";
import { EndingReasonWords } from "@tandem/domain/endings";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

const json = jsonResponse;
const coordinators = { kind: "tenant", roles: ["coordinator"] } as const;
const route = routesFor({ tags: ["reviews"], access: coordinators });
const base = "/api/matches/{matchId}";

const beginTheEnding = route("post", `${base}/ending`, {
  summary: "Begin the match's ending (begin_ending): planned, unplanned or immediate",
  description:
    "A planned or unplanned ending carries the plan the child's social worker agreed; an immediate ending (a " +
    "breach or safeguarding) stops visits at once and sends the formal letter to the volunteer, the social " +
    "worker and everyone in alsoTell. 409 unless the match is active; 403 for a role that may not.",
  refuses: ["not_found", "conflict", "version_conflict", "already_exists"],
  request: { params: ReviewMatchParam, body: jsonBody(BeginMatchEnding) },
  responses: { 201: json(EndingView, "The ending as begun") },
});

const endTheMatch = route("post", `${base}/end`, {
  summary: "End the match (end): after the closure review, the referral returns to the waiting list or closes",
  description: "The volunteer's place is freed. 409 unless the match is ending, or before the closure review.",
  refuses: ["not_found", "conflict", "version_conflict"],
  request: { params: ReviewMatchParam, body: jsonBody(EndTheMatch) },
  responses: { 200: json(EndingView, "The ending, ended") },
});

/** A match's ending: begun, then ended (the endings function, ADR 23). */
export const matchEndingRoutes = newRouter()
  .openapi(beginTheEnding, async (c) => {
    const { table, tenant, links, today } = c.var;
    const body = c.req.valid("json");
    const { match, facts } = await loadMatch(table, c.req.valid("param").matchId);
    const ops = beginEndingOps(table, match, body.version, today, EndingReasonWords[body.ending.reason] ?? "");
    const volunteer = await loadVolunteerEmailContact(table, match.volunteerId);
    const { referrerEmail: sw } = await referralContactOf(table, match.referralId);
    const involved = [volunteer.email, ...(sw ? [sw] : []), ...body.alsoTell];
    const ending = await beginEnding(table, facts, body.ending, tenant.policy, links, involved, ops);
    return c.json(EndingView.parse(ending), 201);
  })
  .openapi(endTheMatch, async (c) => {
    const { table, tenant, today } = c.var;
    const body = c.req.valid("json");
    const { match, facts } = await loadMatch(table, c.req.valid("param").matchId);
    const ops = await endOps(table, match, body.version, today, body.end.afterwards);
    return c.json(EndingView.parse(await endMatch(table, facts, body.end, tenant.policy, ops)), 200);
  });
