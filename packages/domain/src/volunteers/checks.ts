import * as z from "zod";
import { addDays, addMonths, daysBetween, IsoDate } from "../calendar/iso-date.js";
import type { TenantPolicy } from "../tenants/policy.js";
import type { Referee } from "./application.js";
import type { VolunteerFacts } from "./facts.js";

/**
 * The safer-recruitment checks (Leicestershire's list): which a volunteer needs, how a recorded
 * check is described, when it lapses and what state it is in on a given day.
 *
 * Dates of validity are inclusive: `validUntil` is the last day a check still counts, so "valid for
 * 36 months" from 10 January 2023 runs to 9 January 2026 and the check is expired on the 10th.
 */
export const CheckKind = z.enum([
  "enhanced_dbs",
  "local_authority",
  "right_to_work",
  "medical_declaration",
  "driving_licence",
  "car_insurance",
  "mot",
  "references",
]);
export type CheckKind = z.infer<typeof CheckKind>;

/** References are recorded one per referee (ReferenceCheck); every other check is one document or one answer. */
export const DocumentCheckKind = CheckKind.exclude(["references"]);
export type DocumentCheckKind = z.infer<typeof DocumentCheckKind>;

export const CheckStatus = z.enum(["pending", "passed", "failed"]);
export type CheckStatus = z.infer<typeof CheckStatus>;

export const CheckState = z.enum(["valid", "expiring", "expired", "missing", "failed", "pending"]);
export type CheckState = z.infer<typeof CheckState>;

export const CHECK_LABELS: Readonly<Record<CheckKind, string>> = {
  enhanced_dbs: "enhanced DBS check",
  local_authority: "local authority check",
  right_to_work: "right to work check",
  medical_declaration: "medical declaration",
  driving_licence: "driving licence",
  car_insurance: "car insurance",
  mot: "MOT certificate",
  references: "references",
};

const Notes = z.string().trim().max(2000, "Use 2000 characters or fewer").optional();

const outcome = {
  status: CheckStatus,
  requestedOn: IsoDate,
  /** The day the outcome was known: the certificate or document seen, the reference received. */
  completedOn: IsoDate.optional(),
  notes: Notes,
};

function outcomeProblems(
  c: { status: CheckStatus; requestedOn: string; completedOn?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (c.status === "pending" && c.completedOn !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["completedOn"],
      message: "A pending check has no outcome yet: remove the date, or record whether it passed",
    });
  }
  if (c.status !== "pending" && c.completedOn === undefined) {
    ctx.addIssue({ code: "custom", path: ["completedOn"], message: "Enter the date the outcome was known" });
  }
  if (c.completedOn !== undefined && c.completedOn < c.requestedOn) {
    ctx.addIssue({
      code: "custom",
      path: ["completedOn"],
      message: "The outcome cannot be dated before the check was requested: check both dates",
    });
  }
}

/** Renewal runs from the certificate's issue date, not the day it was seen: that is the information's age. */
export const DbsCheck = z
  .object({
    kind: z.literal("enhanced_dbs"),
    ...outcome,
    certificateNumber: z
      .string()
      .trim()
      .regex(/^\d{12}$/, "A DBS certificate number is the 12 digits at the top of the certificate")
      .optional(),
    issuedOn: IsoDate.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    outcomeProblems(c, ctx);
    if (c.status === "passed") {
      if (c.certificateNumber === undefined) {
        ctx.addIssue({ code: "custom", path: ["certificateNumber"], message: "Enter the certificate number" });
      }
      if (c.issuedOn === undefined) {
        ctx.addIssue({ code: "custom", path: ["issuedOn"], message: "Enter the certificate's date of issue" });
      }
    }
    if (c.issuedOn !== undefined && c.completedOn !== undefined && c.issuedOn > c.completedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["issuedOn"],
        message: "The certificate cannot be issued after the day you saw it: check both dates",
      });
    }
  });

