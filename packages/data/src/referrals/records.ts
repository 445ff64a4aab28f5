import { createHash, timingSafeEqual } from "node:crypto";
import {
  type PriorityReason as DomainPriorityReason,
  daysWaiting,
  EligibilityFlag,
  EligibilityFlagCode,
  overdueForAnswer,
  PriorityReasonCode,
  priorityKey,
  priorityWeight,
  REFERENCE_SOURCE,
  ReferralAction,
  ReferralAnswers,
  ReferralStatus,
  SelfReferralAnswers,
} from "@tandem/domain/referrals";
import { PublicLanguage } from "@tandem/domain/tenants";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import { hashLinkToken, newLinkToken } from "../link-tokens.js";
import type { Item, TenantTable, WriteOp } from "../tenant-table.js";

/**
 * The referral as stored: one item per referral (`REFERRAL#<reference>` in the tenant partition)
 * holding the answers, the flags raised on arrival, the history and the version; plus a few small
 * list-entry items (see `listEntryItems`) that put it in the coordinators' list views.
 */

export const ReferralKind = z.enum(["professional", "self"]);
export type ReferralKind = z.output<typeof ReferralKind>;
export type StatusGroup = "open" | "waiting_list" | "closed";

export const STATUS_GROUPS: Readonly<Record<ReferralStatus, StatusGroup>> = {
  submitted: "open",
  awaiting_information: "open",
  under_review: "open",
  accepted: "waiting_list",
  waiting_for_match: "waiting_list",
  matched: "closed",
  declined: "closed",
  withdrawn: "closed",
  closed: "closed",
};

/** "match" stays readable: referrals marked matched by hand before that action was removed keep their history. */
export const HistoryAction = z.union([
  ReferralAction,
  z.enum(["submitted", "verified", "information_answered", "match"]),
]);
export type HistoryAction = z.output<typeof HistoryAction>;

const Person = z.object({ personId: z.string(), name: z.string() });

export const HistoryEntry = z.object({
  at: z.string(),
  action: HistoryAction,
  by: Person,
  from: ReferralStatus.nullable(),
  to: ReferralStatus,
  reason: z.string().optional(),
  reviewBy: z.string().optional(),
  question: z.string().optional(),
  answer: z.string().optional(),
});
export type HistoryEntry = z.output<typeof HistoryEntry>;

export const PendingVerification = z.object({
  codeHash: z.string(),
  tokenHash: z.string(),
  expiresAt: z.string(),
  wrongCodes: z.number().int(),
  /** Set when the link or code was used; kept so a second use is told "already used" (only if it matches). */
  usedAt: z.string().optional(),
});
export type PendingVerification = z.output<typeof PendingVerification>;

export const PendingInformation = z.object({
  tokenHash: z.string(),
  question: z.string(),
  askedAt: z.string(),
  expiresAt: z.string(),
});
export type PendingInformation = z.output<typeof PendingInformation>;

/** The domain's priority reason, as stored on the referral and its waiting-list entry. */
const PriorityReason = z.object({
  code: PriorityReasonCode,
  weight: z.number(),
  reason: z.string(),
}) satisfies z.ZodType<DomainPriorityReason>;

export const StoredReferral = z.object({
  reference: z.string(),
  kind: ReferralKind,
  status: ReferralStatus,
  answers: z.union([ReferralAnswers, SelfReferralAnswers]),
  flags: z.array(EligibilityFlag),
  priorityReasons: z.array(PriorityReason),
  /** The tenant policy version the flags were raised under. */
  policyVersion: z.number().int(),
  respondWithinWorkingDays: z.number().int(),
  receivedAt: z.string(),
  /** The calendar day (Europe/London) it was received. */
  receivedOn: z.string(),
  /** How the referrer was confirmed: by e-mail, not at all (a young person without e-mail), or a coordinator typed it in. */
  verificationMethod: z.enum(["email", "none", "staff"]),
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  /** Coordinators see it: verified, or a self-referral with no e-mail to verify. */
  visible: z.boolean(),
  enteredOnBehalf: z.boolean(),
  respondBy: z.string(),
  acceptedOn: z.string().nullable(),
  reviewBy: z.string().nullable(),
  penPicture: z.string().nullable(),
  /** The coordinator's case details (placement, carer, who handles it); absent until first recorded. */
  case: z
    .object({
      placementArea: z.string().nullable(),
      placementAddress: z.string().nullable(),
      carerName: z.string().nullable(),
      carerPhone: z.string().nullable(),
      carerEmail: z.string().nullable(),
      assignedTo: z.object({ personId: z.string(), name: z.string() }).nullable(),
    })
    .optional(),
  /** Where e-mails about the referral go; null for a young person without e-mail. */
  contactEmail: z.string().nullable(),
  /** The language the form was filled in, so its e-mails are in it too (ADR 22); English for referrals stored before. */
  language: PublicLanguage.default("en"),
  verification: PendingVerification.nullable(),
  pendingInformation: PendingInformation.nullable(),
  history: z.array(HistoryEntry),
  /**
   * The Idempotency-Key (hashed with the caller) and the request that created it. The reference is
   * derived from the key, so a retry finds its referral by reference and compares these.
   */
  idempotency: z.object({ keyHash: z.string(), requestHash: z.string() }),
  version: z.number().int(),
});
export type ReferralRecord = z.output<typeof StoredReferral>;

