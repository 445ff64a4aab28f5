import { randomUUID } from "node:crypto";
import type { PublicLanguage } from "@tandem/domain/tenants";
import * as z from "zod";
import { auditOp, auditRead } from "../audit.js";
import { defineEntity } from "../entity.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import { hashLinkToken, newLinkToken } from "../link-tokens.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import { RATE_RULES, takeRateToken } from "../rate-limit.js";
import type { TenantTable } from "../tenant-table.js";
import { draftEmail } from "./emails.js";
import { addDaysIso, ReferralKind } from "./records.js";

/** A saved draft can be resumed for this long; then DynamoDB's TTL deletes it. */
export const DRAFT_DAYS = 30;

/** Answers saved part-way, keyed by the SHA-256 of the resume link's token; DynamoDB's TTL deletes it. */
export const referralDraftEntity = defineEntity({
  type: "referral-draft",
  schema: z.object({
    draftId: z.string(),
    kind: ReferralKind,
    email: z.string(),
    // Unchecked until the form is sent: a draft may be half-filled in any way.
    answers: z.record(z.string(), z.unknown()),
    expiresAtIso: z.string(),
    version: z.number().int(),
  }),
  key: (tenantId, link: { tokenHash: string }) => keys.referralDraft(tenantId, link.tokenHash),
  extra: (d) => ({ expiresAt: Math.floor(Date.parse(d.expiresAtIso) / 1000) }),
});
type DraftRecord = z.output<typeof referralDraftEntity.schema>;

const subject = (draftId: string) => ({ type: "referral-draft", id: draftId });

async function loadDraft(table: TenantTable, token: string, now: Date) {
  const tokenHash = hashLinkToken(token);
  const draft = await referralDraftEntity.get(table, { tokenHash });
  if (!draft || Date.parse(draft.expiresAtIso) < now.getTime()) {
    throw new Problem(
      "gone",
      `This saved referral is no longer available: saved answers are kept for ${DRAFT_DAYS} days. Please start the form again.`,
    );
  }
  return { tokenHash, draft };
}

/**
 * Saves answers part-way and e-mails a link to carry on from anywhere. The token is also given back to
 * the window that saved, which holds the answers already: it saves again under the same link (one draft,
 * one e-mail) and the referral sent from it deletes the draft, so the child's answers do not outlive it.
 */
export async function createDraft(
  table: TenantTable,
  input: {
    email: string;
    kind: "professional" | "self";
    answers: Record<string, unknown>;
    /** The form's language, already checked against the council's offer: the e-mail is written in it. */
    language?: PublicLanguage | undefined;
  },
  opts: { links: TenantLinks; clientAddress: string; now?: Date },
): Promise<{ draftId: string; token: string; version: number }> {
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
    referralDraftEntity.put(tenantId, draft, "absent", { id: { tokenHash: link.hash } }),
    outboxOp(table, draftEmail(opts.links, input.email, link.token, draft.expiresAtIso, input.language)),
    auditOp(table, { action: "create", subject: subject(draft.draftId) }),
  ]);
  return { draftId: draft.draftId, token: link.token, version: draft.version };
}

export async function getDraft(table: TenantTable, token: string, now = new Date()) {
  const { draft } = await loadDraft(table, token, now);
  await auditRead(table, { action: "read", subject: subject(draft.draftId) });
  return draftView(draft);
}

const draftView = (d: DraftRecord) => ({
  kind: d.kind,
  answers: d.answers,
  expiresAt: d.expiresAtIso,
  version: d.version,
});

const CHANGED_ELSEWHERE =
  "This draft changed in another window since you opened it. Open the link from the e-mail again to see the latest answers, then save again.";

/**
 * Replaces the saved answers, if the caller saw the latest version: two windows open on the same
 * draft cannot overwrite each other's answers silently; the stale save is refused (409).
 */
export async function updateDraft(
  table: TenantTable,
  token: string,
  change: { answers: Record<string, unknown>; version: number },
  opts: { clientAddress: string; now?: Date },
) {
  const now = opts.now ?? new Date();
  const tenantId = table.ctx.tenantId;
  const { tokenHash, draft } = await loadDraft(table, token, now);
  if (draft.version !== change.version) throw new Problem("version_conflict", CHANGED_ELSEWHERE);
  await takeRateToken(table, RATE_RULES.draft, opts.clientAddress, now);
  const next: DraftRecord = { ...draft, answers: change.answers, version: draft.version + 1 };
  await table.transact([
    referralDraftEntity.put(
      tenantId,
      next,
      { version: draft.version, message: CHANGED_ELSEWHERE },
      { id: { tokenHash } },
    ),
    auditOp(table, { action: "update", subject: subject(draft.draftId), fields: ["answers"] }),
  ]);
  return draftView(next);
}
