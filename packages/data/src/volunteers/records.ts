import { daysBetween } from "@tandem/domain/calendar";
import type { TenantRole } from "@tandem/domain/people";
import { PublicLanguage, type TenantPolicy } from "@tandem/domain/tenants";
import {
  ApplicationFlagCode,
  approvalBlockers,
  type CheckState,
  CheckStatus,
  DocumentCheck,
  GivenSignOff,
  matchabilityBlockers,
  PanelRecommendation,
  referencesSummary,
  TrainingRecord,
  trainingState,
  VolunteerAction,
  VolunteerApplication,
  type VolunteerBlocker,
  VolunteerFacts,
  VolunteerStage,
  volunteerActionsFor,
} from "@tandem/domain/volunteers";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import { volunteerSummaryOps } from "../reporting/summaries.js";
import type { Item, TenantTable, WriteOp } from "../tenant-table.js";
import { checkViews, type DomainView, domainRecord, isApprovedStage, listEntryItem, referenceChecks } from "./board.js";
import type { StoredPipeline } from "./pipelines.js";

// The board's entry and figures moved to board.ts; named here too for the modules that import them from the record.
export {
  boardFigures,
  boardRow,
  checkViews,
  type DomainView,
  domainRecord,
  listEntryItem,
  referenceChecks,
  VolunteerBoardEntry,
  volunteerBoardEntity,
} from "./board.js";

/**
 * A volunteer as stored: one item (`VOLUNTEER#<id>` in the tenant partition) holding the
 * application as submitted, the facts that decide the checks, every check, reference and training
 * record, the history and the version; plus one board entry (`V#<id>` in the `VL` partition) whose
 * gsi1 key moves with the stage, written in the same transaction, so a board page is one Query.
 */

export const VolunteerHistoryAction = z.union([
  VolunteerAction,
  z.enum([
    "applied",
    "check_recorded",
    "reference_requested",
    "reference_received",
    "reference_confirmed",
    "training_recorded",
    "profile_updated",
    "circumstances_reported",
    "linked_to_account",
  ]),
]);
export type VolunteerHistoryAction = z.output<typeof VolunteerHistoryAction>;

export const VolunteerHistoryEntry = z.object({
  at: z.string(),
  action: VolunteerHistoryAction,
  by: z.object({ personId: z.string(), name: z.string() }),
  from: VolunteerStage.nullable(),
  to: VolunteerStage,
  reason: z.string().optional(),
  notes: z.string().optional(),
  recommendation: PanelRecommendation.optional(),
  detail: z.string().optional(),
  /** The step's record: when, who took part, the outcome and why (pipelines from version 1). */
  record: z
    .object({
      on: z.string(),
      participants: z.array(z.string()),
      outcome: z.string().optional(),
      reason: z.string(),
    })
    .optional(),
});
export type VolunteerHistoryEntry = z.output<typeof VolunteerHistoryEntry>;

/** One referee named on the application, and where their reference stands. */
export const StoredReference = z.object({
  refereeName: z.string(),
  refereeEmail: z.string(),
  isProfessional: z.boolean(),
  /** null until the coordinator sends the request. */
  status: CheckStatus.nullable(),
  requestedOn: z.string().nullable(),
  tokenHash: z.string().nullable(),
  linkExpiresOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  confirmedByPhoneOn: z.string().nullable(),
  phoneNote: z.string().nullable(),
  answers: z.record(z.string(), z.string()).nullable(),
});
export type StoredReference = z.output<typeof StoredReference>;

/** A referee named on the application, not yet asked for their reference. */
export function unrequestedReference(referee: {
  name: string;
  email: string;
  isProfessional: boolean;
}): StoredReference {
  return {
    refereeName: referee.name,
    refereeEmail: referee.email,
    isProfessional: referee.isProfessional,
    status: null,
    requestedOn: null,
    tokenHash: null,
    linkExpiresOn: null,
    completedOn: null,
    confirmedByPhoneOn: null,
    phoneNote: null,
    answers: null,
  };
}

export const VolunteerProfileData = z.object({
  interests: z.array(z.string()),
  languages: z.array(z.string()),
  culture: z.string().optional(),
  faith: z.string().optional(),
  postcodeDistrict: z.string(),
  travelMiles: z.number(),
  capacity: z.number(),
  preferences: z.string().optional(),
});
export type VolunteerProfileData = z.output<typeof VolunteerProfileData>;

