import { todayInLondon } from "@tandem/domain/calendar";
import { endAgeAlert } from "@tandem/domain/endings";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { Problem } from "../errors.js";
import { keys } from "../keys.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import { coordinatorEmails } from "../referrals/coordinators.js";
import type { TenantTable } from "../tenant-table.js";
import { endAgeAlertEmail } from "./emails.js";
import { sendFeedbackReminders } from "./feedback.js";
import { type ReviewScheduleEntry, reviewReminderEntity, reviewScheduleEntity } from "./records.js";

/** The end-age alerts in force today for the council's active matches (pure, tested directly). */
export function endAgeAlertsDue(entries: readonly ReviewScheduleEntry[], policy: TenantPolicy, today: string) {
  return entries.flatMap((e) => {
    if (e.childDateOfBirth === null || e.endingBeganOn !== null) return [];
    const alert = endAgeAlert(e.childDateOfBirth, e.vulnerableCareLeaver, policy, today);
    return alert ? [{ entry: e, alert }] : [];
  });
}

/** Every active match's schedule entry (one small item each; the scheduled job's only read of them). */
export async function activeMatchEntries(table: TenantTable): Promise<ReviewScheduleEntry[]> {
  const out: ReviewScheduleEntry[] = [];
  let cursor: string | null = null;
  do {
    const page = await reviewScheduleEntity.page(table, {
      pk: keys.scheduleListPartition(table.ctx.tenantId),
      skPrefix: "M#",
      limit: 100,
      cursor,
    });
    out.push(...page.items.filter((e) => e.dueOn !== null || e.endingBeganOn === null));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/**
 * The daily run of reviews' reminders and alerts: feedback reminders, and each end-age alert e-mailed
 * to the coordinators once (its marker is keyed by the alert's own date, so every later run, that day
 * or after, sends nothing again). A scheduled run in AWS (EventBridge Scheduler) or a timer locally
 * calls it; running it twice on a day is harmless.
 */
export async function runReviewReminders(
  table: TenantTable,
  policy: TenantPolicy,
  links: TenantLinks,
  now = new Date(),
): Promise<{ day: string; feedbackReminders: number; endAgeAlerts: number; alreadySent: number }> {
  const day = todayInLondon(now);
  const { sent: feedbackReminders } = await sendFeedbackReminders(table, links, now);
  const due = endAgeAlertsDue(await activeMatchEntries(table), policy, day);
  const coordinators = due.length > 0 ? await coordinatorEmails(table) : [];
  let endAgeAlerts = 0;
  let alreadySent = 0;
  for (const { entry, alert } of due) {
    if (coordinators.length === 0) break;
    try {
      await table.transact([
        reviewReminderEntity.put(
          table.ctx.tenantId,
          { expiresAt: Math.floor(now.getTime() / 1000) + 400 * 86_400 },
          "absent",
          { id: { day: alert.alertOn, what: `${entry.matchId}#end-age#${alert.monthsBefore}` } },
        ),
        outboxOp(table, endAgeAlertEmail(links, coordinators, entry.label, alert)),
      ]);
      endAgeAlerts += 1;
    } catch (e) {
      if (e instanceof Problem && e.code === "already_exists") alreadySent += 1;
      else throw e;
    }
  }
  return { day, feedbackReminders, endAgeAlerts, alreadySent };
}
