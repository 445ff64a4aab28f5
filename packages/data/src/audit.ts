import { randomUUID } from "node:crypto";
import { AuditEntry } from "@tandem/domain/audit";
import * as z from "zod";
import { defineEntity } from "./entity.js";
import * as keys from "./keys.js";
import type { Item, TenantTable, WriteOp } from "./tenant-table.js";

/**
 * An audit entry as stored: the domain's entry, plus the reason the platform operator gave for a
 * tenant's status change.
 */
export const StoredAuditEntry = AuditEntry.extend({ reason: z.string().optional() });

/** One line of the audit trail, in `#AUDIT`, indexed by its subject so one record's trail is one Query. */
export const auditEntity = defineEntity({
  type: "audit",
  schema: StoredAuditEntry,
  key: (tenantId, e: { at: string; id: string }) => keys.audit(tenantId, e.at, e.id),
  index: (tenantId, e) => ({
    gsi1pk: keys.auditBySubject(tenantId, e.subject.type, e.subject.id),
    gsi1sk: `${e.at}#${e.id}`,
  }),
});

type AuditInput = Pick<AuditEntry, "action" | "subject"> & { fields?: string[]; reason?: string };

/**
 * Builds the audit record for an action. Changes put it in the same transaction as the change, so
 * there is never a change without its record; reads write it before the data is returned.
 * No API route updates or deletes these items.
 */
export function auditItem(table: TenantTable, input: AuditInput, now = new Date()): Item {
  const ctx = table.ctx;
  return auditEntity.item(ctx.tenantId, {
    id: randomUUID(),
    tenantId: ctx.tenantId,
    at: now.toISOString(),
    actor: { ...ctx.actor },
    action: input.action,
    subject: input.subject,
    requestId: ctx.requestId,
    ...(input.fields ? { fields: input.fields } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
  });
}

export function auditOp(table: TenantTable, input: AuditInput): WriteOp {
  return { kind: "put", item: auditItem(table, input), expect: "absent" };
}

/** Records a read of personal data. Written before the data leaves, so a failed write fails the read. */
export async function auditRead(table: TenantTable, input: AuditInput): Promise<void> {
  await table.putNew(auditItem(table, input));
}

export function toAuditEntry(item: Item): AuditEntry {
  return auditEntity.parse(item);
}
