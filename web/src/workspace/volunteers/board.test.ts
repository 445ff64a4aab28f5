import { describe, expect, it } from "vitest";
import type { VolunteerSummary } from "../../api/volunteers";
import { groupByStage } from "./board";
import { readProfile, splitList } from "./profile";

const counts = { valid: 0, expiring: 0, expired: 0, missing: 0, failed: 0, pending: 0 };
const summary = (name: string, stage: VolunteerSummary["stage"], daysInStage: number): VolunteerSummary => ({
  id: crypto.randomUUID(),
  reference: name,
  name,
  stage,
  stageSince: "2026-01-01",
  daysInStage,
  checks: counts,
  blockers: 0,
  matchable: false,
});

describe("the volunteers board", () => {
  it("groups by stage, longest in stage first", () => {
    const groups = groupByStage([summary("A", "checks", 3), summary("B", "panel", 1), summary("C", "checks", 20)]);
    expect(groups.get("checks")?.map((v) => v.name)).toEqual(["C", "A"]);
    expect(groups.get("panel")?.map((v) => v.name)).toEqual(["B"]);
    expect(groups.get("approved")).toBeUndefined();
  });
});

describe("a volunteer's own profile", () => {
  const input = {
    interests: "football, drawing\ncooking",
    languages: "English, Welsh",
    culture: "",
    faith: " ",
    postcodeDistrict: "rf2",
    travelMiles: "10",
    capacity: "1",
    preferences: "",
  };

  it("reads what was typed as the API's profile", () => {
    expect(readProfile(input)).toEqual({
      profile: {
        interests: ["football", "drawing", "cooking"],
        languages: ["English", "Welsh"],
        culture: undefined,
        faith: undefined,
        postcodeDistrict: "RF2",
        travelMiles: 10,
        capacity: 1,
        preferences: undefined,
      },
    });
    expect(splitList(" a ,, b ")).toEqual(["a", "b"]);
  });

  it("names each problem's field", () => {
    const read = readProfile({ ...input, postcodeDistrict: "RF2 4QT", travelMiles: "far", capacity: "9" });
    expect("problems" in read ? read.problems.map((p) => p.key) : []).toEqual([
      "postcodeDistrict",
      "travelMiles",
      "capacity",
    ]);
  });
});
