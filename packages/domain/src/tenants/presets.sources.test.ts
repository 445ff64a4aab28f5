import { describe, expect, it } from "vitest";
import {
  PRESET_PROVENANCE,
  policyLeafPaths,
  provenanceOf,
  SOURCE_DOCUMENTS,
  valueAt,
  valuesToEnter,
} from "./preset-provenance.js";
import { findPreset, policyPresets } from "./presets.js";

/**
 * One table per source document: each row is a preset value, the value expected and the words of the
 * document it comes from, so a reader can check the preset against the document line by line. The
 * quotes are written out again here on purpose: a change to a preset has to be made twice.
 */
type Row = [path: string, expected: unknown, quote: string];

function checkAgainstSource(presetId: string, document: string, rows: Row[], kind = "source"): void {
  const preset = findPreset(presetId);
  if (!preset) throw new Error(`no preset ${presetId}`);
  it.each(rows)("%s is %j: “%s”", (path, expected, quote) => {
    expect(valueAt(preset.policy, path)).toEqual(expected);
    expect(PRESET_PROVENANCE[presetId]?.[path]).toEqual({ kind, document, quote });
  });
}

const notGiven = (presetId: string, paths: string[]) => {
  it.each(paths)("%s: no source gives it, so it is Tandem's suggested default", (path) => {
    expect(PRESET_PROVENANCE[presetId]?.[path]).toEqual({ kind: "suggested" });
  });
};

describe("Leeds one-minute guide (000)", () => {
  const doc = SOURCE_DOCUMENTS.leeds;
  checkAgainstSource("from-5-care-leavers-to-25", doc, [
    [
      "referrals.minAge",
      5,
      "The scheme generally provides volunteers for children and young people over five years of age",
    ],
    [
      "referrals.careLeavers.acceptedUpToAge",
      21,
      "Independent Visitors are also available to care leavers up to the age of 21",
    ],
    ["referrals.careLeavers.vulnerableUpToAge", 25, "and up to age 25 for vulnerable care leavers"],
    // Support ends at 21 for care leavers in general; only vulnerable ones go on to 25 (the row above).
    ["matches.supportEndsAtAge", 21, "Independent Visitors are also available to care leavers up to the age of 21"],
    ["visits.minimumFrequency", "monthly", "An Independent Visitor will visit the child or young person once a month"],
    ["volunteers.referencesRequired", 2, "seeking a minimum of two references"],
    [
      "referrals.selfReferralsAccepted",
      false,
      "a referral can be submitted via Mosaic, by a professional with relevant access, usually the social worker",
    ],
  ]);
  notGiven("from-5-care-leavers-to-25", [
    "referrals.responseWorkingDays",
    "referrals.declinedReviewMonths",
    "referrals.informationRequestDays",
    "referrals.priority.farFromHomeMiles",
    "referrals.priority.littleOrNoFamilyContactWeight",
    "visits.maxHours",
    "visits.overnight",
    "volunteers.commitmentMonths",
    "volunteers.referencesConfirmedByPhone",
    "matches.firstFormalReviewWeeks",
    "matches.reviewEveryMonths",
  ]);
});

