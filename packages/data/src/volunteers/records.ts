import { daysBetween } from "@tandem/domain/calendar";
import type { TenantRole } from "@tandem/domain/people";
import type { TenantPolicy } from "@tandem/domain/tenants";
import {
  type ApplicationFlagCode,
  approvalBlockers,
  type CheckKind,
  type CheckState,
  type CheckStatus,
  currentCheck,
  type DocumentCheck,
  matchabilityBlockers,
  type PanelRecommendation,
  type ReferenceCheck,
  referencesSummary,
  requiredChecks,
  type TrainingRecord,
  trainingState,
  type VolunteerAction,
  type VolunteerApplication,
  type VolunteerBlocker,
  type VolunteerFacts,
  type VolunteerRecord,
  type VolunteerStage,
  volunteerActionsFor,
} from "@tandem/domain/volunteers";
import { Problem } from "../errors.js";
import { keys } from "../keys.js";
import type { Item, TenantTable, WriteOp } from "../tenant-table.js";

/**
 * A volunteer as stored: one item (`VOLUNTEER#<id>` in the tenant partition) holding the
 * application as submitted, the facts that decide the checks, every check, reference and training
 * record, the history and the version; plus one board entry (`V#<id>` in the `VL` partition) whose
 * gsi1 key moves with the stage, written in the same transaction, so a board page is one Query.
 */

export type VolunteerHistoryAction =
  | VolunteerAction
  | "applied"
  | "check_recorded"
  | "reference_requested"
  | "reference_received"
  | "reference_confirmed"
  | "training_recorded"
  | "profile_updated"
  | "circumstances_reported"
  | "linked_to_account";

export interface VolunteerHistoryEntry {
  at: string;
  action: VolunteerHistoryAction;
  by: { personId: string; name: string };
  from: VolunteerStage | null;
  to: VolunteerStage;
  reason?: string;
  notes?: string;
  recommendation?: PanelRecommendation;
  detail?: string;
}

/** One referee named on the application, and where their reference stands. */
export interface StoredReference {
  refereeName: string;
  refereeEmail: string;
  isProfessional: boolean;
  /** null until the coordinator sends the request. */
  status: CheckStatus | null;
  requestedOn: string | null;
  tokenHash: string | null;
  linkExpiresOn: string | null;
  completedOn: string | null;
  confirmedByPhoneOn: string | null;
  phoneNote: string | null;
  answers: Record<string, string> | null;
}

export interface VolunteerProfileData {
  interests: string[];
  languages: string[];
  culture?: string | undefined;
  faith?: string | undefined;
  postcodeDistrict: string;
  travelMiles: number;
  capacity: number;
  preferences?: string | undefined;
}

export interface StoredVolunteer {
  id: string;
  reference: string;
  name: string;
  email: string;
  stage: VolunteerStage;
  stageSince: string;
  appliedAt: string;
  application: VolunteerApplication;
  facts: VolunteerFacts;
  flags: { code: ApplicationFlagCode; message: string }[];
  history: VolunteerHistoryEntry[];
  checks: DocumentCheck[];
  references: StoredReference[];
  training: TrainingRecord[];
  panelRecommendation: PanelRecommendation | null;
  approvedOn: string | null;
  approvedBy: { name: string } | null;
  decidedOn: string | null;
  decisionLetterDueBy: string | null;
  suspensionReason: string | null;
  profile: VolunteerProfileData | null;
  circumstances: { at: string; text: string }[];
  /** The sign-in account linked to this record (the volunteer member with the application's e-mail). */
  personId: string | null;
  version: number;
}

const MAIN_TYPE = "volunteer";
const ENTRY_TYPE = "volunteer-entry";

export function volunteerItem(tenantId: string, v: StoredVolunteer): Item {
  return { ...keys.volunteer(tenantId, v.id), type: MAIN_TYPE, ...v };
}

function strip(item: Item): Record<string, unknown> {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, type: _t, ...rest } = item;
  return rest;
}

