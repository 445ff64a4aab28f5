import { createHash, randomUUID } from "node:crypto";
import type { ImportedChild, ImportedMatch, ImportedVolunteer } from "@tandem/domain/imports";
import type { MatchingSettings } from "@tandem/domain/matches";
import { formatReferralReference, priorityReasons } from "@tandem/domain/referrals";
import type { Tenant } from "@tandem/domain/tenants";
import { postcodeDistrict } from "@tandem/domain/volunteers";
import { type StoredVolunteerProfile, volunteerPrefill } from "../matches/profiles.js";
import type { StoredMatch } from "../matches/records.js";
import type { ReferralRecord } from "../referrals/records.js";
import { referencePrefix } from "../referrals/submit.js";
import type { TenantTable } from "../tenant-table.js";
import { MAX_HISTORY, type StoredReference, type StoredVolunteer, volunteerReference } from "../volunteers/records.js";

/**
 * The records an imported row becomes, built as the forms' own writes would store them: an approved
 * volunteer with their checks, references and training and a matching profile holding no places; a
 * referral on the waiting list (entered by staff on the referrer's behalf, accepted on its referral
 * date); an active match. Where the council's sheet has no column for something the record needs, the
 * words say so (ours), so a coordinator sees what came from the sheet and what did not.
 */

const startOfDay = (iso: string) => `${iso}T00:00:00.000Z`;
const NOT_RECORDED = "Not recorded in the council's spreadsheet";

export const rowHash = (value: unknown) =>
  createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);

const by = (table: TenantTable) => ({ personId: table.ctx.actor.personId, name: table.ctx.actor.name });

function storedReferences(v: ImportedVolunteer): StoredReference[] {
  return v.references.map((r) => ({
    refereeName: r.refereeName,
    refereeEmail: r.refereeEmail,
    isProfessional: r.isProfessional,
    status: r.status,
    requestedOn: r.requestedOn,
    tokenHash: null,
    linkExpiresOn: null,
    completedOn: r.completedOn ?? null,
    confirmedByPhoneOn: r.confirmedByPhoneOn ?? null,
    phoneNote: "Taken up before Tandem (imported)",
    answers: null,
  }));
}

/** The volunteer as the row says, new (`before` null) or replacing what an earlier import made. */
export function volunteerFromRow(
  table: TenantTable,
  v: ImportedVolunteer,
  before: StoredVolunteer | null,
  detail: string,
  now: Date,
): StoredVolunteer {
  const id = before?.id ?? randomUUID();
  const application: StoredVolunteer["application"] = {
    contact: v.contact,
    address: { line1: v.address.line1, town: v.address.town, postcode: v.address.postcode },
    background: {
      worksInCouncilChildrensServices: false,
      experienceWithChildren: NOT_RECORDED,
      interestsAndSkills: NOT_RECORDED,
      languages: v.languages.slice(0, 10),
      availability: NOT_RECORDED,
      drives: v.drives,
    },
    disclosures: { healthCondition: false, criminalRecord: false },
    referees: v.referees,
    declarations: { criminalRecordDeclared: true, consentToChecks: true, informationTrue: true },
  };
  const entry = {
    at: now.toISOString(),
    action: "profile_updated" as const,
    by: by(table),
    from: before?.stage ?? null,
    to: before?.stage ?? ("approved" as const),
    detail,
  };
  return {
    id,
    reference: before?.reference ?? volunteerReference(id),
    name: `${v.contact.firstName} ${v.contact.lastName}`,
    email: v.contact.email,
    // Imported records were not made through a public form: their e-mails start in English (ADR 22).
    language: before?.language ?? "en",
    stage: before?.stage ?? "approved",
    stageSince: before?.stageSince ?? v.approvedOn,
    appliedAt: before?.appliedAt ?? startOfDay(v.approvedOn),
    application,
    facts: {
      drives: v.drives,
      declaredHealthCondition: before?.facts.declaredHealthCondition ?? false,
      worksInCouncilChildrensServices: before?.facts.worksInCouncilChildrensServices ?? false,
    },
    flags: before?.flags ?? [],
    history: [...(before?.history ?? []), entry].slice(-MAX_HISTORY),
    checks: v.checks,
    references: storedReferences(v),
    training: v.training,
    panelRecommendation: before?.panelRecommendation ?? null,
    approvedOn: v.approvedOn,
    approvedBy: { name: v.approvedBy ?? NOT_RECORDED },
    decidedOn: before?.decidedOn ?? v.approvedOn,
    decisionLetterDueBy: before?.decisionLetterDueBy ?? null,
    suspensionReason: before?.suspensionReason ?? null,
    profile: before?.profile ?? {
      interests: [],
      languages: v.languages.slice(0, 10),
      postcodeDistrict: postcodeDistrict(v.address.postcode),
      travelMiles: 0,
      capacity: v.capacity,
    },
    circumstances: before?.circumstances ?? [],
    personId: before?.personId ?? null,
    pipelineVersion: before?.pipelineVersion ?? 0,
    signOffs: before?.signOffs ?? [],
    version: (before?.version ?? 0) + 1,
  };
}

