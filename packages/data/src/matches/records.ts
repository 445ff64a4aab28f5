import { daysBetween } from "@tandem/domain/calendar";
import {
  ActedBy,
  Agreement,
  DidNotProceedRecord,
  holdsAPlace,
  IntroductionRecord,
  MatchAction,
  MatchStage,
  ProposalRecord,
  RatificationRecord,
  RecordedRiskAssessment,
  TrialVisitRecord,
} from "@tandem/domain/matches";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";

/**
 * A match as stored: one item (`MATCH#<id>` in the tenant partition) with every stage's record, the
 * history and the version. Its gsi1 entry puts it on the board (`open`, proposed to ending) or among the
 * closed ones, sorted by stage then by how long it has been there, so the board is one Query. Small
 * link entries in `#ML` name each match of a volunteer (`V#<volunteer>#M#<match>`) and of a child
 * (`C#<referral>#M#<match>`), written in the same transaction, so "matches of X" is one Query too.
 */

export const MatchHistoryAction = z.union([MatchAction, z.enum(["proposed", "risk_assessment_recorded"])]);
export type MatchHistoryAction = z.output<typeof MatchHistoryAction>;

export const MatchHistoryEntry = z.object({
  at: z.string(),
  action: MatchHistoryAction,
  by: ActedBy,
  from: MatchStage.nullable(),
  to: MatchStage,
  detail: z.string().optional(),
});
export type MatchHistoryEntry = z.output<typeof MatchHistoryEntry>;

export const StoredMatch = z.object({
  matchId: z.string(),
  referralId: z.string(),
  volunteerId: z.string(),
  stage: MatchStage,
  /** The day it reached its stage (Europe/London). */
  stageSince: z.string(),
  /** The day each stage was reached. */
  stageDates: z.partialRecord(MatchStage, z.string()),
  proposedAt: z.string(),
  /** When it became active: the referral is matched from then on. */
  activatedAt: z.string().nullable(),
  child: z.object({ firstName: z.string(), dateOfBirth: z.string() }),
  volunteer: z.object({ firstName: z.string() }),
  proposal: ProposalRecord,
  agreement: Agreement.safeExtend({ via: z.enum(["coordinator", "link"]) }).nullable(),
  /** The social worker's single-use link: only the hash of its secret is stored. */
  agreementLink: z
    .object({ sentTo: z.string(), tokenHash: z.string(), expiresOn: z.string(), usedAt: z.string().nullable() })
    .nullable(),
  introduction: IntroductionRecord.nullable(),
  trialVisits: z.array(TrialVisitRecord),
  ratification: RatificationRecord.nullable(),
  riskAssessment: RecordedRiskAssessment.nullable(),
  didNotProceed: DidNotProceedRecord.nullable(),
  history: z.array(MatchHistoryEntry),
  version: z.number().int(),
});
export type StoredMatch = z.output<typeof StoredMatch>;

export const isOpenMatch = (stage: MatchStage) => holdsAPlace(stage);

/** Stages in the board's order, so the board reads left to right. */
const STAGE_ORDER = Object.fromEntries(MatchStage.options.map((s, i) => [s, String(i).padStart(2, "0")]));

/** The start of the board's sort key for one stage: a stage's column is one Query with this prefix. */
export const boardStagePrefix = (stage: MatchStage) => `${STAGE_ORDER[stage]}#${stage}#`;

export const boardSortKey = (m: Pick<StoredMatch, "stage" | "stageSince" | "matchId">) =>
  `${boardStagePrefix(m.stage)}${m.stageSince}#${m.matchId}`;

export const matchEntity = defineEntity({
  type: "match",
  schema: StoredMatch,
  key: (tenantId, m: { matchId: string }) => keys.match(tenantId, m.matchId),
  index: (tenantId, m) => ({
    gsi1pk: keys.matchBoard(tenantId, isOpenMatch(m.stage) ? "open" : "closed"),
    gsi1sk: boardSortKey(m),
  }),
});

/** What a list of someone's matches shows: first names and the child's date of birth (for the age), no more. */
export const MatchLinkEntry = z.object({
  matchId: z.string(),
  referralId: z.string(),
  volunteerId: z.string(),
  stage: MatchStage,
  stageSince: z.string(),
  childFirstName: z.string(),
  childDateOfBirth: z.string(),
  volunteerFirstName: z.string(),
});
export type MatchLinkEntry = z.output<typeof MatchLinkEntry>;

export const matchLinkEntity = defineEntity({
  type: "match-link",
  schema: MatchLinkEntry,
  key: (tenantId, e: { sk: string }) => keys.matchLink(tenantId, e.sk),
});

export const volunteerMatchesPrefix = (volunteerId: string) => `V#${volunteerId}#M#`;
export const childMatchesPrefix = (referralId: string) => `C#${referralId}#M#`;

function linkEntry(m: StoredMatch): MatchLinkEntry {
  return {
    matchId: m.matchId,
    referralId: m.referralId,
    volunteerId: m.volunteerId,
    stage: m.stage,
    stageSince: m.stageSince,
    childFirstName: m.child.firstName,
    childDateOfBirth: m.child.dateOfBirth,
    volunteerFirstName: m.volunteer.firstName,
  };
}

/** The match and its two link entries, as it now stands, replacing the version loaded (409 when stale). */
export function saveMatchOps(tenantId: string, m: StoredMatch, loadedVersion: number | null): WriteOp[] {
  const entry = linkEntry(m);
  return [
    matchEntity.put(
      tenantId,
      m,
      loadedVersion === null
        ? "absent"
        : {
            version: loadedVersion,
            message: "Someone else changed this match since you loaded it; reload and try again",
          },
    ),
    matchLinkEntity.put(tenantId, entry, "any", { id: { sk: `${volunteerMatchesPrefix(m.volunteerId)}${m.matchId}` } }),
    matchLinkEntity.put(tenantId, entry, "any", { id: { sk: `${childMatchesPrefix(m.referralId)}${m.matchId}` } }),
  ];
}

/** A match of this council, or 404 (another council's id answers exactly as an unknown one). */
export async function getMatchRecord(table: TenantTable, matchId: string): Promise<StoredMatch> {
  const m = await matchEntity.get(table, { matchId });
  if (!m) throw new Problem("not_found", "There is no match with that id in this council");
  return m;
}

export function matchHistoryEntry(
  table: TenantTable,
  action: MatchHistoryAction,
  from: MatchStage | null,
  to: MatchStage,
  detail?: string,
  by: { personId: string; name: string } = table.ctx.actor,
): MatchHistoryEntry {
  return {
    at: new Date().toISOString(),
    action,
    by: { personId: by.personId, name: by.name },
    from,
    to,
    ...(detail ? { detail } : {}),
  };
}

export const daysInStage = (m: Pick<StoredMatch, "stageSince">, today: string) =>
  Math.max(0, daysBetween(m.stageSince, today));

/** The history grows with the record; capped so the item stays well inside DynamoDB's 400 KB. */
export const MAX_MATCH_HISTORY = 200;
