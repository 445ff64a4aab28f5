import { createHash, randomBytes, randomUUID } from "node:crypto";
import { addWorkingDays, todayInLondon } from "@tandem/domain/calendar";
import {
  checkEligibility,
  checkSelfReferralEligibility,
  formatReferralReference,
  priorityReasons,
  type ReferralAnswers,
  type SelfReferralAnswers,
  VERIFICATION_CODE_LENGTH,
  verificationCodeFromBytes,
} from "@tandem/domain/referrals";
import type { PublicLanguage, Tenant } from "@tandem/domain/tenants";
import { auditOp } from "../audit.js";
import { Problem } from "../errors.js";
import { hashRequest, type StoredResponse } from "../idempotency.js";
import { hashLinkToken } from "../link-tokens.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import { RATE_RULES, takeRateToken } from "../rate-limit.js";
import { referredCaseOps } from "../reporting/referred-cases.js";
import { referralSummaryOps } from "../reporting/summaries.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { coordinatorEmails } from "./coordinators.js";
import { referralDraftEntity } from "./drafts.js";
import { duplicateCheck } from "./duplicates.js";
import { acknowledgementEmail, coordinatorNotification, verificationEmail } from "./emails.js";
import {
  addDaysIso,
  hashCode,
  listEntryOps,
  loadReferral,
  newReferralToken,
  type ReferralRecord,
  referralItem,
} from "./records.js";

/** What the public form sent; `language` is the one it was filled in (English when absent). */
export type Submission = (
  | { kind: "professional"; answers: ReferralAnswers; language?: PublicLanguage | undefined }
  | { kind: "self"; answers: SelfReferralAnswers; language?: PublicLanguage | undefined }
) & {
  /** The saved draft the answers came back from: deleted once the referral is stored (its link then says so). */
  draftToken?: string | undefined;
};

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

/** A new reference on each try: a clash with another key's referral is about one in a trillion per referral held. */
const MAX_REFERENCE_TRIES = 5;

/**
 * The reference for the n-th try of an Idempotency-Key: a hash of the tenant, the caller, the key
 * and n. The same key gives the same reference, so a retry of a submission that did reach us
 * finds its referral by reference; no counter or idempotency record is written.
 */
function referenceFor(tenant: Pick<Tenant, "slug">, keyHash: string, attempt: number): string {
  const bytes = createHash("sha256").update(`${keyHash}\n${attempt}`).digest();
  return formatReferralReference(referencePrefix(tenant), bytes);
}

const keyHashOf = (table: TenantTable, key: string) =>
  hashRequest({ tenant: table.ctx.tenantId, caller: table.ctx.actor.personId, key }).slice(0, 22);

/**
 * Creates a referral once per Idempotency-Key: `build` gives the referral record and the other
 * writes of its one transaction (put only if the reference is free); a retry with the same key
 * gets `answer` for the referral its first try created, and a different request under the same key
 * is refused. A reference held by another key's referral moves on to the key's next reference.
 */
async function createReferralOnce(
  table: TenantTable,
  tenant: Tenant,
  key: string,
  requestHash: string,
  build: (
    reference: string,
    idempotency: ReferralRecord["idempotency"],
  ) => Promise<{ record: ReferralRecord; ops: WriteOp[] }>,
  answer: (record: ReferralRecord) => StoredResponse,
): Promise<StoredResponse & { replayed: boolean }> {
  const keyHash = keyHashOf(table, key);
  let attempt = 0;
  // Each pass either moves to the next reference or reads again after losing a race for this one.
  for (let pass = 0; attempt < MAX_REFERENCE_TRIES && pass < MAX_REFERENCE_TRIES * 2; pass++) {
    const reference = referenceFor(tenant, keyHash, attempt);
    // Strongly consistent: a retry that follows its first try closely must see the referral it made.
    const existing = await loadReferral(table, reference, { consistent: true });
    if (existing) {
      if (existing.idempotency?.keyHash !== keyHash) {
        attempt += 1;
        continue;
      }
      if (existing.idempotency.requestHash !== requestHash) {
        throw new Problem(
          "idempotency_key_reused",
          "This Idempotency-Key was already used for a different request; use a new key for a new request",
        );
      }
      return { ...answer(existing), replayed: true };
    }
    const { record, ops } = await build(reference, { keyHash, requestHash });
    try {
      await table.transact([{ kind: "put", item: referralItem(table.ctx.tenantId, record), expect: "absent" }, ...ops]);
      return { ...answer(record), replayed: false };
    } catch (e) {
      // Lost a race for this reference (to a retry of the same request, or in AWS a concurrent
      // transaction on the same item): read it again on the next pass.
      if (!(e instanceof Problem && (e.code === "already_exists" || e.code === "busy"))) throw e;
    }
  }
  throw new Problem("conflict", "We could not give this referral a reference just now; please send it again");
}

