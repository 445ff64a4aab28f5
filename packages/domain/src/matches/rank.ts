import type { TenantPolicy } from "../tenants/policy.js";
import { type Candidate, type MatchBlocker, matchBlockers } from "./blockers.js";
import type { ChildMatchingProfile, MatchingSettings } from "./profiles.js";
import { type MatchScore, scoreMatch } from "./scoring.js";

export interface Suggestion extends MatchScore {
  volunteerId: string;
  firstName: string;
  /** Places still free: the first tie-break, so a volunteer with room is not left idle behind a busier one. */
  freePlaces: number;
}

export interface Excluded {
  volunteerId: string;
  firstName: string;
  blockers: MatchBlocker[];
}

export interface Ranking {
  suggestions: Suggestion[];
  excluded: Excluded[];
}

/** How ties are broken, in words for the screen, so the order is never a mystery. */
export const TIE_BREAK_WORDS =
  "Equal scores are ordered by free places (most first), then by the volunteer's reference (so the order never changes between views)";

/**
 * The volunteers who can be matched with this child now, best first, and every one who cannot, with
 * why. The same function serves the reverse view (one volunteer, many children) by calling it per child.
 */
export function rankVolunteers(
  child: ChildMatchingProfile,
  candidates: Candidate[],
  settings: MatchingSettings,
  policy: TenantPolicy,
  todayIso: string,
): Ranking {
  const suggestions: Suggestion[] = [];
  const excluded: Excluded[] = [];
  for (const c of candidates) {
    const { volunteerId, firstName } = c.profile;
    const blockers = matchBlockers(child, c, policy, todayIso);
    if (blockers.length > 0) {
      excluded.push({ volunteerId, firstName, blockers });
      continue;
    }
    const freePlaces = c.profile.capacity - c.openMatches;
    suggestions.push({ volunteerId, firstName, freePlaces, ...scoreMatch(child, c.profile, settings) });
  }
  suggestions.sort(
    (a, b) =>
      b.score - a.score ||
      b.freePlaces - a.freePlaces ||
      (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0),
  );
  return { suggestions, excluded };
}
