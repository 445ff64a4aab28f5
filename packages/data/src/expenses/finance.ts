import { londonDayOf } from "@tandem/domain/calendar";
import { type ClaimStatus, matchStanding, monthOf, paymentFile, paymentLines } from "@tandem/domain/expenses";
import * as z from "zod";
import { auditOp, auditRead } from "../audit.js";
import { defineEntity } from "../entity.js";
import { Problem } from "../errors.js";
import { createOnce, hashRequest } from "../idempotency.js";
import * as keys from "../keys.js";
import { claimSummaryOps } from "../reporting/activity.js";
import { mergeSummaryOps } from "../reporting/summaries.js";
import type { Page, TenantTable, WriteOp } from "../tenant-table.js";
import { matchGlanceEntity } from "../visits/match-ref.js";
import { volunteerContactEntity } from "../volunteers/contact.js";
import { claimEntity, payeeEntity, type StoredClaim, spendEntity } from "./records.js";

/**
 * Finance's side of claims (issue 14): the queues a claim waits in, the month end (totals per match
 * and per volunteer against each limit), the payment file and marking a batch paid. Every list is one
 * Query a page plus one BatchGet for the names on it, so its cost does not grow with the month.
 */

/** Who a claim waits for: the coordinator, then finance, then payment; nobody once paid or rejected. */
export const ClaimQueue = z.enum(["coordinator", "finance", "payment"]);
export type ClaimQueue = z.output<typeof ClaimQueue>;

const QUEUE_OF: Record<ClaimStatus, ClaimQueue | null> = {
  awaiting_prior_approval: "coordinator",
  submitted: "coordinator",
  coordinator_approved: "finance",
  finance_approved: "payment",
  paid: null,
  rejected: null,
};

/**
 * A claim's queue entry (a copy of the claim, `CLAIMQ#<match>#<claim>`), rewritten with each status
 * change: its gsi1 entry puts it in its queue, oldest first (to pay: by month, then oldest), and a paid
 * or rejected claim's entry leaves every queue. A queue page is then one Query, whatever else the
 * council's months hold.
 */
export const claimQueueEntity = defineEntity({
  type: "claim-queue",
  schema: claimEntity.schema,
  key: (tenantId, c: { matchId: string; id: string }) => keys.claimQueueEntry(tenantId, c.matchId, c.id),
  index: (tenantId, c) => {
    const queue = QUEUE_OF[c.status];
    if (!queue) return null;
    const order = `${c.createdAt}#${c.matchId}#${c.id}`;
    return { gsi1pk: keys.claimQueue(tenantId, queue), gsi1sk: queue === "payment" ? `${c.month}#${order}` : order };
  },
});

/** The queue hook for every write of a claim: put in the same transaction as the claim. */
export function claimQueueOps(tenantId: string, claim: StoredClaim): WriteOp[] {
  return [claimQueueEntity.put(tenantId, claim, "any")];
}

/** What a volunteer claimed in a month over all their matches: counters (ADD), so racing claims never overwrite. */
export const volunteerSpendEntity = defineEntity({
  type: "volunteer-spend",
  schema: z.object({ pence: z.number().int().default(0), claims: z.number().int().default(0) }),
  key: (tenantId, v: { month: string; volunteerId: string }) => keys.volunteerSpend(tenantId, v.month, v.volunteerId),
});

/** The volunteer's month hook: a claim that starts counting adds to it (`sign` 1), one that stops (rejected) takes off. */
export function volunteerSpendOps(tenantId: string, claim: StoredClaim, sign: 1 | -1): WriteOp[] {
  return [
    {
      kind: "increment",
      key: keys.volunteerSpend(tenantId, claim.month, claim.volunteerId),
      counters: { pence: sign * claim.totalPence, claims: sign },
    },
  ];
}

/** Who reads a label: coordinators see the match as elsewhere ("Robin and Mika"), finance only the child's initial. */
type Audience = "coordinator" | "finance";

const audienceOf = (table: TenantTable): Audience =>
  table.ctx.roles.some((r) => r === "coordinator" || r === "manager") ? "coordinator" : "finance";

