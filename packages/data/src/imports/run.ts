import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { type ImportKind, problemText } from "@tandem/domain/imports";
import type { Tenant } from "@tandem/domain/tenants";
import { auditOp } from "../audit.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import { type StoredVolunteerProfile, volunteerProfileEntity } from "../matches/profiles.js";
import { getMatchRecord, saveMatchOps } from "../matches/records.js";
import { loadMatchingSettings } from "../matches/settings.js";
import { childIdentityOp } from "../referrals/duplicates.js";
import { childFirstName, listEntryOps, loadVisibleReferral, referralItem } from "../referrals/records.js";
import { rebuildSummaries } from "../reporting/rebuild.js";
import { reviewScheduleEntity, supervisionScheduleEntity } from "../reviews/records.js";
import { withNextReview, withNextSupervision } from "../reviews/schedule.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { visitSummaryEntity } from "../visits/records.js";
import { listEntryItem, loadVolunteer, volunteerEmailEntity, volunteerEntity } from "../volunteers/records.js";
import { matchFromRow, referralFromRow, volunteerFromRow, volunteerProfileFromRow } from "./build.js";
import type { ImportPlan, PlannedRow } from "./plan.js";
import {
  emptyCounts,
  type ImportCounts,
  type ImportMode,
  importMappingEntity,
  importRefEntity,
  importRunEntity,
  importRunPartEntity,
  type RowOutcome,
  type RowReport,
  type StoredImportRun,
} from "./records.js";

/**
 * The import: the plan's rows written in order (volunteers, children, matches), a chunk of rows per
 * request so 5,000 rows never meet API Gateway's 29 s (ADR 21). Each row is one transaction (the
 * record, its list entries, its import reference and its audit entry), so a row is written whole or
 * not at all; a row that fails (an e-mail another volunteer holds, a place taken a moment ago) is
 * reported as failed and the rest go on. With `all`, nothing is written while any row has a problem.
 * After the last chunk, reporting's summaries are rebuilt from the records (the rows skip the per-write
 * hooks, which would make every row's transaction contend for the same summary items).
 */

export const CHUNK_ROWS = 500;
const PARALLEL = 8;
/**
 * Ours: no new rows are started after this long into a request, so a chunk ends well inside the import
 * routes' 25 s deadline however busy the table is; the answer says where to go on.
 */
export const WRITE_BUDGET_MS = 12_000;

export interface ChunkRequest {
  mode: ImportMode;
  fileName: string;
  /** A hash of the file: every chunk of a run must send the same file. */
  fileHash: string;
  runId: string | null;
  start: number;
  /** When the request started (performance.now()), for the write budget. */
  startedAt?: number;
}

export interface ChunkResult {
  runId: string;
  total: number;
  processed: number;
  next: number | null;
  counts: ImportCounts;
  rows: RowReport[];
}

export function planRows(plan: ImportPlan): PlannedRow[] {
  return plan.sheets.flatMap((s) => s.rows);
}

/** The rows of one batch: consecutive rows of one kind (a match needs its volunteer written first), at most PARALLEL. */
function nextBatch(rows: readonly PlannedRow[], from: number, end: number): PlannedRow[] {
  const kind = rows[from]?.kind;
  const out: PlannedRow[] = [];
  for (let i = from; i < end && out.length < PARALLEL && rows[i]?.kind === kind; i++) out.push(rows[i] as PlannedRow);
  return out;
}

