import { describe, expect, it } from "vitest";
import {
  answerDateProblems,
  type ReferralAnswers,
  ReferralAnswers as ReferralAnswersSchema,
  referralAnswersSchema,
  SelfReferralAnswers,
  selfReferralAnswersSchema,
} from "./answers.js";
import { exampleReferralAnswers } from "./example-answers.js";

const TODAY = "2026-03-02";

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] =>
  (result.error?.issues ?? []).map((i) => i.path.join("."));

describe("referral answers: shape and bounds", () => {
  it("accept a complete referral", () => {
    expect(ReferralAnswersSchema.safeParse(exampleReferralAnswers()).success).toBe(true);
  });

  it("trim text and lower-case e-mail addresses", () => {
    const a = exampleReferralAnswers();
    a.child.firstName = "  Alex ";
    a.referrer.workEmail = " Jo.Bramble@Riverford.GOV.example ";
    const parsed = ReferralAnswersSchema.parse(a);
    expect(parsed.child.firstName).toBe("Alex");
    expect(parsed.referrer.workEmail).toBe("jo.bramble@riverford.gov.example");
  });

  const cases: { name: string; change: (a: ReferralAnswers) => void; path: string }[] = [
    {
      name: "a blank first name",
      change: (a) => {
        a.child.firstName = "   ";
      },
      path: "child.firstName",
    },
    {
      name: "a name over 100 characters",
      change: (a) => {
        a.child.lastName = "x".repeat(101);
      },
      path: "child.lastName",
    },
    {
      name: "free text over 5000 characters",
      change: (a) => {
        a.reasons.whyInChildsInterest = "x".repeat(5001);
      },
      path: "reasons.whyInChildsInterest",
    },
    {
      name: "a date that does not exist",
      change: (a) => {
        a.child.dateOfBirth = "2015-02-30";
      },
      path: "child.dateOfBirth",
    },
    {
      name: "a date in another format",
      change: (a) => {
        a.child.dateOfBirth = "10/06/2015";
      },
      path: "child.dateOfBirth",
    },
    {
      name: "an unknown legal status",
      change: (a) => void Object.assign(a.careStatus, { legalStatus: "adopted" }),
      path: "careStatus.legalStatus",
    },
    {
      name: "a negative distance",
      change: (a) => {
        a.careStatus.distanceFromHomeMiles = -1;
      },
      path: "careStatus.distanceFromHomeMiles",
    },
    {
      name: "a work e-mail that is not one",
      change: (a) => {
        a.referrer.workEmail = "jo at council";
      },
      path: "referrer.workEmail",
    },
    {
      name: "a phone number with letters",
      change: (a) => {
        a.referrer.phone = "call the office";
      },
      path: "referrer.phone",
    },
    { name: "an unknown field", change: (a) => void Object.assign(a.child, { nickname: "Al" }), path: "child" },
    {
      name: "consent missing",
      change: (a) => void delete (a.wishes as Partial<ReferralAnswers["wishes"]>).childAgrees,
      path: "wishes.childAgrees",
    },
  ];

  it.each(cases)("refuse $name", ({ change, path }) => {
    const a = exampleReferralAnswers();
    change(a);
    expect(paths(ReferralAnswersSchema.safeParse(a))).toContain(path);
  });
});

describe("referral answers: answers that contradict one another", () => {
  const cases: { name: string; wishes?: Partial<ReferralAnswers["wishes"]>; move?: string; path: string }[] = [
    {
      name: "agreement from a child not asked",
      wishes: { childAsked: false, childAgrees: "yes", childSigned: false },
      path: "wishes.childAgrees",
    },
    {
      name: "an objection from a child not asked",
      wishes: { childAsked: false, childAgrees: "no", childSigned: false },
      path: "wishes.childAgrees",
    },
    {
      name: "'not yet asked' from a child asked",
      wishes: { childAgrees: "not_yet_asked" },
      path: "wishes.childAgrees",
    },
    {
      name: "a signature from a child not asked",
      wishes: { childAsked: false, childAgrees: "not_yet_asked", childSigned: true },
      path: "wishes.childSigned",
    },
    { name: "a move date with no move expected", move: "2026-04-01", path: "careStatus.placementMoveExpectedBy" },
  ];

  it.each(cases)("refuse $name", ({ wishes, move, path }) => {
    const a = exampleReferralAnswers();
    Object.assign(a.wishes, wishes);
    if (move) a.careStatus.placementMoveExpectedBy = move;
    const result = ReferralAnswersSchema.safeParse(a);
    expect(paths(result)).toEqual([path]);
    expect(result.error?.issues[0]?.message).toMatch(/[a-z]{3,}/);
  });

  it("accept a child too young to say who was not asked", () => {
    const a = exampleReferralAnswers();
    a.wishes = { childAsked: false, childAgrees: "too_young_to_say", childSigned: false };
    expect(ReferralAnswersSchema.safeParse(a).success).toBe(true);
  });
});

