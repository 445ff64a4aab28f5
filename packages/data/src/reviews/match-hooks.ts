import { type AfterEnding, endAge } from "@tandem/domain/endings";
import { type MatchStage, nextMatchStage } from "@tandem/domain/matches";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { auditOp } from "../audit.js";
import { Problem } from "../errors.js";
import { childProfileEntity, volunteerProfileEntity } from "../matches/profiles.js";
import {
  getMatchRecord,
  MAX_MATCH_HISTORY,
  matchHistoryEntry,
  type StoredMatch,
  saveMatchOps,
} from "../matches/records.js";
import { listEntryOps, loadVisibleReferral, type ReferralRecord, referralItem } from "../referrals/records.js";
import { referralSummaryOps } from "../reporting/summaries.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { factsOf } from "./match-facts.js";

/**
 * Where reviews meet matching's match record: the facts reviews need, read from it, and matching's own
 * writes for an ending (the stage, the history, the volunteer's place, the child's referral), which the
 * ending puts in its own transaction so the two change together.
 */
export { factsOf };

/**
 * A match of this council as an ending sees it, the whole record (its next version is written with the
 * ending's): 404 for another council's, exactly as an unknown one.
 */
export async function loadMatch(table: TenantTable, matchId: string) {
  const m = await getMatchRecord(table, matchId);
  return { match: m, facts: factsOf(m) };
}

/** The child's end age for the alerts: vulnerable care leavers where the policy supports them longer. */
export const childEndAge = (policy: TenantPolicy, vulnerableCareLeaver: boolean) =>
  endAge(policy, vulnerableCareLeaver);

function moved(
  table: TenantTable,
  m: StoredMatch,
  action: "begin_ending" | "end",
  version: number,
  today: string,
  detail: string,
): { next: StoredMatch; ops: WriteOp[] } {
  const to: MatchStage = nextMatchStage(m.stage, action, table.ctx.roles);
  if (m.version !== version)
    throw new Problem("version_conflict", "Someone else changed this match since you loaded it; reload and try again");
  const next: StoredMatch = {
    ...m,
    stage: to,
    stageSince: today,
    stageDates: { ...m.stageDates, [to]: today },
    history: [...m.history, matchHistoryEntry(table, action, m.stage, to, detail)].slice(-MAX_MATCH_HISTORY),
    version: m.version + 1,
  };
  return { next, ops: [...saveMatchOps(table.ctx.tenantId, next, m.version)] };
}

/** The match moves to `ending` (403 for a role that may not, 409 from any stage but active). */
export function beginEndingOps(table: TenantTable, m: StoredMatch, version: number, today: string, detail: string) {
  return moved(table, m, "begin_ending", version, today, detail).ops;
}

/**
 * The match ends: the volunteer's place is freed, the child's open match cleared, and the referral goes
 * back to the waiting list or closes, as the coordinator chose.
 */
export async function endOps(
  table: TenantTable,
  m: StoredMatch,
  version: number,
  today: string,
  afterwards: AfterEnding,
): Promise<WriteOp[]> {
  const tenantId = table.ctx.tenantId;
  const { ops } = moved(
    table,
    m,
    "end",
    version,
    today,
    afterwards === "return_to_waiting_list" ? "the child returns to the waiting list" : "the referral closes",
  );
  // The place was counted on the volunteer's matching profile when the match was proposed.
  if (await volunteerProfileEntity.get(table, { volunteerId: m.volunteerId }))
    ops.push({
      kind: "increment",
      key: volunteerProfileEntity.key(tenantId, { volunteerId: m.volunteerId }),
      counters: { placesHeld: -1, version: 1 },
    });
  const p = await childProfileEntity.get(table, { referralId: m.referralId });
  if (p && p.openMatchId === m.matchId)
    ops.push(
      childProfileEntity.put(tenantId, { ...p, openMatchId: null, version: p.version + 1 }, { version: p.version }),
    );
  // The child's referral: back on the waiting list for a new match, or closed (no new match looked for).
  const r = await loadVisibleReferral(table, m.referralId);
  const status = afterwards === "return_to_waiting_list" ? "waiting_for_match" : "closed";
  if (r.status !== status) {
    const actor = table.ctx.actor;
    const next: ReferralRecord = {
      ...r,
      status,
      history: [
        ...r.history,
        {
          at: new Date().toISOString(),
          action: "match",
          by: { personId: actor.personId, name: actor.name },
          from: r.status,
          to: status,
          reason:
            status === "closed"
              ? `Match ${m.matchId} ended; the referral closes`
              : `Match ${m.matchId} ended; back on the waiting list for a new match`,
        },
      ],
      version: r.version + 1,
    };
    ops.push(
      { kind: "put", item: referralItem(tenantId, next), expect: "version", version: r.version },
      ...listEntryOps(tenantId, next),
      // Reporting's hook, as matching's own status changes do: the child waits again, or stops.
      ...referralSummaryOps(tenantId, r, next),
      auditOp(table, { action: "update", subject: { type: "referral", id: r.reference }, fields: ["status"] }),
    );
  }
  return ops;
}