describe("Leicestershire procedure (001)", () => {
  const doc = SOURCE_DOCUMENTS.leicestershire;
  checkAgainstSource("any-age-40-per-visit", doc, [
    ["referrals.maxAge", 17, "Any child or young person under the age 18 can be referred for an Independent Visitor"],
    [
      "referrals.careLeavers.acceptedUpToAge",
      21,
      "Matches will continue to be approved up to age 21, unless agreed otherwise",
    ],
    [
      "referrals.selfReferralsAccepted",
      true,
      "Referrals can be made by- Social Worker, Independent Reviewing officer, The young person",
    ],
    ["visits.maxHours", 8, "should not be in the care of an independent visitor for more than 8 hrs or overnight"],
    // Not "never": the Assistant Director can agree it.
    [
      "visits.overnight",
      "senior_manager_approval",
      "Only in exceptional circumstances will this be agreed by the Assistant Director or their nominated person",
    ],
    ["visits.typicalHours.max", 3, "Visits should be approximately two/three hours"],
    [
      "volunteers.commitmentMonths",
      12,
      "the Independent Visitor will commit to at least one-year support for the child/young person",
    ],
    [
      "volunteers.referencesConfirmedByPhone",
      true,
      "Referees will be contacted by telephone to confirm the written reference",
    ],
    [
      "volunteers.decisionLetterWorkingDays",
      5,
      "the applicant notified by letter within 5 working days of the decision being made",
    ],
    [
      "volunteers.training",
      [
        {
          code: "safeguarding-elearning",
          title: "LCC 40-minute online course: Essential Awareness in Safeguarding for Children and Adults",
          dueWithinMonths: 0,
        },
        {
          code: "iv-one-day-course",
          title: "LCC 1-day Essential Awareness in Safeguarding for Children and Adults",
          dueWithinMonths: 6,
        },
      ],
      "Prior to matching- LCC 40-minute online course ... Within 6 months of starting the role- LCC 1-day Essential Awareness in Safeguarding for Children and Adults",
    ],
    ["matches.firstFormalReviewWeeks", 6, "formally take place after six weeks and then every six months"],
    ["matches.reviewEveryMonths", 6, "formally take place after six weeks and then every six months"],
    ["matches.informalReviewAfterFirstVisit", true, "This will initially take place after the first visit informally"],
    [
      "matches.firstSupervisionWeeks",
      6,
      "an individual supervision session, over the telephone is arranged at approximately six weeks",
    ],
    ["matches.supervisionEveryMonths", 6, "Six monthly formal group supervision is provided"],
    [
      "matches.supportEndsAtAge",
      21,
      "All formal arrangements will cease following the young person's 21st birthday, unless agreed otherwise",
    ],
    [
      "expenses.perVisitCapPence",
      4000,
      "The Independent visitor can recover expenses from the local authority, not exceeding £40 per visit",
    ],
  ]);
  describe("what the procedure names without giving it is left for the council to enter", () => {
    checkAgainstSource(
      "any-age-40-per-visit",
      doc,
      [
        [
          "expenses.mileagePencePerMile",
          null,
          "Each Independent Visitor will submit a monthly expense form to cover mileage and out of pocket expenses",
        ],
        [
          "concerns.safeguardingContacts",
          [],
          "Any safeguarding concerns will immediately be raised with the Fostering Service line manager or a manager within First Response",
        ],
        ["concerns.outOfHoursPhones", [], "Independent Visitor's will be given the Out of Hours telephone number"],
      ],
      "council_to_enter",
    );
  });
  notGiven("any-age-40-per-visit", [
    "visits.homeSafeWithinHours",
    "concerns.acknowledgeWithinHours",
    "referrals.responseWorkingDays",
    "volunteers.dbsRenewalMonths",
    "volunteers.referenceReminderDays",
    "volunteers.expiryWarningDays",
    "matches.trialVisits.min",
    "matches.closureReview",
    "matches.endingAlertMonths.first",
    "matches.feedbackLinkDays",
    "matches.complaintStageWorkingDays.stageOne",
  ]);
});

describe("Redbridge one-minute guide (002)", () => {
  const doc = SOURCE_DOCUMENTS.redbridge;
  checkAgainstSource("commissioned-charity-any-age", doc, [
    ["referrals.maxAge", 17, "the child (up to the age of 18) who are looked after"],
    // Up to 18: no care leavers, and support ends at 18.
    ["referrals.careLeavers.acceptedUpToAge", null, "the child (up to the age of 18) who are looked after"],
    ["matches.supportEndsAtAge", 18, "the child (up to the age of 18) who are looked after"],
    ["volunteers.minimumAge", 18, "Independent Visitors are volunteers, aged over 18"],
    ["scheme.runBy", "provider", "Redbridge contracts Action for Children to operate our Independent Visitor Service"],
  ]);
  notGiven("commissioned-charity-any-age", [
    "visits.maxHours",
    "volunteers.commitmentMonths",
    "volunteers.referencesConfirmedByPhone",
    "matches.trialVisits.min",
    "matches.firstFormalReviewWeeks",
    "matches.reviewEveryMonths",
  ]);
});

