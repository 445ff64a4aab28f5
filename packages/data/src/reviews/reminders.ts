import { todayInLondon } from "@tandem/domain/calendar";
import { endAgeAlert } from "@tandem/domain/endings";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import { coordinatorEmails } from "../referrals/coordinators.js";
import type { TenantTable } from "../tenant-table.js";
import { endAgeAlertEmail } from "./emails.js";
import { sendFeedbackReminders } from "./feedback.js";
import { endAgeAlertEntity, type ReviewScheduleEntry, reviewReminderEntity, reviewScheduleEntity } from "./records.js";

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
 * The end-age alerts due today (6 and 3 months before the council's end age, or the vulnerable care
 * leaver's where the policy has one), each e-mailed to the coordinators once: its marker is keyed by
 * the alert's own date, so every later run, that day or after, sends nothing again. The alert also
 * goes on the coordinators' list (`listEndAgeAlerts`) until the match's ending begins. A task of the
 * daily scheduled job; running it twice is harmless.
 */
export async function runEndAgeAlerts(
  table: TenantTable,
  policy: TenantPolicy,
  links: TenantLinks,
  now = new Date(),
): Promise<{ endAgeAlerts: number; alreadySent: number }> {
  const day = todayInLondon(now);
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
        endAgeAlertEntity.put(
          table.ctx.tenantId,
          {
            matchId: entry.matchId,
            label: entry.label,
            monthsBefore: alert.monthsBefore,
            alertOn: alert.alertOn,
            endsOn: alert.endsOn,
            endAge: alert.endAge,
            words: alert.words,
            resolved: false,
          },
          "any",
        ),
        outboxOp(table, endAgeAlertEmail(links, coordinators, entry.label, alert)),
      ]);
      endAgeAlerts += 1;
    } catch (e) {
      if (e instanceof Problem && e.code === "already_exists") alreadySent += 1;
      else throw e;
    }
  }
  return { endAgeAlerts, alreadySent };
}

/** One page of the end-age alerts in force, soonest end first: one Query, the same cost for 10 matches as for 1,000. */
export async function listEndAgeAlerts(table: TenantTable, opts: { limit: number; cursor?: string | null }) {
  return endAgeAlertEntity.page(table, {
    pk: keys.scheduleView(table.ctx.tenantId, "end-age"),
    index: "gsi1",
    limit: opts.limit,
    cursor: opts.cursor ?? null,
  });
}

/** The write that takes a match's end-age alert off the list once its ending begins (none if it had none). */
export async function resolveEndAgeAlertOps(table: TenantTable, matchId: string) {
  const alert = await endAgeAlertEntity.get(table, { matchId });
  return alert && !alert.resolved
    ? [endAgeAlertEntity.put(table.ctx.tenantId, { ...alert, resolved: true }, "any")]
    : [];
}

/**
 * The daily run of reviews' reminders and alerts: feedback reminders, then the end-age alerts
 * (`runEndAgeAlerts`). A scheduled run in AWS (EventBridge Scheduler) or a timer locally calls it;
 * running it twice on a day is harmless.
 */
export async function runReviewReminders(
  table: TenantTable,
  policy: TenantPolicy,
  links: TenantLinks,
  now = new Date(),
): Promise<{ day: string; feedbackReminders: number; endAgeAlerts: number; alreadySent: number }> {
  const day = todayInLondon(now);
  const { sent: feedbackReminders } = await sendFeedbackReminders(table, links, now);
  const { endAgeAlerts, alreadySent } = await runEndAgeAlerts(table, policy, links, now);
  return { day, feedbackReminders, endAgeAlerts, alreadySent };
}
