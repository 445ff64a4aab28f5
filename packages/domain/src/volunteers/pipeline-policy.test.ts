import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { policyPresets } from "../tenants/presets.js";
import { allowedVolunteerActions, applyVolunteerAction, pipelineStages, type VolunteerStage } from "./pipeline.js";
import {
  LEGACY_PIPELINE,
  type PipelineStepKind,
  pipelineContradictions,
  pipelineStaffingProblems,
  RecruitmentPipeline,
  STEP_CATALOGUE,
  type Staff,
} from "./pipeline-policy.js";
import { pipelinePresetFor, pipelinePresets } from "./pipeline-presets.js";
import { nextSignOff } from "./sign-offs.js";

// The seeds sit beside the repository (../shared/seeds), or beside the folder of worktrees.
const SEEDS = ["../../../../../shared/seeds/", "../../../../../../shared/seeds/"]
  .map((p) => new URL(p, import.meta.url))
  .find((u) => existsSync(u));
const seedText = (document: string) => {
  const file = [
    "000_54689c6ddedca8ba",
    "001_95f440f22a9ad41b",
    "002_74ae7f548d19c6e2",
    "003_76533bb3252cffb9",
    "004_56fbbb3061259ba0",
  ].find((f) => document.startsWith(f.slice(0, 3)));
  // Whitespace in the documents wraps lines, so it is compared loosely.
  return readFileSync(new URL(`${file}.txt`, SEEDS), "utf8").replace(/\s+/g, " ");
};
const seedsPresent = SEEDS !== undefined;

describe("the step catalogue", () => {
  // Each step on a pipeline that has only it: what it is done by, what stage it leads to, and its gate.
  it.each([
    { kind: "initial_visit", action: "record_initial_visit", gate: null },
    { kind: "interview", action: "record_interview", gate: null },
    { kind: "checks", action: "start_checks", gate: null },
    { kind: "checks_cleared", action: "record_checks_cleared", gate: "checks" },
    { kind: "references", action: "record_references", gate: "references" },
    { kind: "training", action: "record_pre_approval_training", gate: "training" },
    { kind: "assessment", action: "record_assessment", gate: null },
    { kind: "panel", action: "record_panel_recommendation", gate: null },
  ] as const)("$kind is done with $action (gate: $gate)", ({ kind, action, gate }) => {
    expect(STEP_CATALOGUE[kind].action).toBe(action);
    expect(STEP_CATALOGUE[kind].gate).toBe(gate);
    const p = RecruitmentPipeline.parse({
      steps: [{ kind, by: ["coordinator"] }],
      signOffs: [{ title: "Manager", by: ["manager"] }],
    });
    const from: VolunteerStage = kind === "panel" ? "panel" : "application";
    expect(applyVolunteerAction(from, action, "coordinator", p)).toEqual({
      ok: true,
      to: "manager_decision",
      step: kind,
    });
    expect(applyVolunteerAction(from, action, "manager", p)).toEqual({
      ok: false,
      reason: "wrong_role",
      roles: ["coordinator"],
    });
  });

  it("leads each step to its own stage when another step follows", () => {
    const kinds: PipelineStepKind[] = [
      "initial_visit",
      "interview",
      "checks",
      "checks_cleared",
      "references",
      "training",
      "assessment",
    ];
    const p = RecruitmentPipeline.parse({
      steps: [...kinds.map((kind) => ({ kind, by: ["coordinator"] })), { kind: "panel", by: ["panel_member"] }],
      signOffs: [{ title: "Manager", by: ["manager"] }],
    });
    let stage: VolunteerStage = "application";
    for (const kind of kinds) {
      const r = applyVolunteerAction(stage, STEP_CATALOGUE[kind].action, "coordinator", p);
      expect(r).toEqual({ ok: true, to: STEP_CATALOGUE[kind].stage, step: kind });
      if (r.ok) stage = r.to;
    }
    expect(applyVolunteerAction(stage, "refer_to_panel", "coordinator", p)).toEqual({ ok: true, to: "panel" });
  });
});