describe("Leicester City 'Being an Independent Visitor' (003)", () => {
  const doc = SOURCE_DOCUMENTS.leicesterCity;
  const preset = "per-session-and-monthly-limits-trial-visits";
  checkAgainstSource(preset, doc, [
    ["matches.trialVisits.min", 4, "a 'trial period' of four to five visits"],
    ["matches.trialVisits.max", 5, "a 'trial period' of four to five visits"],
    ["visits.minimumFrequency", "monthly", "Independent Visitors will meet with their young person once a month"],
    ["matches.closureReview", true, "a closure review will take place when a match ends"],
    [
      "expenses.overCapNeedsPriorApproval",
      true,
      "Any costs that fall outside of these boundaries must be authorised in advance by the IV Co-ordinator",
    ],
    ["expenses.receiptsRequired", true, "Claims must be accompanied by receipts"],
    [
      "visits.namedPersonRequired",
      true,
      "Independent Visitors should ensure that a named person is aware of when they are going to meet with a child or young person and where the visit is going to take place",
    ],
  ]);
  describe("limits named without amounts are left for the council to enter", () => {
    checkAgainstSource(
      preset,
      doc,
      [
        [
          "expenses.perVisitCapPence",
          null,
          "Budgetary confinements necessitate an upper limit on what may be reclaimed per session and per month",
        ],
        [
          "expenses.perMonthCapPence",
          null,
          "Budgetary confinements necessitate an upper limit on what may be reclaimed per session and per month",
        ],
        // Three stages named without timescales.
        [
          "matches.complaintStageWorkingDays.stageOne",
          null,
          "Stage One of the formal process for either you or the child is for the responsible Line Manager to investigate and report back to you",
        ],
        [
          "matches.complaintStageWorkingDays.stageTwo",
          null,
          "Stage Two – A complaints Officer from the Performance Management Unit and an independent lay person will investigate in detail again",
        ],
        [
          "matches.complaintStageWorkingDays.stageThree",
          null,
          "Stage Three – A panel of elected members receives reports and hears submissions from all parties",
        ],
        [
          "concerns.outOfHoursPhones",
          [],
          "s/he must consult with the IV Co-ordinator or contact the out of hours team for advice",
        ],
      ],
      "council_to_enter",
    );
  });
  notGiven(preset, ["referrals.careLeavers.acceptedUpToAge", "matches.supportEndsAtAge", "volunteers.training"]);
});

describe("Northamptonshire information for professionals (004)", () => {
  const doc = SOURCE_DOCUMENTS.northamptonshire;
  const preset = "year-in-care-monthly-budget";
  checkAgainstSource(preset, doc, [
    [
      "referrals.minimumMonthsInCare",
      12,
      "The child needs to have been in care for at least 1 year, with care proceedings being concluded",
    ],
    [
      "referrals.requireProceedingsConcluded",
      true,
      "The child needs to have been in care for at least 1 year, with care proceedings being concluded",
    ],
    [
      "referrals.requireLongTermPlan",
      true,
      "The long term plan needs to be either, long term fostering or residential care",
    ],
    [
      "referrals.timeInCareExemptions",
      ["unaccompanied_asylum_seeking_child"],
      "This does not apply to unaccompanied asylum seeking children",
    ],
    [
      "referrals.outOfArea",
      "funding_agreement_required",
      "Out of County referrals go to commissioning for spot purchasing. Your manager will need to agree to pay for the cost",
    ],
    // A condition of the scheme, not only a reason for priority.
    [
      "referrals.littleOrNoFamilyContactRequired",
      true,
      "The child or young person will have little or no contact with their birth family",
    ],
    [
      "referrals.notAnAlternativeToRespite",
      true,
      "Referrals need to reflect that the child/young person would benefit from having an Independent Visitor in their life and isn't an alternative to respite care",
    ],
    [
      "visits.idealFrequency",
      "fortnightly",
      "The ideal is to visit every 2 weeks for 2 hours, but at least once per month is expected",
    ],
    [
      "visits.minimumFrequency",
      "monthly",
      "The ideal is to visit every 2 weeks for 2 hours, but at least once per month is expected",
    ],
    ["volunteers.commitmentMonths", 24, "Independent Visitors commit to this role for at least two years"],
    ["matches.reviewEveryMonths", 6, "Matches are reviewed twice per year"],
    [
      "visits.cancellationReasons",
      ["child_unwell", "volunteer_unwell", "unsafe"],
      "The visits will only be cancelled if the child or young person, or the Independent Visitor, is unwell or it is deemed unsafe to do so",
    ],
    [
      "expenses.monthlyBudget.canBeSavedUp",
      true,
      "This can be 'saved up' to cover larger trips as one off experiences",
    ],
  ]);
  describe("a budget named without an amount is left for the council to enter", () => {
    checkAgainstSource(
      preset,
      doc,
      [
        [
          "expenses.monthlyBudget.amountPence",
          null,
          "an Independent Visitor will be given a monthly budget to cover the cost of activities",
        ],
        [
          "expenses.monthlyBudget.maxSavedMonths",
          null,
          "This can be 'saved up' to cover larger trips as one off experiences",
        ],
      ],
      "council_to_enter",
    );
  });
  notGiven(preset, [
    "matches.supportEndsAtAge",
    "referrals.responseWorkingDays",
    "visits.maxHours",
    "visits.overnight",
  ]);
});

