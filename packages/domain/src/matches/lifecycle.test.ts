import { describe, expect, it } from "vitest";
import { TenantRole } from "../people/roles.js";
import { Problem } from "../problems/index.js";
import type { TenantPolicy } from "../tenants/policy.js";
import { findPreset } from "../tenants/presets.js";
import {
  allowedMatchActions,
  applyMatchAction,
  childRefusedTheVolunteer,
  DidNotProceed,
  holdsAPlace,
  MatchAction,
  MatchStage,
  matchActionsFor,
  nextMatchStage,
  ratifyBlocker,
  referralStatusFor,
  trialVisitBlocker,
} from "./lifecycle.js";

const STAFF = ["coordinator", "manager"] as const;

/** Written out again here, from the issue, so a change to the table has to be made twice on purpose. */
const expected: Record<MatchStage, Partial<Record<MatchAction, { to: MatchStage; by: readonly TenantRole[] }>>> = {
  proposed: { record_agreement: { to: "agreed", by: STAFF }, did_not_proceed: { to: "did_not_proceed", by: STAFF } },
  agreed: {
    record_introduction: { to: "introduction", by: STAFF },
    did_not_proceed: { to: "did_not_proceed", by: STAFF },
  },
  introduction: {
    record_trial_visit: { to: "trial", by: STAFF },
    did_not_proceed: { to: "did_not_proceed", by: STAFF },
  },
  trial: {
    record_trial_visit: { to: "trial", by: STAFF },
    ratify: { to: "ratified", by: ["manager"] },
    did_not_proceed: { to: "did_not_proceed", by: STAFF },
  },
  ratified: { activate: { to: "active", by: STAFF }, did_not_proceed: { to: "did_not_proceed", by: STAFF } },
  active: { begin_ending: { to: "ending", by: STAFF } },
  ending: { end: { to: "ended", by: STAFF } },
  ended: {},
  did_not_proceed: {},
};

const cases = MatchStage.options.flatMap((stage) =>
  MatchAction.options.flatMap((action) =>
    TenantRole.options.map((role) => {
      const step = expected[stage][action];
      const outcome = !step ? "409" : step.by.includes(role) ? step.to : "403";
      return { stage, action, role, outcome };
    }),
  ),
);

