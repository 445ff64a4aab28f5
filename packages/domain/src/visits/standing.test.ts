import { describe, expect, it } from "vitest";
import { VolunteerStage } from "../volunteers/pipeline.js";
import { volunteerStandingRefusal } from "./standing.js";

describe("whether a volunteer may plan, record or claim on their match", () => {
  it.each([
    ["approved", null],
    ["suspended", /suspended.*contact your coordinator/],
    ["withdrawn", /no longer volunteering.*contact your coordinator/],
    ["ended", /no longer volunteering.*contact your coordinator/],
    ["not_approved", /not been approved.*contact your coordinator/],
    ["manager_decision", /not been approved/],
  ] as const)("%s", (stage, expected) => {
    const refusal = volunteerStandingRefusal(stage);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });

  it("lets only an approved volunteer act, whatever stages the pipeline adds", () => {
    const allowed = VolunteerStage.options.filter((s) => volunteerStandingRefusal(s) === null);
    expect(allowed).toEqual(["approved"]);
  });
});
