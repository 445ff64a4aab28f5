import * as z from "zod";
import { defineEntity } from "./entity.js";
import { Problem } from "./errors.js";
import * as keys from "./keys.js";
import type { TenantTable } from "./tenant-table.js";

/**
 * One run of a scheduled job for one council and one period (`JOBRUN#<job>#<period>`): claimed with a
 * conditional put before any task runs, so a second run in the same period (a retry by the scheduler, the
 * local timer ticking again, two overlapping invocations) finds it and sends nothing again. A run whose
 * tasks failed is marked so, and the scheduler's retry may claim it again: its tasks are each idempotent
 * on their own (a timer fires once, a reminder once a day), so nothing is sent twice either way.
 */
export const StoredJobRun = z.object({
  job: z.string(),
  period: z.string(),
  status: z.enum(["running", "done", "failed"]),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** What each task did (how many e-mails it queued), by task name. */
  results: z.record(z.string(), z.unknown()),
  error: z.string().nullable(),
  attempt: z.number().int(),
  version: z.number().int(),
});
export type StoredJobRun = z.output<typeof StoredJobRun>;

export const jobRunEntity = defineEntity({
  type: "jobRun",
  schema: StoredJobRun,
  key: (tenantId, r: { job: string; period: string }) => keys.jobRun(tenantId, r.job, r.period),
  // Kept a month for an operator to look back on, then DynamoDB's TTL removes it.
  extra: (r) => ({ expiresAt: Math.floor(Date.parse(r.startedAt) / 1000) + 31 * 24 * 3600 }),
});

/** Claims the period's run for this council; null when it has run (or is running) already. */
export async function claimJobRun(
  table: TenantTable,
  job: string,
  period: string,
  now = new Date(),
): Promise<StoredJobRun | null> {
  const tenantId = table.ctx.tenantId;
  const found = await jobRunEntity.get(table, { job, period }, { consistent: true });
  if (found && found.status !== "failed") return null;
  const run: StoredJobRun = {
    job,
    period,
    status: "running",
    startedAt: now.toISOString(),
    finishedAt: null,
    results: {},
    error: null,
    attempt: (found?.attempt ?? 0) + 1,
    version: (found?.version ?? 0) + 1,
  };
  try {
    await table.transact([jobRunEntity.put(tenantId, run, found ? { version: found.version } : "absent")]);
    return run;
  } catch (e) {
    // Another invocation claimed it first.
    if (e instanceof Problem && (e.code === "already_exists" || e.code === "version_conflict")) return null;
    throw e;
  }
}

/** Records how the claimed run ended. */
export async function finishJobRun(
  table: TenantTable,
  run: StoredJobRun,
  outcome: { results: Record<string, unknown>; error: string | null },
  now = new Date(),
): Promise<StoredJobRun> {
  const done: StoredJobRun = {
    ...run,
    status: outcome.error === null ? "done" : "failed",
    finishedAt: now.toISOString(),
    results: outcome.results,
    error: outcome.error,
    version: run.version + 1,
  };
  await table.transact([jobRunEntity.put(table.ctx.tenantId, done, { version: run.version })]);
  return done;
}
