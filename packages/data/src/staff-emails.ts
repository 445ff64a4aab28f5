import type { TenantRole } from "@tandem/domain/people";
import * as keys from "./keys.js";
import { memberEntity } from "./members.js";
import type { TenantTable } from "./tenant-table.js";

/** The e-mail addresses of active members holding any of `roles` (a council has tens of staff: a few pages at most). */
export async function staffEmails(table: TenantTable, roles: readonly TenantRole[]): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await memberEntity.page(table, {
      pk: keys.tenantPartition(table.ctx.tenantId),
      skPrefix: keys.memberPrefix,
      limit: 100,
      cursor,
    });
    for (const m of page.items) if (m.status === "active" && m.roles.some((r) => roles.includes(r))) out.push(m.email);
    cursor = page.cursor;
  } while (cursor);
  return [...new Set(out)];
}