/** A referral, by its reference (the reference is the referral's id). */
export const referralEntity = defineEntity({
  type: "referral",
  schema: StoredReferral,
  key: (tenantId, r: { reference: string }) => keys.referral(tenantId, r.reference),
});

/**
 * The summary every list entry carries, so a list page is one Query and nothing more; the
 * waiting-list entry (`Q#`) also carries the priority reasons and whether a pen picture exists.
 */
export const ReferralListEntry = z.object({
  reference: z.string(),
  kind: ReferralKind,
  status: ReferralStatus,
  flags: z.array(EligibilityFlagCode),
  priority: z.number(),
  receivedAt: z.string(),
  receivedOn: z.string(),
  respondBy: z.string(),
  waitingSince: z.string(),
  childFirstName: z.string(),
  /**
   * So two children with one first name can be told apart in a list (issue 19): the initial of the
   * last name and the date of birth the age is worked out from. Absent on entries written before.
   */
  childLastInitial: z.string().optional(),
  childDateOfBirth: z.string().optional(),
  assignedToName: z.string().optional(),
  enteredOnBehalf: z.boolean(),
  verified: z.boolean(),
  /** The language the form was filled in (ADR 22), so the list shows which to reply in; English on entries written before. */
  language: PublicLanguage.default("en"),
  priorityReasons: z.array(PriorityReason).optional(),
  hasPenPicture: z.boolean().optional(),
});
export type StoredSummary = z.output<typeof ReferralListEntry>;

/** One entry in the `#RL` partition; its sort key and gsi1 view depend on which list it is for. */
export const referralListEntity = defineEntity({
  type: "referral-entry",
  schema: ReferralListEntry,
  key: (tenantId, e: { sk: string }) => keys.referralListEntry(tenantId, e.sk),
});

export function referralItem(tenantId: string, r: ReferralRecord): Item {
  return referralEntity.item(tenantId, r);
}

export function toReferralRecord(item: Item): ReferralRecord {
  return referralEntity.parse(item);
}

export async function loadReferral(
  table: TenantTable,
  reference: string,
  opts: { consistent?: boolean } = {},
): Promise<ReferralRecord | undefined> {
  return referralEntity.get(table, { reference }, opts);
}

/** A referral coordinators can see, or 404: unverified referrals and other councils' references look the same. */
export async function loadVisibleReferral(table: TenantTable, reference: string): Promise<ReferralRecord> {
  const r = await loadReferral(table, reference);
  if (!r?.visible) throw new Problem("not_found", `There is no referral ${reference} in this council`);
  return r;
}

/** The first letter of the child's last name ("" when a young person gave one name only). */
export function childLastInitial(r: Pick<ReferralRecord, "kind" | "answers">): string {
  const last =
    r.kind === "professional"
      ? (r.answers as ReferralAnswers).child.lastName
      : ((r.answers as SelfReferralAnswers).name.trim().split(/\s+/).slice(1).at(-1) ?? "");
  return [...last.trim()][0]?.toLocaleUpperCase("en-GB") ?? "";
}

export function childDateOfBirth(r: Pick<ReferralRecord, "kind" | "answers">): string {
  return r.kind === "professional"
    ? (r.answers as ReferralAnswers).child.dateOfBirth
    : (r.answers as SelfReferralAnswers).dateOfBirth;
}

export function childFirstName(r: Pick<ReferralRecord, "kind" | "answers">): string {
  if (r.kind === "professional") {
    const child = (r.answers as ReferralAnswers).child;
    return child.preferredName?.trim() || child.firstName;
  }
  const name = (r.answers as SelfReferralAnswers).name.trim();
  return name.split(/\s+/)[0] ?? name;
}

/** The day the child started waiting for a volunteer: accepted, or received until then. */
export const waitingSince = (r: Pick<ReferralRecord, "acceptedOn" | "receivedOn">) => r.acceptedOn ?? r.receivedOn;

export const isOpen = (status: ReferralStatus) => STATUS_GROUPS[status] === "open";