/** Checks against records or a form, with nothing printed on them that lapses. */
export const RecordCheck = z
  .object({ kind: z.literal(["local_authority", "medical_declaration"]), ...outcome })
  .strict()
  .superRefine(outcomeProblems);

/**
 * Documents that are seen and may carry their own end date: time-limited permission to work, a
 * photocard licence, an insurance policy, an MOT certificate.
 */
export const DocumentSeenCheck = z
  .object({
    kind: z.literal(["right_to_work", "driving_licence", "car_insurance", "mot"]),
    ...outcome,
    documentValidUntil: IsoDate.optional(),
  })
  .strict()
  .superRefine(outcomeProblems);

export const DocumentCheck = z.discriminatedUnion("kind", [DbsCheck, RecordCheck, DocumentSeenCheck]);
export type DocumentCheck = z.infer<typeof DocumentCheck>;

/** One referee's reference: written (completedOn), then confirmed by phone where the policy asks. */
export const ReferenceCheck = z
  .object({
    refereeName: z.string().trim().min(1).max(100),
    refereeEmail: z.string().trim().toLowerCase().max(254).pipe(z.email()),
    isProfessional: z.boolean(),
    ...outcome,
    confirmedByPhoneOn: IsoDate.optional(),
  })
  .strict()
  .superRefine(outcomeProblems);
export type ReferenceCheck = z.infer<typeof ReferenceCheck>;

/** The reference requests to send when checks start, one per referee named on the application. */
export function pendingReferenceChecks(referees: readonly Referee[], requestedOn: string): ReferenceCheck[] {
  return referees.map((r) => ({
    refereeName: r.name,
    refereeEmail: r.email,
    isProfessional: r.isProfessional,
    status: "pending",
    requestedOn,
  }));
}

/** The checks this volunteer needs under this tenant's policy, in the order a coordinator starts them. */
export function requiredChecks(facts: VolunteerFacts, policy: TenantPolicy): CheckKind[] {
  const v = policy.volunteers;
  const needed: [CheckKind, boolean][] = [
    ["enhanced_dbs", true],
    ["references", true],
    ["local_authority", v.localAuthorityChecks],
    ["right_to_work", v.rightToWorkCheck],
    ["medical_declaration", v.medicalDeclaration === "always" || facts.declaredHealthCondition],
    // "Driving licence and car insurance as well as MOT for any vehicle that may be used".
    ["driving_licence", facts.drives],
    ["car_insurance", facts.drives],
    ["mot", facts.drives],
  ];
  return needed.filter(([, yes]) => yes).map(([kind]) => kind);
}

const lastDayOf = (from: string, months: number): string => addDays(addMonths(from, months), -1);

const earlier = (a: string, b: string | undefined): string => (b !== undefined && b < a ? b : a);

/** The last day a passed check counts; null when it does not lapse (or has not passed). */
export function checkValidUntil(check: DocumentCheck, policy: TenantPolicy): string | null {
  if (check.status !== "passed" || check.completedOn === undefined) return null;
  const v = policy.volunteers;
  switch (check.kind) {
    case "enhanced_dbs":
      return check.issuedOn === undefined ? null : lastDayOf(check.issuedOn, v.dbsRenewalMonths);
    case "driving_licence":
    case "car_insurance":
    case "mot":
      // Reviewed every so often ("reviewed annually"), sooner if the document itself runs out.
      return earlier(lastDayOf(check.completedOn, v.drivingDocumentsReviewMonths), check.documentValidUntil);
    case "right_to_work":
      return check.documentValidUntil ?? null;
    case "local_authority":
    case "medical_declaration":
      return null;
  }
}

function documentState(check: DocumentCheck, policy: TenantPolicy, todayIso: string): CheckState {
  if (check.status !== "passed") return check.status;
  const until = checkValidUntil(check, policy);
  if (until === null) return "valid";
  const left = daysBetween(todayIso, until);
  if (left < 0) return "expired";
  return left <= policy.volunteers.expiryWarningDays ? "expiring" : "valid";
}

