import {
  ChildrenForVolunteer,
  LinkedMatchList,
  MatchBoardPage,
  MatchBoardQuery,
  MatchIdParam,
  MatchRecordView,
  MatchReferralIdParam,
  MatchVolunteerIdParam,
  MyMatchList,
  ProposeMatch,
  RecordMatchRiskAssessment,
  SaveRiskChecklist,
  Suggestions,
  TakeMatchAction,
  VolunteerProfileView,
} from "@tandem/contracts/matches";
import * as keys from "@tandem/data/keys";
import {
  childrenFor,
  getMatch,
  getVolunteerProfile,
  listMatches,
  matchesOfChild,
  matchesOfVolunteer,
  matchView,
  myMatches,
  proposeMatch,
  recordRiskAssessment,
  type StoredMatch,
  saveRiskChecklist,
  suggestionsFor,
  takeMatchAction,
} from "@tandem/data/matches";
import type { Context } from "hono";
import type { AppEnv } from "../../deps.js";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

const json = jsonResponse;
const staff = { kind: "tenant", roles: ["coordinator", "manager"] } as const;
const coordinators = { kind: "tenant", roles: ["coordinator"] } as const;
const changeRefusals = ["not_found", "conflict", "version_conflict"] as const;

const route = routesFor({ tags: ["matches"], access: staff });

const suggestions = route("get", "/api/matching/children/{referralId}/suggestions", {
  summary:
    "The volunteers who can be matched with this waiting child now, best first, each factor in words, and every volunteer not listed with why (audited)",
  description: "409 when the child's matching profile has not been completed.",
  refuses: ["not_found", "conflict"],
  request: { params: MatchReferralIdParam },
  responses: { 200: json(Suggestions, "Ranked suggestions and the excluded with their reasons") },
});

const childMatches = route("get", "/api/matching/children/{referralId}/matches", {
  summary: "Every match of one child, open or closed (audited)",
  refuses: ["not_found"],
  request: { params: MatchReferralIdParam },
  responses: { 200: json(LinkedMatchList, "The child's matches") },
});

const reverse = route("get", "/api/matching/volunteers/{volunteerId}/children", {
  summary: "The waiting children this volunteer could be proposed for now, best first, by the same score (audited)",
  refuses: ["not_found", "conflict"],
  request: { params: MatchVolunteerIdParam },
  responses: { 200: json(ChildrenForVolunteer, "Ranked children") },
});

const volunteerMatches = route("get", "/api/matching/volunteers/{volunteerId}/matches", {
  summary: "Every match of one volunteer, open or closed (audited)",
  refuses: ["not_found"],
  request: { params: MatchVolunteerIdParam },
  responses: { 200: json(LinkedMatchList, "The volunteer's matches") },
});

const riskChecklist = route("put", "/api/matching/volunteers/{volunteerId}/risk-checklist", {
  summary:
    "Record the volunteer's risk checklist (home, car, pets, a dog's own assessment), completed with them before matching and reviewed yearly",
  access: coordinators,
  refuses: changeRefusals,
  request: { params: MatchVolunteerIdParam, body: jsonBody(SaveRiskChecklist) },
  responses: { 200: json(VolunteerProfileView, "The volunteer's matching profile with the checklist") },
});

const propose = route("post", "/api/matches", {
  summary: "Propose a volunteer for a waiting child",
  description:
    "Refused with 409 and every reason in `fields` while any hard blocker stands (child not waiting, objecting or not asked; " +
    "training or checks due; suspended; at capacity; named or refused by the child; risk checklist missing or over a year old). " +
    "A wish or limit that can be gone past needs `overrideReason`; a volunteer who is not the first suggestion needs " +
    "`whyThisVolunteer` (400). The volunteer is e-mailed (the child's first name and age only) and the social worker " +
    "gets a single-use agreement link.",
  access: coordinators,
  refuses: ["not_found", "conflict", "version_conflict"],
  request: { body: jsonBody(ProposeMatch) },
  responses: { 201: json(MatchRecordView, "The match, proposed") },
});

const board = route("get", "/api/matches", {
  summary: "The matching board: one page of open matches (or closed ones), by stage, longest in the stage first",
  refuses: ["invalid_cursor"],
  request: { query: MatchBoardQuery },
  responses: { 200: json(MatchBoardPage, "One page of cards") },
});

