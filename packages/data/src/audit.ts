import { randomUUID } from "node:crypto";
import type { AuditEntry } from "@tandem/domain/audit";
import { keys } from "./keys.js";
import type { Item, TenantTable, WriteOp } from "./tenant-table.js";

type AuditInput = Pick<AuditEntry, "action" | "subject"> & { fields?: string[] };

/**
 * Builds the audit record for an action. Changes put it in the same transaction as the change, so
 * there is never a change without its record; reads write it before the data is returned.
 * No API route updates or deletes these items.
 */
export function auditItem(table: TenantTable, input: AuditInput, now = new Date()): Item {
  const ctx = table.ctx;
  const at = now.toISOString();
  const id = randomUUID();
  const entry: AuditEntry = {
    id,
    tenantId: ctx.tenantId,
    at,
    actor: { ...ctx.actor },
    action: input.action,
    subject: input.subject,
    requestId: ctx.requestId,
    ...(input.fields ? { fields: input.fields } : {}),
  };
  return {
    ...keys.audit(ctx.tenantId, at, id),
    gsi1pk: keys.auditBySubject(ctx.tenantId, input.subject.type, input.subject.id),
    gsi1sk: `${at}#${id}`,
    type: "audit",
    ...entry,
  };
}

export function auditOp(table: TenantTable, input: AuditInput): WriteOp {
  return { kind: "put", item: auditItem(table, input), expect: "absent" };
}

/** Records a read of personal data. Written before the data leaves, so a failed write fails the read. */
export async function auditRead(table: TenantTable, input: AuditInput): Promise<void> {
  await table.putNew(auditItem(table, input));
}

export function toAuditEntry(item: Item): AuditEntry {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, type: _t, ...entry } = item;
  return entry as unknown as AuditEntry;
}
