import { describe, expect, it } from "vitest";
import { ordinal } from "../calendar/display.js";
import { addMonths } from "../calendar/iso-date.js";
import type { TenantPolicy } from "../tenants/policy.js";
import { findPreset } from "../tenants/presets.js";
import type { ReferralAnswers, SelfReferralAnswers } from "./answers.js";
import {
  checkEligibility,
  checkSelfReferralEligibility,
  type EligibilityFlagCode,
  isTrustedDomain,
  referredAsVulnerableCareLeaver,
} from "./eligibility.js";
import { exampleReferralAnswers } from "./example-answers.js";

const TODAY = "2026-03-02";

/** A birth date that makes the child `age` today, half-way to their next birthday. */
const bornAged = (age: number): string => addMonths(TODAY, -(12 * age + 6));
const inCareFor = (months: number): string => addMonths(TODAY, -months);

const policyOf = (id: string): TenantPolicy => {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return structuredClone(preset.policy);
};

interface Case {
  rule: string;
  change?: (a: ReferralAnswers) => void;
  policy?: (p: TenantPolicy) => void;
  flags: EligibilityFlagCode[];
  reason?: RegExp;
}

const age = (n: number, legalStatus?: ReferralAnswers["careStatus"]["legalStatus"]) => (a: ReferralAnswers) => {
  a.child.dateOfBirth = bornAged(n);
  if (legalStatus) a.careStatus.legalStatus = legalStatus;
};

function runCases(presetId: string, cases: Case[], base?: (a: ReferralAnswers) => void): void {
  it.each(cases)("$rule: $flags", ({ change, policy, flags, reason }) => {
    const a = exampleReferralAnswers();
    base?.(a);
    change?.(a);
    const p = policyOf(presetId);
    policy?.(p);
    const found = checkEligibility(a, p, TODAY);
    expect(found.map((f) => f.code)).toEqual(flags);
    if (reason) expect(found.map((f) => f.reason).join(" | ")).toMatch(reason);
  });
}

describe("Leeds: from age 5, care leavers to 21, 25 if vulnerable", () => {
  runCases("from-5-care-leavers-to-25", [
    { rule: "a child of 10 in care", flags: [] },
    {
      rule: "generally over five years of age: a child of 3",
      change: age(3),
      flags: ["age_below_minimum"],
      reason: /^The child is 3; this scheme takes referrals from age 5$/,
    },
    { rule: "over five: a child of 5", change: age(5), flags: [] },
    { rule: "care leavers up to the age of 21: a care leaver of 20", change: age(20, "care_leaver"), flags: [] },
    {
      rule: "up to 25 for vulnerable care leavers: a care leaver of 23",
      change: age(23, "care_leaver"),
      flags: ["care_leaver_must_be_vulnerable"],
      reason: /is 23; .*until their 21st birthday, or their 25th if vulnerable/,
    },
    {
      rule: "past 25 even if vulnerable: a care leaver of 25",
      change: age(25, "care_leaver"),
      flags: ["age_above_maximum"],
      reason: /is 25; .*21st birthday \(25th if vulnerable\)/,
    },
    {
      rule: "over 18 a professional other than a social worker may refer",
      change: (a) => {
        age(19)(a);
        a.referrer.role = "other_professional";
      },
      flags: [],
    },
    {
      rule: "under 18 the referral comes from a social worker",
      change: (a) => {
        a.referrer.role = "other_professional";
      },
      flags: ["referrer_role_not_accepted"],
    },
    {
      rule: "no time-in-care rule: in care since last week",
      change: (a) => {
        a.careStatus.dateCameIntoCare = "2026-02-23";
      },
      flags: [],
    },
    {
      rule: "placed out of area is accepted",
      change: (a) => {
        a.careStatus.placedInArea = false;
      },
      flags: [],
    },
  ]);
});

