import { describe, expect, it } from "vitest";
import { exampleChild, exampleSettings, exampleVolunteer } from "./example-profiles.js";
import {
  type ChildMatchingProfile,
  MatchingSettings,
  TANDEM_SUGGESTED_WEIGHTS,
  type VolunteerMatchingProfile,
} from "./profiles.js";
import { listInWords, type ScoreFactorCode, scoreMatch } from "./scoring.js";

const factor = (
  code: ScoreFactorCode,
  child: Partial<ChildMatchingProfile>,
  volunteer: Partial<VolunteerMatchingProfile>,
) =>
  scoreMatch({ ...exampleChild, ...child }, { ...exampleVolunteer, ...volunteer }, exampleSettings).factors.find(
    (f) => f.code === code,
  );

const w = TANDEM_SUGGESTED_WEIGHTS;

interface FactorCase {
  case: string;
  code: ScoreFactorCode;
  child: Partial<ChildMatchingProfile>;
  volunteer: Partial<VolunteerMatchingProfile>;
  points: number;
  words: string;
}

describe("each factor's contribution, in points and words", () => {
  it.each([
    {
      case: 'Leeds: matched "based on their mutual interests": three shared',
      code: "interests",
      child: {},
      volunteer: {},
      points: 3 * w.perSharedInterest,
      words: "shares football, art and baking",
    },
    {
      case: "one shared interest",
      code: "interests",
      child: { interestTagIds: ["swimming", "gaming"] },
      volunteer: {},
      points: w.perSharedInterest,
      words: "shares swimming",
    },
    {
      case: "no shared interest",
      code: "interests",
      child: { interestTagIds: ["gaming"] },
      volunteer: {},
      points: 0,
      words: "shares none of the child's interests",
    },
    {
      case: "travels to the child's area",
      code: "area",
      child: {},
      volunteer: {},
      points: w.travelsToChildsArea,
      words: "travels to North Riverford",
    },
    {
      case: "does not travel to the child's area",
      code: "area",
      child: { placement: { kind: "in_area", areaId: "south-riverford" } },
      volunteer: {},
      points: 0,
      words: "does not list South Riverford among the areas they travel to",
    },
    {
      case: 'Redbridge: matched "whether they are located in or out of borough": out of area scores no area points',
      code: "area",
      child: { placement: { kind: "out_of_area", miles: 35, place: "Castlemoor" } },
      volunteer: {},
      points: 0,
      words: "the child lives out of area (Castlemoor, 35 miles)",
    },
    {
      case: "speaks the child's language",
      code: "language",
      child: {},
      volunteer: {},
      points: w.perSharedLanguage,
      words: "speaks Polish like the child",
    },
    {
      case: "language compared without regard to case",
      code: "language",
      child: { languages: ["polish", "Urdu"] },
      volunteer: { languages: ["POLISH", "urdu"] },
      points: 2 * w.perSharedLanguage,
      words: "speaks polish and Urdu like the child",
    },
    {
      case: "no shared home language",
      code: "language",
      child: {},
      volunteer: { languages: ["English"] },
      points: 0,
      words: "speaks none of the child's home languages",
    },
    {
      case: "free when the child can be visited",
      code: "availability",
      child: {},
      volunteer: {},
      points: 2 * w.perSharedTime,
      words: "free Saturdays and school holidays when the child can be visited",
    },
    {
      case: "never free when the child can be",
      code: "availability",
      child: {},
      volunteer: { availability: ["weekday_evening"] },
      points: 0,
      words: "free at none of the times the child can be visited",
    },
    {
      case: "drives",
      code: "driving",
      child: {},
      volunteer: {},
      points: w.drives,
      words: "drives, with licence, insurance and MOT checked",
    },
    {
      case: "does not drive",
      code: "driving",
      child: {},
      volunteer: { drives: false },
      points: 0,
      words: "does not drive",
    },
  ] satisfies FactorCase[])("$case", ({ code, child, volunteer, points, words }) => {
    expect(factor(code, child, volunteer)).toEqual({ code, points, words });
  });
});

describe("the score", () => {
  it("is the sum of its factors, all five shown", () => {
    const { score, factors } = scoreMatch(exampleChild, exampleVolunteer, exampleSettings);
    expect(factors.map((f) => f.code)).toEqual(["interests", "area", "language", "availability", "driving"]);
    expect(score).toBe(3 * 3 + 4 + 4 + 2 * 1 + 1);
  });

  it("follows the council's weights, not Tandem's", () => {
    const settings = { ...exampleSettings, weights: { ...w, perSharedInterest: 10, drives: 0 } };
    expect(scoreMatch(exampleChild, exampleVolunteer, settings).score).toBe(30 + 4 + 4 + 2);
  });
});

describe("matching settings", () => {
  it("take Tandem's suggested weights when the council has set none", () => {
    expect(MatchingSettings.parse({ areas: [], interestTags: [] }).weights).toEqual(TANDEM_SUGGESTED_WEIGHTS);
  });

  it("refuse two areas with the same id", () => {
    const twice = [
      { id: "elmbury", label: "Elmbury" },
      { id: "elmbury", label: "Elmbury East" },
    ];
    expect(MatchingSettings.safeParse({ areas: twice, interestTags: [] }).success).toBe(false);
  });

  it("refuse a negative weight", () => {
    expect(MatchingSettings.safeParse({ areas: [], interestTags: [], weights: { ...w, drives: -1 } }).success).toBe(
      false,
    );
  });
});

describe("lists in words", () => {
  it.each([
    [[], ""],
    [["art"], "art"],
    [["art", "baking"], "art and baking"],
    [["football", "art", "baking"], "football, art and baking"],
  ])("%j → %s", (items, words) => expect(listInWords(items)).toBe(words));
});
