import { randomUUID } from "node:crypto";
import { addMonths } from "@tandem/domain/calendar";
import { LegalStatus } from "@tandem/domain/referrals";
import {
  type CohortChild,
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
import type { TenantTable } from "../tenant-table.js";
import {
  COHORT_RETENTION_MONTHS,
  type CohortUpload,
  cohortCountEntity,
  cohortCurrentEntity,
  cohortExpiresAt,
  currentCohort,
} from "./cohort-current.js";

/**
 * The council's monthly list of looked-after children (issue 16, ADR 20). An upload's rows are
 * written in chunks under a new upload id, and `CURRENT` is switched to it in the same
 * transaction, so a reader sees the old list or the new one, never half of either; the old chunks
 * are deleted after. Every item carries DynamoDB's TTL `expiresAt` 13 months on, so a council that
 * stops uploading keeps no list longer than that.
 */

/** Rows per chunk: a row is about 70 bytes, so a chunk stays near 70 KB, well under DynamoDB's 400 KB item. */
const ROWS_PER_CHUNK = 1000;
const StoredRow = z.tuple([z.string(), z.iso.date(), z.iso.date(), LegalStatus, PlacementArea]);

export const cohortChunkEntity = defineEntity({
  type: "cohort-chunk",
  schema: z.object({
    uploadId: z.string(),
    index: z.number().int(),
    keptUntil: z.iso.date(),
    rows: z.array(StoredRow),
  }),
  key: (tenantId, c: { uploadId: string; index: number }) => keys.cohortChunk(tenantId, c.uploadId, c.index),
  extra: (c) => ({ expiresAt: cohortExpiresAt(c.keptUntil) }),
});

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
