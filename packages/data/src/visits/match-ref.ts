import { Problem } from "../errors.js";

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
