import { describe, expect, it } from "vitest";
import type { TenantPolicy } from "../tenants/policy.js";
import { findPreset } from "../tenants/presets.js";
import { type TrainingRecord, TrainingState, trainingBlocksMatch, trainingState } from "./training.js";

const TODAY = "2026-03-02";
const E = "safeguarding-elearning";
const D = "iv-one-day-course";

/** Leicestershire: the e-learning before any match, the one-day course within 6 months of approval. */
const leicestershire = (): TenantPolicy =>
  structuredClone((findPreset("any-age-40-per-visit") as { policy: TenantPolicy }).policy);

const done = (code: string, completedOn: string): TrainingRecord => ({ code, completedOn });

describe("training against the tenant's requirements", () => {
  it.each([
    {
      name: "an applicant with nothing done",
      records: [],
      approvedOn: null,
      expected: [
        { code: E, state: "needed_before_match" },
        { code: D, state: "due", dueBy: null },
      ],
    },
    {
      name: "approved last month, e-learning done",
      records: [done(E, "2026-02-10")],
      approvedOn: "2026-02-01",
      expected: [
        { code: E, state: "done", completedOn: "2026-02-10", renewBy: null },
        { code: D, state: "due", dueBy: "2026-08-01" },
      ],
    },
    {
      name: "approved six months ago today, course not done",
      records: [done(E, "2025-09-10")],
      approvedOn: "2025-09-02",
      expected: [
        { code: E, state: "done", completedOn: "2025-09-10", renewBy: null },
        { code: D, state: "due", dueBy: "2026-03-02" },
      ],
    },
    {
      name: "approved six months and a day ago, course not done",
      records: [done(E, "2025-09-10")],
      approvedOn: "2025-09-01",
      expected: [
        { code: E, state: "done", completedOn: "2025-09-10", renewBy: null },
        { code: D, state: "overdue", dueBy: "2026-03-01" },
      ],
    },
    {
      name: "everything done, the course late",
      records: [done(E, "2025-01-10"), done(D, "2025-09-01")],
      approvedOn: "2025-01-05",
      expected: [
        { code: E, state: "done", completedOn: "2025-01-10", renewBy: null },
        { code: D, state: "done", completedOn: "2025-09-01", renewBy: null },
      ],
    },
    {
      name: "training recorded for a later date has not happened yet",
      records: [done(E, "2026-03-03")],
      approvedOn: "2026-02-01",
      expected: [
        { code: E, state: "needed_before_match" },
        { code: D, state: "due", dueBy: "2026-08-01" },
      ],
    },
    {
      name: "training that is not a requirement is ignored",
      records: [done("first-aid", "2026-01-01")],
      approvedOn: null,
      expected: [
        { code: E, state: "needed_before_match" },
        { code: D, state: "due", dueBy: null },
      ],
    },
  ])("$name", ({ records, approvedOn, expected }) => {
    const got = trainingState(records, leicestershire(), approvedOn, TODAY);
    expect(got.map(({ title: _t, ...rest }) => rest)).toEqual(expected);
  });

  describe("where the tenant asks for the e-learning every 2 years", () => {
    const policy = () => {
      const p = leicestershire();
      p.volunteers.training = p.volunteers.training.map((t) => (t.code === E ? { ...t, renewEveryMonths: 24 } : t));
      return p;
    };

    it.each([
      { name: "done a year ago", records: [done(E, "2025-03-02")], expected: { state: "done", renewBy: "2027-03-01" } },
      {
        name: "done two years ago today",
        records: [done(E, "2024-03-02")],
        expected: { state: "expired", completedOn: "2024-03-02", renewBy: "2026-03-01" },
      },
      {
        name: "done twice, the refresher counts",
        records: [done(E, "2025-06-01"), done(E, "2022-01-01")],
        expected: { state: "done", completedOn: "2025-06-01", renewBy: "2027-05-31" },
      },
    ])("$name", ({ records, expected }) => {
      const [elearning] = trainingState(records, policy(), "2022-01-01", TODAY);
      expect(elearning).toMatchObject({ code: E, ...expected });
    });
  });

  it.each([
    ["done", false],
    ["due", false],
    ["overdue", true],
    ["needed_before_match", true],
    ["expired", true],
  ] as const)("%s blocks a new match: %s", (state, blocks) => {
    expect(trainingBlocksMatch(state)).toBe(blocks);
  });

  it("names every state in the table above", () => {
    expect(TrainingState.options).toHaveLength(5);
  });
});
