import { randomUUID } from "node:crypto";
import { addMonths, isoToUtcMs } from "@tandem/domain/calendar";
import { LegalStatus, type ReferralAnswers } from "@tandem/domain/referrals";
import {
  type CohortChild,
  type LookedAfterCount,
  type NeverOfferedList,
  neverOffered,
  normaliseCaseReference,
  PlacementArea,
} from "@tandem/domain/reporting";
import type { TenantPolicy } from "@tandem/domain/tenants";
import * as z from "zod";
import { auditOp, auditRead } from "../audit.js";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";

/**
 * The council's monthly list of looked-after children (issue 16, ADR 20). An upload's rows are
 * written in chunks under a new upload id, and `CURRENT` is switched to it in the same
 * transaction, so a reader sees the old list or the new one, never half of either; the old chunks
 * are deleted after. Every item carries DynamoDB's TTL `expiresAt` 13 months on, so a council that
 * stops uploading keeps no list longer than that.
 */

/** Rows per chunk: a row is about 70 bytes, so a chunk stays near 70 KB, well under DynamoDB's 400 KB item. */
const ROWS_PER_CHUNK = 1000;
/** Months a list is kept after its upload (issue 16: "deleted after 13 months"). */
export const COHORT_RETENTION_MONTHS = 13;

const StoredRow = z.tuple([z.string(), z.iso.date(), z.iso.date(), LegalStatus, PlacementArea]);

export const CohortUpload = z.object({
  uploadId: z.string(),
  uploadedAt: z.string(),
  /** The day of the upload in London: its month is the month the list counts. */
  uploadedOn: z.iso.date(),
  uploadedBy: z.string(),
  fileName: z.string(),
  children: z.number().int(),
  chunks: z.number().int(),
  warnings: z.array(z.string()),
  /** The last day the list is kept (its TTL, as a date). */
  keptUntil: z.iso.date(),
});
export type CohortUpload = z.output<typeof CohortUpload>;

const expiresAtOf = (keptUntil: string) => Math.floor(isoToUtcMs(keptUntil) / 1000);

export const cohortCurrentEntity = defineEntity({
  type: "cohort-current",
  schema: CohortUpload.extend({ version: z.number().int() }),
  key: (tenantId) => keys.cohortCurrent(tenantId),
  extra: (u) => ({ expiresAt: expiresAtOf(u.keptUntil) }),
});

export const cohortChunkEntity = defineEntity({
  type: "cohort-chunk",
  schema: z.object({
    uploadId: z.string(),
    index: z.number().int(),
    keptUntil: z.iso.date(),
    rows: z.array(StoredRow),
  }),
  key: (tenantId, c: { uploadId: string; index: number }) => keys.cohortChunk(tenantId, c.uploadId, c.index),
  extra: (c) => ({ expiresAt: expiresAtOf(c.keptUntil) }),
});

/** The size of the list in force, in the summaries' partition: what the benchmark job may read of it (ADR 20). */
export const cohortCountEntity = defineEntity({
  type: "cohort-count",
  schema: z.object({
    uploadedOn: z.iso.date(),
    uploadedBy: z.string(),
    children: z.number().int(),
    keptUntil: z.iso.date(),
  }),
  key: (tenantId) => keys.cohortCount(tenantId),
  extra: (c) => ({ expiresAt: expiresAtOf(c.keptUntil) }),
});

/** A case reference some referral named: kept as long as referrals are, so "never referred" stays true to history. */
export const referredCaseEntity = defineEntity({
  type: "referred-case",
  schema: z.object({ caseReference: z.string(), referral: z.string() }),
  key: (tenantId, r: { caseReference: string }) => keys.referredCase(tenantId, r.caseReference),
});

/**
 * The marker a referral leaves when it names the child's council case reference, put in the
 * referral's own transaction once coordinators can see it (entered by staff, or confirmed by e-mail).
 * The first referral to name a child keeps the marker; a later one overwrites it harmlessly.
 */
export function referredCaseOps(
  tenantId: string,
  record: { reference: string; kind: string; answers: unknown; visible?: boolean },
): WriteOp[] {
  if (record.kind !== "professional" || record.visible === false) return [];
  const ref = (record.answers as ReferralAnswers).child?.councilCaseReference?.trim();
  if (!ref) return [];
  const caseReference = normaliseCaseReference(ref);
  if (caseReference === "") return [];
  return [referredCaseEntity.put(tenantId, { caseReference, referral: record.reference }, "any")];
}

