import type { MatchStage } from "@tandem/domain/matches";

/**
 * What reviews, supervision and endings need to know of a match. The match itself is matching's
 * record (`@tandem/data/matches`); the API reads it and passes these facts, so this context never
 * writes the match and never reads another council's (the read is tenant-confined).
 */
export interface MatchFacts {
  id: string;
  referralId: string;
  volunteerId: string;
  stage: MatchStage;
  /** The day the match became active (null before). */
  activatedOn: string | null;
  /** How coordinators know the match in a list, such as "Mika and Robin". */
  label: string;
}

/** The fields of matching's match record the facts come from. */
export interface MatchFactsSource {
  matchId: string;
  referralId: string;
  volunteerId: string;
  stage: MatchStage;
  stageDates: Partial<Record<MatchStage, string>>;
  child: { firstName: string };
  volunteer: { firstName: string };
}

export function factsOf(m: MatchFactsSource): MatchFacts {
  return {
    id: m.matchId,
    referralId: m.referralId,
    volunteerId: m.volunteerId,
    stage: m.stage,
    activatedOn: m.stageDates.active ?? null,
    label: `${m.child.firstName} and ${m.volunteer.firstName}`,
  };
}
