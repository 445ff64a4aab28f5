import * as keys from "../keys.js";
import { memberEntity } from "../members.js";
import type { TenantTable } from "../tenant-table.js";

/** One e-mail can go to at most this many people (the outbox's limit). */
const MAX_RECIPIENTS = 50;

/**
 * The e-mail addresses of the scheme's active coordinators, for notifications about referrals.
 * Reads the tenant's member records (a few dozen at most); the referral list is never read here.
 */
export async function coordinatorEmails(table: TenantTable): Promise<string[]> {
  const out = new Set<string>();
  let cursor: string | null = null;
  for (let page = 0; page < 10; page++) {
    const result = await memberEntity.page(table, {
      pk: keys.tenantPartition(table.ctx.tenantId),
      skPrefix: keys.memberPrefix,
      limit: 100,
      cursor,
    });
    for (const m of result.items) {
      if (m.status === "active" && m.roles.includes("coordinator")) out.add(m.email);
    }
    cursor = result.cursor;
    if (!cursor || out.size >= MAX_RECIPIENTS) break;
  }
  return [...out].slice(0, MAX_RECIPIENTS);
}
