import {
  BatchPaid,
  ClaimQueuePage,
  ClaimQueueParam,
  ClaimQueueQuery,
  FinanceMonthParam,
  MarkBatchPaid,
  MatchTotalsPage,
  MonthTotalsQuery,
  PayeeParam,
  PayeeReference,
  PayeeView,
  QueuedClaim,
  QueuedClaimParam,
  SetPayeeReference,
  VolunteerTotalsPage,
} from "@tandem/contracts/expenses";
import {
  claimQueuePage,
  markBatchPaid,
  monthPaymentFile,
  monthTotalsByMatch,
  monthTotalsByVolunteer,
  payeeOf,
  type QueuedClaim as QueuedClaimRecord,
  queuedClaim,
  setPayeeReference,
} from "@tandem/data/expenses";
import * as z from "zod";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { IdempotencyHeaders } from "../../http/idempotency-header.js";
import { newRouter } from "../../http/router.js";

/**
 * Finance's side of expense claims (issue 14): the coordinator's and finance's queues, the month end,
 * the payment file for the council's finance system and marking a batch paid. Approving or rejecting a
 * single claim is the visits context's `POST /api/matches/{matchId}/claims/{claimId}/actions`.
 */
const finance = { kind: "tenant", roles: ["finance"] } as const;
const staff = { kind: "tenant", roles: ["coordinator", "manager", "finance"] } as const;
const route = routesFor({ tags: ["expenses"], access: finance });

const queue = route("get", "/api/expenses/queues/{queue}", {
  summary: "One page of the claims waiting for the coordinator, for finance, or to be paid; oldest first",
  description:
    "One Query a page. The match is shown as its label for coordinators and managers, and with the child's " +
    "initial only for finance. `month` narrows the payment queue to one month.",
  access: staff,
  refuses: ["invalid_cursor"],
  request: { params: ClaimQueueParam, query: ClaimQueueQuery },
  responses: { 200: jsonResponse(ClaimQueuePage, "One page of the queue") },
});

const one = route("get", "/api/expenses/claims/{matchId}/{claimId}", {
  summary: "One claim, for a coordinator's or finance's decision (the read is audited)",
  access: staff,
  refuses: ["not_found"],
  request: { params: QueuedClaimParam },
  responses: { 200: jsonResponse(QueuedClaim, "The claim, with its items, history and the match's label") },
});

const byMatch = route("get", "/api/expenses/months/{month}/totals/matches", {
  summary: "The month end per match: claims against the policy's monthly cap and budget (saved-up months included)",
  description: "Paged; each page costs the same whatever the month holds.",
  access: staff,
  refuses: ["invalid_cursor"],
  request: { params: FinanceMonthParam, query: MonthTotalsQuery },
  responses: { 200: jsonResponse(MatchTotalsPage, "One page of matches with their month's claims") },
});

const byVolunteer = route("get", "/api/expenses/months/{month}/totals/volunteers", {
  summary: "The month end per volunteer (over all their matches), with their payee reference",
  description: "Paged; each page costs the same whatever the month holds.",
  refuses: ["invalid_cursor"],
  request: { params: FinanceMonthParam, query: MonthTotalsQuery },
  responses: { 200: jsonResponse(VolunteerTotalsPage, "One page of volunteers with their month's claims") },
});

const file = route("get", "/api/expenses/months/{month}/payment-file", {
  summary: "The month's payment file for the council's finance system (CSV); the download is audited",
  description:
    "The claims finance approved and has not yet marked paid: one line per volunteer with their payee reference, " +
    "the amount in pounds and the claim references. UTF-8 with a byte-order mark; a cell starting with =, +, -, @, " +
    "tab or carriage return is neutralised. A volunteer without a payee reference refuses it with 409 naming them.",
  refuses: ["conflict"],
  request: { params: FinanceMonthParam },
  responses: { 200: { description: "The payment file as CSV", content: { "text/csv": { schema: z.string() } } } },
});

