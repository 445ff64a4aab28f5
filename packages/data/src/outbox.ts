import { randomUUID } from "node:crypto";
import { z } from "zod";
import { keys } from "./keys.js";
import type { Item, TenantTable, WriteOp } from "./tenant-table.js";

/** One e-mail to send. E-mail is not a secure channel: callers put no child's personal data in it. */
export const OutgoingEmail = z.object({
  to: z.array(z.string().email()).min(1).max(50),
  subject: z.string().min(1).max(200),
  text: z.string().max(100_000),
});
export type OutgoingEmail = z.infer<typeof OutgoingEmail>;

/** Unsent outbox items are kept this long for the relay; sent ones expire with them (DynamoDB TTL). */
const OUTBOX_TTL_DAYS = 30;

/**
 * The outbox item for an e-mail, written in the same transaction as the change that causes it,
 * so an e-mail goes out exactly when its change lands. The relay (DynamoDB stream → SES) sends it.
 */
export function outboxItem(table: TenantTable, mail: OutgoingEmail, now = new Date()): Item {
  const at = now.toISOString();
  return {
    ...keys.outbox(table.ctx.tenantId, at, randomUUID()),
    type: "outbox",
    tenantId: table.ctx.tenantId,
    mail: OutgoingEmail.parse(mail),
    createdAt: at,
    sentAt: null,
    requestId: table.ctx.requestId,
    expiresAt: Math.floor(now.getTime() / 1000) + OUTBOX_TTL_DAYS * 86_400,
  };
}

export function outboxOp(table: TenantTable, mail: OutgoingEmail): WriteOp {
  return { kind: "put", item: outboxItem(table, mail), expect: "absent" };
}
