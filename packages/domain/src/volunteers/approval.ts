import * as z from "zod";
import { displayDate } from "../calendar/display.js";
import { IsoDate } from "../calendar/iso-date.js";
import { addWorkingDays } from "../calendar/working-days.js";
import type { TenantPolicy } from "../tenants/policy.js";
import {
  CHECK_LABELS,
  CheckKind,
  currentCheck,
  DocumentCheck,
  ReferenceCheck,
  referencesSummary,
  requiredChecks,
} from "./checks.js";
import { VolunteerFacts } from "./facts.js";
import { VolunteerStage } from "./pipeline.js";
import { TrainingRecord, trainingState } from "./training.js";

/**
 * What stands between a volunteer and approval, and between an approved volunteer and a new match.
 * Every reason is listed at once, each with a message the coordinator or manager can act on, so the
 * API can refuse `approve` (or a match) with all of them and the SPA can show them as a checklist.
 */
export const VolunteerRecord = z
  .object({
    stage: VolunteerStage,
    facts: VolunteerFacts,
    checks: z.array(DocumentCheck).max(200),
    references: z.array(ReferenceCheck).max(30),
    training: z.array(TrainingRecord).max(200),
    approvedOn: IsoDate.nullable(),
  })
  .strict();
export type VolunteerRecord = z.infer<typeof VolunteerRecord>;

export const VolunteerBlockerCode = z.enum([
  "wrong_stage",
  "not_approved",
  "suspended",
  "not_independent",
  "check_missing",
  "check_pending",
  "check_failed",
  "check_expired",
  "references_missing",
  "professional_reference_missing",
  "reference_unconfirmed",
  "reference_failed",
  "training_needed_before_match",
  "training_overdue",
  "training_expired",
]);
export type VolunteerBlockerCode = z.infer<typeof VolunteerBlockerCode>;

export const VolunteerBlocker = z
  .object({
    code: VolunteerBlockerCode,
    message: z.string(),
    check: CheckKind.optional(),
    training: z.string().optional(),
  })
  .strict();
export type VolunteerBlocker = z.infer<typeof VolunteerBlocker>;

const STAGE_WORDS: Readonly<Record<VolunteerStage, string>> = {
  enquiry: "an enquiry",
  application: "a new application",
  initial_visit: "the initial visit",
  checks: "checks",
  checks_cleared: "checks cleared",
  references: "references received",
  training: "training before approval",
  interview: "interview",
  assessment: "assessment",
  panel: "panel",
  manager_decision: "the sign-offs",
  approved: "approved",
  suspended: "suspended",
  withdrawn: "withdrawn",
  ended: "ended",
  not_approved: "not approved",
};

function independenceBlockers(v: VolunteerRecord): VolunteerBlocker[] {
  if (!v.facts.worksInCouncilChildrensServices) return [];
  return [
    {
      code: "not_independent",
      message:
        "The record says this person works in the council's children's services, and Independent Visitors must be independent of children's social care. Confirm their role: if they work elsewhere, correct the record; if not, they cannot go ahead",
    },
  ];
}

/** A blocking state's code and what to do about it; valid and expiring checks are absent because they do not block. */
const CHECK_PROBLEMS: Readonly<
  Record<
    "missing" | "pending" | "failed" | "expired",
    { code: VolunteerBlockerCode; say: (label: string, validUntil: string | null, before: string) => string }
  >
> = {
  missing: { code: "check_missing", say: (label, _, before) => `No ${label} is recorded: record one ${before}` },
  pending: {
    code: "check_pending",
    say: (label, _, before) => `The ${label} has no outcome yet: record whether it passed ${before}`,
  },
  failed: {
    code: "check_failed",
    say: (label) =>
      `The ${label} did not pass: discuss it with your manager, and record a new one if the matter is resolved`,
  },
  expired: {
    code: "check_expired",
    say: (label, validUntil, before) =>
      `The ${label} ran out after ${validUntil ?? "its review date"}: record a new one ${before}`,
  },
};

function documentBlockers(
  v: VolunteerRecord,
  policy: TenantPolicy,
  todayIso: string,
  before: string,
): VolunteerBlocker[] {
  const out: VolunteerBlocker[] = [];
  for (const kind of requiredChecks(v.facts, policy)) {
    if (kind === "references") continue;
    const { state, validUntil } = currentCheck(kind, v.checks, policy, todayIso);
    if (state === "valid" || state === "expiring") continue;
    const problem = CHECK_PROBLEMS[state];
    out.push({ code: problem.code, check: kind, message: problem.say(CHECK_LABELS[kind], validUntil, before) });
  }
  return out;
}

