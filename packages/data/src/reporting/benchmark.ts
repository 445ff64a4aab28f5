import { addDays, addMonths } from "@tandem/domain/calendar";
import { policyPresets } from "@tandem/domain/presets";
import {
  type BenchmarkFigureName,
  buildDashboard,
  type CouncilFigures,
  CouncilKind,
  monthOf,
  previousPeriod,
  resolvePeriod,
  Spread,
  spreadOf,
} from "@tandem/domain/reporting";
import type { TenantPolicy } from "@tandem/domain/tenants";
import * as z from "zod";
import { auditOp } from "../audit.js";
import type { Database } from "../database.js";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import { TenantContext } from "../tenant-context.js";
import type { TenantTable } from "../tenant-table.js";
import { cohortCountEntity, withCohortCount } from "./cohort-current.js";
import { lookedAfterCounts } from "./looked-after.js";
import { readBuckets } from "./summaries.js";

/**
 * Benchmarking across councils (issue 16 item 7, ADR 20). A council's choice (opt in, and its kind)
 * is one item in the platform's `BENCHOPTIN` partition; the daily benchmark job reads those, each
 * opted-in council's summary items (`T#<t>#RS`, nothing else), and writes one item per kind of
 * council to `BENCH`: how many contribute and, only when at least five do, the quartiles. No item in
 * `BENCH` names a council or holds one council's figure.
 */

export const BenchmarkChoice = z.object({
  optedIn: z.boolean(),
  kind: CouncilKind.nullable(),
  changedOn: z.iso.date(),
  changedBy: z.string(),
  version: z.number().int(),
});
export type BenchmarkChoice = z.output<typeof BenchmarkChoice>;

export const benchmarkChoiceEntity = defineEntity({
  type: "benchmark-choice",
  schema: BenchmarkChoice.extend({ tenantId: z.string() }),
  key: (_platform, c: { tenantId: string }) => keys.benchmarkOptIn(c.tenantId),
});

const FigureSpread = z.object({ contributors: z.number().int(), spread: Spread.nullable() });
export const PublishedBenchmark = z.object({
  kind: CouncilKind,
  builtOn: z.iso.date(),
  /** The twelve months the figures cover, to `builtOn`. */
  from: z.iso.date(),
  to: z.iso.date(),
  figures: z.object({ coveragePercent: FigureSpread, medianWaitDays: FigureSpread, matchLengthDays: FigureSpread }),
});
export type PublishedBenchmark = z.output<typeof PublishedBenchmark>;

export const publishedBenchmarkEntity = defineEntity({
  type: "benchmark",
  schema: PublishedBenchmark,
  key: (_platform, b: { kind: string }) => keys.benchmark(b.kind),
});

/** The twelve months to today, as the dashboard counts a period that includes today. */
function benchmarkPeriod(today: string) {
  const r = resolvePeriod({ kind: "custom", from: addDays(addMonths(today, -12), 1), to: today }, today);
  if (!r.ok) throw new Error(`benchmark period: ${r.message}`);
  return r.period;
}

/**
 * A council's figures for the twelve months to today, from its summary items only: the referral
 * and volunteer buckets, the looked-after counts and the size of its list. Match length needs the
 * matches' summaries, which reporting does not keep yet: it is null (shown as "no data yet") until they do.
 * `policy` shapes only the dashboard's visits and money sections, which are not shared: the council's own
 * where the caller has it (the route), a preset where it may not read it (the job).
 */
export async function councilFigures(table: TenantTable, today: string, policy: TenantPolicy): Promise<CouncilFigures> {
  const period = benchmarkPeriod(today);
  const fromMonth = monthOf(previousPeriod(period).from);
  const [referrals, volunteers, matches, counted, list] = await Promise.all([
    readBuckets(table, "referrals", fromMonth),
    readBuckets(table, "volunteers", fromMonth),
    readBuckets(table, "matches", fromMonth),
    lookedAfterCounts(table, fromMonth, monthOf(period.to)),
    cohortCountEntity.get(table),
  ]);
  const none = new Map<string, never>();
  const d = buildDashboard({
    period,
    today,
    referrals,
    volunteers,
    lookedAfter: withCohortCount(counted, list && list.keptUntil >= today ? list : undefined),
    checkExpiries: [],
    trainingExpiries: [],
    // Not one of the benchmark's figures: the decision-time figures it feeds are not shared.
    respondWithinWorkingDays: 1,
    policy,
    councilMatches: matches,
    matches,
    visits: none,
    money: none,
    concerns: none,
    activeStates: [],
    scope: { kind: "council", words: "" },
  });
  return {
    coveragePercent: d.coverage.coveragePercent.value,
    medianWaitDays: d.waiting.medianDays.value,
    matchLengthDays: d.matches.medianLengthDays.value,
  };
}

