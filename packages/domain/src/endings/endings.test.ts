import { describe, expect, it } from "vitest";
import { addDays, ageOn } from "../calendar/iso-date.js";
import { findPreset } from "../tenants/presets.js";
import { endAge, endAgeAlert, supportEndsOn } from "./end-age.js";
import { BeginEnding, beginEndingProblems, EndMatch, endBlocker, visitsAllowed } from "./ending.js";

const preset = (id: string) => {
  const p = findPreset(id)?.policy;
  if (!p) throw new Error(id);
  return p;
};
const LEICESTERSHIRE = preset("any-age-40-per-visit");
const LEEDS = preset("from-5-care-leavers-to-25");

describe("the end age", () => {
  it.each([
    // “All formal arrangements will cease following the young person's 21st birthday”
    ["Leicestershire", LEICESTERSHIRE, false, 21],
    ["Leicestershire, even if vulnerable (no longer support in its procedure)", LEICESTERSHIRE, true, 21],
    // “care leavers up to the age of 21, and up to age 25 for vulnerable care leavers”
    ["Leeds", LEEDS, false, 21],
    ["Leeds, a vulnerable care leaver", LEEDS, true, 25],
  ] as const)("%s: %s", (_n, policy, vulnerable, age) => {
    expect(endAge(policy, vulnerable)).toBe(age);
  });

  it.each([
    ["an ordinary birthday", "2005-06-15", 21, "2026-06-15"],
    // Age is reckoned as ageOn does: a leap-day baby turns 21 on 1 March in a common year.
    ["a leap-day birth, a common year", "2004-02-29", 21, "2025-03-01"],
    ["a leap-day birth, a leap year", "2004-02-29", 24, "2028-02-29"],
    ["the last day of a month", "2005-01-31", 21, "2026-01-31"],
  ] as const)("ends on the birthday: %s", (_n, dob, age, endsOn) => {
    expect(supportEndsOn(dob, age)).toBe(endsOn);
    expect(ageOn(dob, endsOn)).toBe(age);
    expect(ageOn(dob, addDays(endsOn, -1))).toBe(age - 1);
  });

  it.each([
    ["28 February 2025: still 20, support not ended", "2025-02-28", 3],
    ["1 March 2025: 21, support ended", "2025-03-01", 0],
  ] as const)("a leap-day birth in Leicestershire on %s", (_n, today, months) => {
    expect(endAgeAlert("2004-02-29", false, LEICESTERSHIRE, today)?.monthsBefore).toBe(months);
  });
});

describe("alerts before the end age (6 and 3 months)", () => {
  it.each([
    ["Leicestershire, 7 months before 21", LEICESTERSHIRE, false, "2025-11-14", null],
    ["Leicestershire, 6 months before 21", LEICESTERSHIRE, false, "2025-12-15", 6],
    ["Leicestershire, 3 months before 21", LEICESTERSHIRE, false, "2026-03-15", 3],
    ["Leicestershire, on the 21st birthday", LEICESTERSHIRE, false, "2026-06-15", 0],
    ["Leeds vulnerable care leaver at 21: no alert yet", LEEDS, true, "2026-06-15", null],
    ["Leeds vulnerable care leaver 6 months before 25", LEEDS, true, "2029-12-15", 6],
  ] as const)("%s: %s", (_n, policy, vulnerable, today, months) => {
    expect(endAgeAlert("2005-06-15", vulnerable, policy, today)?.monthsBefore ?? null).toBe(months);
  });

  it.each([
    [LEICESTERSHIRE, false, "2026-06-15", "Formal support ended on the 21st birthday: plan the ending"],
    [
      LEEDS,
      true,
      "2030-06-15",
      "Formal support ended on the 25th birthday (a vulnerable care leaver): plan the ending",
    ],
    [
      { ...LEEDS, matches: { ...LEEDS.matches, supportEndsAtAge: 22 } },
      false,
      "2027-06-15",
      "Formal support ended on the 22nd birthday: plan the ending",
    ],
    [
      { ...LEEDS, matches: { ...LEEDS.matches, supportEndsAtAge: 23 } },
      false,
      "2028-06-15",
      "Formal support ended on the 23rd birthday: plan the ending",
    ],
  ] as const)("once ended, names the birthday as people write it: %#", (policy, vulnerable, today, words) => {
    expect(endAgeAlert("2005-06-15", vulnerable, policy, today)?.words).toBe(words);
  });

  it("says the age and why in words", () => {
    expect(endAgeAlert("2005-06-15", true, LEEDS, "2030-03-15")?.words).toBe(
      "Formal support ends at 25 (a vulnerable care leaver), within 3 months: plan the ending",
    );
  });
});

