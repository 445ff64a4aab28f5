import { randomUUID } from "node:crypto";
import { todayInLondon } from "@tandem/domain/calendar";
import type { LookedAfterReview } from "@tandem/domain/reviews";
import { auditOp, auditRead } from "../audit.js";
import { invalid, Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantTable } from "../tenant-table.js";
import type { MatchFacts } from "./match-facts.js";
import { lookedAfterReviewEntity, type StoredLookedAfterReview } from "./records.js";
import { stampOf } from "./stamp.js";

/** The child's looked-after review, in the match's history: the child's wish, the invitation, whether the visitor went. */
export async function recordLookedAfterReview(
  table: TenantTable,
  match: MatchFacts,
  record: LookedAfterReview,
  now = new Date(),
): Promise<StoredLookedAfterReview> {
  if (match.stage !== "active" && match.stage !== "ending")
    throw new Problem(
      "conflict",
      `The looked-after review is recorded on an active match; this match is ${match.stage.replace(/_/g, " ")}`,
    );
  if (match.activatedOn !== null && record.reviewOn < match.activatedOn)
    throw invalid([{ path: "reviewOn", message: "The review date must be on or after the day the match started" }]);
  if (record.visitorAttended !== null && record.reviewOn > todayInLondon(now))
    throw invalid([
      { path: "visitorAttended", message: "Whether the visitor went can be recorded once the review has been held" },
    ]);
  const stored: StoredLookedAfterReview = {
    id: randomUUID(),
    matchId: match.id,
    record,
    recorded: stampOf(table, now),
  };
  await table.transact([
    lookedAfterReviewEntity.put(table.ctx.tenantId, stored, "absent"),
    auditOp(table, { action: "create", subject: { type: "match", id: match.id }, fields: ["lookedAfterReview"] }),
  ]);
  return stored;
}

export async function listLookedAfterReviews(table: TenantTable, matchId: string): Promise<StoredLookedAfterReview[]> {
  await auditRead(table, { action: "read", subject: { type: "match", id: matchId }, fields: ["lookedAfterReviews"] });
  const page = await lookedAfterReviewEntity.page(table, {
    pk: keys.tenantPartition(table.ctx.tenantId),
    skPrefix: keys.lookedAfterReviewPrefix(matchId),
    limit: 100,
  });
  return page.items.sort((a, b) => a.record.reviewOn.localeCompare(b.record.reviewOn));
}