/** The matches on a page, by id (one BatchGet): their label for the reader, and when each became active. */
async function matchesById(table: TenantTable, matchIds: readonly string[]) {
  const ids = [...new Set(matchIds)];
  const found = ids.length ? await table.getMany(ids.map((id) => keys.match(table.ctx.tenantId, id))) : [];
  const audience = audienceOf(table);
  const out = new Map<string, { label: string; activatedAt: string | null }>();
  for (const item of found) {
    if (!item) continue;
    const m = matchGlanceEntity.parse(item);
    const child = audience === "coordinator" ? m.child.firstName : `${m.child.firstName.slice(0, 1)}.`;
    out.set(m.matchId, { label: `${child} and ${m.volunteer.firstName}`, activatedAt: m.activatedAt });
  }
  return out;
}

/** The volunteers on a page (one BatchGet each for their records and their payee references). */
async function volunteersById(table: TenantTable, volunteerIds: readonly string[]) {
  const ids = [...new Set(volunteerIds)];
  const tenantId = table.ctx.tenantId;
  const [records, payees] = ids.length
    ? await Promise.all([
        table.getMany(ids.map((id) => keys.volunteer(tenantId, id))),
        table.getMany(ids.map((id) => keys.payee(tenantId, id))),
      ])
    : [[], []];
  const out = new Map<
    string,
    { name: string; reference: string; payeeReference: string | null; payeeVersion: number }
  >();
  ids.forEach((id, i) => {
    const v = records[i] ? volunteerContactEntity.parse(records[i]) : undefined;
    const p = payees[i] ? payeeEntity.parse(payees[i]) : undefined;
    out.set(id, {
      name: v?.name ?? "Volunteer record not found",
      reference: v?.reference ?? id,
      payeeReference: p?.payeeReference ?? null,
      payeeVersion: p?.version ?? 0,
    });
  });
  return out;
}

export interface QueuedClaim extends StoredClaim {
  matchLabel: string;
}

/** One claim for a coordinator's or finance's decision, with the match's label for the reader (the read is audited). */
export async function queuedClaim(table: TenantTable, matchId: string, id: string): Promise<QueuedClaim> {
  const claim = await claimEntity.get(table, { matchId, id });
  if (!claim) throw new Problem("not_found", "No claim with that id");
  await auditRead(table, { action: "read", subject: { type: "claim", id: `${matchId}#${id}` } });
  const matches = await matchesById(table, [matchId]);
  return { ...claim, matchLabel: matches.get(matchId)?.label ?? "Match not found" };
}

/** One page of a queue, oldest first; the to-pay queue for one month. One Query and one BatchGet a page. */
export async function claimQueuePage(
  table: TenantTable,
  queue: ClaimQueue,
  q: { month?: string | undefined; limit: number; cursor: string | null },
): Promise<Page<QueuedClaim>> {
  await auditRead(table, {
    action: "list",
    subject: { type: "claim-queue", id: q.month ? `${queue}:${q.month}` : queue },
  });
  const page = await claimQueueEntity.page(table, {
    pk: keys.claimQueue(table.ctx.tenantId, queue),
    index: "gsi1",
    ...(queue === "payment" && q.month ? { skPrefix: `${q.month}#` } : {}),
    limit: q.limit,
    cursor: q.cursor,
  });
  const matches = await matchesById(
    table,
    page.items.map((c) => c.matchId),
  );
  return {
    items: page.items.map((c) => ({ ...c, matchLabel: matches.get(c.matchId)?.label ?? "Match not found" })),
    cursor: page.cursor,
  };
}

/**
 * One page of the month's totals per match, each against the policy's monthly cap and budget (saved-up
 * months where the policy has them). One Query for the page, one BatchGet for the matches, and where
 * the budget can be saved, one Query per match for its earlier months: all bounded by the page's size.
 */
