import { escalateUnacknowledgedConcerns } from "@tandem/data/concerns";
import type { TenantLinks, TenantTable } from "@tandem/data/core";
import { runReviewReminders } from "@tandem/data/reviews";
import { alertOverdueHomeSafe } from "@tandem/data/visits";
import { runVolunteerReminders } from "@tandem/data/volunteers";
import type { Tenant } from "@tandem/domain/tenants";

/** What a task is given: one council, its policy and links, and the run's clock. */
export interface TaskContext {
  table: TenantTable;
  tenant: Tenant;
  links: TenantLinks;
  now: Date;
}

/**
 * One piece of the scheduled job's work in a council. Each must be idempotent by itself (a timer fires
 * once, a reminder goes once a day), as the job's run key only keeps a period from running twice.
 */
export interface ScheduledTask {
  /** The key its result is recorded under in the run (JOBRUN#…) and the job's answer. */
  name: string;
  run(ctx: TaskContext): Promise<unknown>;
}

/**
 * Everything the scheduled job does in each active council, in order: the ONE list (ADR 0019). A new
 * task is a new line here; the job in AWS (EventBridge Scheduler → lambda/scheduled-job.ts) and the
 * local stack's timer both run this list. The manual runs (`POST /api/jobs/timers/run`,
 * `/api/volunteers/reminders/run`, `/api/reviews/reminders/run`) call the same functions.
 */
export const scheduledTasks: readonly ScheduledTask[] = [
  // Lone working: no "home safe" by the council's hours after a visit's planned end e-mails the coordinators.
  { name: "homeSafeAlerts", run: ({ table, links, now }) => alertOverdueHomeSafe(table, links, now) },
  // A concern unacknowledged after the council's hours e-mails the managers.
  {
    name: "concernEscalations",
    run: ({ table, tenant, links, now }) => escalateUnacknowledgedConcerns(table, tenant.policy, links, now),
  },
  {
    name: "volunteerReminders",
    run: ({ table, tenant, links, now }) => runVolunteerReminders(table, tenant.policy, links, now),
  },
  {
    name: "reviewReminders",
    run: ({ table, tenant, links, now }) => runReviewReminders(table, tenant.policy, links, now),
  },
];