describe("Leicestershire: any age under 18, the young person can refer", () => {
  runCases("any-age-40-per-visit", [
    { rule: "any child under 18: a baby", change: age(0), flags: [] },
    { rule: "any child under 18: a 17-year-old", change: age(17), flags: [] },
    {
      rule: "matches continue to 21: a care leaver of 22",
      change: age(22, "care_leaver"),
      flags: ["age_above_maximum"],
      reason: /is 22; this scheme supports care leavers until their 21st birthday$/,
    },
    {
      rule: "not appointed if a child with enough understanding objects",
      change: (a) => {
        a.wishes.childAgrees = "no";
      },
      flags: ["child_objects"],
    },
    {
      rule: "the child's wishes and feelings must be ascertained",
      change: (a) => {
        a.wishes = { childAsked: false, childAgrees: "not_yet_asked", childSigned: false };
      },
      flags: ["child_not_asked"],
    },
    {
      rule: "a child too young to say is not flagged",
      change: (a) => {
        age(1)(a);
        a.wishes = { childAsked: false, childAgrees: "too_young_to_say", childSigned: false };
      },
      flags: [],
    },
    {
      rule: "no long-term plan rule",
      change: (a) => {
        a.careStatus.longTermPlan = "none_yet";
      },
      flags: [],
    },
    {
      rule: "referrals from the children's rights officer and the IRO",
      change: (a) => {
        a.referrer.role = "childrens_rights_officer";
      },
      flags: [],
    },
  ]);
});

describe("Leicester City: any age under 18, professionals refer", () => {
  runCases("per-session-and-monthly-limits-trial-visits", [
    { rule: "a child of 10 in care", flags: [] },
    {
      rule: "serious safeguarding issues",
      change: (a) => {
        a.risks.seriousSafeguardingConcerns = true;
      },
      flags: ["serious_safeguarding_concerns"],
    },
    {
      rule: "about to move placement",
      change: (a) => {
        a.careStatus.placementMoveExpected = true;
        a.careStatus.placementMoveExpectedBy = "2026-04-30";
      },
      flags: ["placement_about_to_move"],
      reason: /expected by 30 April 2026/,
    },
    {
      rule: "a referrer outside the partner domains",
      change: (a) => {
        a.referrer.workEmail = "jo@mail.example";
      },
      policy: (p) => {
        p.referrals.trustedReferrerDomains = ["riverford.gov.example", "charity.org.example"];
      },
      flags: ["untrusted_referrer_domain"],
      reason: /\(mail\.example\) is not one of this scheme's 2 partner domains/,
    },
    {
      rule: "a referrer on a partner's subdomain",
      change: (a) => {
        a.referrer.workEmail = "jo@childrens.riverford.gov.example";
      },
      policy: (p) => {
        p.referrals.trustedReferrerDomains = ["riverford.gov.example"];
      },
      flags: [],
    },
    {
      rule: "no partner domains: no check",
      change: (a) => {
        a.referrer.workEmail = "jo@mail.example";
      },
      flags: [],
    },
  ]);
});