export async function loadVolunteer(table: TenantTable, id: string): Promise<StoredVolunteer> {
  const item = await table.get(keys.volunteer(table.ctx.tenantId, id));
  if (!item) throw new Problem("not_found", "There is no volunteer with that id in this council");
  return strip(item) as unknown as StoredVolunteer;
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

/** A reference as the domain's rules read it; a referee not yet asked has no check yet. */
export function referenceChecks(refs: readonly StoredReference[]): ReferenceCheck[] {
  return refs.flatMap((r): ReferenceCheck[] => {
    if (r.status === null || r.requestedOn === null) return [];
    return [
      {
        refereeName: r.refereeName,
        refereeEmail: r.refereeEmail,
        isProfessional: r.isProfessional,
        status: r.status,
        requestedOn: r.requestedOn,
        ...(r.completedOn ? { completedOn: r.completedOn } : {}),
        ...(r.confirmedByPhoneOn ? { confirmedByPhoneOn: r.confirmedByPhoneOn } : {}),
      },
    ];
  });
}

export type DomainView = Pick<StoredVolunteer, "stage" | "facts" | "checks" | "training" | "approvedOn"> & {
  references: ReferenceCheck[];
};

export function domainRecord(v: DomainView): VolunteerRecord {
  return {
    stage: v.stage,
    facts: v.facts,
    checks: v.checks,
    references: v.references,
    training: v.training,
    approvedOn: v.approvedOn,
  };
}

export function checkViews(v: DomainView, policy: TenantPolicy, today: string) {
  return requiredChecks(v.facts, policy).map(
    (
      kind: CheckKind,
    ): { kind: CheckKind; state: CheckState; validUntil: string | null; check: DocumentCheck | null } => {
      if (kind === "references") {
        return { kind, state: referencesSummary(v.references, policy).state, validUntil: null, check: null };
      }
      const c = currentCheck(kind, v.checks, policy, today);
      return { kind, state: c.state, validUntil: c.validUntil, check: c.check ?? null };
    },
  );
}

const isApprovedStage = (stage: VolunteerStage) => stage === "approved" || stage === "suspended";

/** The board's numbers on `today`: worked out on read because checks lapse with the calendar. */
export function boardFigures(v: DomainView, policy: TenantPolicy, today: string) {
  const counts = { valid: 0, expiring: 0, expired: 0, missing: 0, failed: 0, pending: 0 };
  for (const c of checkViews(v, policy, today)) counts[c.state] += 1;
  const record = domainRecord(v);
  const match = matchabilityBlockers(record, policy, today);
  const blockers = isApprovedStage(v.stage)
    ? match.length
    : approvalBlockers(record, policy, today).filter((b) => b.code !== "wrong_stage").length;
  return { checks: counts, blockers, matchable: match.length === 0 };
}

/** The board entry: the few fields a row shows plus what its figures are worked out from. */
export function listEntryItem(tenantId: string, v: StoredVolunteer): Item {
  return {
    ...keys.volunteerListEntry(tenantId, v.id),
    gsi1pk: keys.volunteerStageView(tenantId, v.stage),
    gsi1sk: `${v.stageSince}#${v.id}`,
    type: ENTRY_TYPE,
    id: v.id,
    reference: v.reference,
    name: v.name,
    stage: v.stage,
    stageSince: v.stageSince,
    facts: v.facts,
    checks: v.checks,
    references: referenceChecks(v.references),
    training: v.training,
    approvedOn: v.approvedOn,
  };
}

/** The record and its board entry as they now stand, replacing the version loaded (409 if stale). */
export function saveOps(tenantId: string, v: StoredVolunteer, loadedVersion: number | null): WriteOp[] {
  const main: WriteOp =
    loadedVersion === null
      ? { kind: "put", item: volunteerItem(tenantId, v), expect: "absent" }
      : { kind: "put", item: volunteerItem(tenantId, v), expect: "version", version: loadedVersion };
  return [main, { kind: "put", item: listEntryItem(tenantId, v), expect: "any" }];
}

export function boardRow(item: Item, policy: TenantPolicy, today: string) {
  const e = strip(item) as unknown as DomainView & Pick<StoredVolunteer, "id" | "reference" | "name" | "stageSince">;
  return {
    id: e.id,
    reference: e.reference,
    name: e.name,
    stage: e.stage,
    stageSince: e.stageSince,
    daysInStage: Math.max(0, daysBetween(e.stageSince, today)),
    ...boardFigures(e, policy, today),
  };
}

function trainingViews(v: StoredVolunteer, policy: TenantPolicy, today: string) {
  return trainingState(v.training, policy, v.approvedOn, today);
}

/** The whole record for staff: every state worked out for `today`, and the caller's possible actions. */
export function volunteerView(v: StoredVolunteer, policy: TenantPolicy, today: string, roles: readonly TenantRole[]) {
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
    allowedActions: volunteerActionsFor(v.stage, roles),
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
  extra: Partial<Pick<VolunteerHistoryEntry, "reason" | "notes" | "recommendation" | "detail">> = {},
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