export async function monthTotalsByMatch(
  table: TenantTable,
  month: string,
  expenses: Parameters<typeof matchStanding>[0],
  limit: number,
  cursor: string | null,
) {
  const tenantId = table.ctx.tenantId;
  await auditRead(table, { action: "list", subject: { type: "claim-month", id: month } });
  const page = await spendEntity.page(table, { pk: keys.spendOfMonth(tenantId, month), index: "gsi1", limit, cursor });
  const matches = await matchesById(
    table,
    page.items.map((s) => s.matchId),
  );
  const carries = expenses.monthlyBudget?.canBeSavedUp === true && expenses.monthlyBudget.amountPence !== null;
  const items = await Promise.all(
    page.items.map(async (s) => {
      const match = matches.get(s.matchId);
      const firstMonth = monthOf(londonDayOf(match?.activatedAt ?? `${month}-01`));
      let spentByMonth: Record<string, number> = { [month]: s.pence };
      if (carries && firstMonth < month) {
        const earlier = await spendEntity.page(table, {
          pk: keys.tenantPartition(tenantId),
          skBetween: [`${keys.spendPrefix(s.matchId)}${firstMonth}`, `${keys.spendPrefix(s.matchId)}${month}`],
          limit: 130,
        });
        spentByMonth = { ...Object.fromEntries(earlier.items.map((e) => [e.month, e.pence])), [month]: s.pence };
      }
      return {
        matchId: s.matchId,
        matchLabel: match?.label ?? "Match not found",
        volunteerId: s.volunteerId,
        claims: s.claims,
        ...matchStanding(expenses, { firstMonth, month, spentByMonth }),
      };
    }),
  );
  return { items, cursor: page.cursor };
}

/** One page of the month's totals per volunteer (over all their matches), with their payee reference. */
export async function monthTotalsByVolunteer(table: TenantTable, month: string, limit: number, cursor: string | null) {
  await auditRead(table, { action: "list", subject: { type: "volunteer-spend", id: month } });
  const page = await table.query({
    pk: keys.tenantPartition(table.ctx.tenantId),
    skPrefix: keys.volunteerSpendPrefix(month),
    limit,
    cursor,
  });
  // The volunteer is in the sort key, which the codec leaves out of the record.
  const rows = page.items.map((item) => ({
    volunteerId: item.sk.slice(keys.volunteerSpendPrefix(month).length),
    ...volunteerSpendEntity.parse(item),
  }));
  const people = await volunteersById(
    table,
    rows.map((r) => r.volunteerId),
  );
  return {
    items: rows.map((r) => {
      const p = people.get(r.volunteerId);
      return {
        volunteerId: r.volunteerId,
        volunteerName: p?.name ?? "Volunteer record not found",
        volunteerReference: p?.reference ?? r.volunteerId,
        payeeReference: p?.payeeReference ?? null,
        payeeVersion: p?.payeeVersion ?? 0,
        claimedPence: r.pence,
        claims: r.claims,
      };
    }),
    cursor: page.cursor,
  };
}

