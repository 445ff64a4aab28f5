import { displayDateTime } from "@tandem/domain/calendar";
import { applyReferralAction } from "@tandem/domain/referrals";
import { auditOp } from "../audit.js";
import { Problem } from "../errors.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import { referralSummaryOps } from "../reporting/summaries.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { coordinatorEmails } from "./coordinators.js";
import { coordinatorNotification } from "./emails.js";
import {
  listEntryOps,
  loadReferral,
  parseReferralToken,
  type ReferralRecord,
  referralItem,
  sameHash,
} from "./records.js";

function gone(message: string): never {
  throw new Problem("gone", message);
}

/** The referral and question behind an information-request link, or "gone" when it cannot be answered. */
async function openRequest(table: TenantTable, token: string, now: Date) {
  const parsed = parseReferralToken(token);
  const r = parsed ? await loadReferral(table, parsed.reference) : undefined;
  if (!parsed || !r?.visible) gone("This link is not recognised. Copy the whole link from the e-mail.");
  const pending = r.pendingInformation;
  if (!pending || !sameHash(parsed.hash, pending.tokenHash) || r.status !== "awaiting_information") {
    gone(
      `This question about referral ${r.reference} has already been answered, or the coordinator is no longer ` +
        "waiting for it. Contact the scheme, quoting the reference, if you need to add something.",
    );
  }
  if (Date.parse(pending.expiresAt) < now.getTime()) {
    gone(`This link expired on ${displayDateTime(pending.expiresAt)}. Contact the scheme, quoting ${r.reference}.`);
  }
  return { r, pending };
}

export async function getInformationRequest(table: TenantTable, token: string, now = new Date()) {
  const { r, pending } = await openRequest(table, token, now);
  return { reference: r.reference, question: pending.question, askedAt: pending.askedAt };
}

/**
 * The referrer's answer, through the link (no account). It is stored as given in the referral's
 * history, the link is spent, the referral goes back to review (domain action
 * information_received) and the coordinators are told, all in one transaction.
 */
export async function answerInformationRequest(
  table: TenantTable,
  token: string,
  answer: string,
  opts: { links: TenantLinks; now?: Date },
) {
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const tenantId = table.ctx.tenantId;
  const { r, pending } = await openRequest(table, token, now);
  const t = applyReferralAction(r.status, "information_received");
  if (!t.ok) gone(`Referral ${r.reference} is no longer waiting for information.`);
  const next: ReferralRecord = {
    ...r,
    status: t.to,
    pendingInformation: null,
    history: [
      ...r.history,
      {
        at,
        action: "information_received",
        by: { personId: "public", name: "Referrer (secure link)" },
        from: r.status,
        to: t.to,
        question: pending.question,
        answer,
      },
    ],
    version: r.version + 1,
  };
  const coordinators = await coordinatorEmails(table);
  const ops: WriteOp[] = [
    { kind: "put", item: referralItem(tenantId, next), expect: "version", version: r.version },
    ...listEntryOps(tenantId, next),
    ...referralSummaryOps(tenantId, r, next),
    auditOp(table, { action: "update", subject: { type: "referral", id: r.reference }, fields: ["status", "history"] }),
  ];
  if (coordinators.length > 0) {
    ops.push(outboxOp(table, coordinatorNotification(opts.links, coordinators, r.reference, "answered")));
  }
  try {
    await table.transact(ops);
  } catch (e) {
    if (e instanceof Problem && e.code === "version_conflict") {
      gone(
        `This question about referral ${r.reference} has just been answered or closed; contact the scheme if needed.`,
      );
    }
    throw e;
  }
  return { reference: r.reference };
}