export async function runImportChunk(
  table: TenantTable,
  tenant: Tenant,
  plan: ImportPlan,
  req: ChunkRequest,
  now = new Date(),
  chunkRows = CHUNK_ROWS,
): Promise<ChunkResult> {
  const rows = planRows(plan);
  const invalid = rows.filter((r) => r.action === "invalid");
  if (req.mode === "all" && invalid.length > 0) {
    const problems = invalid.flatMap((r) => r.problems);
    throw new Problem(
      "conflict",
      `${invalid.length} ${invalid.length === 1 ? "row has a problem" : "rows have problems"}, so nothing was imported: correct the file, or choose to import only the rows without problems`,
      { fields: problems.slice(0, 50).map((p) => ({ path: `row ${p.row}`, message: problemText(p) })) },
    );
  }
  const tenantId = table.ctx.tenantId;
  const startedAt = req.startedAt ?? performance.now();
  const run = await startOrContinue(table, rows.length, req, now);
  const answer = (r: StoredImportRun, reports: RowReport[]): ChunkResult => ({
    runId: r.runId,
    total: r.total,
    processed: r.processed,
    next: r.finishedAt !== null ? null : r.processed,
    counts: r.counts,
    rows: reports,
  });
  // A chunk sent again after its answer was lost (a 503 while it finished): say where the run is.
  if (req.start < run.processed) return answer(run, []);

  if (req.start >= rows.length) {
    // The last step of a run: the summaries from the records, then the run's audit entry.
    await rebuildSummaries(table);
    const done: StoredImportRun = { ...run, finishedAt: now.toISOString(), version: run.version + 1 };
    await table.transact([
      importRunEntity.put(tenantId, done, { version: run.version, message: "This import moved on in another window" }),
      auditOp(table, {
        action: "create",
        subject: { type: "import", id: run.runId },
        fields: Object.keys(done.counts),
        reason: summary(done.counts),
      }),
    ]);
    return answer(done, []);
  }

  const settings = await loadMatchingSettings(table);
  const ctx: RowContext = { table, tenant, settings, fileName: req.fileName, now };
  const end = Math.min(rows.length, req.start + chunkRows);
  const reports: RowReport[] = [];
  let at = req.start;
  while (at < end && (at === req.start || performance.now() - startedAt < WRITE_BUDGET_MS)) {
    const batch = nextBatch(rows, at, end);
    // A volunteer's matches go one after another: they share the volunteer's profile and supervision entry.
    const groups =
      batch[0]?.kind === "matches"
        ? [
            ...groupBy(
              batch,
              (r) => (r.value as { volunteerReference: string } | null)?.volunteerReference ?? r.reference,
            ).values(),
          ]
        : batch.map((r) => [r]);
    const done = await Promise.all(
      groups.map(async (group) => {
        const out: RowReport[] = [];
        for (const r of group) out.push(await writeRow(ctx, r));
        return out;
      }),
    );
    const order = new Map(batch.map((r, i) => [`${r.sheet}#${r.row}`, i]));
    reports.push(
      ...done.flat().sort((a, b) => (order.get(`${a.sheet}#${a.row}`) ?? 0) - (order.get(`${b.sheet}#${b.row}`) ?? 0)),
    );
    at += batch.length;
  }

  const counts = { ...run.counts };
  for (const r of reports) counts[r.outcome] += 1;
  const next: StoredImportRun = { ...run, processed: at, counts, version: run.version + 1 };
  await table.transact([
    importRunEntity.put(tenantId, next, {
      version: run.version,
      message: "This import moved on in another window: start it again",
    }),
    importRunPartEntity.put(tenantId, { runId: run.runId, start: req.start, rows: reports }, "any"),
  ]);
  return answer(next, reports);
}

const summary = (c: ImportCounts) =>
  `created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, skipped ${c.skipped}, failed ${c.failed}`;

async function startOrContinue(
  table: TenantTable,
  total: number,
  req: ChunkRequest,
  now: Date,
): Promise<StoredImportRun> {
  if (req.runId === null) {
    if (req.start !== 0)
      throw new Problem("validation_failed", "A new import starts at row 0", {
        fields: [{ path: "start", message: "Start a new import at 0" }],
      });
    const run: StoredImportRun = {
      runId: randomUUID(),
      fileName: req.fileName,
      fileHash: req.fileHash,
      mode: req.mode,
      startedAt: now.toISOString(),
      finishedAt: null,
      by: { personId: table.ctx.actor.personId, name: table.ctx.actor.name },
      total,
      processed: 0,
      counts: emptyCounts(),
      version: 1,
    };
    await table.transact([importRunEntity.put(table.ctx.tenantId, run, "absent")]);
    return run;
  }
  const run = await importRunEntity.get(table, { runId: req.runId });
  if (!run) throw new Problem("not_found", "There is no import with that id in this council");
  if (run.finishedAt !== null)
    throw new Problem("conflict", "This import has finished: start a new one to import the file again");
  if (run.processed !== req.start || run.total !== total) {
    throw new Problem(
      "conflict",
      `This import has reached row ${run.processed} of ${run.total}: continue from there with the same file`,
    );
  }
  return run;
}

