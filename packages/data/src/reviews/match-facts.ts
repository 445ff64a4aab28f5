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