const pay = route("post", "/api/expenses/months/{month}/payments", {
  summary: "Mark a batch of the month's finance-approved claims paid, all or nothing",
  description:
    "A claim already paid refuses the batch with 409 saying which and when; nothing is written. With an " +
    "Idempotency-Key, a retry of the same batch gets the first answer.",
  refuses: ["not_found", "conflict", "version_conflict", "idempotency_key_reused"],
  request: { params: FinanceMonthParam, headers: IdempotencyHeaders, body: jsonBody(MarkBatchPaid) },
  responses: { 200: jsonResponse(BatchPaid, "The claims marked paid") },
});

const readPayee = route("get", "/api/expenses/payees/{volunteerId}", {
  summary: "A volunteer's name and payee reference in the council's finance system",
  refuses: ["not_found"],
  request: { params: PayeeParam },
  responses: { 200: jsonResponse(PayeeView, "The volunteer's payee reference (null when not set)") },
});

const payee = route("put", "/api/expenses/payees/{volunteerId}", {
  summary: "Set a volunteer's payee reference in the council's finance system (no bank details are kept)",
  refuses: ["not_found", "version_conflict", "already_exists"],
  request: { params: PayeeParam, body: jsonBody(SetPayeeReference) },
  responses: { 200: jsonResponse(PayeeReference, "The payee reference as saved") },
});

/** A receipt is shown only where the item has one (the receipts context names it by id). */
const receiptIdOf = (item: object): string | undefined =>
  "receiptId" in item && typeof item.receiptId === "string" ? item.receiptId : undefined;

const queued = (c: QueuedClaimRecord) =>
  QueuedClaim.parse({
    ...c,
    items: c.items.map((i) => {
      const receiptId = receiptIdOf(i);
      return {
        kind: i.kind,
        description: i.description,
        pence: i.pence,
        ...(i.miles !== undefined ? { miles: i.miles } : {}),
        ...(receiptId ? { receiptId } : {}),
      };
    }),
  });

export const expenseRoutes = newRouter()
  .openapi(queue, async (c) => {
    const { limit, cursor, month } = c.req.valid("query");
    const page = await claimQueuePage(c.var.table, c.req.valid("param").queue, {
      month,
      limit,
      cursor: cursor ?? null,
    });
    return c.json({ items: page.items.map(queued), cursor: page.cursor }, 200);
  })
  .openapi(one, async (c) => {
    const { matchId, claimId } = c.req.valid("param");
    return c.json(queued(await queuedClaim(c.var.table, matchId, claimId)), 200);
  })
  .openapi(byMatch, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const { month } = c.req.valid("param");
    const page = await monthTotalsByMatch(c.var.table, month, c.var.tenant.policy.expenses, limit, cursor ?? null);
    return c.json(MatchTotalsPage.parse(page), 200);
  })
  .openapi(byVolunteer, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const page = await monthTotalsByVolunteer(c.var.table, c.req.valid("param").month, limit, cursor ?? null);
    return c.json(VolunteerTotalsPage.parse(page), 200);
  })
  .openapi(file, async (c) => {
    const { month } = c.req.valid("param");
    const { csv } = await monthPaymentFile(c.var.table, month);
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${c.var.tenant.slug}-payments-${month}.csv"`,
    });
  })
  .openapi(pay, async (c) => {
    const { month } = c.req.valid("param");
    const key = c.req.valid("header")["idempotency-key"];
    const { paid, replayed } = await markBatchPaid(c.var.table, month, c.req.valid("json").claims, key);
    if (replayed) c.header("idempotent-replayed", "true");
    return c.json(BatchPaid.parse({ paid, totalPence: paid.reduce((sum, claim) => sum + claim.totalPence, 0) }), 200);
  })
  .openapi(readPayee, async (c) =>
    c.json(PayeeView.parse(await payeeOf(c.var.table, c.req.valid("param").volunteerId)), 200),
  )
  .openapi(payee, async (c) => {
    const { payeeReference, version } = c.req.valid("json");
    const saved = await setPayeeReference(c.var.table, c.req.valid("param").volunteerId, payeeReference, version);
    return c.json(PayeeReference.parse(saved), 200);
  });