export async function saveMappings(
  table: TenantTable,
  plan: ImportPlan,
  mappings: Partial<Record<ImportKind, Record<string, string | null>>>,
  now = new Date(),
) {
  const tenantId = table.ctx.tenantId;
  const ops: WriteOp[] = [];
  for (const s of plan.sheets) {
    const mapping = mappings[s.kind];
    if (!mapping) continue;
    const before = await importMappingEntity.get(table, { kind: s.kind });
    ops.push(
      importMappingEntity.put(
        tenantId,
        { kind: s.kind, mapping, updatedAt: now.toISOString(), version: (before?.version ?? 0) + 1 },
        before ? { version: before.version } : "absent",
      ),
    );
  }
  if (ops.length > 0) await table.transact(ops);
}

export async function savedMapping(table: TenantTable, kind: ImportKind) {
  return (await importMappingEntity.get(table, { kind }))?.mapping ?? null;
}

interface RowContext {
  table: TenantTable;
  tenant: Tenant;
  settings: Awaited<ReturnType<typeof loadMatchingSettings>>;
  fileName: string;
  now: Date;
}

async function writeRow(ctx: RowContext, r: PlannedRow): Promise<RowReport> {
  const report = (outcome: RowOutcome, detail: string): RowReport => ({
    sheet: r.sheet,
    row: r.row,
    reference: r.reference,
    outcome,
    detail,
  });
  if (r.action === "invalid") return report("skipped", r.problems.map(problemText).join("; "));
  if (r.action === "unchanged") return report("unchanged", "The same as when it was last imported");
  try {
    const detail = `Imported from ${ctx.fileName}, sheet '${r.sheet}', row ${r.row}`;
    const id =
      r.kind === "volunteers"
        ? await writeVolunteer(ctx, r as PlannedRow<"volunteers">, detail)
        : r.kind === "children"
          ? await writeChild(ctx, r as PlannedRow<"children">, detail)
          : await writeMatch(ctx, r as PlannedRow<"matches">, detail);
    return report(r.action === "create" ? "created" : "updated", id);
  } catch (e) {
    if (e instanceof Problem) return report("failed", e.message);
    throw e;
  }
}

function refOp(
  ctx: RowContext,
  r: PlannedRow,
  recordId: string,
  extra: { volunteerId?: string; referralId?: string } = {},
): WriteOp {
  const existing = r.existing;
  return importRefEntity.put(
    ctx.table.ctx.tenantId,
    {
      kind: r.kind,
      reference: r.reference,
      recordId,
      rowHash: r.hash,
      ...extra,
      importedAt: ctx.now.toISOString(),
      version: (existing?.version ?? 0) + 1,
    },
    existing
      ? { version: existing.version, message: "This row was imported again a moment ago" }
      : { absent: true, message: `The reference ${r.reference} was imported a moment ago by another import` },
  );
}

const audit = (ctx: RowContext, action: "create" | "update", type: string, id: string, detail: string) =>
  auditOp(ctx.table, { action, subject: { type, id }, reason: detail });

