import { randomBytes } from "node:crypto";
import {
  addWorkingDays,
  checkEligibility,
  checkSelfReferralEligibility,
  formatReferralReference,
  priorityReasons,
  type ReferralAnswers,
  type SelfReferralAnswers,
  type Tenant,
  VERIFICATION_CODE_LENGTH,
  verificationCodeFromBytes,
} from "@tandem/domain";
import { auditOp } from "../audit.js";
import { DataError } from "../errors.js";
import { createOnce, hashRequest, type StoredResponse } from "../idempotency.js";
import { keys } from "../keys.js";
import { outboxOp } from "../outbox.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { coordinatorEmails } from "./coordinators.js";
import { acknowledgementEmail, coordinatorNotification, type LinkBase, verificationEmail } from "./emails.js";
import { RATE_RULES, rateWindow, withinRateLimit } from "./rate-limit.js";
import {
  addDaysIso,
  hashCode,
  listEntryOps,
  londonDate,
  newReferralToken,
  type ReferralRecord,
  referralItem,
} from "./records.js";

export type Submission =
  | { kind: "professional"; answers: ReferralAnswers }
  | { kind: "self"; answers: SelfReferralAnswers };

export interface ReferralReceiptBody {
  reference: string;
  verification: "email" | "none";
  message: string;
}

/** A verification link and code work for this long: a social worker may not read their e-mail until next week. */
export const VERIFICATION_DAYS = 7;

/**
 * The reference's prefix, from the council's address: "riverford" gives RIV. The tenant record has
 * no prefix setting yet; when it gains one, this is the only place to change.
 */
export function referencePrefix(tenant: Pick<Tenant, "slug">): string {
  const letters = tenant.slug.replace(/[^a-z]/g, "").toUpperCase();
  return (letters.length >= 2 ? letters : `${letters}XX`).slice(0, 3);
}

const counterName = (year: number) => `referrals${year}`;

/** The next reference: the tenant's counter for the year plus one (the put that uses it refuses a duplicate). */
async function nextReference(table: TenantTable, tenant: Tenant, year: number, atLeast: number) {
  const counters = await table.get(keys.counters(table.ctx.tenantId));
  const n = Math.max(Number(counters?.[counterName(year)] ?? 0) + 1, atLeast);
  return { reference: formatReferralReference(referencePrefix(tenant), year, n), n };
}

/**
 * Allocates a reference and writes the referral with `build`'s other writes in one transaction,
 * once per Idempotency-Key. Two submissions that read the same counter race for the same
 * reference; the loser's transaction is refused whole and it takes the next number.
 */
async function createWithReference(
  table: TenantTable,
  tenant: Tenant,
  idempotencyKey: string | undefined,
  requestHash: string,
  now: Date,
  build: (reference: string, counterOp: WriteOp) => Promise<{ ops: WriteOp[]; response: StoredResponse }>,
) {
  const year = Number(londonDate(now).slice(0, 4));
  let atLeast = 1;
  for (let attempt = 0; ; attempt++) {
    let tried = 0;
    try {
      return await createOnce(table, idempotencyKey, requestHash, async () => {
        const { reference, n } = await nextReference(table, tenant, year, atLeast);
        tried = n;
        return build(reference, {
          kind: "increment",
          key: keys.counters(table.ctx.tenantId),
          counters: { [counterName(year)]: 1 },
        });
      });
    } catch (e) {
      if (!(e instanceof DataError && e.code === "already_exists") || attempt >= 4) throw e;
      atLeast = tried + 1;
    }
  }
}

function eligibility(tenant: Tenant, s: Submission, today: string) {
  if (s.kind === "professional") {
    return {
      flags: checkEligibility(s.answers, tenant.policy, today),
      priorityReasons: priorityReasons(s.answers, today),
      contactEmail: s.answers.referrer.workEmail,
    };
  }
  return {
    flags: checkSelfReferralEligibility(s.answers, tenant.policy, today),
    priorityReasons: [],
    contactEmail: s.answers.email ?? null,
  };
}

function newRecord(
  tenant: Tenant,
  s: Submission,
  reference: string,
  now: Date,
  by: { personId: string; name: string },
  how: ReferralRecord["verificationMethod"],
): ReferralRecord {
  const today = londonDate(now);
  const at = now.toISOString();
  const e = eligibility(tenant, s, today);
  const days = tenant.policy.referrals.responseWorkingDays;
  const visible = how !== "email";
  return {
    reference,
    kind: s.kind,
    status: "submitted",
    answers: s.answers,
    flags: e.flags,
    priorityReasons: e.priorityReasons,
    policyVersion: tenant.policyVersion,
    respondWithinWorkingDays: days,
    receivedAt: at,
    receivedOn: today,
    verificationMethod: how,
    verified: how === "staff",
    verifiedAt: how === "staff" ? at : null,
    visible,
    enteredOnBehalf: how === "staff",
    // Provisional until the referrer confirms their e-mail; the clock starts when coordinators can see it.
    respondBy: addWorkingDays(today, days),
    acceptedOn: null,
    reviewBy: null,
    penPicture: null,
    contactEmail: e.contactEmail,
    verification: null,
    pendingInformation: null,
    history: [{ at, action: "submitted", by, from: null, to: "submitted" }],
    version: 1,
  };
}

