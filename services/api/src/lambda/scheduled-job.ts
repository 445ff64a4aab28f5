import { runScheduledJob } from "../jobs/scheduled-job.js";
import { logger } from "../observability/logger.js";
import { jobDatabase } from "./aws-deps.js";

const deps = { db: jobDatabase(), publicBaseUrl: process.env.PUBLIC_BASE_URL ?? "" };

/**
 * Started by EventBridge Scheduler every quarter hour (infra/lib/jobs.ts): every active council's timers and
 * reminders (jobs/tasks.ts). A council whose tasks failed makes the invocation fail once the others are
 * done, so the scheduler retries it (the councils that ran skip the retry: their run key is taken) and,
 * after its retries, puts the event in the dead-letter queue an operator is alarmed about.
 */
export const handler = async (event: { time?: string }) => {
  const scheduled = event.time ? new Date(event.time) : new Date();
  const now = Number.isNaN(scheduled.getTime()) ? new Date() : scheduled;
  const { period, tenants } = await runScheduledJob(deps, { now });
  const failed = tenants.filter((t) => t.outcome === "failed");
  logger.info("scheduled job", {
    period,
    ran: tenants.filter((t) => t.outcome === "ran").length,
    failed: failed.length,
  });
  if (failed.length > 0) {
    throw new Error(`The scheduled job failed for ${failed.map((t) => `${t.tenantId} (${t.error})`).join(", ")}`);
  }
  return { period, tenants: tenants.length };
};