/**
 * One recorded check on `todayIso`. A reference does not lapse; one written but not yet confirmed
 * by phone, where the policy asks for that, is still pending.
 */
export function checkState(
  check: DocumentCheck | ReferenceCheck | undefined,
  policy: TenantPolicy,
  todayIso: string,
): CheckState {
  if (check === undefined) return "missing";
  return "kind" in check ? documentState(check, policy, todayIso) : referenceState(check, policy);
}

function referenceState(r: ReferenceCheck, policy: TenantPolicy): CheckState {
  if (r.status !== "passed") return r.status;
  if (policy.volunteers.referencesConfirmedByPhone && r.confirmedByPhoneOn === undefined) return "pending";
  return "valid";
}

const outcomeDate = (c: { completedOn?: string | undefined; requestedOn: string }): string =>
  c.completedOn ?? c.requestedOn;

/** The latest record, by outcome date; of two on the same day, the one recorded last. */
function latest<T extends { completedOn?: string | undefined; requestedOn: string }>(
  records: readonly T[],
): T | undefined {
  let best: T | undefined;
  for (const r of records) if (best === undefined || outcomeDate(r) >= outcomeDate(best)) best = r;
  return best;
}

/**
 * The state of one kind of check across its history of renewals. The latest outcome decides: a
 * failed recheck overrides an older pass, and a renewal in progress does not hide that the last
 * certificate has run out (it reads "pending" rather than "expired" so the dashboard shows it is in hand).
 */
export function currentCheck(
  kind: DocumentCheckKind,
  checks: readonly DocumentCheck[],
  policy: TenantPolicy,
  todayIso: string,
): { state: CheckState; check: DocumentCheck | undefined; validUntil: string | null } {
  const ofKind = checks.filter((c) => c.kind === kind);
  const decided = latest(ofKind.filter((c) => c.status !== "pending"));
  const pending = ofKind.find((c) => c.status === "pending");
  if (decided === undefined) {
    return { state: pending ? "pending" : "missing", check: pending, validUntil: null };
  }
  const state = documentState(decided, policy, todayIso);
  if (state === "expired" && pending !== undefined) return { state: "pending", check: pending, validUntil: null };
  return { state, check: decided, validUntil: checkValidUntil(decided, policy) };
}

/**
 * Where the references stand: one record per referee (the latest, if a request was repeated).
 * A reference counts when it passed and, where the policy asks, was confirmed by phone.
 */
export function referencesSummary(
  references: readonly ReferenceCheck[],
  policy: TenantPolicy,
): {
  state: CheckState;
  needed: number;
  counted: ReferenceCheck[];
  professionalCounted: boolean;
  unconfirmed: ReferenceCheck[];
  failed: ReferenceCheck[];
  pending: ReferenceCheck[];
} {
  const v = policy.volunteers;
  const byReferee = new Map<string, ReferenceCheck[]>();
  for (const r of references) byReferee.set(r.refereeEmail, [...(byReferee.get(r.refereeEmail) ?? []), r]);
  const current = [...byReferee.values()].flatMap((list) => {
    const r = latest(list);
    return r ? [r] : [];
  });
  const stateOf = (r: ReferenceCheck) => referenceState(r, policy);
  const counted = current.filter((r) => stateOf(r) === "valid");
  const failed = current.filter((r) => r.status === "failed");
  const unconfirmed = current.filter((r) => r.status === "passed" && stateOf(r) === "pending");
  const pending = current.filter((r) => r.status === "pending");
  const professionalCounted = counted.some((r) => r.isProfessional);
  const enough = counted.length >= v.referencesRequired && (professionalCounted || !v.professionalReferenceRequired);
  const inHand = pending.length + unconfirmed.length > 0;
  const state: CheckState = failed.length > 0 ? "failed" : enough ? "valid" : inHand ? "pending" : "missing";
  return { state, needed: v.referencesRequired, counted, professionalCounted, unconfirmed, failed, pending };
}
