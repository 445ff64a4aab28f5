import { randomUUID } from "node:crypto";
import { todayInLondon } from "@tandem/domain/calendar";
import { type ReviewRecord, reviewDateProblem } from "@tandem/domain/reviews";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { auditOp, auditRead } from "../audit.js";
import { invalid, Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantTable } from "../tenant-table.js";
import type { MatchFacts } from "./match-facts.js";
import { reviewEntity, reviewScheduleEntity, type StoredReview } from "./records.js";
import { heldReviews, withNextReview } from "./schedule.js";
import { stampOf } from "./stamp.js";

const words = (s: string) => s.replace(/_/g, " ");

/** Reviews are held on an active match; the closure review once it is ending. */
export function reviewStageProblem(match: Pick<MatchFacts, "stage">, kind: ReviewRecord["kind"]): Problem | null {
  if (kind === "closure")
    return match.stage === "ending"
      ? null
      : new Problem(
          "conflict",
          `A closure review is held while a match is ending; this match is ${words(match.stage)}`,
        );
  return match.stage === "active"
    ? null
    : new Problem("conflict", `Reviews are held on an active match; this match is ${words(match.stage)}`);
}

/**
 * Records a review and moves the match's next review on, in one transaction with its audit entry. A
 * match that is not active answers 409 with the reason; a date before the match started or in the
 * future is refused with the field named.
 */
export async function recordReview(
  table: TenantTable,
  match: MatchFacts,
  record: ReviewRecord,
  policy: TenantPolicy,
  now = new Date(),
): Promise<StoredReview> {
  const stage = reviewStageProblem(match, record.kind);
  if (stage) throw stage;
  if (match.activatedOn === null) throw new Problem("conflict", "This match has not started");
  const dateProblem = reviewDateProblem(record.heldOn, match.activatedOn, todayInLondon(now));
  if (dateProblem) throw invalid([{ path: "heldOn", message: dateProblem }]);
  const entry = await reviewScheduleEntity.get(table, { matchId: match.id });
  if (!entry)
    throw new Problem("conflict", "This match has no review schedule yet: it starts when the match is active");
  const review: StoredReview = { id: randomUUID(), matchId: match.id, record, recorded: stampOf(table, now) };
  const held = [...(await heldReviews(table, match.id)), { kind: record.kind, heldOn: record.heldOn }];
  const latest = held.every((r) => r.heldOn <= record.heldOn);
  const next = withNextReview(
    { ...entry, ...(latest ? { lastReviewOutcome: record.outcome } : {}), version: entry.version + 1 },
    held,
    policy,
  );
  const tenantId = table.ctx.tenantId;
  await table.transact([
    reviewEntity.put(tenantId, review, "absent"),
    reviewScheduleEntity.put(tenantId, next, {
      version: entry.version,
      message: "The match's reviews changed while you were recording this one: reload and try again",
    }),
    auditOp(table, { action: "create", subject: { type: "match", id: match.id }, fields: ["review"] }),
  ]);
  return review;
}

/** A match's reviews, oldest first (audited: they hold the child's words). */
export async function listReviews(table: TenantTable, matchId: string): Promise<StoredReview[]> {
  await auditRead(table, { action: "read", subject: { type: "match", id: matchId }, fields: ["reviews"] });
  const out: StoredReview[] = [];
  let cursor: string | null = null;
  do {
    const page = await reviewEntity.page(table, {
      pk: keys.tenantPartition(table.ctx.tenantId),
      skPrefix: keys.matchReviewPrefix(matchId),
      limit: 100,
      cursor,
    });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out.sort((a, b) => a.record.heldOn.localeCompare(b.record.heldOn));
}