describe("the match lifecycle", () => {
  it("covers every stage, action and role", () => {
    expect(cases).toHaveLength(9 * 8 * 6);
  });

  it.each(cases)("$role: $stage + $action → $outcome", ({ stage, action, role, outcome }) => {
    const result = applyMatchAction(stage, action, [role]);
    if (outcome === "409") {
      expect(result).toEqual({ ok: false, reason: "not_allowed_now", allowed: allowedMatchActions(stage) });
      expect(() => nextMatchStage(stage, action, [role])).toThrow(
        expect.objectContaining({ code: "conflict", allowed: allowedMatchActions(stage) }),
      );
    } else if (outcome === "403") {
      expect(result).toMatchObject({ ok: false, reason: "wrong_role" });
      expect(() => nextMatchStage(stage, action, [role])).toThrow(expect.objectContaining({ code: "forbidden" }));
    } else {
      expect(result).toEqual({ ok: true, to: outcome });
      expect(nextMatchStage(stage, action, [role])).toBe(outcome);
    }
  });

  it("lets someone with several roles act with any of them", () => {
    expect(nextMatchStage("trial", "ratify", ["coordinator", "manager"])).toBe("ratified");
  });

  it("says what is possible now when refusing", () => {
    try {
      nextMatchStage("proposed", "ratify", ["manager"]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(Problem);
      expect((e as Problem).message).toBe(
        'A match that is proposed cannot "ratify"; possible now: record agreement, did not proceed',
      );
    }
  });

  it("says who may when the role is wrong", () => {
    expect(() => nextMatchStage("trial", "ratify", ["coordinator"])).toThrow(
      "Only someone with the role manager can ratify a match",
    );
  });

  it("says a closed match allows nothing", () => {
    expect(() => nextMatchStage("ended", "activate", ["manager"])).toThrow(
      "possible now: nothing (the match is closed)",
    );
  });

  it.each([
    { role: "coordinator", stage: "trial", actions: ["record_trial_visit", "did_not_proceed"] },
    { role: "manager", stage: "trial", actions: ["record_trial_visit", "ratify", "did_not_proceed"] },
    { role: "volunteer", stage: "trial", actions: [] },
    { role: "finance", stage: "proposed", actions: [] },
  ] as const)("shows a $role at $stage the buttons $actions", ({ role, stage, actions }) => {
    expect(matchActionsFor(stage, [role])).toEqual(actions);
  });
});

describe("the rules the sources give", () => {
  it('Leicestershire: "When it is identified from both ... that they wish to proceed then the match will be ratified": only after the trial', () => {
    for (const stage of ["proposed", "agreed", "introduction"] as const)
      expect(applyMatchAction(stage, "ratify", ["manager"]).ok).toBe(false);
    expect(applyMatchAction("trial", "ratify", ["manager"])).toEqual({ ok: true, to: "ratified" });
  });

  it("Leicester City: \"a 'trial period' of four to five visits\": ratification waits for the fourth", () => {
    const city = structuredClone(
      (findPreset("per-session-and-monthly-limits-trial-visits") as { policy: TenantPolicy }).policy,
    );
    expect(ratifyBlocker(3, city)).toBe(
      "The scheme's trial period is at least 4 visits and 3 have been held: record the rest first",
    );
    expect(ratifyBlocker(1, city)).toContain("1 has been held");
    expect(ratifyBlocker(4, city)).toBeNull();
    expect(ratifyBlocker(5, city)).toBeNull();
  });

  it.each([
    ["none held yet", 0, null],
    ["the fourth of four to five", 3, null],
    ["the fifth of four to five", 4, null],
    [
      "a sixth after five",
      5,
      "The scheme's trial period is at most 5 visits and 5 have been held: ratify the match, or record that it did not proceed",
    ],
    ["past the most, as an older record may be", 7, "at most 5 visits and 7 have been held"],
  ])('Leicester City: "four to five visits": %s', (_what, held, expected) => {
    const city = structuredClone(
      (findPreset("per-session-and-monthly-limits-trial-visits") as { policy: TenantPolicy }).policy,
    );
    const blocker = trialVisitBlocker(held, city);
    if (expected === null) expect(blocker).toBeNull();
    else expect(blocker).toContain(expected);
  });

  it("a council allowing at most one trial visit is told so in the singular", () => {
    const city = structuredClone(
      (findPreset("per-session-and-monthly-limits-trial-visits") as { policy: TenantPolicy }).policy,
    );
    city.matches.trialVisits = { min: 1, max: 1 };
    expect(trialVisitBlocker(1, city)).toContain("at most 1 visit and 1 has been held");
  });

  it("any stage before active can end as did not proceed, none after", () => {
    const before = MatchStage.options.filter((s) => applyMatchAction(s, "did_not_proceed", ["coordinator"]).ok);
    expect(before).toEqual(["proposed", "agreed", "introduction", "trial", "ratified"]);
  });

  it('Redbridge: "the right not to have a particular person": a refusal is remembered, other endings are not', () => {
    expect(remembered(["child_refused_volunteer"])).toEqual([true]);
    expect(
      remembered(["volunteer_withdrew", "social_worker_did_not_agree", "child_placement_changed", "other"]),
    ).toEqual([false, false, false, false]);
  });

  it("a did-not-proceed needs what happened in words", () => {
    expect(DidNotProceed.safeParse({ reason: "other", details: " " }).success).toBe(false);
  });
});

describe("what follows from the stage", () => {
  it.each([
    ["proposed", "waiting_for_match", true],
    ["agreed", "waiting_for_match", true],
    ["introduction", "waiting_for_match", true],
    ["trial", "waiting_for_match", true],
    ["ratified", "waiting_for_match", true],
    ["active", "matched", true],
    ["ending", "matched", true],
    ["ended", "matched", false],
    ["did_not_proceed", "waiting_for_match", false],
  ] as const)("%s: the referral is %s; holds one of the volunteer's places: %s", (stage, referral, holds) => {
    expect(referralStatusFor(stage)).toBe(referral);
    expect(holdsAPlace(stage)).toBe(holds);
  });
});

function remembered(reasons: DidNotProceed["reason"][]): boolean[] {
  return reasons.map((reason) => childRefusedTheVolunteer({ reason, details: "what happened" }));
}