describe("Northamptonshire: a year in care, proceedings concluded, a long-term plan", () => {
  const uasc = (a: ReferralAnswers) => {
    a.careStatus.unaccompaniedAsylumSeeking = true;
    a.careStatus.legalStatus = "section_20_accommodated";
    a.careStatus.dateCameIntoCare = inCareFor(4);
    a.careStatus.proceedingsConcluded = "no";
    a.careStatus.longTermPlan = "none_yet";
  };
  runCases(
    "year-in-care-monthly-budget",
    [
      { rule: "over a year in care, proceedings concluded, long-term fostering", flags: [] },
      {
        rule: "little or no contact with their birth family is a condition: regular contact",
        change: (a) => {
          a.family = { contactLevel: "regular" };
        },
        flags: ["regular_family_contact"],
        reason: /little or no contact with their birth family/,
      },
      {
        rule: "isn't an alternative to respite care: the referrer says it is instead of respite",
        change: (a) => {
          a.reasons.insteadOfRespite = true;
        },
        flags: ["sought_instead_of_respite"],
        reason: /not an alternative to respite care/,
      },
      {
        rule: "a council that turns the respite question off raises nothing for it",
        change: (a) => {
          a.reasons.insteadOfRespite = true;
        },
        policy: (p) => {
          p.referrals.notAnAlternativeToRespite = false;
        },
        flags: [],
      },
      {
        rule: "at least 1 year in care: exactly 12 months",
        change: (a) => {
          a.careStatus.dateCameIntoCare = inCareFor(12);
        },
        flags: [],
      },
      {
        rule: "at least 1 year in care: 4 months",
        change: (a) => {
          a.careStatus.dateCameIntoCare = inCareFor(4);
        },
        flags: ["time_in_care_too_short"],
        reason: /^The child has been in care for 4 months; this scheme takes referrals after 12 months in care$/,
      },
      {
        rule: "care proceedings concluded: not yet",
        change: (a) => {
          a.careStatus.proceedingsConcluded = "no";
        },
        flags: ["proceedings_not_concluded"],
      },
      {
        rule: "care proceedings concluded: not known",
        change: (a) => {
          a.careStatus.proceedingsConcluded = "unknown";
        },
        flags: ["proceedings_not_concluded"],
        reason: /does not know/,
      },
      {
        rule: "long-term plan fostering or residential: residential",
        change: (a) => {
          a.careStatus.longTermPlan = "residential";
        },
        flags: [],
      },
      {
        rule: "long-term plan fostering or residential: another plan",
        change: (a) => {
          a.careStatus.longTermPlan = "other";
        },
        flags: ["no_long_term_plan"],
      },
      {
        rule: "long-term plan: none yet",
        change: (a) => {
          a.careStatus.longTermPlan = "none_yet";
        },
        flags: ["no_long_term_plan"],
      },
      {
        rule: "does not apply to unaccompanied asylum-seeking children",
        change: uasc,
        flags: ["exemption_applied"],
        reason:
          /12 months in care \(in care for 4 months\), concluded care proceedings, a long-term plan does not apply/,
      },
      {
        rule: "the exemption changes nothing for a child who meets the rules",
        change: (a) => {
          a.careStatus.unaccompaniedAsylumSeeking = true;
        },
        flags: [],
      },
      {
        rule: "refused if about to move placement",
        change: (a) => {
          a.careStatus.placementMoveExpected = true;
        },
        flags: ["placement_about_to_move"],
      },
      {
        rule: "refused if serious safeguarding issues",
        change: (a) => {
          a.risks.seriousSafeguardingConcerns = true;
        },
        flags: ["serious_safeguarding_concerns"],
      },
      {
        rule: "out of county: your manager will need to agree to pay (agreed)",
        change: (a) => {
          a.careStatus.placedInArea = false;
          a.careStatus.distanceFromHomeMiles = 64;
          a.manager = { name: "Morgan Hollis", email: "morgan.hollis@riverford.gov.example", agreesToFund: true };
        },
        flags: ["out_of_area_needs_funding"],
        reason: /\(64 miles from home\).*manager has agreed/,
      },
      {
        rule: "out of county: your manager will need to agree to pay (no manager named)",
        change: (a) => {
          a.careStatus.placedInArea = false;
        },
        flags: ["out_of_area_needs_funding"],
        reason: /no manager is named yet/,
      },
      {
        rule: "no care leavers",
        change: age(19, "care_leaver"),
        flags: ["age_above_maximum"],
        reason: /does not take care leavers/,
      },
    ],
    (a) => {
      a.family = { contactLevel: "little" };
      a.reasons.insteadOfRespite = false;
    },
  );
});

