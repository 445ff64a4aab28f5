import { auditOp } from "../audit.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { type StoredVolunteer, saveOps, volunteerEmailEntity } from "./records.js";

/**
 * The writes that add a volunteer's record whole, as recruitment would have left it (demo data and
 * records brought over from another system): the record, its board entry and the e-mail it is found by.
 * Refused if the e-mail already has a record in this council.
 */
export function importVolunteerOps(table: TenantTable, v: StoredVolunteer): WriteOp[] {
  const tenantId = table.ctx.tenantId;
  return [
    volunteerEmailEntity.put(tenantId, { volunteerId: v.id, version: 1 }, "absent", { id: { email: v.email } }),
    ...saveOps(tenantId, v, null),
    auditOp(table, { action: "create", subject: { type: "volunteer", id: v.id } }),
  ];
}