/** The summary every list entry carries. */
export function summaryOf(r: ReferralRecord): StoredSummary {
  return {
    reference: r.reference,
    kind: r.kind,
    status: r.status,
    flags: r.flags.map((f) => f.code),
    priority: priorityWeight(r.priorityReasons),
    receivedAt: r.receivedAt,
    receivedOn: r.receivedOn,
    respondBy: r.respondBy,
    waitingSince: waitingSince(r),
    childFirstName: childFirstName(r),
    childLastInitial: childLastInitial(r),
    childDateOfBirth: childDateOfBirth(r),
    ...(r.case?.assignedTo ? { assignedToName: r.case.assignedTo.name } : {}),
    enteredOnBehalf: r.enteredOnBehalf,
    verified: r.verified,
    language: r.language,
  };
}

/**
 * The list views, each one Query on gsi1 (or on the entry partition's own sort key), so one page
 * costs the same for 10 referrals or 10,000. An entry's table key never changes; its gsi1 key
 * moves with the status, and an entry that leaves a view simply loses its gsi1 key (a sparse
 * index), so a change never needs a delete. Views:
 *   table `R#<received>`: every referral by date received;   gsi1 `S#<status>`: one status by date received
 *   table `G#<received>`: (same order, unused);               gsi1 `G#<group>`: one status group by date received
 *   table `F#<received>`: flagged referrals by date received; gsi1 `F#<group>`: flagged in a group by date received
 *   table `Q#<ref>`:      -;                                  gsi1 `Q#<group>`: a group by priority, then waiting time
 *   table `D#<ref>`:      -;                                  gsi1 `D#open`:    open referrals by respond-by date
 */
export function listEntryItems(tenantId: string, r: ReferralRecord): Item[] {
  if (!r.visible) return [];
  const group = STATUS_GROUPS[r.status];
  const summary = summaryOf(r);
  const byReceived = `${r.receivedAt}#${r.reference}`;
  const view = (name: string) => keys.referralListView(tenantId, name);
  const entry = (sk: string, gsi: { pk: string; sk: string } | null, extra: Partial<StoredSummary> = {}): Item =>
    referralListEntity.item(
      tenantId,
      { ...summary, ...extra },
      {
        id: { sk },
        index: gsi ? { gsi1pk: gsi.pk, gsi1sk: gsi.sk } : null,
      },
    );
  const out = [
    entry(`R#${byReceived}`, { pk: view(`S#${r.status}`), sk: byReceived }),
    entry(`G#${byReceived}`, { pk: view(`G#${group}`), sk: byReceived }),
    entry(
      `Q#${r.reference}`,
      {
        pk: view(`Q#${group}`),
        sk: priorityKey({ weight: summary.priority, waitingSince: summary.waitingSince, reference: r.reference }),
      },
      { priorityReasons: r.priorityReasons, hasPenPicture: r.penPicture !== null },
    ),
    entry(`D#${r.reference}`, group === "open" ? { pk: view("D#open"), sk: `${r.respondBy}#${r.reference}` } : null),
  ];
  if (r.flags.length > 0) out.push(entry(`F#${byReceived}`, { pk: view(`F#${group}`), sk: byReceived }));
  return out;
}

/** Puts every list entry as the referral now stands: written in the same transaction as the referral. */
export function listEntryOps(tenantId: string, r: ReferralRecord): WriteOp[] {
  return listEntryItems(tenantId, r).map((item) => ({ kind: "put", item, expect: "any" }) as const);
}

export function toStoredSummary(item: Item): StoredSummary {
  return referralListEntity.parse(item);
}

/** What `daysWaiting` and `overdue` are on `today`, worked out on read because they change with the calendar. */
export function withToday<T extends Pick<StoredSummary, "status" | "respondBy" | "waitingSince">>(s: T, today: string) {
  return {
    daysWaiting: daysWaiting(s.waitingSince, today),
    overdue: overdueForAnswer(s.status, s.respondBy, today),
  };
}

export function hashCode(reference: string, code: string): string {
  return createHash("sha256").update(`${reference}:${code}`).digest("base64url");
}

/**
 * The token in a referral's e-mailed links (verification, information request):
 * `<reference>.<32 random bytes, base64url>`. The reference says which referral to load; only the
 * SHA-256 of the random part is stored on it, so the table never holds a working link, and no
 * separate lookup item is written (one fewer item in the submission's transaction).
 */
export function newReferralToken(reference: string): { token: string; hash: string } {
  const secret = newLinkToken();
  return { token: `${reference}.${secret.token}`, hash: secret.hash };
}

const TOKEN_PATTERN = new RegExp(`^(${REFERENCE_SOURCE})\\.([A-Za-z0-9_-]{43})$`);

export function parseReferralToken(token: string): { reference: string; hash: string } | null {
  const m = TOKEN_PATTERN.exec(token);
  return m?.[1] && m[2] ? { reference: m[1], hash: hashLinkToken(m[2]) } : null;
}

/** Compares two hashes without leaking, through timing, how much of a guess was right. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const addDaysIso = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