/** Every claim of the month approved by finance and not yet paid (the to-pay queue, all its pages). */
async function allToPay(table: TenantTable, month: string): Promise<StoredClaim[]> {
  const out: StoredClaim[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<StoredClaim> = await claimQueueEntity.page(table, {
      pk: keys.claimQueue(table.ctx.tenantId, "payment"),
      index: "gsi1",
      skPrefix: `${month}#`,
      limit: 200,
      cursor,
    });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/**
 * The month's payment file for the council's finance system (CSV, see `paymentFile`): one line per
 * volunteer with their payee reference, amount and claim references. A volunteer without a payee
 * reference stops it with 409 naming them, so no line goes out without one. The download is audited.
 */
export async function monthPaymentFile(table: TenantTable, month: string): Promise<{ csv: string; claims: number }> {
  const claims = await allToPay(table, month);
  const people = await volunteersById(
    table,
    claims.map((c) => c.volunteerId),
  );
  const missing = [...people.values()].filter((p) => p.payeeReference === null).map((p) => p.name);
  if (missing.length > 0) {
    throw new Problem(
      "conflict",
      `Set the payee reference in the council's finance system for ${missing.join(", ")} before downloading the payment file`,
    );
  }
  await auditRead(table, { action: "export", subject: { type: "payment-file", id: month } });
  const csv = paymentFile(
    paymentLines(
      claims.map((c) => ({
        payeeReference: people.get(c.volunteerId)?.payeeReference ?? "",
        amountPence: c.totalPence,
        reference: c.reference,
      })),
    ),
  );
  return { csv, claims: claims.length };
}

/** At most this many claims are marked paid in one batch: three writes each in one all-or-nothing transaction. */
/**
 * A batch is one transaction: each claim writes itself, its queue entry, its audit entry and reporting's
 * money summaries (the council's and its coordinator's), so ten claims stay well inside DynamoDB's 100.
 */
export const MAX_PAYMENT_BATCH = 10;

/**
 * Marks a batch of finance-approved claims paid, all or nothing. A claim already paid (or not approved
 * by finance, or from another month) refuses the whole batch with 409 saying which and why; under an
 * Idempotency-Key a retry gets the first answer instead.
 */
export async function markBatchPaid(
  table: TenantTable,
  month: string,
  batch: readonly { matchId: string; claimId: string }[],
  idempotencyKey: string | undefined,
  now = new Date(),
): Promise<{ paid: StoredClaim[]; replayed: boolean }> {
  const tenantId = table.ctx.tenantId;
  const result = await createOnce(table, idempotencyKey, hashRequest({ month, batch }), async () => {
    const found = await table.getMany(batch.map((b) => keys.claim(tenantId, b.matchId, b.claimId)));
    const by = { personId: table.ctx.actor.personId, name: table.ctx.actor.name };
    const ops: WriteOp[] = [];
    const summaries: WriteOp[] = [];
    const paid: StoredClaim[] = [];
    for (const [i, item] of found.entries()) {
      if (!item) throw new Problem("not_found", `No claim with the id ${batch[i]?.claimId ?? ""}`);
      const claim = claimEntity.parse(item);
      if (claim.status === "paid") {
        throw new Problem(
          "conflict",
          `Claim ${claim.reference} was already paid on ${claim.paidAt?.slice(0, 10) ?? "an earlier day"}: it cannot be paid again`,
        );
      }
      if (claim.status !== "finance_approved") {
        throw new Problem(
          "conflict",
          `Claim ${claim.reference} is ${claim.status.replaceAll("_", " ")}: only a claim finance has approved can be paid`,
        );
      }
      if (claim.month !== month) {
        throw new Problem("conflict", `Claim ${claim.reference} belongs to ${claim.month}, not ${month}`);
      }
      const next: StoredClaim = {
        ...claim,
        status: "paid",
        history: [...claim.history, { at: now.toISOString(), by, status: "paid" }],
        paidAt: now.toISOString(),
        version: claim.version + 1,
      };
      paid.push(next);
      ops.push(
        claimEntity.put(tenantId, next, {
          version: claim.version,
          message: `Claim ${claim.reference} was changed by someone else meanwhile: reload and try again`,
        }),
        ...claimQueueOps(tenantId, next),
        auditOp(table, {
          action: "update",
          subject: { type: "claim", id: `${next.matchId}#${next.id}` },
          fields: ["status"],
        }),
      );
      // Reporting's hook, as the other claim writes have: paid, and no longer waiting (ADR 16).
      summaries.push(...(await claimSummaryOps(table, claim, next)));
    }
    // Claims of one match or month touch the same summary items: one summed ADD per item.
    ops.push(...mergeSummaryOps(summaries));
    return { ops, response: { status: 200, body: paid } };
  });
  return { paid: z.array(claimEntity.schema).parse(result.body), replayed: result.replayed };
}

/** A volunteer's name and payee reference, for finance's form (404 for a volunteer the council does not have). */
export async function payeeOf(table: TenantTable, volunteerId: string) {
  const found = (await volunteersById(table, [volunteerId])).get(volunteerId);
  if (!found || found.name === "Volunteer record not found")
    throw new Problem("not_found", "No volunteer with that id");
  await auditRead(table, { action: "read", subject: { type: "volunteer", id: volunteerId } });
  return { volunteerId, volunteerName: found.name, payeeReference: found.payeeReference, version: found.payeeVersion };
}

/** Finance sets a volunteer's payee reference in the council's finance system (no bank details in Tandem). */
export async function setPayeeReference(
  table: TenantTable,
  volunteerId: string,
  payeeReference: string,
  version: number,
): Promise<{ volunteerId: string; payeeReference: string; version: number }> {
  const tenantId = table.ctx.tenantId;
  const volunteer = await volunteerContactEntity.get(table, { id: volunteerId });
  if (!volunteer) throw new Problem("not_found", "No volunteer with that id");
  const stale = "The payee reference was changed by someone else meanwhile: reload and try again";
  const next = { volunteerId, payeeReference, version: version + 1 };
  await table.transact([
    payeeEntity.put(tenantId, next, version === 0 ? { absent: true, message: stale } : { version, message: stale }),
    auditOp(table, { action: "update", subject: { type: "volunteer", id: volunteerId }, fields: ["payeeReference"] }),
  ]);
  return next;
}