describe("pipeline contradictions", () => {
  const ok = {
    steps: [{ kind: "assessment", by: ["coordinator"] }],
    signOffs: [{ title: "Manager", by: ["manager"] }],
  };
  it.each([
    { name: "no sign-off", change: { signOffs: [] }, message: "Add at least one sign-off" },
    { name: "no step", change: { steps: [] }, message: "Add at least one step" },
    {
      name: "a step twice",
      change: {
        steps: [
          { kind: "interview", by: ["coordinator"] },
          { kind: "interview", by: ["coordinator"] },
        ],
      },
      message: '"Interview" is in the pipeline twice',
    },
    {
      name: "the panel before another step",
      change: {
        steps: [
          { kind: "panel", by: ["panel_member"] },
          { kind: "interview", by: ["coordinator"] },
        ],
      },
      message: "The approval panel must be the last step",
    },
    {
      name: "checks cleared before started",
      change: {
        steps: [
          { kind: "checks_cleared", by: ["coordinator"] },
          { kind: "checks", by: ["coordinator"] },
        ],
      },
      message: "cannot be cleared before they are started",
    },
    {
      name: "a sign-off by the volunteer",
      change: { signOffs: [{ title: "Self", by: ["volunteer"] }] },
      message: "A volunteer cannot complete a step of their own recruitment",
    },
  ])("$name is refused: $message", ({ change, message }) => {
    const r = RecruitmentPipeline.safeParse({ ...ok, ...change });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join("; ")).toContain(message);
  });

  it("accepts the legacy pipeline and every preset", () => {
    expect(pipelineContradictions(LEGACY_PIPELINE)).toEqual([]);
    for (const p of pipelinePresets) expect(RecruitmentPipeline.safeParse(p.pipeline).success).toBe(true);
  });
});

describe("staffing a pipeline", () => {
  const people = (...roles: Staff["roles"][]): Staff[] => roles.map((r, i) => ({ personId: `p${i}`, roles: r }));
  const twoManagers = pipelinePresetFor("per-session-and-monthly-limits-trial-visits")?.pipeline ?? LEGACY_PIPELINE;
  it.each([
    { name: "two managers for two sign-offs", staff: people(["coordinator"], ["manager"], ["manager"]), problems: [] },
    {
      name: "one manager for two sign-offs",
      staff: people(["coordinator"], ["manager", "tenant_admin"]),
      problems: ["must each come from a different person"],
    },
    {
      name: "no manager at all",
      staff: people(["coordinator"]),
      problems: ["Nobody in the council holds the role manager to give the Team Manager sign-off", "Service Manager"],
    },
    { name: "no coordinator", staff: people(["manager"], ["manager"]), problems: ["holds the role coordinator"] },
  ])("$name", ({ staff, problems }) => {
    const found = pipelineStaffingProblems(twoManagers, staff)
      .map((p) => p.message)
      .join("; ");
    if (problems.length === 0) expect(found).toBe("");
    for (const p of problems) expect(found).toContain(p);
  });
});

describe("sign-offs", () => {
  const p = pipelinePresetFor("per-session-and-monthly-limits-trial-visits")?.pipeline ?? LEGACY_PIPELINE;
  const given = (personId: string, title: string) => ({ title, by: { personId, name: personId }, on: "2026-01-05" });
  it.each([
    {
      name: "the first manager",
      given: [],
      person: "a",
      roles: ["manager"],
      result: { ok: true, last: false, title: "Team Manager" },
    },
    {
      name: "a second manager",
      given: [given("a", "Team Manager")],
      person: "b",
      roles: ["manager"],
      result: { ok: true, last: true, title: "Service Manager" },
    },
    {
      name: "the same manager twice",
      given: [given("a", "Team Manager")],
      person: "a",
      roles: ["manager"],
      result: {
        ok: false,
        refusal: "conflict",
        message:
          "You have already signed off this volunteer (Team Manager); the Service Manager sign-off must come from a different person",
      },
    },
    {
      name: "a coordinator",
      given: [],
      person: "c",
      roles: ["coordinator"],
      result: {
        ok: false,
        refusal: "forbidden",
        message: "The next sign-off is the Team Manager's, given by someone with the role manager",
      },
    },
    {
      name: "a third sign-off",
      given: [given("a", "Team Manager"), given("b", "Service Manager")],
      person: "c",
      roles: ["manager"],
      result: { ok: false, refusal: "conflict", message: "Every sign-off has been given already" },
    },
  ] as const)("$name", ({ given: g, person, roles, result }) => {
    const r = nextSignOff(p, g, { personId: person, roles });
    if (result.ok) expect(r).toMatchObject({ ok: true, last: result.last, signOff: { title: result.title } });
    else expect(r).toEqual(result);
  });
});

