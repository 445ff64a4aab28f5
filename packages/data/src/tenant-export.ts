import { TENANT_EXPORT_FORMAT } from "@tandem/domain/tenants";
import { auditRead } from "./audit.js";
import { OUTBOX_SECRET_ATTRIBUTES } from "./outbox.js";
import type { TenantTable } from "./tenant-table.js";
import { tenantRecords } from "./tenants.js";

/**
 * The tenant's export as NDJSON lines (docs/export-format.md): a header, then one line per item
 * with its kind, its key within the tenant and its data. The export itself is audited first.
 */
export async function* tenantExportLines(table: TenantTable): AsyncGenerator<string> {
  const tenantId = table.ctx.tenantId;
  await auditRead(table, { action: "export", subject: { type: "tenant", id: tenantId } });
  yield JSON.stringify({
    format: TENANT_EXPORT_FORMAT,
    tenantId,
    exportedAt: new Date().toISOString(),
    exportedBy: table.ctx.actor.email || table.ctx.actor.personId,
  });
  const prefix = `T#${tenantId}`;
  for await (const item of tenantRecords(table)) {
    const { pk, sk, gsi1pk: _g1, gsi1sk: _g2, type, ...data } = item;
    // An unsent e-mail's body may hold a working single-use link or code: the export never does.
    if (type === "outbox") for (const secret of OUTBOX_SECRET_ATTRIBUTES) delete data[secret];
    const partition = pk === prefix ? "" : pk.slice(prefix.length + 1);
    yield JSON.stringify({
      kind: typeof type === "string" ? type : "unknown",
      key: partition ? `${partition}/${sk}` : sk,
      data,
    });
  }
}
