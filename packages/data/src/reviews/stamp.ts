import type { TenantTable } from "../tenant-table.js";

/** Who recorded something and when, as shown beside it. */
export const stampOf = (table: TenantTable, now: Date) => ({
  byName: table.ctx.actor.name,
  byPersonId: table.ctx.actor.personId,
  at: now.toISOString(),
});