/**
 * Each preset's pipeline against its source, line by line: the steps and sign-offs expected, next
 * to the words they come from. The quotes are checked against the documents when they are present.
 */
describe("pipeline presets against their sources", () => {
  const table = [
    {
      preset: "any-age-40-per-visit",
      council: "Leicestershire (001)",
      steps: ["initial_visit", "checks", "checks_cleared", "references", "interview", "assessment", "panel"],
      signOffs: [["Service Manager", "manager"]],
      quotes: [
        "Once an application is received a home visit will be arranged by the co-ordinator.",
        "Once all the checks have been completed a formal interview will take place",
        "A Panel of managers will consider the assessment and recommendation.",
        "Thereafter, approval will be given by the Service Manager of the Fostering Service.",
      ],
    },
    {
      preset: "per-session-and-monthly-limits-trial-visits",
      council: "Leicester City (003)",
      steps: ["initial_visit", "interview", "checks", "checks_cleared", "references", "assessment"],
      signOffs: [
        ["Team Manager", "manager"],
        ["Service Manager", "manager"],
      ],
      quotes: [
        "3. Initial visit and interview with prospective volunteer.",
        "4. If proceeding, assessment commences – DBS, statutory checks and references completed.",
        "6. Assessment signed off by Team Manager and Service Manager.",
      ],
    },
    {
      preset: "from-5-care-leavers-to-25",
      council: "Leeds (000)",
      steps: ["interview", "checks", "references", "assessment", "panel"],
      signOffs: [["Manager", "manager"]],
      quotes: ["All information gathered on each applicant is presented to an approval panel"],
    },
    {
      preset: "commissioned-charity-any-age",
      council: "Redbridge (002)",
      steps: ["checks", "checks_cleared", "assessment", "training"],
      signOffs: [["Manager", "manager"]],
      quotes: ["All volunteers undergo thorough vetting, assessment and training"],
    },
    {
      preset: "year-in-care-monthly-budget",
      council: "Northamptonshire (004)",
      steps: ["initial_visit", "checks", "interview", "assessment", "training"],
      signOffs: [["Manager", "manager"]],
      quotes: ["The Independent Visitor will go through a vigorous recruitment process, attend training"],
    },
  ];

  it("has a pipeline for every policy preset", () => {
    expect(table.map((t) => t.preset).sort()).toEqual(policyPresets.map((p) => p.id).sort());
  });

  it.each(table)("$council: $steps, signed off by $signOffs", ({ preset, steps, signOffs, quotes }) => {
    const found = pipelinePresetFor(preset);
    expect(found?.pipeline.steps.map((s) => s.kind)).toEqual(steps);
    expect(found?.pipeline.signOffs.map((s) => [s.title, ...s.by])).toEqual(signOffs);
    const cited = found?.sources.map((s) => s.quote) ?? [];
    for (const q of quotes) expect(cited).toContain(q);
    if (seedsPresent) {
      for (const s of found?.sources ?? []) expect(seedText(s.document)).toContain(s.quote.replace(/\s+/g, " "));
    }
  });

  it("Leicester City has no panel: the assessment goes straight to the two sign-offs", () => {
    const p = pipelinePresetFor("per-session-and-monthly-limits-trial-visits")?.pipeline ?? LEGACY_PIPELINE;
    expect(pipelineStages(p)).not.toContain("panel");
    expect(applyVolunteerAction("references", "record_assessment", "coordinator", p)).toEqual({
      ok: true,
      to: "manager_decision",
      step: "assessment",
    });
    expect(allowedVolunteerActions("manager_decision", p)).toEqual(["approve", "decline", "withdraw"]);
  });
});