/** The volunteer's matching profile: the prefill a coordinator would start from, with the sheet's capacity. */
export function volunteerProfileFromRow(
  v: StoredVolunteer,
  capacity: number,
  settings: MatchingSettings,
  tenant: Tenant,
  before: StoredVolunteerProfile | null,
  now: Date,
): StoredVolunteerProfile {
  if (before) return { ...before, capacity, version: before.version + 1, updatedAt: now.toISOString() };
  return {
    ...volunteerPrefill(v, settings, tenant.policy),
    capacity,
    placesHeld: 0,
    riskChecklist: null,
    version: 1,
    updatedAt: now.toISOString(),
  };
}

/** The referral's reference for a council's own reference: the same each time, so a retry finds it. */
export function importedReferralReference(tenant: Tenant, councilReference: string): string {
  const bytes = createHash("sha256").update(`${tenant.id}\nimport\n${councilReference.trim().toLowerCase()}`).digest();
  return formatReferralReference(referencePrefix(tenant), bytes);
}

export function referralFromRow(
  table: TenantTable,
  tenant: Tenant,
  c: ImportedChild,
  before: ReferralRecord | null,
  detail: string,
  now: Date,
): ReferralRecord {
  const at = now.toISOString();
  const answers = c.answers;
  const base = {
    answers,
    // Flags are raised for a coordinator triaging a new referral; these were triaged before Tandem.
    flags: before?.flags ?? [],
    priorityReasons: priorityReasons(answers, tenant.policy.referrals.priority, c.referralDate),
    receivedAt: startOfDay(c.referralDate),
    receivedOn: c.referralDate,
    acceptedOn: c.referralDate,
    respondBy: c.referralDate,
    contactEmail: answers.referrer.workEmail,
  };
  if (before) {
    return {
      ...before,
      ...base,
      history: [
        ...before.history,
        { at, action: "submitted", by: by(table), from: before.status, to: before.status, reason: detail },
      ],
      version: before.version + 1,
    } as ReferralRecord;
  }
  return {
    reference: importedReferralReference(tenant, c.reference),
    kind: "professional",
    status: "waiting_for_match",
    language: "en",
    ...base,
    policyVersion: tenant.policyVersion,
    respondWithinWorkingDays: tenant.policy.referrals.responseWorkingDays,
    verificationMethod: "staff",
    verified: true,
    verifiedAt: at,
    visible: true,
    enteredOnBehalf: true,
    reviewBy: null,
    penPicture: null,
    verification: null,
    pendingInformation: null,
    history: [{ at, action: "submitted", by: by(table), from: null, to: "waiting_for_match", reason: detail }],
    idempotency: { keyHash: `import:${c.reference}`, requestHash: rowHash(c) },
    version: 1,
  };
}

export function matchFromRow(
  table: TenantTable,
  m: ImportedMatch,
  parties: {
    volunteerId: string;
    volunteerFirstName: string;
    referralId: string;
    childFirstName: string;
    childDateOfBirth: string;
  },
  before: StoredMatch | null,
  detail: string,
  now: Date,
): StoredMatch {
  const entry = {
    at: now.toISOString(),
    action: "activate" as const,
    by: by(table),
    from: before?.stage ?? null,
    to: before?.stage ?? ("active" as const),
    detail,
  };
  if (before) {
    const active = before.stage === "active";
    return {
      ...before,
      stageSince: active ? m.startDate : before.stageSince,
      stageDates: { ...before.stageDates, active: m.startDate },
      activatedAt: startOfDay(m.startDate),
      history: [...before.history, entry].slice(-200),
      version: before.version + 1,
    };
  }
  return {
    matchId: randomUUID(),
    referralId: parties.referralId,
    volunteerId: parties.volunteerId,
    stage: "active",
    stageSince: m.startDate,
    stageDates: { active: m.startDate },
    proposedAt: startOfDay(m.startDate),
    activatedAt: startOfDay(m.startDate),
    child: { firstName: parties.childFirstName, dateOfBirth: parties.childDateOfBirth },
    volunteer: { firstName: parties.volunteerFirstName },
    proposal: {
      by: by(table),
      score: 0,
      rank: null,
      whyThisVolunteer: "Matched before Tandem (imported from the council's spreadsheet)",
      overridden: [],
      overrideReason: null,
    },
    agreement: null,
    agreementLink: null,
    introduction: null,
    trialVisits: [],
    ratification: null,
    riskAssessment: null,
    didNotProceed: null,
    history: [entry],
    version: 1,
  };
}