export const StoredVolunteer = z.object({
  id: z.string(),
  reference: z.string(),
  name: z.string(),
  email: z.string(),
  stage: VolunteerStage,
  stageSince: z.string(),
  appliedAt: z.string(),
  application: VolunteerApplication,
  facts: VolunteerFacts,
  flags: z.array(z.object({ code: ApplicationFlagCode, message: z.string() })),
  history: z.array(VolunteerHistoryEntry),
  checks: z.array(DocumentCheck),
  references: z.array(StoredReference),
  training: z.array(TrainingRecord),
  panelRecommendation: PanelRecommendation.nullable(),
  approvedOn: z.string().nullable(),
  approvedBy: z.object({ name: z.string() }).nullable(),
  decidedOn: z.string().nullable(),
  decisionLetterDueBy: z.string().nullable(),
  suspensionReason: z.string().nullable(),
  profile: VolunteerProfileData.nullable(),
  circumstances: z.array(z.object({ at: z.string(), text: z.string() })),
  /** The sign-in account linked to this record (the volunteer member with the application's e-mail). */
  personId: z.string().nullable(),
  /** The pipeline version the volunteer applied under; records from before versions are on version 0. */
  pipelineVersion: z.number().int().min(0).default(0),
  /** The sign-offs given so far, in the pipeline's order. */
  signOffs: z.array(GivenSignOff).default([]),
  /** The language the application was made in, so the e-mails to the applicant are in it (ADR 22); English for records stored before. */
  language: PublicLanguage.default("en"),
  version: z.number().int(),
});
export type StoredVolunteer = z.output<typeof StoredVolunteer>;

export const volunteerEntity = defineEntity({
  type: "volunteer",
  schema: StoredVolunteer,
  key: (tenantId, v: { id: string }) => keys.volunteer(tenantId, v.id),
});

// The e-mail link lives with the small reads of a volunteer (contact.ts) that visits and claims use.
export { volunteerEmailEntity } from "./contact.js";

/** A reference request link, by the SHA-256 of its token; kept a month past the link's end, then deleted by TTL. */
export const referenceLinkEntity = defineEntity({
  type: "volunteer-reference-token",
  schema: z.object({
    volunteerId: z.string(),
    index: z.number().int(),
    expiresOn: z.string(),
    usedAt: z.string().nullable(),
    version: z.number().int(),
    expiresAt: z.number(),
  }),
  key: (tenantId, link: { tokenHash: string }) => keys.volunteerReferenceToken(tenantId, link.tokenHash),
});

/** A reminder sent on one day, so a second run that day sends nothing again; deleted by TTL a week later. */
export const volunteerReminderEntity = defineEntity({
  type: "volunteer-reminder",
  schema: z.object({ expiresAt: z.number() }),
  key: (tenantId, sent: { day: string; what: string }) => keys.volunteerReminder(tenantId, sent.day, sent.what),
});

export function volunteerItem(tenantId: string, v: StoredVolunteer): Item {
  return volunteerEntity.item(tenantId, v);
}

export async function loadVolunteer(table: TenantTable, id: string): Promise<StoredVolunteer> {
  const v = await volunteerEntity.get(table, { id });
  if (!v) throw new Problem("not_found", "There is no volunteer with that id in this council");
  return v;
}

/** Someone changed the volunteer's record since the caller loaded it. */
export const staleVolunteer = () =>
  new Problem("version_conflict", "Someone else changed this record since you loaded it; reload and try again");

/** The volunteer's record, provided it is still at the version the caller loaded. */
export async function loadVolunteerAt(table: TenantTable, id: string, version: number): Promise<StoredVolunteer> {
  const v = await loadVolunteer(table, id);
  if (v.version !== version) throw staleVolunteer();
  return v;
}

/**
 * The record and its board entry as they now stand, replacing the record loaded (409 if it has
 * changed since), with what the change does to reporting's summaries.
 */
export function saveOps(tenantId: string, v: StoredVolunteer, loaded: StoredVolunteer | null): WriteOp[] {
  return [
    volunteerEntity.put(tenantId, v, loaded === null ? "absent" : { version: loaded.version }),
    { kind: "put", item: listEntryItem(tenantId, v), expect: "any" },
    ...volunteerSummaryOps(tenantId, loaded, v),
  ];
}

function trainingViews(v: StoredVolunteer, policy: TenantPolicy, today: string) {
  return trainingState(v.training, policy, v.approvedOn, today);
}