const platformContext = (name: string, runId: string) =>
  TenantContext.forPlatform({ personId: "benchmark-job", email: "", name }, runId);

/** Sets a council's choice; the audit entry goes in the council's own trail. */
export async function setBenchmarkChoice(
  db: Database,
  table: TenantTable,
  input: { optedIn: boolean; kind: CouncilKind | null; version: number | null },
  today: string,
): Promise<BenchmarkChoice> {
  const platform = db.forTenant(TenantContext.forPlatform(table.ctx.actor, table.ctx.requestId), table.meter);
  const tenantId = table.ctx.tenantId;
  const next = {
    tenantId,
    optedIn: input.optedIn,
    kind: input.kind,
    changedOn: today,
    changedBy: table.ctx.actor.name,
    version: (input.version ?? 0) + 1,
  };
  const message = "Someone else changed the benchmarking setting meanwhile: look at it again";
  await platform.transact([
    benchmarkChoiceEntity.put(
      platform.ctx.tenantId,
      next,
      input.version === null ? { absent: true, message } : { version: input.version, message },
    ),
  ]);
  // The choice is the platform's item, the trail the council's: two writes, the choice first, so
  // a failed audit write leaves a change the next one records, never an audit of a change not made.
  await table.transact([
    auditOp(table, {
      action: "update",
      subject: { type: "benchmark-choice", id: tenantId },
      fields: ["optedIn", "kind"],
    }),
  ]);
  const { tenantId: _, ...choice } = next;
  return choice;
}

export async function benchmarkChoice(db: Database, table: TenantTable): Promise<BenchmarkChoice | undefined> {
  const platform = db.forTenant(TenantContext.forPlatform(table.ctx.actor, table.ctx.requestId), table.meter);
  const found = await benchmarkChoiceEntity.get(platform, { tenantId: table.ctx.tenantId }, { consistent: true });
  if (!found) return undefined;
  const { tenantId: _, ...choice } = found;
  return choice;
}

export async function publishedBenchmark(db: Database, table: TenantTable, kind: CouncilKind) {
  const platform = db.forTenant(TenantContext.forPlatform(table.ctx.actor, table.ctx.requestId), table.meter);
  return publishedBenchmarkEntity.get(platform, { kind });
}

/**
 * The benchmark job (daily, and whenever asked): every council that has opted in, grouped by kind,
 * each kind's spread rebuilt from scratch and written over the last, so a council that opts out (or
 * changes kind) is gone from its old kind's figures at the next run. A kind with no one opted in is
 * written with no contributors. Answers what it wrote.
 */
export async function publishBenchmarks(db: Database, today: string, runId: string): Promise<PublishedBenchmark[]> {
  const platform = db.forTenant(platformContext("Benchmark job", runId));
  // The job may not read a council's record (its IAM reaches summaries only), so a preset stands in for the
  // policy, unread by the shared figures. Here, not at module level, so the route's bundle has no presets.
  const unreadPolicy = policyPresets[0]?.policy as NonNullable<(typeof policyPresets)[0]>["policy"];
  const byKind = new Map<CouncilKind, CouncilFigures[]>();
  let cursor: string | null = null;
  do {
    const page = await benchmarkChoiceEntity.page(platform, { pk: keys.benchmarkOptInPartition, limit: 100, cursor });
    cursor = page.cursor;
    for (const choice of page.items) {
      if (!choice.optedIn || !choice.kind) continue;
      const table = db.forTenant(TenantContext.fromPlatformAction(platform.ctx, choice.tenantId));
      byKind.set(choice.kind, [...(byKind.get(choice.kind) ?? []), await councilFigures(table, today, unreadPolicy)]);
    }
  } while (cursor);
  const period = benchmarkPeriod(today);
  const names: BenchmarkFigureName[] = ["coveragePercent", "medianWaitDays", "matchLengthDays"];
  const written: PublishedBenchmark[] = [];
  for (const kind of CouncilKind.options) {
    const councils = byKind.get(kind) ?? [];
    const figures = Object.fromEntries(
      names.map((n) => [n, spreadOf(councils.map((c) => c[n]))]),
    ) as PublishedBenchmark["figures"];
    const item: PublishedBenchmark = { kind, builtOn: today, from: period.from, to: period.to, figures };
    await platform.transact([publishedBenchmarkEntity.put(platform.ctx.tenantId, item, "any")]);
    written.push(item);
  }
  return written;
}
