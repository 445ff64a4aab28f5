import { describe, expect, it } from "vitest";
import { Problem } from "../problems/index.js";
import type { TenantPolicy } from "../tenants/policy.js";
import { findPreset } from "../tenants/presets.js";
import { type Candidate, childBlockers, matchBlockers, proposalProblem } from "./blockers.js";
import { exampleCandidate, exampleChild, matchableRecord } from "./example-profiles.js";
import type { ChildMatchingProfile } from "./profiles.js";

const TODAY = "2026-03-02";
const preset = (id: string): TenantPolicy => structuredClone((findPreset(id) as { policy: TenantPolicy }).policy);
const leics = preset("any-age-40-per-visit");

const codes = (child: Partial<ChildMatchingProfile>, candidate: Candidate, policy = leics) =>
  matchBlockers({ ...exampleChild, ...child }, candidate, policy, TODAY).map((b) => b.code);

describe("a waiting child and a ready volunteer", () => {
  it.each([
    "from-5-care-leavers-to-25",
    "any-age-40-per-visit",
    "per-session-and-monthly-limits-trial-visits",
    "year-in-care-monthly-budget",
    "commissioned-charity-any-age",
  ])("can be matched under the %s preset", (id) => {
    const p = preset(id);
    expect(childBlockers(exampleChild)).toEqual([]);
    expect(matchBlockers(exampleChild, exampleCandidate(p), p, TODAY)).toEqual([]);
  });
});

describe("the child", () => {
  it.each([
    {
      case: 'Leicestershire: "will not be appointed if the child who has enough understanding ... objects"',
      child: { childAgrees: "no" },
      code: "child_objects",
    },
    {
      case: "a child not yet asked whether they want a visitor",
      child: { childAgrees: "not_yet_asked" },
      code: "child_not_yet_asked",
    },
    { case: "a referral still under review", child: { referralStatus: "under_review" }, code: "child_not_waiting" },
    { case: "a referral already matched", child: { referralStatus: "matched" }, code: "child_not_waiting" },
  ] as const)("$case → $code", ({ child, code }) => {
    expect(childBlockers({ ...exampleChild, ...child }).map((b) => b.code)).toEqual([code]);
  });

  it("a child not yet asked can be proposed where the council's policy does not require asking first", () => {
    const p = structuredClone(leics);
    p.matches.childMustBeAskedBeforeMatching = false;
    expect(childBlockers({ ...exampleChild, childAgrees: "not_yet_asked" }, p)).toEqual([]);
    expect(childBlockers({ ...exampleChild, childAgrees: "no" }, p).map((b) => b.code)).toEqual(["child_objects"]);
  });

  it("too young to say is not an objection", () => {
    expect(childBlockers({ ...exampleChild, childAgrees: "too_young_to_say" })).toEqual([]);
  });

  it("names the referral's status in words", () => {
    expect(childBlockers({ ...exampleChild, referralStatus: "awaiting_information" })[0]?.message).toContain(
      "awaiting information",
    );
  });
});

describe("a young person at or past the council's end age (Leicestershire: \"cease following the young person's 21st birthday, unless agreed otherwise\")", () => {
  const leeds = preset("from-5-care-leavers-to-25");
  const city18 = structuredClone(leics);
  city18.matches.supportEndsAtAge = 18;
  it.each([
    { case: "20, support to 21", dob: "2005-06-01", policy: leics, blocked: false },
    { case: "the day before the 21st birthday", dob: "2005-03-03", policy: leics, blocked: false },
    { case: "on the 21st birthday", dob: "2005-03-02", policy: leics, blocked: true },
    { case: "22, support to 21", dob: "2004-01-01", policy: leics, blocked: true },
    { case: "17, support to 18", dob: "2008-06-01", policy: city18, blocked: false },
    { case: "18, support to 18", dob: "2008-03-01", policy: city18, blocked: true },
    { case: "the day before the 18th birthday, support to 18", dob: "2008-03-03", policy: city18, blocked: false },
    { case: "a 29 February birth, 18 since 1 March", dob: "2008-02-29", policy: city18, blocked: true },
  ])("$case: blocked $blocked", ({ dob, policy, blocked }) => {
    const codes = childBlockers({ ...exampleChild, dateOfBirth: dob }, policy, TODAY).map((b) => b.code);
    expect(codes).toEqual(blocked ? ["past_support_end_age"] : []);
  });

  it("says the age and the end age", () => {
    const [b] = childBlockers({ ...exampleChild, firstName: "Noor", dateOfBirth: "2004-01-01" }, leics, TODAY);
    expect(b?.message).toBe(
      "Noor is 22, and the council's formal support ends at 21: propose a match only where it has been agreed otherwise",
    );
  });

  it("is not considered without today's date", () => {
    expect(childBlockers({ ...exampleChild, dateOfBirth: "2004-01-01" }, leeds)).toEqual([]);
  });

  it("stops a proposal without a reason and lets one through with it, unlike a hard child blocker", () => {
    const child = { ...exampleChild, dateOfBirth: "2004-01-01" };
    const refused = proposalProblem(child, exampleCandidate(leics), leics, TODAY, null);
    expect(refused?.message).toContain("agreed otherwise: record why you are proposing anyway");
    expect(proposalProblem(child, exampleCandidate(leics), leics, TODAY, "Agreed with the head of service")).toBeNull();
    const objecting = { ...child, childAgrees: "no" as const };
    expect(proposalProblem(objecting, exampleCandidate(leics), leics, TODAY, "Agreed")?.message).toContain(
      "do not want an Independent Visitor",
    );
  });
});

