import { exampleReferralAnswers, type ReferralAnswers } from "@tandem/domain";
import { describe, expect, it } from "vitest";
import type { ReferralFormQuestions } from "../../api/referrals";
import { type RawAnswers, REFERRAL_TOPICS, SELF_TOPICS, type VisibleContext, visibleTopics } from "./questions";
import {
  assembleReferral,
  assembleSelfReferral,
  draftAnswers,
  firstTopicWithProblems,
  keyFromApiPath,
  rawFromDraft,
  readDate,
  referralProblems,
  selfReferralProblems,
  selfTopicProblems,
  todayInLondon,
  topicProblems,
} from "./validate";

const TODAY = "2026-03-02";
const ALL: ReferralFormQuestions = {
  proceedingsConcluded: true,
  longTermPlan: true,
  unaccompaniedAsylumSeeking: true,
  managerFundingAgreement: true,
  insteadOfRespite: true,
};
const NONE: ReferralFormQuestions = {
  proceedingsConcluded: false,
  longTermPlan: false,
  unaccompaniedAsylumSeeking: false,
  managerFundingAgreement: false,
  insteadOfRespite: false,
};

/** Answers as the form's fields hold them: yes/no for booleans, "year-month-day" for dates. */
function typed(answers: ReferralAnswers): RawAnswers {
  const raw: RawAnswers = {};
  for (const [section, values] of Object.entries(answers)) {
    for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
      raw[`${section}.${name}`] = typeof value === "boolean" ? (value ? "yes" : "no") : String(value);
    }
  }
  return raw;
}

const ctx = (raw: RawAnswers, questions = ALL): VisibleContext => ({ questions, raw, councilName: "Riverford" });
const topic = (slug: string) => {
  const found = REFERRAL_TOPICS.find((t) => t.slug === slug);
  if (!found) throw new Error(`No topic ${slug}`);
  return found;
};

describe("a professional's referral", () => {
  it("turns a complete set of typed answers back into the domain's answers, with no problems", () => {
    const raw = typed(exampleReferralAnswers());
    expect(referralProblems(raw, ctx(raw), TODAY)).toEqual([]);
    expect(assembleReferral(raw, ctx(raw))).toEqual(exampleReferralAnswers());
  });

  it("leaves out what the tenant's policy does not ask", () => {
    const raw = typed(exampleReferralAnswers());
    const answers = assembleReferral(raw, ctx(raw, NONE)) as ReferralAnswers;
    expect(answers.careStatus.proceedingsConcluded).toBeUndefined();
    expect(answers.careStatus.longTermPlan).toBeUndefined();
    expect(answers.careStatus.unaccompaniedAsylumSeeking).toBeUndefined();
    expect(referralProblems(raw, ctx(raw, NONE), TODAY)).toEqual([]);
  });

  it("asks for the manager only for a child placed out of area where the scheme needs funding", () => {
    const raw = { ...typed(exampleReferralAnswers()), "careStatus.placedInArea": "no" };
    expect(visibleTopics(REFERRAL_TOPICS, ctx(raw)).map((t) => t.slug)).toContain("manager");
    expect(visibleTopics(REFERRAL_TOPICS, ctx(raw, NONE)).map((t) => t.slug)).not.toContain("manager");
    const problems = referralProblems(raw, ctx(raw), TODAY);
    expect(problems).toContainEqual({ key: "manager.name", message: "Enter your manager's full name" });
    expect(firstTopicWithProblems(REFERRAL_TOPICS, problems)?.slug).toBe("manager");
  });

  it("says what is missing on a page in the question's own words", () => {
    const problems = topicProblems(topic("child"), {}, ctx({}), TODAY);
    expect(problems).toContainEqual({ key: "child.firstName", message: "Enter the child's first name" });
    expect(problems).toContainEqual({ key: "child.dateOfBirth", message: "Enter the child's date of birth" });
    expect(problems.some((p) => p.key === "child.religion")).toBe(false);
  });

  it("applies the schema's limits and formats", () => {
    const raw = { ...typed(exampleReferralAnswers()), "child.firstName": "x".repeat(101) };
    expect(topicProblems(topic("child"), raw, ctx(raw), TODAY)).toEqual([
      { key: "child.firstName", message: "The first name must be 100 characters or fewer" },
    ]);
    const email = { ...raw, "referrer.workEmail": "jo at council" };
    expect(topicProblems(topic("referrer"), email, ctx(email), TODAY)).toEqual([
      { key: "referrer.workEmail", message: "Enter an e-mail address like name@example.org" },
    ]);
  });

  it("checks dates against today and each other, on the page with the date", () => {
    const future = { ...typed(exampleReferralAnswers()), "child.dateOfBirth": "2027-1-1" };
    expect(topicProblems(topic("child"), future, ctx(future), TODAY)).toEqual([
      { key: "child.dateOfBirth", message: "The date of birth must be today or in the past" },
    ]);
    const beforeBirth = { ...typed(exampleReferralAnswers()), "careStatus.dateCameIntoCare": "2014-01-01" };
    expect(topicProblems(topic("care"), beforeBirth, ctx(beforeBirth), TODAY)).toEqual([
      {
        key: "careStatus.dateCameIntoCare",
        message: "The date the child came into care is before their date of birth: check both dates",
      },
    ]);
    // The care page's own problem never shows on the child's page.
    expect(topicProblems(topic("child"), beforeBirth, ctx(beforeBirth), TODAY)).toEqual([]);
  });

  it("checks a later page whose earlier pages are not in memory (a reload, an address typed in)", () => {
    // The care page alone, no date of birth known: its answers are fine, so no problem, and no RangeError
    // from a stand-in date of birth (which left "Continue" doing nothing at all).
    const care = { "careStatus.legalStatus": "care_order", "careStatus.dateCameIntoCare": "2022-1-15" };
    expect(topicProblems(topic("care"), care, ctx(care, NONE), TODAY)).toEqual([]);
    const family = { "family.contactLevel": "little", "family.lastVisitedByFamily": "2024-6-1" };
    expect(topicProblems(topic("family"), family, ctx(family, NONE), TODAY)).toEqual([]);
  });

  it("refuses contradictory wishes", () => {
    const raw = { ...typed(exampleReferralAnswers()), "wishes.childAsked": "no" };
    const keys = topicProblems(topic("wishes"), raw, ctx(raw), TODAY).map((p) => p.key);
    expect(keys).toEqual(["wishes.childAgrees", "wishes.childSigned"]);
  });

  it("keeps HTML in free text as text", () => {
    const raw = { ...typed(exampleReferralAnswers()), "interests.hobbiesAndInterests": "<script>alert(1)</script>" };
    expect(referralProblems(raw, ctx(raw), TODAY)).toEqual([]);
    expect((assembleReferral(raw, ctx(raw)) as ReferralAnswers).interests.hobbiesAndInterests).toBe(
      "<script>alert(1)</script>",
    );
  });

  it("reads distances as numbers and says so when one is not", () => {
    const raw = { ...typed(exampleReferralAnswers()), "careStatus.distanceFromHomeMiles": "far" };
    expect(topicProblems(topic("placement"), raw, ctx(raw), TODAY)).toEqual([
      {
        key: "careStatus.distanceFromHomeMiles",
        message: "Enter the distance from home as a number of miles, like 12",
      },
    ]);
  });
});

