import { describe, expect, it } from "vitest";
import type { VolunteerSummary } from "../../api/volunteers";
import { boardStages, groupByStage } from "./board";
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

describe("the board's columns", () => {
  const leicesterCity = {
    steps: (["initial_visit", "interview", "checks", "checks_cleared", "references", "assessment"] as const).map(
      (kind) => ({ kind, by: ["coordinator" as const] }),
    ),
    signOffs: [
      { title: "Team Manager", by: ["manager" as const] },
      { title: "Service Manager", by: ["manager" as const] },
    ],
  };
  const steps = ["initial_visit", "interview", "checks", "checks_cleared", "references"] as const;
  const open = ["enquiry", "application", ...steps] as const;
  const end = ["manager_decision", "approved", "suspended"] as const;
  it.each([
    {
      name: "Leicester City's pipeline: no panel, the assessment leads to the sign-offs",
      items: [],
      stages: [...open, ...end],
    },
    {
      name: "someone on an earlier version at the panel keeps a column",
      items: [summary("A", "panel", 3)],
      stages: [...open, "panel", ...end],
    },
  ])("$name", ({ items, stages }) => {
    expect(boardStages(leicesterCity, items)).toEqual(stages);
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