describe("Redbridge: any age under 18, run by a commissioned charity", () => {
  runCases("commissioned-charity-any-age", [
    {
      rule: "little or no contact with their families makes a referral a priority, not a flag",
      change: (a) => {
        a.family = { contactLevel: "none" };
      },
      flags: [],
    },
    {
      rule: "matched whether in or out of borough",
      change: (a) => {
        a.careStatus.placedInArea = false;
      },
      flags: [],
    },
    {
      rule: "the right not to have an Independent Visitor",
      change: (a) => {
        a.wishes.childAgrees = "no";
      },
      flags: ["child_objects"],
    },
    {
      rule: "the right not to have a particular person is recorded, not flagged",
      change: (a) => {
        a.wishes.anyoneTheyWouldNotWant = "Not a man";
      },
      flags: [],
    },
    {
      rule: "several rules at once, in the order of the form",
      change: (a) => {
        age(19)(a);
        a.referrer.role = "other_professional";
        a.careStatus.placementMoveExpected = true;
        a.wishes = { childAsked: false, childAgrees: "not_yet_asked", childSigned: false };
        a.risks.seriousSafeguardingConcerns = true;
      },
      // Redbridge supports children up to 18, so a young person of 19 is above its age range.
      flags: ["age_above_maximum", "placement_about_to_move", "child_not_asked", "serious_safeguarding_concerns"],
    },
  ]);
});

describe("rules no preset uses", () => {
  runCases("any-age-40-per-visit", [
    {
      rule: "out-of-area children not accepted",
      change: (a) => {
        a.careStatus.placedInArea = false;
      },
      policy: (p) => {
        p.referrals.outOfArea = "not_accepted";
      },
      flags: ["out_of_area_not_accepted"],
    },
    {
      rule: "an upper age limit below 17",
      change: age(15),
      policy: (p) => {
        p.referrals.maxAge = 14;
      },
      flags: ["age_above_maximum"],
      reason: /^The child is 15; this scheme takes referrals of children in care up to age 14$/,
    },
  ]);
});

describe("self-referrals", () => {
  const own = (years: number): SelfReferralAnswers => ({
    name: "Riley",
    dateOfBirth: bornAged(years),
    howToContactMe: "Through my carer",
    whatIdLikeToDo: "Climbing",
  });

  it.each([
    { id: "any-age-40-per-visit", years: 14, flags: [] },
    { id: "any-age-40-per-visit", years: 23, flags: ["age_above_maximum"] },
    {
      id: "from-5-care-leavers-to-25",
      years: 22,
      flags: ["care_leaver_must_be_vulnerable", "self_referrals_not_accepted"],
    },
    { id: "per-session-and-monthly-limits-trial-visits", years: 14, flags: ["self_referrals_not_accepted"] },
  ])("$id, aged $years: $flags", ({ id, years, flags }) => {
    expect(checkSelfReferralEligibility(own(years), policyOf(id), TODAY).map((f) => f.code)).toEqual(flags);
  });
});

describe("helpers", () => {
  it.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [22, "22nd"],
    [25, "25th"],
  ])("ordinal %i is %s", (n, s) => {
    expect(ordinal(n)).toBe(s);
  });

  it.each([
    ["riverford.gov.example", true],
    ["childrens.riverford.gov.example", true],
    ["RIVERFORD.gov.example", true],
    ["notriverford.gov.example", false],
    ["riverford.gov.example.evil.example", false],
  ])("%s is trusted: %s", (domain, trusted) => {
    expect(isTrustedDomain(domain, ["riverford.gov.example"])).toBe(trusted);
  });
});

describe("Leeds: a care leaver referred past 21 is matched as a vulnerable care leaver (support to 25)", () => {
  it.each([
    ["a care leaver of 20", 20, "care_leaver", false],
    ["a care leaver of 22", 22, "care_leaver", true],
    ["a care leaver of 24", 24, "care_leaver", true],
    ["a young person of 19, no longer looked after", 19, undefined, false],
    ["a child of 10 in care", 10, undefined, false],
  ] as const)("%s → vulnerable: %s", (_, years, status, vulnerable) => {
    const a = exampleReferralAnswers();
    age(years, status)(a);
    const flags = checkEligibility(a, policyOf("from-5-care-leavers-to-25"), TODAY);
    expect(referredAsVulnerableCareLeaver(flags)).toBe(vulnerable);
  });

  it("reads only that flag", () => {
    expect(referredAsVulnerableCareLeaver([{ code: "age_above_maximum" }, { code: "child_objects" }])).toBe(false);
    expect(referredAsVulnerableCareLeaver([])).toBe(false);
  });
});
