import { ColumnMapping, ImportKind } from "@tandem/domain/imports";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";

/**
 * What an import keeps (issue 18, ADR 21), all in the council's own partition:
 * - one entry per imported record under the council's own reference (`IMPORT#REF#<kind>#<ref>`): the
 *   record it became and a hash of the row, so importing the same file again creates nothing and a
 *   changed row updates the record it made;
 * - the council's column mapping per kind, remembered for next time;
 * - each run (who, when, which file, the choice of rows, the counts) and what happened to each row,
 *   one item per chunk, for the downloadable report.
 */

export const StoredImportRef = z.object({
  kind: ImportKind,
  reference: z.string(),
  /** The volunteer's id, the referral's reference or the match's id. */
  recordId: z.string(),
  rowHash: z.string(),
  /** For a match: who it is between, which an import may not change. */
  volunteerId: z.string().optional(),
  referralId: z.string().optional(),
  importedAt: z.string(),
  version: z.number().int(),
});
export type StoredImportRef = z.output<typeof StoredImportRef>;

export const importRefEntity = defineEntity({
  type: "import-ref",
  schema: StoredImportRef,
  key: (tenantId, r: { kind: string; reference: string }) => keys.importRef(tenantId, r.kind, r.reference),
});

export const StoredImportMapping = z.object({
  kind: ImportKind,
  mapping: ColumnMapping,
  updatedAt: z.string(),
  version: z.number().int(),
});
export type StoredImportMapping = z.output<typeof StoredImportMapping>;

export const importMappingEntity = defineEntity({
  type: "import-mapping",
  schema: StoredImportMapping,
  key: (tenantId, m: { kind: string }) => keys.importMapping(tenantId, m.kind),
});

export const ImportMode = z.enum(["all", "valid_only"]);
export type ImportMode = z.output<typeof ImportMode>;

export const RowOutcome = z.enum(["created", "updated", "unchanged", "skipped", "failed"]);
export type RowOutcome = z.output<typeof RowOutcome>;

export const ImportCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
});
export type ImportCounts = z.output<typeof ImportCounts>;

export const emptyCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 });

export const StoredImportRun = z.object({
  runId: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  mode: ImportMode,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  by: z.object({ personId: z.string(), name: z.string() }),
  total: z.number().int(),
  processed: z.number().int(),
  counts: ImportCounts,
  version: z.number().int(),
});
export type StoredImportRun = z.output<typeof StoredImportRun>;

export const importRunEntity = defineEntity({
  type: "import-run",
  schema: StoredImportRun,
  key: (tenantId, r: { runId: string }) => keys.importRun(tenantId, r.runId),
});

export const RowReport = z.object({
  sheet: z.string(),
  row: z.number().int(),
  reference: z.string(),
  outcome: RowOutcome,
  detail: z.string(),
});
export type RowReport = z.output<typeof RowReport>;

export const importRunPartEntity = defineEntity({
  type: "import-run-rows",
  schema: z.object({ runId: z.string(), start: z.number().int(), rows: z.array(RowReport) }),
  key: (tenantId, p: { runId: string; start: number }) => keys.importRunPart(tenantId, p.runId, p.start),
});
