import { randomUUID } from "node:crypto";
import { happenedOnProblem, londonDayOf, todayInLondon } from "@tandem/domain/calendar";
import {
  budgetAvailable,
  type ClaimAction,
  type ClaimRequest,
  capVerdict,
  countsAgainstLimits,
  itemPence,
  itemProblems,
  monthOf,
  nextClaimStatus,
} from "@tandem/domain/expenses";
import { invalid } from "@tandem/domain/problems";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { auditOp, auditRead } from "../audit.js";
import { Problem } from "../errors.js";
import { hashRequest, idempotencyRecord, replay } from "../idempotency.js";
import * as keys from "../keys.js";
import { claimSummaryOps } from "../reporting/activity.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import type { MatchRef } from "../visits/match-ref.js";
import { visitEntity } from "../visits/records.js";
import { claimQueueOps, volunteerSpendOps } from "./finance.js";
import { missingReceipts } from "./receipts.js";
import { claimEntity, StoredClaim, type StoredSpend, spendEntity } from "./records.js";

const subject = (c: { matchId: string; id: string }) => ({ type: "claim", id: `${c.matchId}#${c.id}` });
const RACE_RETRIES = 3;

function stale(): Problem {
  return new Problem("version_conflict", "The claim was changed by someone else: reload it and try again");
}

/**
 * Submits a claim. Its items are checked against the policy (receipts, the mileage rate), then the
 * claim against the per-visit and monthly caps and the match's budget. Over a limit, it is refused with
 * what remains, unless the volunteer asks for the coordinator's approval where the policy allows it.
 * The month's spend item is written with a version condition, so of two claims racing past the cap
 * exactly one lands; the other is judged again on the new total. Under an Idempotency-Key the claim
 * is made at most once: a retry with the same key (even one racing the first) gets the same claim.
 */
export async function submitClaim(
  table: TenantTable,
  match: MatchRef,
  request: ClaimRequest & { requestApproval?: boolean },
  policy: TenantPolicy,
  now = new Date(),
  idempotencyKey?: string,
): Promise<StoredClaim> {
  // Money already spent: not on a day to come, and not on a mistyped year before 1900.
  const spentOn = happenedOnProblem(request.spentOn, todayInLondon(now), "The date the money was spent");
  const problems = [
    ...(spentOn ? [{ path: "spentOn", message: spentOn }] : []),
    ...itemProblems(request.items, policy.expenses),
    ...(await missingReceipts(table, match.matchId, request.items)),
  ];
  if (problems.length > 0) throw invalid(problems);
  const once = idempotencyKey
    ? {
        idemKey: keys.idempotency(table.ctx.tenantId, table.ctx.actor.personId, idempotencyKey),
        requestHash: hashRequest({ matchId: match.matchId, request }),
      }
    : undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      // A retry, or the loser of a race with the same key (its write failed on the key's record): the first answer.
      const earlier = once ? await replay(table, once.idemKey, once.requestHash) : undefined;
      if (earlier) return StoredClaim.parse(earlier.body);
      return await trySubmit(table, match, request, policy, now, once);
    } catch (e) {
      if (!(e instanceof Problem && e.code === "version_conflict") || attempt >= RACE_RETRIES) throw e;
    }
  }
}

/**
 * The match's visits recorded in a month, for a month claim under a per-visit cap. Visits are keyed by
 * id, not by day, so the match's visits are read page by page; a match has a few a month.
 */
async function visitsRecordedIn(table: TenantTable, matchId: string, month: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page = await visitEntity.page(table, {
      pk: keys.tenantPartition(table.ctx.tenantId),
      skPrefix: keys.visitPrefix(matchId),
      limit: 200,
      cursor,
    });
    count += page.items.filter((v) => v.status === "recorded" && monthOf(v.plan.on) === month).length;
    cursor = page.cursor;
  } while (cursor);
  return count;
}