describe("referral answers: dates against today", () => {
  const cases: {
    name: string;
    change: (a: ReferralAnswers) => void;
    problems: string[];
    message?: RegExp;
  }[] = [
    { name: "a sound referral", change: () => {}, problems: [] },
    {
      name: "a birth date in the future",
      change: (a) => {
        a.child.dateOfBirth = "2026-03-03";
      },
      problems: ["child.dateOfBirth", "careStatus.dateCameIntoCare", "family.lastVisitedByFamily"],
      message: /today or in the past/,
    },
    {
      name: "a birth date today",
      change: (a) => {
        a.child.dateOfBirth = TODAY;
        a.careStatus.dateCameIntoCare = TODAY;
        delete a.family.lastVisitedByFamily;
      },
      problems: [],
    },
    {
      name: "an age over 25",
      change: (a) => {
        a.child.dateOfBirth = "2000-03-01";
      },
      problems: ["child.dateOfBirth"],
      message: /makes them 26; .* up to 25/,
    },
    {
      name: "an age of 25 on the eve of the 26th birthday",
      change: (a) => {
        a.child.dateOfBirth = "2000-03-03";
      },
      problems: [],
    },
    {
      name: "a 26th birthday today",
      change: (a) => {
        a.child.dateOfBirth = "2000-03-02";
      },
      problems: ["child.dateOfBirth"],
    },
    {
      name: "coming into care before birth",
      change: (a) => {
        a.careStatus.dateCameIntoCare = "2015-06-09";
      },
      problems: ["careStatus.dateCameIntoCare"],
      message: /before their date of birth/,
    },
    {
      name: "coming into care on the day of birth",
      change: (a) => {
        a.careStatus.dateCameIntoCare = "2015-06-10";
      },
      problems: [],
    },
    {
      name: "coming into care tomorrow",
      change: (a) => {
        a.careStatus.dateCameIntoCare = "2026-03-03";
      },
      problems: ["careStatus.dateCameIntoCare"],
    },
    {
      name: "a family visit in the future",
      change: (a) => {
        a.family.lastVisitedByFamily = "2026-04-01";
      },
      problems: ["family.lastVisitedByFamily"],
    },
    {
      name: "a placement move date that has passed",
      change: (a) => {
        a.careStatus.placementMoveExpected = true;
        a.careStatus.placementMoveExpectedBy = "2026-03-01";
      },
      problems: ["careStatus.placementMoveExpectedBy"],
      message: /has passed/,
    },
  ];

  it.each(cases)("$name: $problems", ({ change, problems, message }) => {
    const a = exampleReferralAnswers();
    change(a);
    const found = answerDateProblems(a, TODAY);
    expect(found.map((p) => p.path.join("."))).toEqual(problems);
    if (message) expect(found[0]?.message).toMatch(message);
    expect(paths(referralAnswersSchema(TODAY).safeParse(a))).toEqual(problems);
  });

  it("refuse to build a schema for a day that is not a date", () => {
    expect(() => referralAnswersSchema("tomorrow")).toThrow();
  });
});

describe("self-referral answers", () => {
  const own = {
    name: "Riley",
    dateOfBirth: "2011-09-01",
    howToContactMe: "Through my foster carer, or e-mail",
    email: "riley@example.org",
    whatIdLikeToDo: "Go climbing and to the cinema",
  };

  it.each([
    { name: "a short self-referral", change: {}, ok: true },
    { name: "no e-mail address", change: { email: undefined }, ok: true },
    { name: "no way to be contacted", change: { howToContactMe: " " }, ok: false },
    { name: "nothing about what they would like", change: { whatIdLikeToDo: "" }, ok: false },
    { name: "a birth date in the future", change: { dateOfBirth: "2027-01-01" }, ok: false },
    { name: "an age over 25", change: { dateOfBirth: "1990-01-01" }, ok: false },
    { name: "a field from the professional form", change: { legalStatus: "care_order" }, ok: false },
  ])("$name is accepted: $ok", ({ change, ok }) => {
    const input = { ...own, ...change };
    expect(selfReferralAnswersSchema(TODAY).safeParse(input).success).toBe(ok);
  });

  it("keep the static schema free of today's date", () => {
    expect(SelfReferralAnswers.safeParse({ ...own, dateOfBirth: "2027-01-01" }).success).toBe(true);
  });
});
