import { londonDayOf } from "@tandem/domain/calendar";
import { referredAsVulnerableCareLeaver } from "@tandem/domain/referrals";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import { boardStagePrefix, matchEntity } from "../matches/records.js";
import { loadReferral } from "../referrals/records.js";
import type { TenantTable } from "../tenant-table.js";
import { factsOf } from "./match-hooks.js";
import { reviewScheduleEntity } from "./records.js";
import { scheduleOpsOnActivation } from "./schedule.js";

/**
 * A one-off, idempotent command for matches that became active before reviews were scheduled: each
 * active match without a review schedule gets one (and its volunteer's supervision counts it), from
 * the day it became active, exactly as activation writes it now. A match already scheduled is left
 * alone, so running it again changes nothing; a match scheduled by someone else meanwhile is skipped.
 */
export async function backfillReviewSchedules(
  table: TenantTable,
  policy: TenantPolicy,
): Promise<{ scheduled: number; alreadyScheduled: number }> {
  let scheduled = 0;
  let alreadyScheduled = 0;
  let cursor: string | null = null;
  do {
    const page = await matchEntity.page(table, {
      pk: keys.matchBoard(table.ctx.tenantId, "open"),
      index: "gsi1",
      skPrefix: boardStagePrefix("active"),
      limit: 100,
      cursor,
    });
    for (const m of page.items) {
      const activatedOn = m.stageDates.active ?? (m.activatedAt ? londonDayOf(m.activatedAt) : null);
      if (m.stage !== "active" || activatedOn === null) continue;
      if (await reviewScheduleEntity.get(table, { matchId: m.matchId })) {
        alreadyScheduled += 1;
        continue;
      }
      // As at activation: a care leaver referred past the usual age was taken on as vulnerable (Leeds).
      const referral = await loadReferral(table, m.referralId);
      const ops = await scheduleOpsOnActivation(table, { ...factsOf(m), activatedOn }, policy, {
        volunteerLabel: m.volunteer.firstName,
        childDateOfBirth: m.child.dateOfBirth,
        vulnerableCareLeaver: referral ? referredAsVulnerableCareLeaver(referral.flags) : false,
      });
      try {
        await table.transact(ops);
        scheduled += 1;
      } catch (e) {
        if (e instanceof Problem && (e.code === "already_exists" || e.code === "version_conflict"))
          alreadyScheduled += 1;
        else throw e;
      }
    }
    cursor = page.cursor;
  } while (cursor);
  return { scheduled, alreadyScheduled };
}