async function writeVolunteer(ctx: RowContext, r: PlannedRow<"volunteers">, detail: string): Promise<string> {
  const tenantId = ctx.table.ctx.tenantId;
  const row = r.value;
  if (!row) throw new Problem("validation_failed", "The row has problems");
  const before = r.existing ? await loadVolunteer(ctx.table, r.existing.recordId) : null;
  if (before && before.email !== row.contact.email) {
    throw new Problem(
      "conflict",
      `The e-mail differs from the one held in Tandem (${before.email}): change it on the volunteer's record first`,
    );
  }
  const v = volunteerFromRow(ctx.table, row, before, detail, ctx.now);
  const profileBefore = before ? ((await volunteerProfileEntity.get(ctx.table, { volunteerId: v.id })) ?? null) : null;
  if (profileBefore && row.capacity < profileBefore.placesHeld) {
    throw new Problem(
      "conflict",
      `They are in ${profileBefore.placesHeld} matches, more than the ${row.capacity} children the row says they can visit`,
    );
  }
  const profile: StoredVolunteerProfile = volunteerProfileFromRow(
    v,
    row.capacity,
    ctx.settings,
    ctx.tenant,
    profileBefore,
    ctx.now,
  );
  await ctx.table.transact([
    volunteerEntity.put(tenantId, v, before ? { version: before.version } : "absent"),
    { kind: "put", item: listEntryItem(tenantId, v), expect: "any" },
    ...(before
      ? []
      : [
          volunteerEmailEntity.put(
            tenantId,
            { volunteerId: v.id, version: 1 },
            { absent: true, message: `Another volunteer in Tandem already uses ${v.email}` },
            { id: { email: v.email } },
          ),
        ]),
    volunteerProfileEntity.put(tenantId, profile, profileBefore ? { version: profileBefore.version } : "absent"),
    refOp(ctx, r, v.id),
    audit(ctx, before ? "update" : "create", "volunteer", v.id, detail),
  ]);
  return v.reference;
}

async function writeChild(ctx: RowContext, r: PlannedRow<"children">, detail: string): Promise<string> {
  const tenantId = ctx.table.ctx.tenantId;
  const row = r.value;
  if (!row) throw new Problem("validation_failed", "The row has problems");
  const before = r.existing ? await loadVisibleReferral(ctx.table, r.existing.recordId) : null;
  const next = referralFromRow(ctx.table, ctx.tenant, row, before, detail, ctx.now);
  await ctx.table.transact([
    before
      ? { kind: "put", item: referralItem(tenantId, next), expect: "version", version: before.version }
      : {
          kind: "put",
          item: referralItem(tenantId, next),
          expect: "absent",
          message: `A referral for ${r.reference} already exists`,
        },
    ...listEntryOps(tenantId, next),
    // So a referral that later names the same child is flagged as a possible duplicate of this one.
    childIdentityOp(tenantId, next),
    refOp(ctx, r, next.reference),
    audit(ctx, before ? "update" : "create", "referral", next.reference, detail),
  ]);
  return next.reference;
}

