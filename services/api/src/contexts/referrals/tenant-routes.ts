import { z } from "@hono/zod-openapi";
import {
  EnterReferral,
  PenPicture,
  Referral,
  ReferralCreated,
  ReferralIdParam,
  ReferralListQuery,
  ReferralPage,
  TakeReferralAction,
  WaitingListPage,
  WaitingListQuery,
} from "@tandem/contracts/referrals";
import {
  type ActionResult,
  addPenPicture,
  enterReferral,
  getReferral,
  listReferrals,
  londonDate,
  takeReferralAction,
  waitingList,
} from "@tandem/data/referrals";
import type { TenantRole } from "@tandem/domain/people";
import { ApiError } from "../../http/api-error.js";
import { defineRoute, jsonBody, jsonResponse } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";
import { checkAnswers, linkBase, RequiredIdempotencyHeaders } from "./http-helpers.js";

const json = jsonResponse;
const readers: readonly TenantRole[] = ["coordinator", "manager"];
const actors: readonly TenantRole[] = ["coordinator"];
const notFound = { 404: json(z.object({}), "No such referral in this council (or not yet confirmed by the referrer)") };
const conflict = {
  409: json(z.object({}), "Illegal for the referral's status (`allowed` lists what is) or a stale version"),
};

const list = defineRoute({
  method: "get",
  path: "/api/referrals",
  summary: "One page of referrals, filtered and sorted by one of the supported views",
  description: ReferralListQuery.description,
  tags: ["referrals"],
  access: { kind: "tenant", roles: readers },
  request: { query: ReferralListQuery },
  responses: { 200: json(ReferralPage, "One page of referral summaries") },
});

const waiting = defineRoute({
  method: "get",
  path: "/api/referrals/waiting-list",
  summary: "Accepted referrals by priority, then time waiting",
  tags: ["referrals"],
  access: { kind: "tenant", roles: readers },
  request: { query: WaitingListQuery },
  responses: { 200: json(WaitingListPage, "One page of the waiting list") },
});

const one = defineRoute({
  method: "get",
  path: "/api/referrals/{id}",
  summary: "A referral with its history and the actions allowed now (the read is audited)",
  tags: ["referrals"],
  access: { kind: "tenant", roles: readers },
  request: { params: ReferralIdParam },
  responses: { 200: json(Referral, "The referral"), ...notFound },
});

const action = defineRoute({
  method: "post",
  path: "/api/referrals/{id}/actions",
  summary: "Act on a referral: start review, request information, accept, decline, withdraw, reopen, ...",
  tags: ["referrals"],
  access: { kind: "tenant", roles: actors },
  request: { params: ReferralIdParam, body: jsonBody(TakeReferralAction) },
  responses: { 200: json(Referral, "The referral after the action"), ...notFound, ...conflict },
});

const penPicture = defineRoute({
  method: "put",
  path: "/api/referrals/{id}/pen-picture",
  summary: "Record the pen picture agreed with the child (accepted referrals); it joins the waiting list",
  tags: ["referrals"],
  access: { kind: "tenant", roles: actors },
  request: { params: ReferralIdParam, body: jsonBody(PenPicture) },
  responses: { 200: json(Referral, "The referral, now waiting for a match"), ...notFound, ...conflict },
});

const enter = defineRoute({
  method: "post",
  path: "/api/referrals",
  summary: "Enter a referral received on paper, on the referrer's behalf; Idempotency-Key required",
  tags: ["referrals"],
  access: { kind: "tenant", roles: actors },
  request: { headers: RequiredIdempotencyHeaders, body: jsonBody(EnterReferral) },
  responses: {
    201: json(ReferralCreated, "Entered (or, for a retried Idempotency-Key, the first answer)"),
    422: json(z.object({}), "The Idempotency-Key was used for a different request"),
  },
});

function answer(result: ActionResult) {
  if (result.ok) return result.referral;
  if (result.problem === "illegal") throw new ApiError(409, "conflict", result.message, { allowed: result.allowed });
  throw new ApiError(400, "validation_failed", `Check the request body: ${result.field}: ${result.message}`, {
    fields: [{ path: result.field, message: result.message }],
  });
}

/** The coordinators' triage workspace and waiting list. Mounted by the tenant Lambda. */
export const referralTenantRoutes = newRouter()
  .openapi(list, async (c) => {
    const page = await listReferrals(c.var.table, c.req.valid("query"));
    if (!page.ok)
      throw new ApiError(400, "validation_failed", page.message, {
        fields: [{ path: "query", message: page.message }],
      });
    return c.json({ items: page.items, cursor: page.cursor }, 200);
  })
  .openapi(waiting, async (c) => {
    const q = c.req.valid("query");
    return c.json(await waitingList(c.var.table, q.limit, q.cursor ?? null), 200);
  })
  .openapi(one, async (c) => c.json(Referral.parse(await getReferral(c.var.table, c.req.valid("param").id)), 200))
  .openapi(action, async (c) => {
    const table = c.var.table;
    const tenant = c.var.tenant;
    const result = await takeReferralAction(table, c.req.valid("param").id, c.req.valid("json"), {
      links: linkBase(c, tenant),
    });
    return c.json(Referral.parse(answer(result)), 200);
  })
  .openapi(penPicture, async (c) => {
    const result = await addPenPicture(c.var.table, c.req.valid("param").id, c.req.valid("json"));
    return c.json(Referral.parse(answer(result)), 200);
  })
  .openapi(enter, async (c) => {
    const table = c.var.table;
    const tenant = c.var.tenant;
    const body = c.req.valid("json");
    const now = new Date();
    checkAnswers(tenant, body, londonDate(now));
    const result = await enterReferral(table, tenant, body.answers, {
      links: linkBase(c, tenant),
      idempotencyKey: c.req.valid("header")["idempotency-key"],
      now,
    });
    if (result.replayed) c.header("idempotent-replayed", "true");
    return c.json(ReferralCreated.parse(result.body), 201);
  });
