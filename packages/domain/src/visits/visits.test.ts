import { describe, expect, it } from "vitest";
import { findPreset } from "../tenants/presets.js";
import { frequencyState } from "./frequency.js";
import { homeSafeDueAt, homeSafeOverdue } from "./lone-working.js";
import { lengthVerdict, plannedEnd, planProblems, VisitPlan } from "./plan.js";
import { cancellationProblem, childNameFlags } from "./record.js";
import { nextVisitStatus } from "./status.js";

const preset = (id: string) => {
  const p = findPreset(id)?.policy;
  if (!p) throw new Error(id);
  return p;
};
const leicestershire = preset("any-age-40-per-visit");
const leicesterCity = preset("per-session-and-monthly-limits-trial-visits");
const northamptonshire = preset("year-in-care-monthly-budget");
const leeds = preset("from-5-care-leavers-to-25");

describe("the 8-hour and overnight rule (Leicestershire: “should not be in the care of an independent visitor for more than 8 hrs or overnight. Only in exceptional circumstances will this be agreed by the Assistant Director”)", () => {
  it.each([
    ["a 3-hour afternoon", leicestershire, "14:00", "17:00", false, "allowed"],
    ["exactly 8 hours", leicestershire, "09:00", "17:00", false, "allowed"],
    [
      "8 hours 30 minutes, where a senior manager may agree",
      leicestershire,
      "09:00",
      "17:30",
      false,
      "needs_prior_approval",
    ],
    ["overnight, where a senior manager may agree", leicestershire, "18:00", "10:00", true, "needs_prior_approval"],
    ["8 hours 30 minutes, where the policy says never", leeds, "09:00", "17:30", false, "refused"],
    ["overnight, where the policy says never", leeds, "18:00", "10:00", true, "refused"],
    ["a short overnight under 8 hours is still overnight", leeds, "23:00", "01:00", true, "refused"],
  ] as const)("%s → %s", (_, policy, startsAt, endsAt, overnight, kind) => {
    const verdict = lengthVerdict({ startsAt, endsAt, overnight }, policy.visits);
    expect(verdict.kind).toBe(kind);
    if (verdict.kind !== "allowed") expect(verdict.reason).toMatch(/overnight|longer/);
  });

  it("a refusal says the scheme's limit in hours", () => {
    expect(lengthVerdict({ startsAt: "09:00", endsAt: "17:30", overnight: false }, leeds.visits)).toEqual({
      kind: "refused",
      reason:
        "A visit of 8 hours 30 minutes is longer than the 8 hours allowed, and this scheme does not allow longer visits",
    });
  });
});

describe("behind the minimum frequency", () => {
  it.each([
    ["Leeds “once a month”: visited 10 March, today 9 April", leeds, "2026-03-10", "2026-04-09", false, 0],
    ["Leeds: visited 10 March, today 11 April", leeds, "2026-03-10", "2026-04-11", true, 1],
    [
      "Leicestershire “no less than monthly”: 31 January, today 28 February",
      leicestershire,
      "2026-01-31",
      "2026-02-28",
      false,
      0,
    ],
    ["Leicestershire: 31 January, today 1 March", leicestershire, "2026-01-31", "2026-03-01", true, 1],
    [
      "Northamptonshire “at least once per month”: no visit yet, active 1 May, today 2 June",
      northamptonshire,
      null,
      "2026-06-02",
      true,
      1,
    ],
    [
      "Leicester City “once a month”: no visit yet, active 1 May, today 20 May",
      leicesterCity,
      null,
      "2026-05-20",
      false,
      0,
    ],
  ] as const)("%s → behind: %s", (_, policy, last, today, behind, days) => {
    const s = frequencyState(policy.visits.minimumFrequency, last, "2026-05-01", today);
    expect(s.behind).toBe(behind);
    expect(s.daysBehind).toBe(days);
  });

  it("a council that asks for fortnightly visits is behind after 14 days", () => {
    expect(frequencyState("fortnightly", "2026-03-01", "2026-01-01", "2026-03-16").behind).toBe(true);
    expect(frequencyState("fortnightly", "2026-03-01", "2026-01-01", "2026-03-15").behind).toBe(false);
  });
});

