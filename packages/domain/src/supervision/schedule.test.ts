import { describe, expect, it } from "vitest";
import { findPreset } from "../tenants/presets.js";
import { type DueSupervision, nextSupervision, type SupervisionInput, SupervisionRecord } from "./schedule.js";

const leics = findPreset("any-age-40-per-visit")?.policy;
if (!leics) throw new Error("preset");

type Case = [name: string, input: SupervisionInput, expected: DueSupervision | null];

describe("Leicestershire's supervision schedule", () => {
  const cases: Case[] = [
    ["no active match, no supervision due", { matchStarts: [], sessions: [] }, null],
    // “an individual supervision session, over the telephone is arranged at approximately six weeks”
    [
      "a first call six weeks after the match starts",
      { matchStarts: ["2026-01-05"], sessions: [] },
      { kind: "first_call", dueOn: "2026-02-16", rule: "firstCallAfterWeeks" },
    ],
    // “Six monthly formal group supervision is provided”
    [
      "then formal supervision six months after the call",
      { matchStarts: ["2026-01-05"], sessions: [{ kind: "first_call", heldOn: "2026-02-18" }] },
      { kind: "formal", dueOn: "2026-08-18", rule: "formalEveryMonths" },
    ],
    [
      "a group session moves each attendee's schedule on",
      {
        matchStarts: ["2026-01-05"],
        sessions: [
          { kind: "first_call", heldOn: "2026-02-18" },
          { kind: "group", heldOn: "2026-07-01" },
        ],
      },
      { kind: "formal", dueOn: "2027-01-01", rule: "formalEveryMonths" },
    ],
    // “Informal supervision will be given ... at any time the Independent Visitor requires this”
    [
      "informal supervision, given on request, does not move the schedule",
      {
        matchStarts: ["2026-01-05"],
        sessions: [
          { kind: "first_call", heldOn: "2026-02-18" },
          { kind: "informal", heldOn: "2026-05-01" },
        ],
      },
      { kind: "formal", dueOn: "2026-08-18", rule: "formalEveryMonths" },
    ],
    [
      "a second match gets its own first call",
      {
        matchStarts: ["2026-01-05", "2026-06-01"],
        sessions: [{ kind: "first_call", heldOn: "2026-02-18" }],
      },
      { kind: "first_call", dueOn: "2026-07-13", rule: "firstCallAfterWeeks" },
    ],
  ];
  it.each(cases)("%s", (_n, input, expected) => {
    expect(nextSupervision(input, leics)).toEqual(expected);
  });

  it("goes straight to formal supervision where the council has no first call", () => {
    const policy = structuredClone(leics);
    policy.matches.firstSupervisionWeeks = null;
    expect(nextSupervision({ matchStarts: ["2026-01-05"], sessions: [] }, policy)).toEqual({
      kind: "formal",
      dueOn: "2026-07-05",
      rule: "formalEveryMonths",
    });
  });
});

describe("a supervision record", () => {
  const base = { kind: "group", heldOn: "2026-07-01", volunteerIds: ["v1", "v2"] };
  it("records a group session once for everyone who attended", () => {
    expect(SupervisionRecord.parse(base).volunteerIds).toEqual(["v1", "v2"]);
  });
  it.each([
    [
      "an individual session with two volunteers",
      { ...base, kind: "individual" },
      "Only a group session has more than one volunteer",
    ],
    [
      "an escalation without the issue",
      { ...base, escalateToManager: true },
      "Say what the issue is before raising it with the manager",
    ],
    ["a volunteer twice", { ...base, volunteerIds: ["v1", "v1"] }, "Each volunteer can be listed only once"],
  ])("refuses %s", (_n, body, message) => {
    const r = SupervisionRecord.safeParse(body);
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toContain(message);
  });
});
