import { policyLeafPaths as leaves, policyPresets } from "@tandem/domain";
import { describe, expect, it } from "vitest";
import { POLICY_SETTINGS, settingFor } from "./policy-settings";

describe("the policy editor", () => {
  // Runs the presets through the catalogue, so a setting added to TenantPolicy fails here until it has a question.
  const all = new Set(policyPresets.flatMap((p) => leaves(p.policy)));

  it("asks about every setting of the policy", () => {
    // The preset a policy started from is not a setting: it says where the values came from.
    const nullObjects = new Set(["expenses.monthlyBudget", "scheme.presetId"]);
    const missing = [...all].filter((path) => !nullObjects.has(path) && settingFor(path)?.path !== path);
    expect(missing).toEqual([]);
  });

  it("asks about each setting once, and only about settings that exist", () => {
    const paths = POLICY_SETTINGS.map((s) => s.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.filter((p) => !all.has(p))).toEqual([]);
  });

  it("describes every preset's settings in words", () => {
    for (const preset of policyPresets) {
      for (const s of POLICY_SETTINGS) expect(s.format(s.read(preset.policy))).not.toMatch(/undefined|NaN|\[object/);
    }
  });
});
