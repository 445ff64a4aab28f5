import type { TenantPolicy } from "../tenants/policy.js";
import { type Candidate, childBlockers, type MatchBlocker, matchBlockers } from "./blockers.js";
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
 * why. `rankChildren` is the reverse view, by the same blockers and score.
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

export interface ChildSuggestion extends MatchScore {
  referralId: string;
  firstName: string;
}

/**
 * The waiting children this volunteer could be proposed for now, best first (ties by referral id, so
 * the order is stable). Children blocked for everyone (not asked, objecting) are left out silently:
 * they are the child's story, not this volunteer's.
 */
export function rankChildren(
  candidate: Candidate,
  children: ChildMatchingProfile[],
  settings: MatchingSettings,
  policy: TenantPolicy,
  todayIso: string,
): ChildSuggestion[] {
  return children
    .filter(
      (c) =>
        childBlockers(c, policy, todayIso).length === 0 && matchBlockers(c, candidate, policy, todayIso).length === 0,
    )
    .map((c) => ({ referralId: c.referralId, firstName: c.firstName, ...scoreMatch(c, candidate.profile, settings) }))
    .sort((a, b) => b.score - a.score || (a.referralId < b.referralId ? -1 : a.referralId > b.referralId ? 1 : 0));
}