function eligibility(tenant: Tenant, s: Submission, today: string) {
  if (s.kind === "professional") {
    return {
      flags: checkEligibility(s.answers, tenant.policy, today),
      priorityReasons: priorityReasons(s.answers, tenant.policy.referrals.priority, today),
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
  idempotency: ReferralRecord["idempotency"],
): ReferralRecord {
  const today = todayInLondon(now);
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
    // Welsh only where the council offers it; anything else is answered in English.
    language: s.language === "cy" && tenant.branding.welsh ? "cy" : "en",
    verification: null,
    pendingInformation: null,
    history: [{ at, action: "submitted", by, from: null, to: "submitted" }],
    idempotency,
    version: 1,
  };
}

/** What the public form shows after sending: rebuilt from the referral, so a retry is told the same. */
function receiptFor(tenant: Tenant, r: ReferralRecord): StoredResponse {
  const body: ReferralReceiptBody = r.contactEmail
    ? {
        reference: r.reference,
        verification: "email",
        message:
          `We have sent an e-mail to ${r.contactEmail} with a link and a code. Your referral reaches the ` +
          `coordinators once you open the link or enter the code; both work for ${VERIFICATION_DAYS} days.`,
      }
    : {
        reference: r.reference,
        verification: "none",
        message:
          `Thank you. Your reference is ${r.reference}. A coordinator from ${tenant.name}'s Independent Visitor scheme ` +
          "will contact your social worker to talk about it.",
      };
  return { status: 202, body };
}

/**
 * A referral from the public form. It is stored at once with the flags its policy version raises;
 * a referrer with an e-mail address gets a link and a code, and coordinators see the referral
 * only once one is used. A young person without e-mail goes straight to the coordinators, marked
 * unverified. The address's rate count is one small write first; then the referral, its audit
 * record and its e-mail are one transaction (see docs/adr 0006 for what that costs).
 */
export async function submitReferral(
  table: TenantTable,
  tenant: Tenant,
  submission: Submission,
  opts: { links: TenantLinks; idempotencyKey: string; clientAddress: string; now?: Date },
): Promise<StoredResponse & { replayed: boolean }> {
  const now = opts.now ?? new Date();
  const tenantId = table.ctx.tenantId;
  const requestHash = hashRequest({ route: "referral-submission", submission });
  const byEmail = submission.kind === "professional" || submission.answers.email !== undefined;
  let counted = false;

  const result = await createReferralOnce(
    table,
    tenant,
    opts.idempotencyKey,
    requestHash,
    async (reference, idempotency) => {
      // A retry of a submission that reached us is answered above without counting against the address.
      if (!counted) await takeRateToken(table, RATE_RULES.submit, opts.clientAddress, now);
      counted = true;
      const record = newRecord(
        tenant,
        submission,
        reference,
        now,
        { personId: "public", name: "Referrer (public form)" },
        byEmail ? "email" : "none",
        idempotency,
      );
      const ops: WriteOp[] = [auditOp(table, { action: "create", subject: { type: "referral", id: reference } })];
      if (record.contactEmail) {
        const link = newReferralToken(reference);
        const code = verificationCodeFromBytes(randomBytes(VERIFICATION_CODE_LENGTH));
        const expiresAt = addDaysIso(now, VERIFICATION_DAYS);
        record.verification = { codeHash: hashCode(reference, code), tokenHash: link.hash, expiresAt, wrongCodes: 0 };
        ops.push(
          outboxOp(
            table,
            verificationEmail(
              opts.links,
              record.contactEmail,
              reference,
              link.token,
              code,
              expiresAt,
              submission.kind,
              record.language,
            ),
          ),
        );
      } else {
        const duplicates = await duplicateCheck(table, record);
        record.flags = duplicates.flags;
        ops.push(...duplicates.ops, ...listEntryOps(tenantId, record), ...referralSummaryOps(tenantId, null, record));
        ops.push(...referredCaseOps(tenantId, record));
        const coordinators = await coordinatorEmails(table);
        if (coordinators.length > 0) {
          ops.push(outboxOp(table, coordinatorNotification(opts.links, coordinators, reference, "new")));
        }
      }
      return { record, ops };
    },
    (record) => receiptFor(tenant, record),
  );
  // The save page promises the resume link stops working once the referral is sent: the answers, the
  // child's among them, are not left readable behind it for the rest of its 30 days. A failure here
  // leaves the draft to its TTL rather than failing a referral that is already stored.
  if (submission.draftToken) {
    const key = referralDraftEntity.key(tenantId, { tokenHash: hashLinkToken(submission.draftToken) });
    await table.delete(key).catch(() => undefined);
  }
  return result;
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
  opts: { links: TenantLinks; idempotencyKey?: string; now?: Date; language?: PublicLanguage },
): Promise<StoredResponse & { replayed: boolean }> {
  const now = opts.now ?? new Date();
  const tenantId = table.ctx.tenantId;
  const actor = table.ctx.actor;
  const language = opts.language ?? "en";
  const submission: Submission = { kind: "professional", answers, language };
  // English leaves the hash as it was before the language was asked, so a retry across that change still matches.
  const requestHash = hashRequest(
    language === "cy" ? { route: "referral-entered", answers, language } : { route: "referral-entered", answers },
  );
  return createReferralOnce(
    table,
    tenant,
    // Without a key a retry cannot be recognised, so each request is a new referral.
    opts.idempotencyKey ?? randomUUID(),
    requestHash,
    async (reference, idempotency) => {
      const by = { personId: actor.personId, name: actor.name };
      const record = newRecord(tenant, submission, reference, now, by, "staff", idempotency);
      const duplicates = await duplicateCheck(table, record);
      record.flags = duplicates.flags;
      const ops: WriteOp[] = [
        auditOp(table, { action: "create", subject: { type: "referral", id: reference } }),
        ...duplicates.ops,
        ...listEntryOps(tenantId, record),
        ...referralSummaryOps(tenantId, null, record),
        ...referredCaseOps(tenantId, record),
        outboxOp(
          table,
          acknowledgementEmail(opts.links, answers.referrer.workEmail, reference, record.respondBy, record.language),
        ),
      ];
      return { record, ops };
    },
    (record) => ({ status: 201, body: { id: record.reference, reference: record.reference } }),
  );
}