/** The whole record for staff: every state worked out for `today`, and the caller's possible actions. */
export function volunteerView(
  v: StoredVolunteer,
  policy: TenantPolicy,
  today: string,
  roles: readonly TenantRole[],
  pipeline: StoredPipeline,
) {
  const d: DomainView = { ...v, references: referenceChecks(v.references) };
  const record = domainRecord(d);
  const match = matchabilityBlockers(record, policy, today);
  const approval: VolunteerBlocker[] = isApprovedStage(v.stage) ? [] : approvalBlockers(record, policy, today);
  return {
    id: v.id,
    reference: v.reference,
    name: v.name,
    email: v.email,
    stage: v.stage,
    stageSince: v.stageSince,
    daysInStage: Math.max(0, daysBetween(v.stageSince, today)),
    appliedAt: v.appliedAt,
    language: v.language,
    application: v.application,
    facts: v.facts,
    flags: v.flags,
    history: v.history,
    checks: checkViews(d, policy, today),
    references: v.references.map((r, index) => ({
      index,
      refereeName: r.refereeName,
      refereeEmail: r.refereeEmail,
      isProfessional: r.isProfessional,
      state: referenceState(r, policy),
      status: r.status,
      requestedOn: r.requestedOn,
      linkExpiresOn: r.linkExpiresOn,
      completedOn: r.completedOn,
      confirmedByPhoneOn: r.confirmedByPhoneOn,
      phoneNote: r.phoneNote,
      answers: r.answers,
    })),
    referencesState: referencesSummary(d.references, policy).state,
    training: trainingViews(v, policy, today),
    approvalBlockers: approval,
    matchabilityBlockers: match,
    matchable: match.length === 0,
    allowedActions: volunteerActionsFor(v.stage, roles, pipeline.pipeline),
    pipeline: { version: pipeline.version, ...pipeline.pipeline },
    signOffs: v.signOffs,
    panelRecommendation: v.panelRecommendation,
    approvedOn: v.approvedOn,
    decidedOn: v.decidedOn,
    decisionLetterDueBy: v.decisionLetterDueBy,
    certificateAvailable: certificateAvailable(v),
    suspensionReason: v.suspensionReason,
    profile: v.profile,
    circumstances: v.circumstances,
    version: v.version,
  };
}

function referenceState(r: StoredReference, policy: TenantPolicy): CheckState {
  if (r.status === null) return "missing";
  if (r.status !== "passed") return r.status;
  if (policy.volunteers.referencesConfirmedByPhone && r.confirmedByPhoneOn === null) return "pending";
  return "valid";
}

/** The volunteer's own view: their profile, training and whether they can be matched; no checks' details. */
export function myView(v: StoredVolunteer, policy: TenantPolicy, today: string) {
  const d: DomainView = { ...v, references: referenceChecks(v.references) };
  return {
    id: v.id,
    reference: v.reference,
    name: v.name,
    stage: v.stage,
    profile: v.profile,
    circumstances: v.circumstances,
    training: trainingViews(v, policy, today),
    checks: checkViews(d, policy, today).map((c) => ({
      kind: c.kind,
      state: c.state,
      // References are done when the last one came in.
      completedOn:
        c.kind === "references"
          ? (d.references
              .flatMap((r) => r.completedOn ?? [])
              .sort()
              .at(-1) ?? null)
          : (c.check?.completedOn ?? null),
      validUntil: c.validUntil,
    })),
    approvedOn: v.approvedOn,
    matchable: matchabilityBlockers(domainRecord(d), policy, today).length === 0,
    certificateAvailable: certificateAvailable(v),
    version: v.version,
  };
}

/** Approved people hold a certificate; a suspension does not take it back, an ending does. */
export function certificateAvailable(v: Pick<StoredVolunteer, "stage" | "approvedOn">): boolean {
  return v.approvedOn !== null && (v.stage === "approved" || v.stage === "suspended");
}

export function historyEntry(
  table: TenantTable,
  action: VolunteerHistoryAction,
  from: VolunteerStage | null,
  to: VolunteerStage,
  extra: Partial<Pick<VolunteerHistoryEntry, "reason" | "notes" | "recommendation" | "detail" | "record">> = {},
  at = new Date().toISOString(),
): VolunteerHistoryEntry {
  const a = table.ctx.actor;
  return { at, action, by: { personId: a.personId, name: a.name }, from, to, ...extra };
}

/** The history grows with the record; it is capped so the item stays well inside DynamoDB's 400 KB. */
export const MAX_HISTORY = 300;
export function withHistory(v: StoredVolunteer, entry: VolunteerHistoryEntry): VolunteerHistoryEntry[] {
  return [...v.history, entry].slice(-MAX_HISTORY);
}

/** A short reference for the applicant to quote: `V-` and the first eight characters of the id. */
export function volunteerReference(id: string): string {
  return `V-${id.replace(/-/g, "").slice(0, 8).toUpperCase()}`;
}