async function trySubmit(
  table: TenantTable,
  match: MatchRef,
  request: ClaimRequest & { requestApproval?: boolean },
  policy: TenantPolicy,
  now: Date,
  once?: { idemKey: { pk: string; sk: string }; requestHash: string },
): Promise<StoredClaim> {
  const tenantId = table.ctx.tenantId;
  const visit = request.visitId
    ? await visitEntity.get(table, { matchId: match.matchId, id: request.visitId }, { consistent: true })
    : undefined;
  if (request.visitId && !visit) throw new Problem("not_found", "No visit with that id");
  if (visit && visit.status !== "recorded") {
    throw new Problem("conflict", "Claim for a visit once it is recorded");
  }
  const month = request.month ?? monthOf(visit?.plan.on ?? request.spentOn);
  const spends = await spendEntity.page(table, {
    pk: keys.tenantPartition(tenantId),
    skPrefix: keys.spendPrefix(match.matchId),
    limit: 120,
  });
  const spent = Object.fromEntries(spends.items.map((s) => [s.month, s.pence]));
  const current = spends.items.find((s) => s.month === month);
  const items = request.items.map((i) => ({ ...i, pence: itemPence(i, policy.expenses.mileagePencePerMile) }));
  const totalPence = items.reduce((sum, i) => sum + i.pence, 0);
  const budget = policy.expenses.monthlyBudget;
  const firstMonth = monthOf(londonDayOf(match.activatedAt ?? request.spentOn));
  const verdict = capVerdict(policy.expenses, totalPence, {
    visitPence: visit ? visit.claimedPence : null,
    visitsInMonth:
      !visit && policy.expenses.perVisitCapPence !== null ? await visitsRecordedIn(table, match.matchId, month) : null,
    monthPence: current?.pence ?? 0,
    budgetAvailablePence: budget
      ? // biome-ignore lint/complexity/useMathMinMax: months are "YYYY-MM" strings, the earlier by text order
        budgetAvailable(budget, firstMonth < month ? firstMonth : month, month, spent)
      : null,
  });
  if (verdict.kind === "refused" || (verdict.kind === "needs_prior_approval" && !request.requestApproval)) {
    throw new Problem("conflict", verdict.message, {
      fields: verdict.breaches.map((b) => ({ path: b.cap, message: b.message })),
    });
  }
  const id = randomUUID();
  const by = { personId: table.ctx.actor.personId, name: table.ctx.actor.name };
  const status = verdict.kind === "within" ? "submitted" : "awaiting_prior_approval";
  const claim: StoredClaim = {
    matchId: match.matchId,
    id,
    reference: `EXP-${id.slice(0, 8).toUpperCase()}`,
    volunteerId: match.volunteerId,
    visitId: visit?.id ?? null,
    month,
    spentOn: request.spentOn,
    items,
    totalPence,
    status,
    overLimits: verdict.kind === "within" ? null : verdict.message,
    history: [{ at: now.toISOString(), by, status }],
    createdAt: now.toISOString(),
    paidAt: null,
    version: 1,
  };
  const nextSpend: StoredSpend = {
    matchId: match.matchId,
    volunteerId: match.volunteerId,
    month,
    pence: (current?.pence ?? 0) + totalPence,
    claims: (current?.claims ?? 0) + 1,
    version: (current?.version ?? 0) + 1,
  };
  const ops: WriteOp[] = [
    claimEntity.put(tenantId, claim, "absent"),
    spendEntity.put(
      tenantId,
      nextSpend,
      current ? { version: current.version, message: stale().message } : { absent: true, message: stale().message },
    ),
    auditOp(table, { action: "create", subject: subject(claim) }),
    ...claimQueueOps(tenantId, claim),
    ...volunteerSpendOps(tenantId, claim, 1),
    ...(await claimSummaryOps(table, null, claim)),
  ];
  if (once) {
    ops.push({
      kind: "put",
      item: idempotencyRecord(once.idemKey, once.requestHash, { status: 201, body: claim }),
      expect: "absent",
    });
  }
  if (visit) {
    ops.push(
      visitEntity.put(
        tenantId,
        { ...visit, claimedPence: visit.claimedPence + totalPence, version: visit.version + 1 },
        { version: visit.version, message: stale().message },
      ),
    );
  }
  try {
    await table.transact(ops);
  } catch (e) {
    // A spend item created by a racing claim shows up as "already exists": the same race, judged again.
    if (e instanceof Problem && e.code === "already_exists") throw stale();
    throw e;
  }
  return claim;
}