const one = route("get", "/api/matches/{matchId}", {
  summary: "A match's record: every stage's record, the history and your possible actions (audited)",
  refuses: ["not_found"],
  request: { params: MatchIdParam },
  reads: ({ matchId = "" }, tenantId) => [keys.match(tenantId, matchId)],
  responses: { 200: json(MatchRecordView, "The match") },
});

const action = route("post", "/api/matches/{matchId}/actions", {
  summary:
    "Move a match on: agreement, introduction, each trial visit, ratification (a manager), activation, or did not proceed",
  description:
    "Not possible at this stage: 409 with `allowed`. Wrong role: 403 naming the roles that may. Ratify is refused (409) " +
    "before the policy's trial visits; activate before the risk assessment is approved and shared. The referral becomes " +
    "matched only when the match is active; a match that did not proceed frees the child and the volunteer's place, and a " +
    "volunteer the child refused is never suggested for them again. Ending a match is not recorded here.",
  refuses: changeRefusals,
  request: { params: MatchIdParam, body: jsonBody(TakeMatchAction) },
  responses: { 200: json(MatchRecordView, "The match after the action") },
});

const riskAssessment = route("put", "/api/matches/{matchId}/risk-assessment", {
  summary:
    "Record the risk assessment of the match's planned activities, who holds delegated authority and when it was shared with them",
  description:
    "A high-risk activity is refused (409): it will not take place. A medium-risk one is approved only when a manager records the assessment.",
  refuses: changeRefusals,
  request: { params: MatchIdParam, body: jsonBody(RecordMatchRiskAssessment) },
  responses: { 200: json(MatchRecordView, "The match with its risk assessment") },
});

const mine = route("get", "/api/volunteers/me/matches", {
  summary: "Your matches as a volunteer: each child's first name and age, and the stage",
  access: { kind: "tenant", roles: ["volunteer"] },
  refuses: ["not_found"],
  responses: { 200: json(MyMatchList, "Your matches") },
});

const view = (c: Context<AppEnv>, m: StoredMatch) =>
  MatchRecordView.parse(matchView(m, c.var.tenant.policy, c.var.today, c.var.table.ctx.roles));

/** Suggestions, proposals, the board and the match record. Mounted by the tenant Lambda. */
export const matchRoutes = newRouter()
  .openapi(suggestions, async (c) => {
    const { table, tenant, today } = c.var;
    return c.json(Suggestions.parse(await suggestionsFor(table, tenant, c.req.valid("param").referralId, today)), 200);
  })
  .openapi(childMatches, async (c) =>
    c.json(LinkedMatchList.parse(await matchesOfChild(c.var.table, c.req.valid("param").referralId, c.var.today)), 200),
  )
  .openapi(reverse, async (c) => {
    const { table, tenant, today } = c.var;
    const found = await childrenFor(table, tenant, c.req.valid("param").volunteerId, today);
    return c.json(ChildrenForVolunteer.parse(found), 200);
  })
  .openapi(volunteerMatches, async (c) =>
    c.json(
      LinkedMatchList.parse(await matchesOfVolunteer(c.var.table, c.req.valid("param").volunteerId, c.var.today)),
      200,
    ),
  )
  .openapi(riskChecklist, async (c) => {
    const { table, tenant, today } = c.var;
    const { volunteerId } = c.req.valid("param");
    await saveRiskChecklist(table, volunteerId, c.req.valid("json"), today);
    return c.json(VolunteerProfileView.parse(await getVolunteerProfile(table, tenant.policy, volunteerId, today)), 200);
  })
  .openapi(propose, async (c) => {
    const { table, tenant, links } = c.var;
    return c.json(view(c, await proposeMatch(table, tenant, links, c.req.valid("json"))), 201);
  })
  .openapi(board, async (c) =>
    c.json(MatchBoardPage.parse(await listMatches(c.var.table, c.req.valid("query"), c.var.today)), 200),
  )
  .openapi(one, async (c) => c.json(view(c, await getMatch(c.var.table, c.req.valid("param").matchId)), 200))
  .openapi(action, async (c) => {
    const { table, tenant, links } = c.var;
    return c.json(
      view(c, await takeMatchAction(table, tenant, links, c.req.valid("param").matchId, c.req.valid("json"))),
      200,
    );
  })
  .openapi(riskAssessment, async (c) => {
    const { table, today } = c.var;
    return c.json(
      view(c, await recordRiskAssessment(table, c.req.valid("param").matchId, c.req.valid("json"), today)),
      200,
    );
  })
  .openapi(mine, async (c) => c.json(MyMatchList.parse(await myMatches(c.var.table, c.var.today)), 200));