describe("beginning an ending", () => {
  const planned = {
    kind: "planned",
    reason: "reached_end_age",
    plan: "A special meal together and a parting letter",
    socialWorkerName: "Sam Worker",
    socialWorkerAgreedOn: "2026-05-01",
  };
  const unplanned = {
    kind: "unplanned",
    reason: "placement_move",
    details: "Moved to a placement out of the county",
    goodbye: "not_possible",
    plan: "The carer and social worker tell the child together",
    socialWorkerName: "Sam Worker",
    socialWorkerAgreedOn: "2026-05-01",
  };
  const immediate = {
    kind: "immediate",
    reason: "breach",
    details: "Messaged the young person on social media",
    conversationHeldOn: "2026-05-01",
  };
  it.each([
    ["a planned ending, the social worker agreeing the plan", planned],
    ["an unplanned ending with a coded reason", { ...unplanned, howChildIsTold: "At home, on Friday" }],
    ["an immediate ending after the conversation", immediate],
  ])("accepts %s", (_n, body) => {
    expect(BeginEnding.safeParse(body).success).toBe(true);
  });
  it.each([
    // “The child's social worker ... should agree to the ending plan”
    ["a planned ending without the social worker", { ...planned, socialWorkerName: undefined }],
    ["an unplanned ending with an uncoded reason", { ...unplanned, reason: "fell out" }],
    ["an immediate ending for a planned reason", { ...immediate, reason: "moving_away" }],
  ])("refuses %s", (_n, body) => {
    expect(BeginEnding.safeParse(body).success).toBe(false);
  });
  it("asks how the child is told when there can be no goodbye", () => {
    expect(beginEndingProblems(BeginEnding.parse(unplanned), "2026-01-05", "2026-05-02")).toEqual([
      {
        path: ["howChildIsTold"],
        message: "Say how and when the child will be told, as the coordinator, carer and social worker agreed",
      },
    ]);
  });
  it.each([
    ["2026-01-04", "The social worker's agreement must be on or after the day the match started"],
    ["2026-06-01", "The social worker's agreement cannot be in the future"],
  ])("refuses an agreement dated %s", (date, message) => {
    const e = BeginEnding.parse({ ...planned, socialWorkerAgreedOn: date });
    expect(beginEndingProblems(e, "2026-01-05", "2026-05-02").map((p) => p.message)).toEqual([message]);
  });
});

describe("visits while a match ends", () => {
  it.each([
    ["active", null, true],
    ["ending", { kind: "planned" }, true],
    ["ending", { kind: "unplanned" }, true],
    // “we have the right to immediately end the match”: visits stop at once.
    ["ending", { kind: "immediate" }, false],
    ["ended", { kind: "planned" }, false],
  ] as const)("a match %s (%j) takes a visit: %s", (stage, ending, allowed) => {
    expect(visitsAllowed(stage, ending)).toBe(allowed);
  });
});

describe("ending a match", () => {
  const end = EndMatch.parse({ endedOn: "2026-06-01", afterwards: "return_to_waiting_list" });
  it.each([
    ["the closure review not held", false, true, "Hold the closure review before the match ends"],
    ["the closure review held", true, true, null],
    ["no closure review in the policy", false, false, null],
  ])("%s: %s", (_n, held, required, problem) => {
    expect(endBlocker(end, { beganOn: "2026-05-01" }, held, required, "2026-06-02")).toBe(problem);
  });
  it("refuses an end before the ending began", () => {
    expect(endBlocker({ ...end, endedOn: "2026-04-01" }, { beganOn: "2026-05-01" }, true, true, "2026-06-02")).toBe(
      "The end date must be on or after the day the ending began",
    );
  });
});