export async function getClaim(table: TenantTable, matchId: string, id: string): Promise<StoredClaim> {
  const claim = await claimEntity.get(table, { matchId, id });
  if (!claim) throw new Problem("not_found", "No claim with that id");
  await auditRead(table, { action: "read", subject: subject(claim) });
  return claim;
}

export async function listMatchClaims(table: TenantTable, matchId: string, limit: number, cursor: string | null) {
  await auditRead(table, { action: "list", subject: { type: "claim-list", id: matchId } });
  return claimEntity.page(table, {
    pk: keys.tenantPartition(table.ctx.tenantId),
    skPrefix: keys.claimPrefix(matchId),
    limit,
    cursor,
    newestFirst: true,
  });
}

/** One page of a month's claims for finance (one Query on gsi1, whatever the month holds). */
export async function monthClaimsPage(table: TenantTable, month: string, limit: number, cursor: string | null) {
  await auditRead(table, { action: "list", subject: { type: "claim-month", id: month } });
  return claimEntity.page(table, { pk: keys.claimsOfMonth(table.ctx.tenantId, month), index: "gsi1", limit, cursor });
}

/** One page of the month's spend per match (one Query): month-end totals against each budget. */
export async function monthSpendPage(table: TenantTable, month: string, limit: number, cursor: string | null) {
  return spendEntity.page(table, { pk: keys.spendOfMonth(table.ctx.tenantId, month), index: "gsi1", limit, cursor });
}

/**
 * The coordinator approves (or rejects), then finance, then finance marks it paid. A rejected claim no
 * longer counts against the limits, so its amount comes off the month and the visit.
 */
export async function actOnClaim(
  table: TenantTable,
  matchId: string,
  id: string,
  version: number,
  action: ClaimAction,
  reason: string | undefined,
  now = new Date(),
): Promise<StoredClaim> {
  const tenantId = table.ctx.tenantId;
  const claim = await claimEntity.get(table, { matchId, id }, { consistent: true });
  if (!claim) throw new Problem("not_found", "No claim with that id");
  const status = nextClaimStatus(claim.status, action, table.ctx.roles);
  if (claim.version !== version) throw stale();
  const by = { personId: table.ctx.actor.personId, name: table.ctx.actor.name };
  const next: StoredClaim = {
    ...claim,
    status,
    history: [...claim.history, { at: now.toISOString(), by, status, ...(reason ? { reason } : {}) }],
    ...(status === "paid" ? { paidAt: now.toISOString() } : {}),
    version: claim.version + 1,
  };
  const ops: WriteOp[] = [
    claimEntity.put(tenantId, next, { version: claim.version, message: stale().message }),
    auditOp(table, { action: "update", subject: subject(next), fields: ["status"] }),
    ...claimQueueOps(tenantId, next),
    ...(await claimSummaryOps(table, claim, next)),
  ];
  if (countsAgainstLimits(claim.status) && !countsAgainstLimits(status)) {
    ops.push(...volunteerSpendOps(tenantId, claim, -1));
    const spend = await spendEntity.get(table, { matchId, month: claim.month }, { consistent: true });
    if (spend) {
      ops.push(
        spendEntity.put(
          tenantId,
          { ...spend, pence: spend.pence - claim.totalPence, claims: spend.claims - 1, version: spend.version + 1 },
          { version: spend.version, message: stale().message },
        ),
      );
    }
    const visit = claim.visitId
      ? await visitEntity.get(table, { matchId, id: claim.visitId }, { consistent: true })
      : undefined;
    if (visit) {
      ops.push(
        visitEntity.put(
          tenantId,
          { ...visit, claimedPence: visit.claimedPence - claim.totalPence, version: visit.version + 1 },
          { version: visit.version, message: stale().message },
        ),
      );
    }
  }
  await table.transact(ops);
  return next;
}
