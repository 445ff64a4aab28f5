import { describe, expect, it } from "vitest";
import { TenantRole } from "../people/roles.js";
import {
  allowedVolunteerActions,
  applyVolunteerAction,
  VolunteerAction,
  VolunteerActionRequest,
  type VolunteerStage,
  VolunteerStage as VolunteerStageSchema,
  volunteerActionsFor,
} from "./pipeline.js";

type Expected = [to: VolunteerStage, by: TenantRole];

const C = "coordinator" as const;
const preApproval = (next: Partial<Record<VolunteerAction, Expected>>): Partial<Record<VolunteerAction, Expected>> => ({
  ...next,
  decline: ["not_approved", C],
  withdraw: ["withdrawn", C],
});

/** Written out again here, from DOMAIN.md, so a change to the table has to be made twice on purpose. */
const expected: Record<VolunteerStage, Partial<Record<VolunteerAction, Expected>>> = {
  enquiry: preApproval({ submit_application: ["application", C] }),
  application: preApproval({ record_initial_visit: ["initial_visit", C] }),
  initial_visit: preApproval({ start_checks: ["checks", C] }),
  checks: preApproval({ record_interview: ["interview", C] }),
  // Stages only other pipelines use.
  checks_cleared: {},
  references: {},
  training: {},
  interview: preApproval({ record_assessment: ["assessment", C] }),
  assessment: preApproval({ refer_to_panel: ["panel", C] }),
  panel: preApproval({ record_panel_recommendation: ["manager_decision", "panel_member"] }),
  manager_decision: {
    approve: ["approved", "manager"],
    decline: ["not_approved", "manager"],
    withdraw: ["withdrawn", C],
  },
  approved: { suspend: ["suspended", C], withdraw: ["withdrawn", C], end: ["ended", C] },
  suspended: { reinstate: ["approved", C], withdraw: ["withdrawn", C], end: ["ended", C] },
  withdrawn: {},
  ended: {},
  not_approved: {},
};

const pairs = VolunteerStageSchema.options.flatMap((stage) =>
  VolunteerAction.options.map((action) => ({ stage, action, step: expected[stage][action] ?? null })),
);

describe("volunteer recruitment pipeline", () => {
  it("covers every stage and action pair", () => {
    expect(pairs).toHaveLength(16 * 16);
  });

  it.each(pairs)("$stage + $action", ({ stage, action, step }) => {
    if (step === null) {
      for (const role of TenantRole.options) {
        expect(applyVolunteerAction(stage, action, role)).toEqual({
          ok: false,
          reason: "not_allowed_now",
          allowed: allowedVolunteerActions(stage),
        });
      }
      return;
    }
    const [to, by] = step;
    expect(applyVolunteerAction(stage, action, by)).toMatchObject({ ok: true, to });
    for (const role of TenantRole.options.filter((r) => r !== by)) {
      expect(applyVolunteerAction(stage, action, role)).toEqual({ ok: false, reason: "wrong_role", roles: [by] });
    }
  });

  it.each(VolunteerStageSchema.options)("%s allows exactly the actions in the table", (stage) => {
    expect(allowedVolunteerActions(stage).sort()).toEqual(Object.keys(expected[stage]).sort());
  });

  it.each([
    { stage: "panel", roles: ["panel_member"], actions: ["record_panel_recommendation"] },
    { stage: "panel", roles: ["coordinator"], actions: ["decline", "withdraw"] },
    { stage: "manager_decision", roles: ["manager"], actions: ["approve", "decline"] },
    { stage: "manager_decision", roles: ["coordinator", "manager"], actions: ["approve", "decline", "withdraw"] },
    { stage: "approved", roles: ["manager", "finance", "volunteer"], actions: [] },
  ] as const)("$roles at $stage may: $actions", ({ stage, roles, actions }) => {
    expect(volunteerActionsFor(stage, roles)).toEqual(actions);
  });

  it("takes an enquiry to approval with each step done by its role", () => {
    let stage: VolunteerStage = "enquiry";
    const steps: [VolunteerAction, TenantRole][] = [
      ["submit_application", "coordinator"],
      ["record_initial_visit", "coordinator"],
      ["start_checks", "coordinator"],
      ["record_interview", "coordinator"],
      ["record_assessment", "coordinator"],
      ["refer_to_panel", "coordinator"],
      ["record_panel_recommendation", "panel_member"],
      ["approve", "manager"],
    ];
    for (const [action, role] of steps) {
      const result = applyVolunteerAction(stage, action, role);
      if (!result.ok) throw new Error(`${stage} + ${action} refused: ${result.reason}`);
      stage = result.to;
    }
    expect(stage).toBe("approved");
  });

  it.each(["withdrawn", "ended", "not_approved"] as const)("keeps %s final", (stage) => {
    expect(allowedVolunteerActions(stage)).toEqual([]);
  });
});

describe("volunteer action requests", () => {
  it("cover every action exactly once", () => {
    for (const action of VolunteerAction.options) {
      const body =
        action === "record_panel_recommendation"
          ? { action, recommendation: "approve" }
          : ["decline", "withdraw", "suspend", "end"].includes(action)
            ? { action, reason: "Moving abroad" }
            : { action };
      expect(VolunteerActionRequest.safeParse(body).success).toBe(true);
    }
  });

  it.each([
    { name: "a decline without a reason", body: { action: "decline" }, ok: false },
    { name: "a suspension with a blank reason", body: { action: "suspend", reason: "   " }, ok: false },
    { name: "an ending with a reason", body: { action: "end", reason: "Moved away" }, ok: true },
    { name: "a panel step without its recommendation", body: { action: "record_panel_recommendation" }, ok: false },
    {
      name: "a panel recommendation not to approve",
      body: { action: "record_panel_recommendation", recommendation: "do_not_approve", notes: "References" },
      ok: true,
    },
    { name: "an approval with notes", body: { action: "approve", notes: "Panel unanimous" }, ok: true },
    { name: "an unknown action", body: { action: "promote" }, ok: false },
    { name: "an unexpected field", body: { action: "approve", reason: "x", extra: 1 }, ok: false },
  ])("$name is accepted: $ok", ({ body, ok }) => {
    expect(VolunteerActionRequest.safeParse(body).success).toBe(ok);
  });
});