/**
 * A referral from the public form. It is stored at once with the flags its policy version raises;
 * a referrer with an e-mail address gets a link and a code, and coordinators see the referral
 * only once one is used. A young person without e-mail goes straight to the coordinators, marked
 * unverified. Everything (referral, reference counter, audit, e-mail, rate count, idempotency record) is one
 * transaction.
 */
export async function submitReferral(
  table: TenantTable,
  tenant: Tenant,
  submission: Submission,
  opts: { links: LinkBase; idempotencyKey: string; clientAddress: string; now?: Date },
): Promise<StoredResponse & { replayed: boolean }> {
  const now = opts.now ?? new Date();
  const tenantId = table.ctx.tenantId;
  const window = rateWindow(table, RATE_RULES.submit, opts.clientAddress, now);
  const requestHash = hashRequest({ route: "referral-submission", submission });
  const byEmail = submission.kind === "professional" || submission.answers.email !== undefined;
  const coordinators = byEmail ? [] : await coordinatorEmails(table);

  return withinRateLimit(window, () =>
    createWithReference(table, tenant, opts.idempotencyKey, requestHash, now, async (reference, counterOp) => {
      const record = newRecord(
        tenant,
        submission,
        reference,
        now,
        { personId: "public", name: "Referrer (public form)" },
        byEmail ? "email" : "none",
      );
      const ops: WriteOp[] = [
        counterOp,
        auditOp(table, { action: "create", subject: { type: "referral", id: reference } }),
        window.op,
      ];
      let message: string;
      if (record.contactEmail) {
        const link = newReferralToken(reference);
        const code = verificationCodeFromBytes(randomBytes(VERIFICATION_CODE_LENGTH));
        const expiresAt = addDaysIso(now, VERIFICATION_DAYS);
        record.verification = { codeHash: hashCode(reference, code), tokenHash: link.hash, expiresAt, wrongCodes: 0 };
        ops.push(
          outboxOp(table, verificationEmail(opts.links, record.contactEmail, reference, link.token, code, expiresAt)),
        );
        message =
          `We have sent an e-mail to ${record.contactEmail} with a link and a code. Your referral reaches the ` +
          `coordinators once you open the link or enter the code; both work for ${VERIFICATION_DAYS} days.`;
      } else {
        ops.push(...listEntryOps(tenantId, record));
        if (coordinators.length > 0) {
          ops.push(outboxOp(table, coordinatorNotification(opts.links, coordinators, reference, "new")));
        }
        message =
          `Thank you. Your reference is ${reference}. A coordinator from ${tenant.name}'s Independent Visitor scheme ` +
          "will contact your social worker to talk about it.";
      }
      ops.unshift({ kind: "put", item: referralItem(tenantId, record), expect: "absent" });
      const body: ReferralReceiptBody = { reference, verification: byEmail ? "email" : "none", message };
      return { ops, response: { status: 202, body } };
    }),
  );
}

/**
 * A referral received on paper and typed in by a coordinator: marked as entered on behalf,
 * verified by the coordinator's own sign-in, and visible at once. The referrer gets the
 * acknowledgement with the respond-by date.
 */
export async function enterReferral(
  table: TenantTable,
  tenant: Tenant,
  answers: ReferralAnswers,
  opts: { links: LinkBase; idempotencyKey?: string; now?: Date },
): Promise<StoredResponse & { replayed: boolean }> {
  const now = opts.now ?? new Date();
  const tenantId = table.ctx.tenantId;
  const actor = table.ctx.actor;
  const submission: Submission = { kind: "professional", answers };
  const requestHash = hashRequest({ route: "referral-entered", answers });
  return createWithReference(table, tenant, opts.idempotencyKey, requestHash, now, async (reference, counterOp) => {
    const record = newRecord(
      tenant,
      submission,
      reference,
      now,
      { personId: actor.personId, name: actor.name },
      "staff",
    );
    const ops: WriteOp[] = [
      { kind: "put", item: referralItem(tenantId, record), expect: "absent" },
      counterOp,
      auditOp(table, { action: "create", subject: { type: "referral", id: reference } }),
      ...listEntryOps(tenantId, record),
      outboxOp(table, acknowledgementEmail(opts.links, answers.referrer.workEmail, reference, record.respondBy)),
    ];
    return { ops, response: { status: 201, body: { id: reference, reference } } };
  });
}
