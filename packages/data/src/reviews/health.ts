import { todayInLondon } from "@tandem/domain/calendar";
import { byHealth, type HealthReason, type MatchHealth, matchHealth } from "@tandem/domain/health";
import { OPEN, openConcernsOn } from "@tandem/domain/reporting";
import { feedbackRaisesConcern } from "@tandem/domain/reviews";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { auditRead } from "../audit.js";
import * as keys from "../keys.js";
import { summaryEntity } from "../reporting/summaries.js";
import type { TenantTable } from "../tenant-table.js";
import { visitSummaryEntity } from "../visits/records.js";
import { feedbackRequestEntity, supervisionScheduleEntity } from "./records.js";
import { activeMatchEntries } from "./reminders.js";

export interface MatchHealthLine {
  id: string;
  label: string;
  health: MatchHealth;
  reasons: HealthReason[];
  lastVisitOn: string | null;
  reviewDueOn: string | null;
}

/** Feedback this recent counts towards a match's health: the last review's round (Tandem's suggestion: 6 months). */
const RECENT_FEEDBACK_DAYS = 183;

/**
 * The council's active matches, those needing attention first, each with its reasons (the domain's
 * `matchHealth`): visits against the minimum frequency, the review and the volunteer's supervision
 * against their dates, the concerns raised about it and not yet acknowledged, the last review's outcome
 * and recent feedback. One read of each match's small entries (batched), one Query of its feedback, and
 * one read of the concerns' OPEN summary (what waits for acknowledgement now, by match; ADR 16), which
 * concerns have no other list of by match.
 */
export async function matchHealthList(
  table: TenantTable,
  policy: TenantPolicy,
  now = new Date(),
): Promise<MatchHealthLine[]> {
  await auditRead(table, {
    action: "list",
    subject: { type: "match-list", id: table.ctx.tenantId },
    fields: ["health"],
  });
  const today = todayInLondon(now);
  const entries = (await activeMatchEntries(table)).filter((e) => e.endingBeganOn === null);
  const tenantId = table.ctx.tenantId;
  const [summaries, supervision, concernsOpen] = await Promise.all([
    table.getMany(entries.map((e) => visitSummaryEntity.key(tenantId, { matchId: e.matchId }))),
    table.getMany(entries.map((e) => supervisionScheduleEntity.key(tenantId, { volunteerId: e.volunteerId }))),
    // A concern's counter sits in the bucket's main part (its name has no `dimension=value`).
    summaryEntity.get(table, { group: "concerns", bucket: OPEN, part: "main" }),
  ]);
  const since = new Date(now.getTime() - RECENT_FEEDBACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  const lines = await Promise.all(
    entries.map(async (e, i) => {
      const summary = summaries[i] ? visitSummaryEntity.parse(summaries[i]) : undefined;
      const sup = supervision[i] ? supervisionScheduleEntity.parse(supervision[i]) : undefined;
      const concerns = openConcernsOn(e.matchId, concernsOpen ?? {});
      const feedback = await feedbackRequestEntity.page(table, {
        pk: keys.tenantPartition(tenantId),
        skPrefix: keys.feedbackRequestPrefix(e.matchId),
        limit: 100,
      });
      const { health, reasons } = matchHealth(
        {
          today,
          activatedOn: e.activatedOn,
          lastVisitOn: summary?.lastVisitOn ?? null,
          reviewDueOn: e.dueOn,
          supervisionDueOn: sup?.dueOn ?? null,
          openConcerns: concerns.all,
          openSafeguardingConcerns: concerns.safeguarding,
          recentFeedbackRaisedConcern: feedback.items.some(
            (f) => f.answer !== null && (f.answeredOn ?? "") >= since && feedbackRaisesConcern(f.answer),
          ),
          lastReviewSaidEnd: e.lastReviewOutcome === "end",
        },
        policy,
      );
      return {
        id: e.matchId,
        label: e.label,
        health,
        reasons,
        lastVisitOn: summary?.lastVisitOn ?? null,
        reviewDueOn: e.dueOn,
      };
    }),
  );
  return byHealth(lines);
}