async function writeMatch(ctx: RowContext, r: PlannedRow<"matches">, detail: string): Promise<string> {
  const { table, tenant, now } = ctx;
  const tenantId = table.ctx.tenantId;
  const row = r.value;
  if (!row) throw new Problem("validation_failed", "The row has problems");
  const [vRef, cRef] = await Promise.all([
    importRefEntity.get(table, { kind: "volunteers", reference: row.volunteerReference }),
    importRefEntity.get(table, { kind: "children", reference: row.childReference }),
  ]);
  if (!vRef) throw new Problem("conflict", `The volunteer ${row.volunteerReference} was not imported (see their row)`);
  if (!cRef) throw new Problem("conflict", `The child ${row.childReference} was not imported (see their row)`);
  const before = r.existing ? await getMatchRecord(table, r.existing.recordId) : null;
  if (before && (before.volunteerId !== vRef.recordId || before.referralId !== cRef.recordId)) {
    throw new Problem(
      "conflict",
      "An import cannot move a match to another volunteer or child: end the match in Tandem and propose a new one",
    );
  }
  const [volunteer, referral] = await Promise.all([
    loadVolunteer(table, vRef.recordId),
    loadVisibleReferral(table, cRef.recordId),
  ]);
  const childDob = "child" in referral.answers ? referral.answers.child.dateOfBirth : referral.answers.dateOfBirth;
  const m = matchFromRow(
    table,
    row,
    {
      volunteerId: volunteer.id,
      volunteerFirstName: volunteer.application.contact.firstName,
      referralId: referral.reference,
      childFirstName: childFirstName(referral),
      childDateOfBirth: childDob,
    },
    before,
    detail,
    now,
  );
  const label = `${m.child.firstName} and ${m.volunteer.firstName}`;
  const held = row.lastReview ? [{ kind: "formal" as const, heldOn: row.lastReview }] : [];
  const ops: WriteOp[] = [...saveMatchOps(tenantId, m, before?.version ?? null)];
  const reviewBefore = before ? await reviewScheduleEntity.get(table, { matchId: m.matchId }) : undefined;
  const review = withNextReview(
    {
      matchId: m.matchId,
      referralId: m.referralId,
      volunteerId: m.volunteerId,
      activatedOn: row.startDate,
      firstVisitOn: reviewBefore?.firstVisitOn ?? null,
      endingBeganOn: reviewBefore?.endingBeganOn ?? null,
      label,
      childDateOfBirth: childDob,
      // The import's columns do not say; a coordinator's mark on an earlier import of the match stays.
      vulnerableCareLeaver: reviewBefore?.vulnerableCareLeaver ?? false,
      version: (reviewBefore?.version ?? 0) + 1,
    },
    held,
    tenant.policy,
  );
  ops.push(reviewScheduleEntity.put(tenantId, review, reviewBefore ? { version: reviewBefore.version } : "absent"));
  if (row.lastVisit) {
    const summary = await visitSummaryEntity.get(table, { matchId: m.matchId });
    const last = summary?.lastVisitOn && summary.lastVisitOn > row.lastVisit ? summary.lastVisitOn : row.lastVisit;
    ops.push(
      visitSummaryEntity.put(
        tenantId,
        {
          matchId: m.matchId,
          lastVisitOn: last,
          visitsRecorded: summary?.visitsRecorded ?? 0,
          version: (summary?.version ?? 0) + 1,
        },
        summary ? { version: summary.version } : "absent",
      ),
    );
  }
  if (!before) {
    // The place it takes, conditioned against the volunteer's capacity as a proposal's is.
    ops.push({
      kind: "increment",
      key: volunteerProfileEntity.key(tenantId, { volunteerId: volunteer.id }),
      counters: { placesHeld: 1, version: 1 },
      guard: {
        counter: "placesHeld",
        belowAttribute: "capacity",
        message: `${volunteer.name} has no free place left for another child`,
      },
    });
    if (referral.status !== "waiting_for_match") {
      throw new Problem(
        "conflict",
        `The child's referral is ${referral.status.replace(/_/g, " ")}, not waiting for a match`,
      );
    }
    const matched = {
      ...referral,
      status: "matched" as const,
      history: [
        ...referral.history,
        {
          at: now.toISOString(),
          action: "match" as const,
          by: { personId: table.ctx.actor.personId, name: table.ctx.actor.name },
          from: referral.status,
          to: "matched" as const,
          reason: detail,
        },
      ],
      version: referral.version + 1,
    };
    ops.push(
      { kind: "put", item: referralItem(tenantId, matched), expect: "version", version: referral.version },
      ...listEntryOps(tenantId, matched),
      audit(ctx, "update", "referral", referral.reference, detail),
    );
    const current = await supervisionScheduleEntity.get(table, { volunteerId: volunteer.id });
    const supervision = withNextSupervision(
      {
        volunteerId: volunteer.id,
        label: current?.label ?? m.volunteer.firstName,
        matchStarts: { ...(current?.matchStarts ?? {}), [m.matchId]: row.startDate },
        sessions: current?.sessions ?? [],
        version: (current?.version ?? 0) + 1,
      },
      tenant.policy,
    );
    ops.push(supervisionScheduleEntity.put(tenantId, supervision, current ? { version: current.version } : "absent"));
  }
  ops.push(
    refOp(ctx, r, m.matchId, { volunteerId: m.volunteerId, referralId: m.referralId }),
    audit(ctx, before ? "update" : "create", "match", m.matchId, detail),
  );
  await table.transact(ops);
  return m.matchId;
}

/** The rows of a run's report, in the order they were processed. */
export async function importReport(
  table: TenantTable,
  runId: string,
): Promise<{ run: StoredImportRun; rows: RowReport[] }> {
  const run = await importRunEntity.get(table, { runId });
  if (!run) throw new Problem("not_found", "There is no import with that id in this council");
  const rows: RowReport[] = [];
  let cursor: string | null = null;
  do {
    const page = await importRunPartEntity.page(table, {
      pk: keys.tenantPartition(table.ctx.tenantId),
      skPrefix: keys.importRunPartPrefix(runId),
      limit: 20,
      cursor,
    });
    for (const p of page.items) rows.push(...p.rows);
    cursor = page.cursor;
  } while (cursor);
  return { run, rows };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}
