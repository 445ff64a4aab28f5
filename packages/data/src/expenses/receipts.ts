import { ReceiptType } from "@tandem/domain/expenses";
import * as z from "zod";
import { auditOp, auditRead } from "../audit.js";
import { defineEntity } from "../entity.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantTable } from "../tenant-table.js";

/**
 * Where a receipt's file sits in the bucket: under the council's own prefix (the tenant function's
 * credentials reach `tenants/<its tenant>/*` and nothing else, infra/lib/receipts.ts), then the match.
 */
export function receiptObjectKey(tenantId: string, matchId: string, receiptId: string): string {
  return `${receiptTenantPrefix(tenantId)}receipts/${matchId}/${receiptId}`;
}

/** Everything of one council's in the bucket starts with this. */
export function receiptTenantPrefix(tenantId: string): string {
  return `tenants/${tenantId}/`;
}

/**
 * A receipt's record (`RECEIPT#<matchId>#<receiptId>`), written once its file is stored: what the content
 * was sniffed as, its size and who uploaded it. A claim item names the receipt by id, and the record is
 * looked up under the claim's own match, so another match's or council's receipt is not found.
 */
export const StoredReceipt = z.object({
  matchId: z.string(),
  id: z.string(),
  contentType: ReceiptType,
  bytes: z.number().int(),
  /** The S3 key (receiptObjectKey), kept so a later change of layout does not lose old files. */
  objectKey: z.string(),
  uploadedBy: z.object({ personId: z.string(), name: z.string() }),
  uploadedAt: z.string(),
});
export type StoredReceipt = z.output<typeof StoredReceipt>;

export const receiptEntity = defineEntity({
  type: "receipt",
  schema: StoredReceipt,
  key: (tenantId, r: { matchId: string; id: string }) => keys.receipt(tenantId, r.matchId, r.id),
});

const subject = (r: { matchId: string; id: string }) => ({ type: "receipt", id: `${r.matchId}#${r.id}` });

/** Records a receipt whose file has just been stored, with the audit entry of its upload. */
export async function recordReceipt(
  table: TenantTable,
  receipt: Omit<StoredReceipt, "uploadedBy">,
): Promise<StoredReceipt> {
  const stored: StoredReceipt = {
    ...receipt,
    uploadedBy: { personId: table.ctx.actor.personId, name: table.ctx.actor.name },
  };
  await table.transact([
    receiptEntity.put(table.ctx.tenantId, stored, "absent"),
    auditOp(table, { action: "create", subject: subject(stored) }),
  ]);
  return stored;
}

/** A receipt of the match, read for someone about to download it (audited); not found under any other match. */
export async function getReceipt(table: TenantTable, matchId: string, receiptId: string): Promise<StoredReceipt> {
  const receipt = await receiptEntity.get(table, { matchId, id: receiptId });
  if (!receipt) throw new Problem("not_found", "No receipt with that id");
  await auditRead(table, { action: "read", subject: subject(receipt) });
  return receipt;
}

/**
 * The claim items whose receipt is not one uploaded for this match (in this council): each named, so the
 * volunteer knows which to add again. Read consistently, as the upload may have landed a moment ago.
 */
export async function missingReceipts(
  table: TenantTable,
  matchId: string,
  items: readonly { description: string; receiptId?: string | undefined }[],
): Promise<{ path: string; message: string }[]> {
  const found = await Promise.all(
    items.map((item) =>
      item.receiptId === undefined
        ? Promise.resolve(true)
        : receiptEntity.get(table, { matchId, id: item.receiptId }, { consistent: true }).then((r) => r !== undefined),
    ),
  );
  return items.flatMap((item, i) =>
    found[i]
      ? []
      : [
          {
            path: `items.${i}.receiptId`,
            message: `The receipt for "${item.description}" was not found for this match: add it again`,
          },
        ],
  );
}
