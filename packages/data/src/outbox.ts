import { randomUUID } from "node:crypto";
import * as z from "zod";
import { defineEntity } from "./entity.js";
import * as keys from "./keys.js";
import { OutgoingEmail } from "./outgoing-email.js";
import type { Item, TenantTable, WriteOp } from "./tenant-table.js";

/** Unsent outbox items are kept this long for the relay; sent ones expire with them (DynamoDB TTL). */
const OUTBOX_TTL_DAYS = 30;

/**
 * An e-mail waiting in `#OUTBOX` for the relay; its key's uuid is not part of the record. The body
 * (which may hold single-use links and codes) is a separate attribute the relay removes once the
 * e-mail is sent, and the tenant export never carries it: recipients, subject and dates remain.
 */
export const outboxEntity = defineEntity({
  type: "outbox",
  schema: z.object({
    tenantId: z.string(),
    mail: OutgoingEmail.pick({ to: true, subject: true }),
    body: z.string().optional(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    requestId: z.string(),
  }),
  key: (tenantId, m: { at: string; id: string }) => keys.outbox(tenantId, m.at, m.id),
  extra: (m) => ({ expiresAt: Math.floor(Date.parse(m.createdAt) / 1000) + OUTBOX_TTL_DAYS * 86_400 }),
});
export type OutboxMessage = z.output<typeof outboxEntity.schema>;

/**
 * The outbox item for an e-mail, written in the same transaction as the change that causes it,
 * so an e-mail goes out exactly when its change lands. The relay (DynamoDB stream → SES) sends it.
 */
export function outboxItem(table: TenantTable, mail: OutgoingEmail, now = new Date()): Item {
  const at = now.toISOString();
  const { text, ...headers } = OutgoingEmail.parse(mail);
  const message = {
    tenantId: table.ctx.tenantId,
    mail: headers,
    body: text,
    createdAt: at,
    sentAt: null,
    requestId: table.ctx.requestId,
  };
  return outboxEntity.item(table.ctx.tenantId, message, { id: { at, id: randomUUID() } });
}

/** The attributes of an outbox item the tenant export leaves out: the body, until the relay removes it. */
export const OUTBOX_SECRET_ATTRIBUTES = ["body"] as const;

export function outboxOp(table: TenantTable, mail: OutgoingEmail): WriteOp {
  return { kind: "put", item: outboxItem(table, mail), expect: "absent" };
}
