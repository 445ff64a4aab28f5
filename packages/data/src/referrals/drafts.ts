import { randomUUID } from "node:crypto";
import { auditOp, auditRead } from "../audit.js";
import { Problem } from "../errors.js";
import { keys } from "../keys.js";
import { hashLinkToken, newLinkToken } from "../link-tokens.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import { RATE_RULES, takeRateToken } from "../rate-limit.js";
import type { Item, TenantTable } from "../tenant-table.js";
import { draftEmail } from "./emails.js";
import { addDaysIso } from "./records.js";

/** A saved draft can be resumed for this long; then DynamoDB's TTL deletes it. */
export const DRAFT_DAYS = 30;

interface DraftRecord {
  draftId: string;
  kind: "professional" | "self";
  email: string;
  answers: Record<string, unknown>;
  expiresAtIso: string;
  version: number;
}

function draftItem(tenantId: string, tokenHash: string, d: DraftRecord): Item {
  return {
    ...keys.referralDraft(tenantId, tokenHash),
    type: "referral-draft",
    ...d,
    expiresAt: Math.floor(Date.parse(d.expiresAtIso) / 1000),
  };
}

const subject = (draftId: string) => ({ type: "referral-draft", id: draftId });

async function loadDraft(table: TenantTable, token: string, now: Date) {
  const tokenHash = hashLinkToken(token);
  const item = await table.get(keys.referralDraft(table.ctx.tenantId, tokenHash));
  if (!item || Date.parse(String(item.expiresAtIso)) < now.getTime()) {
    throw new Problem(
      "gone",
      `This saved referral is no longer available: saved answers are kept for ${DRAFT_DAYS} days. Please start the form again.`,
    );
  }
  const { pk: _pk, sk: _sk, type: _t, expiresAt: _e, ...rest } = item;
  return { tokenHash, draft: rest as unknown as DraftRecord };
}

/** Saves answers part-way and e-mails a link to carry on; the link's token is the only way back in. */
export async function createDraft(
  table: TenantTable,
  input: { email: string; kind: "professional" | "self"; answers: Record<string, unknown> },
  opts: { links: TenantLinks; clientAddress: string; now?: Date },
): Promise<{ draftId: string }> {
  const now = opts.now ?? new Date();
  const tenantId = table.ctx.tenantId;
  await takeRateToken(table, RATE_RULES.draft, opts.clientAddress, now);
  const link = newLinkToken();
  const draft: DraftRecord = {
    draftId: randomUUID(),
    kind: input.kind,
    email: input.email,
    answers: input.answers,
    expiresAtIso: addDaysIso(now, DRAFT_DAYS),
    version: 1,
  };
  await table.transact([
    { kind: "put", item: draftItem(tenantId, link.hash, draft), expect: "absent" },
    outboxOp(table, draftEmail(opts.links, input.email, link.token, draft.expiresAtIso)),
    auditOp(table, { action: "create", subject: subject(draft.draftId) }),
  ]);
  return { draftId: draft.draftId };
}

export async function getDraft(table: TenantTable, token: string, now = new Date()) {
  const { draft } = await loadDraft(table, token, now);
  await auditRead(table, { action: "read", subject: subject(draft.draftId) });
  return { kind: draft.kind, answers: draft.answers, expiresAt: draft.expiresAtIso };
}

/** Replaces the saved answers; two tabs saving at once cannot lose each other's answers silently (409). */
export async function updateDraft(
  table: TenantTable,
  token: string,
  answers: Record<string, unknown>,
  opts: { clientAddress: string; now?: Date },
) {
  const now = opts.now ?? new Date();
  const tenantId = table.ctx.tenantId;
  const { tokenHash, draft } = await loadDraft(table, token, now);
  await takeRateToken(table, RATE_RULES.draft, opts.clientAddress, now);
  const next: DraftRecord = { ...draft, answers, version: draft.version + 1 };
  await table.transact([
    { kind: "put", item: draftItem(tenantId, tokenHash, next), expect: "version", version: draft.version },
    auditOp(table, { action: "update", subject: subject(draft.draftId), fields: ["answers"] }),
  ]);
  return { kind: next.kind, answers: next.answers, expiresAt: next.expiresAtIso };
}
