import { londonDayOf } from "@tandem/domain/calendar";
import {
  type ClaimReportFacts,
  type ConcernReportFacts,
  type Contribution,
  claimContribution,
  concernContribution,
  difference,
  type MatchReportFacts,
  matchContribution,
  type VisitReportFacts,
  visitContribution,
} from "@tandem/domain/reporting";
import type { StoredConcern } from "../concerns/records.js";
import type { StoredClaim } from "../expenses/records.js";
import type { StoredMatch } from "../matches/records.js";
import type { StoredEnding } from "../reviews/records.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { matchGlanceEntity } from "../visits/match-ref.js";
import type { StoredVisit } from "../visits/records.js";
import { type CaseloadGroup, caseloadGroup, summaryOps } from "./summaries.js";

/**
 * Matches', visits', claims' and concerns' facts for the summaries, and the ops each write adds to
 * its transaction: the change to the council's group and to the caseload group of the coordinator
 * who proposed the match (ADR 16). Read off the stored records here, so the domain never sees them.
 */

const dayOf = londonDayOf;

/** Whose caseload a match is in: the coordinator who proposed it (no other assignment exists). */
export const ownerOf = (m: { proposal: { by: { personId: string } } }) => m.proposal.by.personId;

/** The owner of a match by id (one read, of the fields visits read), or null for no match. */
export async function matchOwner(table: TenantTable, matchId: string | null): Promise<string | null> {
  if (!matchId) return null;
  const m = await matchGlanceEntity.get(table, { matchId });
  return m ? ownerOf(m) : null;
}

export function matchReportFacts(m: StoredMatch | null, ending: StoredEnding | null): MatchReportFacts | null {
  if (!m) return null;
  const activatedOn = m.stageDates.active ?? (m.activatedAt ? dayOf(m.activatedAt) : null);
  if (!activatedOn) return null;
  const closed = m.stage === "ended" || m.stage === "did_not_proceed";
  return {
    matchId: m.matchId,
    volunteerId: m.volunteerId,
    activatedOn,
    endedOn: closed ? (ending?.end?.endedOn ?? m.stageDates[m.stage] ?? m.stageSince) : null,
    endReason: closed ? (ending?.begin.reason ?? null) : null,
  };
}

export function visitReportFacts(v: StoredVisit | null): VisitReportFacts | null {
  return v && v.status === "recorded" ? { matchId: v.matchId, on: v.plan.on } : null;
}

export function claimReportFacts(c: StoredClaim | null): ClaimReportFacts | null {
  if (!c) return null;
  return {
    matchId: c.matchId,
    month: c.month,
    pence: c.totalPence,
    status: c.status,
    submittedOn: dayOf(c.createdAt),
    paidOn: c.paidAt ? dayOf(c.paidAt) : null,
  };
}

export function concernReportFacts(c: StoredConcern | null): ConcernReportFacts | null {
  if (!c) return null;
  return {
    type: c.report.type,
    matchId: c.matchId,
    raisedOn: dayOf(c.submittedAt),
    acknowledgedOn: c.acknowledged ? dayOf(c.acknowledged.at) : null,
    minutesToAcknowledge: c.acknowledged?.minutes ?? null,
  };
}

/** The change to the council's group and, when the match has an owner, to their caseload's. */
function opsFor(tenantId: string, group: CaseloadGroup, change: Contribution, owner: string | null): WriteOp[] {
  if (change.size === 0) return [];
  return [
    ...summaryOps(tenantId, group, change),
    ...(owner ? summaryOps(tenantId, caseloadGroup(group, owner), change) : []),
  ];
}

/** Reporting's hook for a match's write (its start, its end): put in the same transaction. */
export function matchSummaryOps(
  tenantId: string,
  owner: string,
  before: MatchReportFacts | null,
  after: MatchReportFacts | null,
): WriteOp[] {
  return opsFor(tenantId, "matches", difference(matchContribution(before), matchContribution(after)), owner);
}

/** Reporting's hook for a visit's write (one read: the match's owner). */
export async function visitSummaryOps(
  table: TenantTable,
  before: StoredVisit | null,
  after: StoredVisit,
): Promise<WriteOp[]> {
  const change = difference(visitContribution(visitReportFacts(before)), visitContribution(visitReportFacts(after)));
  if (change.size === 0) return [];
  return opsFor(table.ctx.tenantId, "visits", change, await matchOwner(table, after.matchId));
}

/** Reporting's hook for a claim's write: submitted, approved, rejected, paid. */
export async function claimSummaryOps(
  table: TenantTable,
  before: StoredClaim | null,
  after: StoredClaim,
): Promise<WriteOp[]> {
  const change = difference(claimContribution(claimReportFacts(before)), claimContribution(claimReportFacts(after)));
  if (change.size === 0) return [];
  return opsFor(table.ctx.tenantId, "money", change, await matchOwner(table, after.matchId));
}

/** Reporting's hook for a concern's write: raised, acknowledged. */
export async function concernSummaryOps(
  table: TenantTable,
  before: StoredConcern | null,
  after: StoredConcern,
): Promise<WriteOp[]> {
  const change = difference(
    concernContribution(concernReportFacts(before)),
    concernContribution(concernReportFacts(after)),
  );
  if (change.size === 0) return [];
  return opsFor(table.ctx.tenantId, "concerns", change, await matchOwner(table, after.matchId));
}
