import { auditOp } from "../audit.js";
import { Problem } from "../errors.js";
import type { TenantTable } from "../tenant-table.js";
import type { MatchFacts } from "./match-facts.js";
import { reviewScheduleEntity } from "./records.js";

/**
 * Marks the young person of a match as a vulnerable care leaver (or not), which moves their end-age
 * alerts to the policy's higher age where it has one (Leeds: "up to age 25 for vulnerable care
 * leavers"). The flag is kept on the match's review schedule, where the daily job reads it.
 */
export async function setVulnerableCareLeaver(table: TenantTable, match: MatchFacts, vulnerable: boolean) {
  if (match.stage !== "active" && match.stage !== "ending")
    throw new Problem(
      "conflict",
      `A match that has ended or not yet started has no end-age alerts; this match is ${match.stage.replace(/_/g, " ")}`,
    );
  const entry = await reviewScheduleEntity.get(table, { matchId: match.id });
  if (!entry)
    throw new Problem("conflict", "This match has no review schedule yet: it starts when the match is active");
  const next = { ...entry, vulnerableCareLeaver: vulnerable, version: entry.version + 1 };
  await table.transact([
    reviewScheduleEntity.put(table.ctx.tenantId, next, {
      version: entry.version,
      message: "The match's reviews changed while you were saving this: reload and try again",
    }),
    auditOp(table, { action: "update", subject: { type: "match", id: match.id }, fields: ["vulnerableCareLeaver"] }),
  ]);
  return next;
}