/** Replaces the council's list with `children`, all at once; answers the upload now in force. */
export async function replaceCohort(
  table: TenantTable,
  input: { children: readonly CohortChild[]; warnings: readonly string[]; fileName: string },
  now: Date,
  today: string,
): Promise<CohortUpload> {
  const tenantId = table.ctx.tenantId;
  const current = await cohortCurrentEntity.get(table, { consistent: true });
  const uploadId = randomUUID();
  const keptUntil = addMonths(today, COHORT_RETENTION_MONTHS);
  const chunks: z.output<typeof StoredRow>[][] = [];
  for (let i = 0; i < input.children.length; i += ROWS_PER_CHUNK) {
    chunks.push(
      input.children
        .slice(i, i + ROWS_PER_CHUNK)
        .map((c) => [c.caseReference, c.dateOfBirth, c.dateCameIntoCare, c.legalStatus, c.placementArea]),
    );
  }
  const upload: CohortUpload = {
    uploadId,
    uploadedAt: now.toISOString(),
    uploadedOn: today,
    uploadedBy: table.ctx.actor.name,
    fileName: input.fileName,
    children: input.children.length,
    chunks: chunks.length,
    warnings: [...input.warnings],
    keptUntil,
  };
  // One transaction (at most 10 chunks of ~70 KB, well inside its 100 items and 4 MB): the new rows
  // and the switch to them land together, or nothing does.
  await table.transact([
    ...chunks.map((rows, index) => cohortChunkEntity.put(tenantId, { uploadId, index, keptUntil, rows }, "absent")),
    cohortCurrentEntity.put(
      tenantId,
      { ...upload, version: (current?.version ?? 0) + 1 },
      current
        ? {
            version: current.version,
            message: "Someone else uploaded a list at the same time: look at the list now in force",
          }
        : { absent: true, message: "Someone else uploaded a list at the same time: look at the list now in force" },
    ),
    cohortCountEntity.put(
      tenantId,
      { uploadedOn: today, uploadedBy: upload.uploadedBy, children: upload.children, keptUntil },
      "any",
    ),
    auditOp(table, { action: current ? "update" : "create", subject: { type: "cohort", id: uploadId } }),
  ]);
  // The old list is out of view from the commit; deleting its chunks now keeps only one list.
  // A delete that fails leaves chunks nobody reads, which their TTL removes.
  if (current) {
    for (let index = 0; index < current.chunks; index++) {
      await table.delete(keys.cohortChunk(tenantId, current.uploadId, index)).catch(() => undefined);
    }
  }
  return upload;
}

/** The upload in force, or undefined when the council has none (or its 13 months are over). */
export async function currentCohort(table: TenantTable, today: string): Promise<CohortUpload | undefined> {
  const current = await cohortCurrentEntity.get(table);
  // DynamoDB deletes expired items within days, not to the second: an expired list is already gone.
  if (!current || current.keptUntil < today) return undefined;
  const { version: _, ...upload } = current;
  return upload;
}

async function cohortChildren(table: TenantTable, upload: CohortUpload): Promise<CohortChild[]> {
  const out: CohortChild[] = [];
  let cursor: string | null = null;
  do {
    const page = await cohortChunkEntity.page(table, {
      pk: keys.cohortPartition(table.ctx.tenantId),
      skPrefix: keys.cohortChunkPrefix(upload.uploadId),
      limit: 20,
      cursor,
    });
    cursor = page.cursor;
    for (const chunk of page.items) {
      for (const [caseReference, dateOfBirth, dateCameIntoCare, legalStatus, placementArea] of chunk.rows) {
        out.push({ caseReference, dateOfBirth, dateCameIntoCare, legalStatus, placementArea });
      }
    }
  } while (cursor);
  return out;
}

/**
 * The children on the list within the policy whom no referral names: the list's chunks (one
 * Query) and one BatchGet of referral markers per 100 children within the policy, so the cost
 * follows the list, not the council's history. The view is audited: it is about children.
 */
export async function loadNeverOffered(
  table: TenantTable,
  policy: TenantPolicy,
  today: string,
): Promise<{ upload: CohortUpload; list: NeverOfferedList } | undefined> {
  const upload = await currentCohort(table, today);
  if (!upload) return undefined;
  const children = await cohortChildren(table, upload);
  const candidates = neverOffered(children, new Set(), policy, today).children;
  const tenantId = table.ctx.tenantId;
  const refs = [...new Set(candidates.map((c) => normaliseCaseReference(c.caseReference)))];
  const found = refs.length > 0 ? await table.getMany(refs.map((r) => keys.referredCase(tenantId, r))) : [];
  const referred = new Set(refs.filter((_, i) => found[i] !== undefined));
  await auditRead(table, { action: "list", subject: { type: "never-offered", id: upload.uploadId } });
  return { upload, list: neverOffered(children, referred, policy, today) };
}

/**
 * The looked-after counts with the list's count in place of the council's recorded figure for the
 * month of the upload in force: a list names every child, so it is the better count for its month.
 */
export function withCohortCount(
  counts: readonly LookedAfterCount[],
  upload: Pick<CohortUpload, "uploadedOn" | "uploadedBy" | "children"> | undefined,
): LookedAfterCount[] {
  if (!upload) return [...counts];
  const month = upload.uploadedOn.slice(0, 7);
  const fromList: LookedAfterCount = {
    month,
    count: upload.children,
    source: `The list of looked-after children uploaded by ${upload.uploadedBy} on ${upload.uploadedOn} (${upload.children} children)`,
    recordedOn: upload.uploadedOn,
    recordedBy: upload.uploadedBy,
  };
  return [...counts.filter((c) => c.month !== month), fromList].sort((a, b) => a.month.localeCompare(b.month));
}