describe("each reason a volunteer is not suggested", () => {
  const record = matchableRecord(leics);
  it.each([
    {
      case: 'Leicestershire: "Prior to matching- LCC 40-minute online course" not done',
      candidate: { ...exampleCandidate(leics), record: { ...record, training: [] } },
      child: {},
      expected: ["training_needed_before_match"],
    },
    {
      case: "a required check outstanding",
      candidate: {
        ...exampleCandidate(leics),
        record: { ...record, checks: record.checks.filter((c) => c.kind !== "enhanced_dbs") },
      },
      child: {},
      expected: ["check_missing"],
    },
    {
      case: "suspended",
      candidate: { ...exampleCandidate(leics), record: { ...record, stage: "suspended" } },
      child: {},
      expected: ["suspended"],
    },
    {
      case: "not yet approved",
      candidate: { ...exampleCandidate(leics), record: { ...record, stage: "panel" } },
      child: {},
      expected: ["not_approved"],
    },
    {
      case: "at capacity: one place, one open match",
      candidate: exampleCandidate(leics, { capacity: 1 }, 1),
      child: {},
      expected: ["at_capacity"],
    },
    {
      case: 'Redbridge: "The child has the right not to have a particular person as their independent visitor"',
      candidate: exampleCandidate(leics),
      child: { notWanted: { inChildsWords: "not my old neighbour", volunteerIds: ["vol-0001"] } },
      expected: ["named_by_child"],
    },
    {
      case: "refused by the child in a match that did not proceed",
      candidate: exampleCandidate(leics),
      child: { refusedVolunteerIds: ["vol-0001"] },
      expected: ["refused_by_child_before"],
    },
    {
      case: "outside the child's wishes: gender",
      candidate: exampleCandidate(leics, { gender: "male" }),
      child: { wishes: { ...exampleChild.wishes, gender: "female" } },
      expected: ["outside_childs_wishes"],
    },
    {
      case: "outside the child's wishes: gender not recorded",
      candidate: exampleCandidate(leics, { gender: null }),
      child: { wishes: { ...exampleChild.wishes, gender: "female" } },
      expected: ["outside_childs_wishes"],
    },
    {
      case: "outside the child's wishes: language",
      candidate: exampleCandidate(leics, { languages: ["English"] }),
      child: { wishes: { ...exampleChild.wishes, language: "Polish" } },
      expected: ["outside_childs_wishes"],
    },
    {
      case: "outside the child's wishes: faith or culture",
      candidate: exampleCandidate(leics, { faithOrCulture: "Sikh" }),
      child: { wishes: { ...exampleChild.wishes, faithOrCulture: "Muslim" } },
      expected: ["outside_childs_wishes"],
    },
    {
      case: "outside the child's wishes: age (35, asked for 18 to 30)",
      candidate: exampleCandidate(leics),
      child: { wishes: { ...exampleChild.wishes, ageRange: { min: 18, max: 30 } } },
      expected: ["outside_childs_wishes"],
    },
    {
      case: "the child (10) is outside the ages the volunteer supports (12-17)",
      candidate: exampleCandidate(leics, { supportsAges: { min: 12, max: 17 } }),
      child: {},
      expected: ["outside_ages_they_support"],
    },
    {
      case: 'Leicestershire: "caution will need to be taken with pets": the child avoids pets',
      candidate: exampleCandidate(leics, { hasPets: true }),
      child: { avoid: { pets: true, smoking: false, allergies: "dogs" } },
      expected: ["something_the_child_avoids"],
    },
    {
      case: "the child avoids smoking",
      candidate: exampleCandidate(leics, { smokes: true }),
      child: { avoid: { pets: false, smoking: true, allergies: "" } },
      expected: ["something_the_child_avoids"],
    },
  ] satisfies { case: string; candidate: Candidate; child: Partial<ChildMatchingProfile>; expected: string[] }[])(
    "$case → $expected",
    ({ candidate, child, expected }) => {
      expect(codes(child, candidate)).toEqual(expected);
    },
  );

  it('Leicestershire: "matched with more than one young person": a second place is free', () => {
    expect(codes({}, exampleCandidate(leics, { capacity: 2 }, 1))).toEqual([]);
  });

  it("wishes matched without regard to case", () => {
    const wishes = { ...exampleChild.wishes, gender: "Female", language: "polish", ageRange: { min: 30, max: 40 } };
    expect(codes({ wishes }, exampleCandidate(leics, { gender: "female" }))).toEqual([]);
  });

  it("quotes the child's own words with a wish not met", () => {
    const wishes = { ...exampleChild.wishes, inChildsWords: "someone who speaks Polish", language: "Polish" };
    const [b] = matchBlockers({ ...exampleChild, wishes }, exampleCandidate(leics, { languages: [] }), leics, TODAY);
    expect(b?.message).toBe(
      'The child asked for a visitor who speaks Polish (in their words: "someone who speaks Polish")',
    );
  });

  it("lists every reason at once", () => {
    const candidate: Candidate = {
      ...exampleCandidate(leics, { hasPets: true }, 1),
      record: { ...record, stage: "suspended" },
    };
    const child = { refusedVolunteerIds: ["vol-0001"], avoid: { pets: true, smoking: false, allergies: "" } };
    expect(codes(child, candidate)).toEqual([
      "suspended",
      "at_capacity",
      "refused_by_child_before",
      "something_the_child_avoids",
    ]);
  });
});

