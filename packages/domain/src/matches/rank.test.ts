import { describe, expect, it } from "vitest";
import type { TenantPolicy } from "../tenants/policy.js";
import { findPreset } from "../tenants/presets.js";
import { exampleCandidate, exampleChild, exampleSettings } from "./example-profiles.js";
import type { ChildMatchingProfile } from "./profiles.js";
import { rankChildren, rankVolunteers } from "./rank.js";

const TODAY = "2026-03-02";
const leics = structuredClone((findPreset("any-age-40-per-visit") as { policy: TenantPolicy }).policy);

const rank = (candidates: ReturnType<typeof exampleCandidate>[]) =>
  rankVolunteers(exampleChild, candidates, exampleSettings, leics, TODAY);

describe("ranking the volunteers for a waiting child", () => {
  it("leaves out the blocked ones, each with why, and orders the rest by score", () => {
    const all = [
      exampleCandidate(leics, { volunteerId: "vol-a", interestTagIds: ["art"] }),
      exampleCandidate(leics, { volunteerId: "vol-b" }),
      exampleCandidate(leics, { volunteerId: "vol-c", capacity: 1 }, 1),
      exampleCandidate(leics, { volunteerId: "vol-d", interestTagIds: [] }),
    ];
    const { suggestions, excluded } = rank(all);
    expect(suggestions.map((s) => [s.volunteerId, s.score])).toEqual([
      ["vol-b", 20],
      ["vol-a", 14],
      ["vol-d", 11],
    ]);
    expect(excluded.map((e) => [e.volunteerId, e.blockers.map((b) => b.code)])).toEqual([["vol-c", ["at_capacity"]]]);
  });

  it("breaks a tie by free places, then by reference, whatever order they came in", () => {
    const tied = [
      exampleCandidate(leics, { volunteerId: "vol-z", capacity: 2 }, 1),
      exampleCandidate(leics, { volunteerId: "vol-y", capacity: 1 }),
      exampleCandidate(leics, { volunteerId: "vol-x", capacity: 2 }),
    ];
    const order = (list: typeof tied) => rank(list).suggestions.map((s) => [s.volunteerId, s.freePlaces]);
    expect(order(tied)).toEqual([
      ["vol-x", 2],
      ["vol-y", 1],
      ["vol-z", 1],
    ]);
    expect(order([...tied].reverse())).toEqual(order(tied));
  });

  it("shows each suggestion's reasons", () => {
    const [top] = rank([exampleCandidate(leics)]).suggestions;
    expect(top?.factors.filter((f) => f.points > 0).map((f) => f.words)).toEqual([
      "shares football, art and baking",
      "travels to North Riverford",
      "speaks Polish like the child",
      "free Saturdays and school holidays when the child can be visited",
      "drives, with licence, insurance and MOT checked",
    ]);
  });

  it("suggests nobody from an empty list", () => {
    expect(rank([])).toEqual({ suggestions: [], excluded: [] });
  });
});

describe("the reverse view: waiting children for one volunteer", () => {
  const child = (referralId: string, more: Partial<ChildMatchingProfile>): ChildMatchingProfile => ({
    ...exampleChild,
    referralId,
    ...more,
  });

  it("lists the children who fit, best first, by the same score and blockers", () => {
    const children = [
      child("ref-b", { interestTagIds: ["gaming"] }),
      child("ref-a", {}),
      child("ref-c", { childAgrees: "no" }),
      child("ref-d", { refusedVolunteerIds: ["vol-0001"] }),
      child("ref-e", { referralStatus: "matched" }),
      child("ref-f", { interestTagIds: ["gaming"] }),
    ];
    const ranked = rankChildren(exampleCandidate(leics), children, exampleSettings, leics, TODAY);
    expect(ranked.map((c) => [c.referralId, c.score])).toEqual([
      ["ref-a", 20],
      ["ref-b", 11],
      ["ref-f", 11],
    ]);
  });

  it("lists none for a volunteer with no place free", () => {
    expect(rankChildren(exampleCandidate(leics, {}, 1), [exampleChild], exampleSettings, leics, TODAY)).toEqual([]);
  });
});
