import { MatchStage } from "@tandem/domain/matches";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantTable } from "../tenant-table.js";
import { factsOf, type MatchFacts } from "./match-facts.js";

/**
 * Matching's match record as reviews read it: the same item `getMatchRecord` reads, parsed for the fields
 * reviews use (who, the stage, when it became active, the child's date of birth for the end age). Reviews
 * never write the match, so they need not carry its whole schema (the proposal, agreement, risk assessment
 * and history are matching's, and the endings function's, which writes it: ADR 23). Read-only, so a rename of a
 * field it reads in `StoredMatch` (matches/records.ts) must be made here too; read-views.test.ts reads a
 * stored match through it. Visits read the same item through `MatchGlance` (visits/match-ref.ts) for other
 * fields: the stage as any string, `activatedAt` (a date-time), the proposer and the risk-assessed activities;
 * reviews need the stage as a `MatchStage`, the day each stage began and the child's date of birth.
 */
const matchView = defineEntity({
  type: "match",
  schema: z.object({
    matchId: z.string(),
    referralId: z.string(),
    volunteerId: z.string(),
    stage: MatchStage,
    stageDates: z.partialRecord(MatchStage, z.string()),
    child: z.object({ firstName: z.string(), dateOfBirth: z.string() }),
    volunteer: z.object({ firstName: z.string() }),
  }),
  key: (tenantId, m: { matchId: string }) => keys.match(tenantId, m.matchId),
});

export interface ReviewedMatch {
  facts: MatchFacts;
  childDateOfBirth: string;
}

/** A match of this council as reviews see it (404 for another council's, exactly as an unknown one). */
export async function loadReviewedMatch(table: TenantTable, matchId: string): Promise<ReviewedMatch> {
  const m = await matchView.get(table, { matchId });
  if (!m) throw new Problem("not_found", "There is no match with that id in this council");
  return { facts: factsOf(m), childDateOfBirth: m.child.dateOfBirth };
}
