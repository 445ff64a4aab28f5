import { isoToUtcMs } from "@tandem/domain/calendar";
import type { LookedAfterCount } from "@tandem/domain/reporting";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import type { TenantTable } from "../tenant-table.js";

/**
 * The council's list of looked-after children in force (ADR 20): the record of its upload and its
 * size, which the dashboard and the benchmark read. The list's rows and the upload itself are in
 * `cohort.ts`; apart so a reader of the count does not carry the rows' schemas.
 */

/** Months a list is kept after its upload (issue 16: "deleted after 13 months"). */
export const COHORT_RETENTION_MONTHS = 13;

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

/** DynamoDB's TTL for an item of the list kept until `keptUntil`. */
export const cohortExpiresAt = (keptUntil: string) => Math.floor(isoToUtcMs(keptUntil) / 1000);

export const cohortCurrentEntity = defineEntity({
  type: "cohort-current",
  schema: CohortUpload.extend({ version: z.number().int() }),
  key: (tenantId) => keys.cohortCurrent(tenantId),
  extra: (u) => ({ expiresAt: cohortExpiresAt(u.keptUntil) }),
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
  extra: (c) => ({ expiresAt: cohortExpiresAt(c.keptUntil) }),
});

/** The upload in force, or undefined when the council has none (or its 13 months are over). */
export async function currentCohort(table: TenantTable, today: string): Promise<CohortUpload | undefined> {
  const current = await cohortCurrentEntity.get(table);
  // DynamoDB deletes expired items within days, not to the second: an expired list is already gone.
  if (!current || current.keptUntil < today) return undefined;
  const { version: _, ...upload } = current;
  return upload;
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
