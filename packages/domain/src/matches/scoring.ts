import * as z from "zod";
import type { ChildMatchingProfile, MatchingSettings, TimeOfWeek, VolunteerMatchingProfile } from "./profiles.js";
import { sameTerm } from "./profiles.js";

/**
 * How well an approved volunteer suits a waiting child, as a sum of factors the coordinator can read:
 * each factor says in words what it found and what it added, so a suggestion is never a bare number.
 * Whether the volunteer may be suggested at all is `blockers.ts`'s business, not this score's.
 */
export const ScoreFactorCode = z.enum(["interests", "area", "language", "availability", "driving"]);
export type ScoreFactorCode = z.infer<typeof ScoreFactorCode>;

export interface ScoreFactor {
  code: ScoreFactorCode;
  points: number;
  words: string;
}

export interface MatchScore {
  score: number;
  factors: ScoreFactor[];
}

const TIME_WORDS: Readonly<Record<TimeOfWeek, string>> = {
  weekday_after_school: "weekdays after school",
  weekday_evening: "weekday evenings",
  saturday: "Saturdays",
  sunday: "Sundays",
  school_holidays: "school holidays",
};

/** "football", "football and art", "football, art and baking". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function labelOf(list: { id: string; label: string }[], id: string): string {
  return list.find((x) => x.id === id)?.label ?? id;
}

function interests(c: ChildMatchingProfile, v: VolunteerMatchingProfile, s: MatchingSettings): ScoreFactor {
  const shared = c.interestTagIds.filter((t) => v.interestTagIds.includes(t)).map((t) => labelOf(s.interestTags, t));
  return {
    code: "interests",
    points: shared.length * s.weights.perSharedInterest,
    words: shared.length > 0 ? `shares ${listInWords(shared)}` : "shares none of the child's interests",
  };
}

function area(c: ChildMatchingProfile, v: VolunteerMatchingProfile, s: MatchingSettings): ScoreFactor {
  if (c.placement.kind === "out_of_area") {
    // No list of areas reaches a placement outside the council's: the coordinator weighs the distance.
    return {
      code: "area",
      points: 0,
      words: `the child lives out of area (${c.placement.place}, ${c.placement.miles} miles)`,
    };
  }
  const name = labelOf(s.areas, c.placement.areaId);
  const travels = v.travelsToAreaIds.includes(c.placement.areaId);
  return {
    code: "area",
    points: travels ? s.weights.travelsToChildsArea : 0,
    words: travels ? `travels to ${name}` : `does not list ${name} among the areas they travel to`,
  };
}

function language(c: ChildMatchingProfile, v: VolunteerMatchingProfile, s: MatchingSettings): ScoreFactor {
  const shared = c.languages.filter((l) => v.languages.some((m) => sameTerm(l, m)));
  return {
    code: "language",
    points: shared.length * s.weights.perSharedLanguage,
    words:
      shared.length > 0 ? `speaks ${listInWords(shared)} like the child` : "speaks none of the child's home languages",
  };
}

function availability(c: ChildMatchingProfile, v: VolunteerMatchingProfile, s: MatchingSettings): ScoreFactor {
  const shared = c.availability.filter((t) => v.availability.includes(t));
  return {
    code: "availability",
    points: shared.length * s.weights.perSharedTime,
    words:
      shared.length > 0
        ? `free ${listInWords(shared.map((t) => TIME_WORDS[t]))} when the child can be visited`
        : "free at none of the times the child can be visited",
  };
}

function driving(v: VolunteerMatchingProfile, s: MatchingSettings): ScoreFactor {
  return {
    code: "driving",
    points: v.drives ? s.weights.drives : 0,
    words: v.drives ? "drives, with licence, insurance and MOT checked" : "does not drive",
  };
}

/** The score of one volunteer for one child, each factor with its contribution in words. */
export function scoreMatch(
  child: ChildMatchingProfile,
  volunteer: VolunteerMatchingProfile,
  settings: MatchingSettings,
): MatchScore {
  const factors = [
    interests(child, volunteer, settings),
    area(child, volunteer, settings),
    language(child, volunteer, settings),
    availability(child, volunteer, settings),
    driving(volunteer, settings),
  ];
  return { score: factors.reduce((sum, f) => sum + f.points, 0), factors };
}
