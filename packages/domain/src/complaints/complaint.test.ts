import { describe, expect, it } from "vitest";
import { findPreset } from "../tenants/presets.js";
import { complaintState, escalationProblem, type StageRecord, stageDueOn } from "./complaint.js";

const policyOf = (id: string) => {
  const p = findPreset(id)?.policy;
  if (!p) throw new Error(id);
  return p;
};
const answered = { respondedOn: "2026-03-10", outcome: "not_upheld", dealtWithBy: "A Manager", response: "…" } as const;

describe("complaint stages", () => {
  it("gives each stage the council's working days (Tandem's suggested 10, 25 and 30)", () => {
    const p = policyOf("any-age-40-per-visit");
    expect(stageDueOn(1, "2026-03-02", p)).toBe("2026-03-16");
    expect(stageDueOn(2, "2026-03-02", p)).toBe("2026-04-08");
  });
  // Leicester City names three stages without timescales: no due date until the council sets one.
  it("has no due date where the council has not set the stage's time", () => {
    expect(stageDueOn(1, "2026-03-02", policyOf("per-session-and-monthly-limits-trial-visits"))).toBeNull();
  });
  it.each<[string, StageRecord[], string | null]>([
    ["no stage", [], "The complaint has no stage yet"],
    [
      "stage 1 unanswered",
      [{ stage: 1, startedOn: "2026-03-02", dueOn: null, outcome: null }],
      "Stage 1 has not responded yet",
    ],
    // “If you cannot accept the first report, the complaint then goes to: Stage Two”
    ["stage 1 answered", [{ stage: 1, startedOn: "2026-03-02", dueOn: null, outcome: answered }], null],
    [
      "withdrawn",
      [{ stage: 1, startedOn: "2026-03-02", dueOn: null, outcome: { ...answered, outcome: "withdrawn" } }],
      "The complaint was withdrawn",
    ],
    [
      "stage 3 answered",
      [{ stage: 3, startedOn: "2026-03-02", dueOn: null, outcome: answered }],
      "Stage 3 is the last stage",
    ],
  ])("escalating with %s: %s", (_n, stages, problem) => {
    expect(escalationProblem(stages)).toBe(problem);
  });
  it.each<[StageRecord, string, string]>([
    [{ stage: 1, startedOn: "2026-03-02", dueOn: "2026-03-16", outcome: null }, "2026-03-16", "open"],
    [{ stage: 1, startedOn: "2026-03-02", dueOn: "2026-03-16", outcome: null }, "2026-03-17", "overdue"],
    [{ stage: 1, startedOn: "2026-03-02", dueOn: null, outcome: null }, "2027-01-01", "open"],
    [{ stage: 1, startedOn: "2026-03-02", dueOn: "2026-03-16", outcome: answered }, "2026-04-01", "answered"],
  ])("%j on %s is %s", (stage, today, state) => {
    expect(complaintState([stage], today)).toBe(state);
  });
});
