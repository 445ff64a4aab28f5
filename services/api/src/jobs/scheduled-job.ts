import { randomUUID } from "node:crypto";
import {
  claimJobRun,
  type Database,
  finishJobRun,
  PLATFORM_TENANT,
  TenantContext,
  tenantLinks,
} from "@tandem/data/core";
import { getTenant, listTenantRegistry } from "@tandem/data/tenants";
import { logger } from "../observability/logger.js";
import { type ScheduledTask, scheduledTasks } from "./tasks.js";

export const JOB_NAME = "scheduled";

/**
 * How often the job runs, and so the period a run key covers: every 15 minutes. Ours, not a council's:
 * the shortest timer a council sets is in hours (home safe, acknowledgement), so an alert goes at most a
 * quarter of an hour after it falls due, for 96 runs a day per council.
 */
export const JOB_PERIOD_MINUTES = 15;

/** The period a run at `now` belongs to: its UTC quarter hour, like `2026-12-06T23:45Z`. */
export function periodOf(now: Date, minutes = JOB_PERIOD_MINUTES): string {
  const slot = Math.floor(now.getTime() / (minutes * 60_000)) * minutes * 60_000;
  return `${new Date(slot).toISOString().slice(0, 16)}Z`;
}

export interface JobDeps {
  db: Database;
  /** Where the e-mails' links point (the site's origin). */
  publicBaseUrl: string;
}

export interface TenantRun {
  tenantId: string;
  /** `ran`: claimed the period and ran every task; `skipped`: the period had run already; `failed`: a task threw. */
  outcome: "ran" | "skipped" | "failed";
  results: Record<string, unknown>;
  error?: string;
}

/**
 * The scheduled job: every active council in the platform's registry, one after another, each with its
 * own tenant-confined table (in AWS, credentials scoped to that council), and in each the tasks of
 * `tasks.ts`. A council whose tasks fail does not stop the others; the job reports failure at the end so
 * the scheduler retries (and, after its retries, the event goes to the dead-letter queue).
 */
export async function runScheduledJob(
  deps: JobDeps,
  opts: { now?: Date; tenantIds?: readonly string[]; tasks?: readonly ScheduledTask[] } = {},
): Promise<{ period: string; tenants: TenantRun[] }> {
  const now = opts.now ?? new Date();
  const period = periodOf(now);
  const runId = `job-${randomUUID()}`;
  const tenantIds = opts.tenantIds ?? (await activeTenantIds(deps.db, runId));
  const tenants: TenantRun[] = [];
  for (const tenantId of tenantIds) {
    tenants.push(await runForTenant(deps, tenantId, period, runId, now, opts.tasks ?? scheduledTasks));
  }
  return { period, tenants };
}

async function activeTenantIds(db: Database, runId: string): Promise<string[]> {
  const platform = db.forTenant(TenantContext.forScheduledJob(PLATFORM_TENANT, runId));
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await listTenantRegistry(platform, 100, cursor);
    ids.push(...page.items.filter((t) => t.status === "active").map((t) => t.id));
    cursor = page.cursor;
  } while (cursor);
  return ids;
}

async function runForTenant(
  deps: JobDeps,
  tenantId: string,
  period: string,
  runId: string,
  now: Date,
  tasks: readonly ScheduledTask[],
): Promise<TenantRun> {
  const table = deps.db.forTenant(TenantContext.forScheduledJob(tenantId, runId));
  const tenant = await getTenant(table);
  // The registry said active; the council's own record decides (a status change may be on its way).
  if (tenant?.status !== "active") return { tenantId, outcome: "skipped", results: {} };
  const run = await claimJobRun(table, JOB_NAME, period, now);
  if (!run) return { tenantId, outcome: "skipped", results: {} };
  const links = tenantLinks(deps.publicBaseUrl, tenant);
  const results: Record<string, unknown> = {};
  let error: string | null = null;
  for (const task of tasks) {
    try {
      results[task.name] = await task.run({ table, tenant, links, now });
    } catch (e) {
      // The other tasks still run: an unacknowledged concern must not wait on a failing reminder.
      error = `${task.name}: ${e instanceof Error ? e.message : String(e)}`;
      logger.error("scheduled task failed", { tenantId, task: task.name, period, error });
    }
  }
  await finishJobRun(table, run, { results, error }, new Date());
  return { tenantId, outcome: error ? "failed" : "ran", results, ...(error ? { error } : {}) };
}
