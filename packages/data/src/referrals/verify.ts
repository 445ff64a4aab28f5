import { addWorkingDays, displayDateTime, todayInLondon } from "@tandem/domain/calendar";
import { normaliseVerificationCode } from "@tandem/domain/referrals";
import { auditOp } from "../audit.js";
import { Problem } from "../errors.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import { referredCaseOps } from "../reporting/referred-cases.js";
import { referralSummaryOps } from "../reporting/summaries.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { coordinatorEmails } from "./coordinators.js";
import { duplicateCheck } from "./duplicates.js";
import { acknowledgementEmail, coordinatorNotification } from "./emails.js";
import {
  hashCode,
  listEntryOps,
  loadReferral,
  type PendingVerification,
  parseReferralToken,
  type ReferralRecord,
  referralItem,
  sameHash,
} from "./records.js";

export type VerifyInput = { reference: string; code: string } | { token: string };

/** After this many wrong codes the code stops working; the link in the e-mail still does. */
export const MAX_WRONG_CODES = 5;

export interface Verified {
  reference: string;
  respondBy: string;
}

const WRONG = "That reference and code do not match. Check both against the e-mail we sent you";
/** The same answer for an unknown reference and a wrong code, so that guessing learns nothing. */
const wrongCode = () => new Problem("validation_failed", WRONG, { fields: [{ path: "code", message: WRONG }] });

function gone(message: string): never {
  throw new Problem("gone", message);
}

function checkNotExpired(r: ReferralRecord, v: PendingVerification, now: Date): void {
  if (Date.parse(v.expiresAt) < now.getTime()) {
    gone(
      `The link and code for referral ${r.reference} expired on ${displayDateTime(v.expiresAt)}. ` +
        "Please make the referral again; nothing was passed on.",
    );
  }
}

const alreadyUsed = (r: ReferralRecord): never =>
  gone(
    `Referral ${r.reference} is already confirmed and with the coordinators: there is nothing more to do. ` +
      "This link or code cannot be used again.",
  );

/** Counts a wrong code on the referral (versioned, audited); a concurrent attempt that loses the race is not counted twice. */
async function countWrongCode(table: TenantTable, record: ReferralRecord, pending: PendingVerification) {
  try {
    await table.transact([
      {
        kind: "put",
        item: referralItem(table.ctx.tenantId, {
          ...record,
          verification: { ...pending, wrongCodes: pending.wrongCodes + 1 },
          version: record.version + 1,
        }),
        expect: "version",
        version: record.version,
      },
      auditOp(table, {
        action: "update",
        subject: { type: "referral", id: record.reference },
        fields: ["verification.wrongCodes"],
      }),
    ]);
  } catch (e) {
    if (!(e instanceof Problem && e.code === "version_conflict")) throw e;
  }
}

/**
 * Confirms the referrer's e-mail with the code or the link's token. On success the referral
 * becomes visible to coordinators (list entries written in the same transaction), the respond-by
 * date is set from today, and the referrer's acknowledgement and the coordinators' notification go
 * into the outbox. A used, expired or unknown link answers "gone"; a wrong code is counted.
 */
export async function verifyReferral(
  table: TenantTable,
  input: VerifyInput,
  opts: { links: TenantLinks; now?: Date },
): Promise<Verified> {
  const now = opts.now ?? new Date();
  const tenantId = table.ctx.tenantId;
  // Whether a referral exists or is confirmed is said only to someone holding its link or code.
  let record: ReferralRecord | undefined;
  let pending: PendingVerification | null | undefined;
  if ("token" in input) {
    const parsed = parseReferralToken(input.token);
    record = parsed ? await loadReferral(table, parsed.reference) : undefined;
    pending = record?.verification;
    if (!parsed || !record || !pending || !sameHash(parsed.hash, pending.tokenHash)) {
      gone("This confirmation link is not recognised. Copy the whole link from the e-mail, or use the code.");
    }
    if (pending.usedAt) alreadyUsed(record);
    checkNotExpired(record, pending, now);
  } else {
    const code = normaliseVerificationCode(input.code);
    record = await loadReferral(table, input.reference);
    pending = record?.verification;
    if (!record || !pending || !code) throw wrongCode();
    if (!pending.usedAt && pending.wrongCodes >= MAX_WRONG_CODES) {
      gone(
        `The code for referral ${record.reference} has been entered wrongly too many times and no longer works. ` +
          "Use the link in the e-mail instead.",
      );
    }
    if (!sameHash(hashCode(record.reference, code), pending.codeHash)) {
      if (!pending.usedAt) await countWrongCode(table, record, pending);
      throw wrongCode();
    }
    if (pending.usedAt) alreadyUsed(record);
    checkNotExpired(record, pending, now);
  }
  const at = now.toISOString();
  const respondBy = addWorkingDays(todayInLondon(now), record.respondWithinWorkingDays);
  const next: ReferralRecord = {
    ...record,
    verified: true,
    verifiedAt: at,
    visible: true,
    respondBy,
    verification: { ...pending, usedAt: at },
    history: [
      ...record.history,
      {
        at,
        action: "verified",
        by: { personId: "public", name: "Referrer (e-mail confirmed)" },
        from: record.status,
        to: record.status,
      },
    ],
    version: record.version + 1,
  };
  const duplicates = await duplicateCheck(table, next);
  next.flags = duplicates.flags;
  const coordinators = await coordinatorEmails(table);
  const ops: WriteOp[] = [
    { kind: "put", item: referralItem(tenantId, next), expect: "version", version: record.version },
    ...duplicates.ops,
    ...listEntryOps(tenantId, next),
    ...referralSummaryOps(tenantId, record, next),
    ...referredCaseOps(tenantId, next),
    auditOp(table, { action: "update", subject: { type: "referral", id: record.reference }, fields: ["verified"] }),
  ];
  if (record.contactEmail) {
    ops.push(
      outboxOp(
        table,
        acknowledgementEmail(opts.links, record.contactEmail, record.reference, respondBy, record.language),
      ),
    );
  }
  if (coordinators.length > 0) {
    ops.push(outboxOp(table, coordinatorNotification(opts.links, coordinators, record.reference, "new")));
  }
  try {
    await table.transact(ops);
  } catch (e) {
    // The link and the code raced each other (or a double click): the first one won.
    if (e instanceof Problem && e.code === "version_conflict") {
      gone(`Referral ${record.reference} has just been confirmed; this link or code cannot be used again.`);
    }
    throw e;
  }
  return { reference: record.reference, respondBy };
}