function referenceBlockers(v: VolunteerRecord, policy: TenantPolicy): VolunteerBlocker[] {
  const s = referencesSummary(v.references, policy);
  const out: VolunteerBlocker[] = [];
  for (const r of s.failed) {
    out.push({
      code: "reference_failed",
      check: "references",
      message: `The reference from ${r.refereeName} was not satisfactory: discuss it with your manager, then ask for another or decline`,
    });
  }
  for (const r of s.unconfirmed) {
    out.push({
      code: "reference_unconfirmed",
      check: "references",
      message: `The written reference from ${r.refereeName} has not been confirmed by phone: phone them and record the date`,
    });
  }
  if (s.counted.length < s.needed) {
    const awaited = s.pending.length > 0 ? ` (${s.pending.length} still awaited)` : "";
    const confirmed = policy.volunteers.referencesConfirmedByPhone ? " and confirmed" : "";
    out.push({
      code: "references_missing",
      check: "references",
      message: `${s.needed} references are needed and ${s.counted.length} received${confirmed}${awaited}: chase them or ask another referee`,
    });
  }
  if (policy.volunteers.professionalReferenceRequired && !s.professionalCounted) {
    out.push({
      code: "professional_reference_missing",
      check: "references",
      message:
        "No reference received yet is from someone who knows the applicant professionally: ask an employer, colleague, teacher or lecturer",
    });
  }
  return out;
}

/** Why the manager cannot approve this volunteer today; empty when they can. */
export function approvalBlockers(v: VolunteerRecord, policy: TenantPolicy, todayIso: string): VolunteerBlocker[] {
  const out: VolunteerBlocker[] = [];
  if (v.stage !== "manager_decision") {
    out.push({
      code: "wrong_stage",
      message: `A volunteer is approved at the sign-offs, once every step before them is done; this one is at ${STAGE_WORDS[v.stage]}`,
    });
  }
  return [
    ...out,
    ...independenceBlockers(v),
    ...documentBlockers(v, policy, todayIso, "before approval"),
    ...referenceBlockers(v, policy),
  ];
}

/**
 * What stops a gated pipeline step from being recorded as done: every required check passed and in
 * date (`checks`), enough satisfactory references (`references`), or the training a match needs
 * (`training`). Empty when it can be.
 */
export function gateBlockers(
  gate: "checks" | "references" | "training",
  v: VolunteerRecord,
  policy: TenantPolicy,
  todayIso: string,
): VolunteerBlocker[] {
  if (gate === "checks") return documentBlockers(v, policy, todayIso, "before the checks are cleared");
  if (gate === "references") return referenceBlockers(v, policy);
  return trainingState(v.training, policy, null, todayIso)
    .filter((t) => t.state === "needed_before_match" || t.state === "due" || t.state === "overdue")
    .map((t) => ({
      code: "training_needed_before_match" as const,
      training: t.code,
      message: `"${t.title}" is to be done before approval on this pipeline: record it when completed`,
    }));
}

/**
 * Why this volunteer cannot be offered a new match today; empty when they can. References are not
 * looked at again: they vouch for the person at recruitment and do not lapse, and a concern raised
 * later is a suspension, not a missing reference. Checks are, against the tenant's current policy,
 * so a volunteer who starts driving needs their driving documents before the next match.
 */
export function matchabilityBlockers(v: VolunteerRecord, policy: TenantPolicy, todayIso: string): VolunteerBlocker[] {
  const out: VolunteerBlocker[] = [];
  if (v.stage === "suspended") {
    out.push({
      code: "suspended",
      message: "The volunteer is suspended: reinstate them once the reason is resolved",
    });
  } else if (v.stage !== "approved") {
    out.push({
      code: "not_approved",
      message: `Only approved volunteers can be matched; this one is at ${STAGE_WORDS[v.stage]}`,
    });
  }
  out.push(...independenceBlockers(v), ...documentBlockers(v, policy, todayIso, "before a new match"));
  for (const t of trainingState(v.training, policy, v.approvedOn, todayIso)) {
    if (t.state === "needed_before_match") {
      out.push({
        code: "training_needed_before_match",
        training: t.code,
        message: `"${t.title}" must be done before any match: record it when completed`,
      });
    } else if (t.state === "overdue") {
      out.push({
        code: "training_overdue",
        training: t.code,
        message: `"${t.title}" was due by ${displayDate(t.dueBy)}: book it and record it when completed`,
      });
    } else if (t.state === "expired") {
      out.push({
        code: "training_expired",
        training: t.code,
        message: `"${t.title}" needed renewing by ${displayDate(t.renewBy)}: book a refresher and record it`,
      });
    }
  }
  return out;
}

/** The day by which the applicant must be told the decision in writing (Leicestershire: 5 working days). */
export function decisionLetterDueBy(decidedOnIso: string, policy: TenantPolicy): string {
  return addWorkingDays(decidedOnIso, policy.volunteers.decisionLetterWorkingDays);
}
