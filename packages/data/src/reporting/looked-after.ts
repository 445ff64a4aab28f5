import { LookedAfterCount } from "@tandem/domain/reporting";
import * as z from "zod";
import { auditOp } from "../audit.js";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import type { TenantTable } from "../tenant-table.js";

/** The council's count of its looked-after children for one month, with where the figure comes from. */
export const lookedAfterEntity = defineEntity({
  type: "looked-after-count",
  schema: LookedAfterCount.extend({ version: z.number().int() }),
  key: (tenantId, c: { month: string }) => keys.lookedAfterCount(tenantId, c.month),
});

/** Records (or corrects) a month's count; the audit trail keeps who changed it. */
export async function recordLookedAfterCount(
  table: TenantTable,
  input: { month: string; count: number; source: string },
  today: string,
): Promise<LookedAfterCount> {
  const current = await lookedAfterEntity.get(table, { month: input.month });
  const next = {
    month: input.month,
    count: input.count,
    source: input.source,
    recordedOn: today,
    recordedBy: table.ctx.actor.name,
    version: (current?.version ?? 0) + 1,
  };
  await table.transact([
    lookedAfterEntity.put(table.ctx.tenantId, next, current ? { version: current.version } : "absent"),
    auditOp(table, {
      action: current ? "update" : "create",
      subject: { type: "looked-after-count", id: input.month },
      fields: ["count", "source"],
    }),
  ]);
  const { version: _, ...count } = next;
  return count;
}

/** The counts recorded for months from `fromMonth` to `toMonth` (one Query, at most one item a month). */
export async function lookedAfterCounts(
  table: TenantTable,
  fromMonth: string,
  toMonth: string,
): Promise<LookedAfterCount[]> {
  const page = await lookedAfterEntity.page(table, {
    pk: keys.reportPartition(table.ctx.tenantId),
    skBetween: [`LAC#${fromMonth}`, `LAC#${toMonth}`],
    limit: 100,
  });
  return page.items.map(({ version: _, ...c }) => c);
}
