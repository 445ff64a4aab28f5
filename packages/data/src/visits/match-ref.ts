import * as z from "zod";
import { auditRead } from "../audit.js";
import { defineEntity } from "../entity.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantTable } from "../tenant-table.js";

/**
 * What visits, claims and concerns need of a match (read by the API through the matches context): its
 * id, the child's referral, the volunteer, its stage and the day it became active.
 */
export interface MatchRef {
  matchId: string;
  referralId: string;
  volunteerId: string;
  stage: string;
  /** ISO date or date-time the match became active; null before. */
  activatedAt: string | null;
}

/**
 * A stored match as visits, claims and their summaries read it: the same item as `matchEntity`
 * (matches/records.ts), read through a schema of these fields only and never written through it, so the
 * functions that serve visits and money do not carry (and build at load) every stage's record schemas.
 * The fields are declared as in `StoredMatch`; a test reads one stored match through both. Reviews read the
 * same item through their own view (reviews/match-view.ts) for other fields.
 */
export const MatchGlance = z.object({
  matchId: z.string(),
  referralId: z.string(),
  volunteerId: z.string(),
  stage: z.string(),
  activatedAt: z.string().nullable(),
  child: z.object({ firstName: z.string() }),
  volunteer: z.object({ firstName: z.string() }),
  /** Who proposed it: the coordinator whose caseload it is in (reporting/activity.ts). */
  proposal: z.object({ by: z.object({ personId: z.string() }) }),
  /** The risk-assessed activities a visit may choose from. */
  riskAssessment: z.object({ activities: z.array(z.object({ activity: z.string() })) }).nullable(),
});
export type MatchGlance = z.output<typeof MatchGlance>;

export const matchGlanceEntity = defineEntity({
  type: "match",
  schema: MatchGlance,
  key: (tenantId, m: { matchId: string }) => keys.match(tenantId, m.matchId),
});

/** One match of this council as visits read it, or the same 404 as the matches context's. Not audited. */
export async function matchGlance(table: TenantTable, matchId: string): Promise<MatchGlance> {
  const m = await matchGlanceEntity.get(table, { matchId });
  if (!m) throw new Problem("not_found", "There is no match with that id in this council");
  return m;
}

/** One match of this council as visits read it, or 404; the read is audited before anything is returned. */
export async function readMatchGlance(table: TenantTable, matchId: string): Promise<MatchGlance> {
  const m = await matchGlance(table, matchId);
  await auditRead(table, { action: "read", subject: { type: "match", id: matchId } });
  return m;
}

/**
 * A volunteer's own active match, or the same 404 as an unknown id: another volunteer's match, like
 * another council's, does not exist for them.
 */
export function ownActiveMatch(match: MatchRef | undefined, volunteerId: string | null): MatchRef {
  if (!match || (volunteerId !== null && match.volunteerId !== volunteerId)) {
    throw new Problem("not_found", "No match with that id");
  }
  if (match.stage !== "active") {
    throw new Problem("conflict", "Visits and claims are for active matches only: this match is not active");
  }
  return match;
}