describe("dates as typed", () => {
  it("gives the GOV.UK messages", () => {
    expect(readDate("--", "the date", false)).toEqual({ ok: false, message: "Enter the date" });
    expect(readDate("--", "the date", true)).toEqual({ ok: true, value: undefined });
    expect(readDate("2020--1", "the date", false)).toEqual({
      ok: false,
      message: "The date must include a day, month and year",
    });
    expect(readDate("2021-2-29", "the date", false)).toEqual({ ok: false, message: "The date must be a real date" });
    expect(readDate("2020-2-29", "the date", false)).toEqual({ ok: true, value: "2020-02-29" });
  });

  it("knows today's date in London", () => {
    expect(todayInLondon(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(todayInLondon(new Date("2026-01-31T23:30:00Z"))).toBe("2026-01-31");
  });
});

describe("a young person's own referral", () => {
  const raw: RawAnswers = {
    name: "Sam",
    dateOfBirth: "2013-5-4",
    whatIdLikeToDo: "Football and the cinema",
    howToContactMe: "Through my carer",
  };

  it("needs no e-mail address", () => {
    expect(selfReferralProblems(raw, TODAY)).toEqual([]);
    expect(assembleSelfReferral(raw)).toEqual({ ...raw, dateOfBirth: "2013-05-04" });
  });

  it("uses plain words", () => {
    const first = SELF_TOPICS[0] ?? SELF_TOPICS[1];
    if (!first) throw new Error("no topics");
    expect(selfTopicProblems(first, {}, TODAY)).toEqual([
      { key: "name", message: "Write your name" },
      { key: "dateOfBirth", message: "Enter your birthday" },
    ]);
    const old = { ...raw, dateOfBirth: "1990-1-1" };
    expect(selfTopicProblems(first, old, TODAY)[0]?.key).toBe("dateOfBirth");
  });
});

describe("drafts and the API's field errors", () => {
  it("keeps only what was typed, and only known questions come back", () => {
    const raw = { "child.firstName": "Alex", "child.lastName": " ", "child.dateOfBirth": "--" };
    expect(draftAnswers(raw)).toEqual({ "child.firstName": "Alex" });
    expect(rawFromDraft({ "child.firstName": "Alex", "evil.key": "x", "child.lastName": 3 }, REFERRAL_TOPICS)).toEqual({
      "child.firstName": "Alex",
    });
  });

  it("maps the API's paths to questions", () => {
    expect(keyFromApiPath("answers.child.firstName")).toBe("child.firstName");
    expect(keyFromApiPath("answers.manager")).toBe("manager.name");
    expect(keyFromApiPath("answers.name")).toBe("name");
    expect(keyFromApiPath("answers")).toBeUndefined();
  });
});