describe("a proposal", () => {
  const propose = (child: Partial<ChildMatchingProfile>, candidate: Candidate, reason: string | null = null) =>
    proposalProblem({ ...exampleChild, ...child }, candidate, leics, TODAY, reason);

  it("goes ahead when nothing blocks it", () => {
    expect(propose({}, exampleCandidate(leics))).toBeNull();
  });

  it.each([
    { case: "the child objects", child: { childAgrees: "no" }, candidate: exampleCandidate(leics) },
    { case: "the child was not asked", child: { childAgrees: "not_yet_asked" }, candidate: exampleCandidate(leics) },
    { case: "the volunteer is at capacity", child: {}, candidate: exampleCandidate(leics, {}, 1) },
    {
      case: "the child named the volunteer",
      child: { notWanted: { inChildsWords: "", volunteerIds: ["vol-0001"] } },
      candidate: exampleCandidate(leics),
    },
    {
      case: "the child refused the volunteer before",
      child: { refusedVolunteerIds: ["vol-0001"] },
      candidate: exampleCandidate(leics),
    },
    {
      case: "the volunteer's training before matching is not done",
      child: {},
      candidate: { ...exampleCandidate(leics), record: { ...matchableRecord(leics), training: [] } },
    },
  ] satisfies { case: string; child: Partial<ChildMatchingProfile>; candidate: Candidate }[])(
    "is refused with the reason, even with a reason to go ahead, when $case",
    ({ child, candidate }) => {
      const problem = propose(child, candidate, "The child and I talked it through");
      expect(problem).toBeInstanceOf(Problem);
      expect(problem?.code).toBe("conflict");
      expect(problem?.message).toMatch(/^This match cannot be proposed: /);
      expect(problem?.fields).toHaveLength(1);
    },
  );

  it("outside the child's wishes needs a reason recorded, and goes ahead with one", () => {
    const child = { wishes: { ...exampleChild.wishes, gender: "male" } };
    expect(propose(child, exampleCandidate(leics))?.fields).toEqual([
      {
        path: "volunteer",
        message: "The child asked for a visitor who is male: record why you are proposing them anyway",
      },
    ]);
    expect(propose(child, exampleCandidate(leics), "  ")).not.toBeNull();
    expect(propose(child, exampleCandidate(leics), "The child changed their mind at the review")).toBeNull();
  });
});
