import { addMonths } from "@tandem/domain/calendar";
import {
  type ActiveMatchState,
  activeMatchIds,
  buildDashboard,
  type Counters,
  type Dashboard,
  monthOf,
  type Period,
  previousPeriod,
} from "@tandem/domain/reporting";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { trainingState, type VolunteerStage } from "@tandem/domain/volunteers";
import * as keys from "../keys.js";
import { reviewScheduleEntity, supervisionScheduleEntity } from "../reviews/schedule-entries.js";
import type { TenantTable } from "../tenant-table.js";
import { visitSummaryEntity } from "../visits/summary.js";
import { checkViews, volunteerBoardEntity } from "../volunteers/board.js";
import { currentCohort, withCohortCount } from "./cohort-current.js";
import { lookedAfterCounts } from "./looked-after.js";
import { type CaseloadGroup, caseloadGroup, readBuckets } from "./summaries.js";

/** Whose dashboard: the council's, or one coordinator's caseload (the matches they proposed). */
export type DashboardScope = { kind: "council" } | { kind: "caseload"; personId: string; name: string };

/** Volunteers whose checks and training are watched for expiry: those who may visit. */
const WATCHED: readonly VolunteerStage[] = ["approved", "suspended"];

/**
 * The dashboard for a period: one Query per summary group (referrals, volunteers) from the previous
 * period's first month to now, one for the looked-after counts, and one per watched stage of the
 * volunteer board for expiries (it grows with the volunteers who may visit, not with history).
 */
export async function loadDashboard(
  table: TenantTable,
  policy: TenantPolicy,
  period: Period,
  today: string,
  scope: DashboardScope = { kind: "council" },
): Promise<Dashboard> {
  const fromMonth = monthOf(previousPeriod(period).from);
  const own = (g: CaseloadGroup) => (scope.kind === "council" ? g : caseloadGroup(g, scope.personId));
  const [referrals, volunteers, lookedAfter, expiries, councilMatches, matches, visits, money, concerns] =
    await Promise.all([
      readBuckets(table, "referrals", fromMonth),
      readBuckets(table, "volunteers", fromMonth),
      lookedAfterCounts(table, fromMonth, monthOf(period.to)),
      watchedExpiries(table, policy, today),
      readBuckets(table, "matches", fromMonth),
      scope.kind === "council" ? null : readBuckets(table, own("matches"), fromMonth),
      readBuckets(table, own("visits"), fromMonth),
      readBuckets(table, own("money"), fromMonth),
      readBuckets(table, own("concerns"), fromMonth),
    ]);
  const scoped = matches ?? councilMatches;
  // The list of looked-after children, where the council uploads one, counts its month (ADR 20).
  const cohort = await currentCohort(table, today);
  return buildDashboard({
    period,
    today,
    referrals,
    volunteers,
    lookedAfter: withCohortCount(lookedAfter, cohort),
    checkExpiries: expiries.checks,
    trainingExpiries: expiries.training,
    respondWithinWorkingDays: policy.referrals.responseWorkingDays,
    policy,
    councilMatches,
    matches: scoped,
    visits,
    money,
    concerns,
    activeStates: await activeMatchStates(table, scoped),
    scope:
      scope.kind === "council"
        ? { kind: "council", words: "The council's figures" }
        : {
            kind: "caseload",
            words: `${scope.name}'s caseload: the matches they proposed. Coverage, waiting and recruitment are the council's, as no child or volunteer is a coordinator's before a match.`,
          },
  });
}

/**
 * What stands now for each active match of the scope (from the matches' OPEN bucket): its review
 * entry, its visit summary and its volunteer's supervision entry, read in batches. This grows with
 * the matches active now, not with the council's history (ADR 16).
 */
async function activeMatchStates(table: TenantTable, matches: ReadonlyMap<string, Counters>) {
  const active = activeMatchIds(matches);
  const tenantId = table.ctx.tenantId;
  const out: ActiveMatchState[] = [];
  for (let i = 0; i < active.length; i += 30) {
    const chunk = active.slice(i, i + 30);
    const volunteers = [...new Set(chunk.map((m) => m.volunteerId))];
    const found = await table.getMany([
      ...chunk.map((m) => reviewScheduleEntity.key(tenantId, { matchId: m.matchId })),
      ...chunk.map((m) => visitSummaryEntity.key(tenantId, { matchId: m.matchId })),
      ...volunteers.map((volunteerId) => supervisionScheduleEntity.key(tenantId, { volunteerId })),
    ]);
    const supervision = new Map(
      volunteers.map((v, j) => {
        const item = found[2 * chunk.length + j];
        return [v, item ? supervisionScheduleEntity.parse(item).dueOn : null];
      }),
    );
    chunk.forEach((m, j) => {
      const review = found[j];
      const visits = found[chunk.length + j];
      out.push({
        matchId: m.matchId,
        volunteerId: m.volunteerId,
        activatedOn: m.activatedOn,
        reviewDueOn: review ? reviewScheduleEntity.parse(review).dueOn : null,
        lastVisitOn: visits ? visitSummaryEntity.parse(visits).lastVisitOn : null,
        supervisionDueOn: supervision.get(m.volunteerId) ?? null,
      });
    });
  }
  return out;
}

/** The last valid day of each check and renewable training of the volunteers who may visit, looking 90 days ahead. */
async function watchedExpiries(table: TenantTable, policy: TenantPolicy, today: string) {
  const horizon = addMonths(today, 4);
  const checks: string[] = [];
  const training: string[] = [];
  for (const stage of WATCHED) {
    let cursor: string | null = null;
    do {
      const page = await volunteerBoardEntity.page(table, {
        pk: keys.volunteerStageView(table.ctx.tenantId, stage),
        index: "gsi1",
        limit: 200,
        cursor,
      });
      cursor = page.cursor;
      for (const v of page.items) {
        for (const c of checkViews(v, policy, today)) {
          if (c.validUntil && c.validUntil >= today && c.validUntil <= horizon) checks.push(c.validUntil);
        }
        for (const t of trainingState(v.training, policy, v.approvedOn, today)) {
          if (t.state === "done" && t.renewBy && t.renewBy <= horizon) training.push(t.renewBy);
        }
      }
    } while (cursor);
  }
  return { checks, training };
}
