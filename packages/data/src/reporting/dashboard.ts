import { addMonths } from "@tandem/domain/calendar";
import { buildDashboard, type Dashboard, monthOf, type Period, previousPeriod } from "@tandem/domain/reporting";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { trainingState, type VolunteerStage } from "@tandem/domain/volunteers";
import { keys } from "../keys.js";
import type { TenantTable } from "../tenant-table.js";
import { checkViews, volunteerBoardEntity } from "../volunteers/records.js";
import { currentCohort, withCohortCount } from "./cohort.js";
import { lookedAfterCounts } from "./looked-after.js";
import { readBuckets } from "./summaries.js";

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
): Promise<Dashboard> {
  const fromMonth = monthOf(previousPeriod(period).from);
  const [referrals, volunteers, lookedAfter, expiries] = await Promise.all([
    readBuckets(table, "referrals", fromMonth),
    readBuckets(table, "volunteers", fromMonth),
    lookedAfterCounts(table, fromMonth, monthOf(period.to)),
    watchedExpiries(table, policy, today),
  ]);
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
  });
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
