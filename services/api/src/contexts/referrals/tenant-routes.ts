import {
  AddReferralNote,
  PenPicture,
  Referral,
  ReferralIdParam,
  ReferralListQuery,
  ReferralNote,
  ReferralNotePage,
  ReferralNotesQuery,
  ReferralPage,
  TakeReferralAction,
  UpdateReferralCase,
  WaitingListPage,
  WaitingListQuery,
} from "@tandem/contracts/referrals";
import * as keys from "@tandem/data/keys";
import {
  addPenPicture,
  addReferralNote,
  getReferral,
  listReferralNotes,
  listReferrals,
  takeReferralAction,
  updateReferralCase,
  waitingList,
} from "@tandem/data/referrals";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

const json = jsonResponse;
const readers = { kind: "tenant", roles: ["coordinator", "manager"] } as const;
const actors = { kind: "tenant", roles: ["coordinator"] } as const;

const route = routesFor({ tags: ["referrals"], access: actors });

const list = route("get", "/api/referrals", {
  summary: "One page of referrals, filtered and sorted by one of the supported views",
  description: ReferralListQuery.description,
  access: readers,
  refuses: ["invalid_cursor"],
  request: { query: ReferralListQuery },
  responses: { 200: json(ReferralPage, "One page of referral summaries") },
});

const waiting = route("get", "/api/referrals/waiting-list", {
  summary: "Accepted referrals by priority, then time waiting",
  access: readers,
  refuses: ["invalid_cursor"],
  request: { query: WaitingListQuery },
  responses: { 200: json(WaitingListPage, "One page of the waiting list") },
});

const one = route("get", "/api/referrals/{id}", {
  summary: "A referral with its history and the actions allowed now (the read is audited)",
  access: readers,
  refuses: ["not_found"],
  request: { params: ReferralIdParam },
  reads: ({ id = "" }, tenantId) => [keys.referral(tenantId, id)],
  responses: { 200: json(Referral, "The referral") },
});

const action = route("post", "/api/referrals/{id}/actions", {
  summary: "Act on a referral: start review, request information, accept, decline, withdraw, reopen, ...",
  refuses: ["not_found", "conflict", "version_conflict"],
  request: { params: ReferralIdParam, body: jsonBody(TakeReferralAction) },
  responses: { 200: json(Referral, "The referral after the action") },
});

const penPicture = route("put", "/api/referrals/{id}/pen-picture", {
  summary: "Record the pen picture agreed with the child (accepted referrals); it joins the waiting list",
  refuses: ["not_found", "conflict", "version_conflict"],
  request: { params: ReferralIdParam, body: jsonBody(PenPicture) },
  responses: { 200: json(Referral, "The referral, now waiting for a match") },
});

const caseDetails = route("put", "/api/referrals/{id}/case", {
  summary: "Record the placement, the carer's contact and the coordinator handling the referral",
  refuses: ["not_found", "version_conflict"],
  request: { params: ReferralIdParam, body: jsonBody(UpdateReferralCase) },
  responses: { 200: json(Referral, "The referral with its case details") },
});

const notes = route("get", "/api/referrals/{id}/notes", {
  summary: "A referral's case notes, oldest first (the read is audited)",
  access: readers,
  refuses: ["not_found", "invalid_cursor"],
  request: { params: ReferralIdParam, query: ReferralNotesQuery },
  responses: { 200: json(ReferralNotePage, "One page of case notes") },
});

const addNote = route("post", "/api/referrals/{id}/notes", {
  summary: "Add a case note to a referral; notes are never edited, only added to",
  access: readers,
  refuses: ["not_found"],
  request: { params: ReferralIdParam, body: jsonBody(AddReferralNote) },
  responses: { 201: json(ReferralNote, "The note as recorded") },
});

/**
 * The coordinators' triage workspace and waiting list (the referrals function). A referral entered from paper
 * (`POST /api/referrals`) is ./entry-routes.ts's, a function of its own (ADR 23).
 */
export const referralTenantRoutes = newRouter()
  .openapi(list, async (c) => c.json(await listReferrals(c.var.table, c.req.valid("query")), 200))
  .openapi(waiting, async (c) => {
    const q = c.req.valid("query");
    return c.json(await waitingList(c.var.table, q.limit, q.cursor ?? null), 200);
  })
  .openapi(one, async (c) => c.json(Referral.parse(await getReferral(c.var.table, c.req.valid("param").id)), 200))
  .openapi(action, async (c) => {
    const { id } = c.req.valid("param");
    const done = await takeReferralAction(c.var.table, id, c.req.valid("json"), {
      links: c.var.links,
      periods: c.var.tenant.policy.referrals,
    });
    return c.json(Referral.parse(done), 200);
  })
  .openapi(penPicture, async (c) =>
    c.json(Referral.parse(await addPenPicture(c.var.table, c.req.valid("param").id, c.req.valid("json"))), 200),
  )
  .openapi(caseDetails, async (c) =>
    c.json(Referral.parse(await updateReferralCase(c.var.table, c.req.valid("param").id, c.req.valid("json"))), 200),
  )
  .openapi(notes, async (c) => {
    const q = c.req.valid("query");
    return c.json(await listReferralNotes(c.var.table, c.req.valid("param").id, q.limit, q.cursor ?? null), 200);
  })
  .openapi(addNote, async (c) =>
    c.json(await addReferralNote(c.var.table, c.req.valid("param").id, c.req.valid("json").text), 201),
  );