describe("every preset value has its provenance", () => {
  it.each(policyPresets.map((p) => [p.id, p] as const))("%s", (id, preset) => {
    const map = PRESET_PROVENANCE[id] ?? {};
    const paths = policyLeafPaths(preset.policy).filter((p) => p !== "scheme.presetId");
    expect(paths.filter((p) => map[p] === undefined)).toEqual([]);
    for (const path of paths) {
      const p = map[path];
      if (p?.kind === "source" || p?.kind === "council_to_enter") {
        expect(p.quote.length, path).toBeGreaterThan(10);
        expect(p.quote.length, path).toBeLessThanOrEqual(200);
      }
      // Amounts a council must enter are not suggested: the preset leaves them unset.
      // A list the council fills in (its out-of-hours numbers) is as unentered when empty as an amount is when null.
      if (p?.kind === "council_to_enter") expect([null, []], path).toContainEqual(valueAt(preset.policy, path));
    }
    expect(preset.policy.scheme.presetId).toBe(id);
  });

  it("no preset suggests an expenses amount that its source does not give", () => {
    for (const preset of policyPresets) {
      for (const path of policyLeafPaths(preset.policy).filter((p) => p.startsWith("expenses."))) {
        const value = valueAt(preset.policy, path);
        if (typeof value === "number")
          expect(PRESET_PROVENANCE[preset.id]?.[path]?.kind, `${preset.id} ${path}`).toBe("source");
      }
    }
  });
});

describe("a council's value and where it comes from", () => {
  const leicesterCity = () => structuredClone(findPreset("per-session-and-monthly-limits-trial-visits")?.policy);

  it("keeps the preset's provenance while the value is the preset's, and is the council's own once changed", () => {
    const policy = leicesterCity();
    if (!policy) throw new Error("no preset");
    expect(provenanceOf(policy, "matches.trialVisits.min")).toMatchObject({ kind: "source" });
    expect(provenanceOf(policy, "referrals.responseWorkingDays")).toEqual({ kind: "suggested" });
    policy.referrals.responseWorkingDays = 15;
    expect(provenanceOf(policy, "referrals.responseWorkingDays")).toEqual({ kind: "council" });
  });

  it("lists the amounts still to enter until the council enters them", () => {
    const policy = leicesterCity();
    if (!policy) throw new Error("no preset");
    const stages = [
      "matches.complaintStageWorkingDays.stageOne",
      "matches.complaintStageWorkingDays.stageTwo",
      "matches.complaintStageWorkingDays.stageThree",
    ];
    expect(valuesToEnter(policy).map((v) => v.path)).toEqual([
      ...stages,
      "expenses.perVisitCapPence",
      "expenses.perMonthCapPence",
      "concerns.outOfHoursPhones",
    ]);
    policy.expenses.perVisitCapPence = 2500;
    policy.concerns.outOfHoursPhones = ["0116 496 0000"];
    expect(valuesToEnter(policy).map((v) => v.path)).toEqual([...stages, "expenses.perMonthCapPence"]);
    expect(provenanceOf(policy, "expenses.perVisitCapPence")).toEqual({ kind: "council" });
  });

  it("treats every value as the council's when the policy did not start from a known preset", () => {
    const policy = leicesterCity();
    if (!policy) throw new Error("no preset");
    policy.scheme.presetId = null;
    expect(provenanceOf(policy, "matches.trialVisits.min")).toEqual({ kind: "council" });
    expect(valuesToEnter(policy)).toEqual([]);
  });
});