describe("the visit record does not name the child (Leicestershire: “the child's name should not be identified within this”)", () => {
  const child = { firstName: "Amélie", lastName: "O'Connor-Smith" };
  it.each([
    ["the first name", "We went bowling and Amelie won", true],
    ["the first name in capitals with its accent", "AMÉLIE chose the film", true],
    ["the possessive", "It was Amélie's idea", true],
    ["part of a double-barrelled surname", "Met Mrs Smith at the door", true],
    ["no name", "The young person chose the film and we had lunch", false],
    ["a word that only contains the name", "We saw Amelies restaurant", false],
  ] as const)("%s → flagged: %s", (_, text, flagged) => {
    const flags = childNameFlags({ whatWeDid: text }, child);
    expect(flags.length > 0).toBe(flagged);
    if (flagged) expect(flags[0]?.reason).toMatch(/names the child/);
  });

  it("flags each note that names the child, by its field", () => {
    expect(
      childNameFlags({ whatWeDid: "Park", notes: "amelie was tired", childsWords: "Tell Connor hi" }, child).map(
        (f) => f.field,
      ),
    ).toEqual(["notes"]);
  });
});

describe("cancellation reasons (Northamptonshire: “will only be cancelled if the child or young person, or the Independent Visitor, is unwell or it is deemed unsafe”)", () => {
  it.each([
    [northamptonshire, "child_unwell", true],
    [northamptonshire, "volunteer_unwell", true],
    [northamptonshire, "unsafe", true],
    [northamptonshire, "volunteer_unavailable", false],
    [leicesterCity, "volunteer_unavailable", true],
  ] as const)("%# %s → accepted: %s", (policy, reason, ok) => {
    const problem = cancellationProblem(reason, policy.visits.cancellationReasons);
    expect(problem === null).toBe(ok);
    if (!ok)
      expect(problem).toBe(
        "This scheme cancels visits only when the child is unwell, or the volunteer is unwell, or it is unsafe to visit",
      );
  });
});

describe("lone working (Leicester City: “a named person is aware of when they are going to meet with a child or young person and where”)", () => {
  const plan = VisitPlan.parse({
    on: "2026-07-04",
    startsAt: "14:00",
    endsAt: "17:00",
    activity: "Bowling",
    place: "Riverford Bowl",
  });

  it("a plan without a named person is refused where the policy requires one", () => {
    expect(planProblems(plan, leicesterCity.visits, [])).toEqual([
      {
        path: "namedPerson",
        message: "Name the person who knows where and when the visit is, and whom you will tell when you are home",
      },
    ]);
    expect(planProblems(plan, { namedPersonRequired: false }, [])).toEqual([]);
  });

  it("the activity comes from the match's risk-assessed list", () => {
    const withPerson = { ...plan, namedPerson: { name: "Sam" } };
    expect(planProblems(withPerson, leicesterCity.visits, ["Cinema", "bowling"])).toEqual([]);
    expect(planProblems(withPerson, leicesterCity.visits, ["Cinema"])[0]?.path).toBe("activity");
  });

  it("the home-safe confirmation is due the council's hours after the planned end, London time", () => {
    // 17:00 British Summer Time is 16:00 UTC.
    expect(plannedEnd(plan).toISOString()).toBe("2026-07-04T16:00:00.000Z");
    expect(homeSafeDueAt(plan, 2).toISOString()).toBe("2026-07-04T18:00:00.000Z");
    expect(homeSafeOverdue(plan, 2, null, new Date("2026-07-04T18:01:00Z"))).toBe(true);
    expect(homeSafeOverdue(plan, 2, null, new Date("2026-07-04T17:59:00Z"))).toBe(false);
    expect(homeSafeOverdue(plan, 2, "2026-07-04T17:30:00Z", new Date("2026-07-05T00:00:00Z"))).toBe(false);
    // In winter London is on UTC; an overnight visit ends the next day.
    expect(plannedEnd({ on: "2026-12-31", endsAt: "10:00", overnight: true }).toISOString()).toBe(
      "2027-01-01T10:00:00.000Z",
    );
  });

  it("a plan must end after it starts unless it is overnight", () => {
    expect(VisitPlan.safeParse({ ...plan, startsAt: "17:00", endsAt: "14:00" }).success).toBe(false);
    expect(VisitPlan.safeParse({ ...plan, startsAt: "17:00", endsAt: "14:00", overnight: true }).success).toBe(true);
  });
});

describe("a visit's status", () => {
  it.each([
    ["planned", "record", "recorded"],
    ["planned", "cancel", "cancelled"],
    ["awaiting_approval", "approve", "planned"],
    ["awaiting_approval", "refuse", "refused"],
    ["recorded", "confirm_home_safe", "recorded"],
  ] as const)("%s + %s → %s", (from, action, to) => {
    expect(nextVisitStatus(from, action)).toBe(to);
  });

  it.each([
    ["recorded", "cancel"],
    ["cancelled", "record"],
    ["awaiting_approval", "record"],
  ] as const)("%s + %s → 409", (from, action) => {
    expect(() => nextVisitStatus(from, action)).toThrow(expect.objectContaining({ code: "conflict" }));
  });
});
