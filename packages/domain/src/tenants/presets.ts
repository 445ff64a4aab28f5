import {
  CancellationReason,
  SUGGESTED_ACKNOWLEDGE_WITHIN_HOURS,
  SUGGESTED_HOME_SAFE_WITHIN_HOURS,
  SUGGESTED_PRIORITY,
  type TenantPolicy,
} from "./policy.js";

/**
 * Starting policies, each written from one source scheme's published rules (shared/seeds).
 * Named by what they are, not by the council, so any tenant can pick the one closest to its own.
 * Where a source is silent the value is Tandem's suggested default; where a source names a limit or a
 * budget without its amount, the amount is left unset for the council to enter. Which is which, value
 * by value, with the quote it comes from, is in preset-provenance.ts.
 */
export interface PolicyPreset {
  id: string;
  name: string;
  basedOn: string;
  policy: TenantPolicy;
}

const common = {
  visits: {
    minimumFrequency: "monthly",
    idealFrequency: "monthly",
    typicalHours: { min: 2, max: 3 },
    maxHours: 8,
    overnight: "never",
    cancellationReasons: CancellationReason.options,
    // Leicester City's lone-working rule; Tandem suggests it for every scheme (preset-provenance.ts).
    namedPersonRequired: true,
    homeSafeWithinHours: SUGGESTED_HOME_SAFE_WITHIN_HOURS,
  },
  volunteers: {
    minimumAge: 18,
    commitmentMonths: 12,
    referencesRequired: 2,
    professionalReferenceRequired: true,
    referencesConfirmedByPhone: true,
    referenceReminderDays: 10,
    dbsRenewalMonths: 36,
    drivingDocumentsReviewMonths: 12,
    expiryWarningDays: 30,
    decisionLetterWorkingDays: 5,
    // Tandem's suggested default where a source gives no courses or deadlines (Leicestershire's own are below).
    training: [
      { code: "safeguarding-elearning", title: "Safeguarding e-learning", dueWithinMonths: 0 },
      { code: "iv-one-day-course", title: "Independent Visitor one-day course", dueWithinMonths: 6 },
    ],
    // Leicestershire's list of checks, the only source that spells them out: local authority checks,
    // proof of the right to work, and "further information" only when a medical condition is declared.
    medicalDeclaration: "when_declared",
    localAuthorityChecks: true,
    rightToWorkCheck: true,
  },
  matches: {
    trialVisits: { min: 4, max: 5 },
    firstFormalReviewWeeks: 6,
    reviewEveryMonths: 6,
    supervisionEveryMonths: 6,
    supportEndsAtAge: 21,
    // Tandem's suggested defaults where a source is silent (Leicestershire's and Leicester City's own are below).
    informalReviewAfterFirstVisit: false,
    closureReview: true,
    firstSupervisionWeeks: 6,
    endingAlertMonths: { first: 6, second: 3 },
    feedbackLinkDays: 28,
    feedbackReminderDays: 7,
    // England's statutory timescales for children's social care complaints (10, 25 and 30 working days).
    complaintStageWorkingDays: { stageOne: 10, stageTwo: 25, stageThree: 30 },
    // Leicestershire: "The child's wishes and feelings should be ascertained" before a visitor is appointed.
    childMustBeAskedBeforeMatching: true,
  },
} as const satisfies Partial<TenantPolicy>;

/** Leicestershire's two courses, as the procedure names them. */
const leicestershireTraining = (): TenantPolicy["volunteers"]["training"] => [
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
];

/** Rules no source gives, at Tandem's suggested defaults (labelled so on the settings page). */
const suggestedReferralRules = () => ({
  littleOrNoFamilyContactRequired: false,
  notAnAlternativeToRespite: false,
  priority: { ...SUGGESTED_PRIORITY },
  declinedReviewMonths: 6,
  informationRequestDays: 28,
});

/** Any child in care under 18, no care leavers, no time-in-care rule. */
const anyAgeUnder18 = (): TenantPolicy["referrals"] => ({
  minAge: 0,
  maxAge: 17,
  careLeavers: { acceptedUpToAge: null, vulnerableUpToAge: null },
  minimumMonthsInCare: 0,
  requireProceedingsConcluded: false,
  requireLongTermPlan: false,
  timeInCareExemptions: [],
  outOfArea: "accepted",
  responseWorkingDays: 10,
  // Domains are each tenant's own partner agencies, so no preset can know them: empty means no check.
  trustedReferrerDomains: [],
  selfReferralsAccepted: false,
  ...suggestedReferralRules(),
});

const noCaps = (): TenantPolicy["expenses"] => ({
  perVisitCapPence: null,
  perMonthCapPence: null,
  monthlyBudget: null,
  overCapNeedsPriorApproval: true,
  receiptsRequired: true,
  // An amount no source gives: the council enters its own rate.
  mileagePencePerMile: null,
});

/** Nobody named yet (every coordinator and manager is told), Tandem's suggested time, no number yet. */
const concernsToSet = (): TenantPolicy["concerns"] => ({
  safeguardingContacts: [],
  acknowledgeWithinHours: SUGGESTED_ACKNOWLEDGE_WITHIN_HOURS,
  outOfHoursPhones: [],
});

export const policyPresets: PolicyPreset[] = [
  {
    id: "from-5-care-leavers-to-25",
    name: "From age 5, care leavers to 21 (25 if vulnerable), monthly visits",
    basedOn: "Leeds one-minute guide (2021)",
    policy: {
      referrals: {
        minAge: 5,
        maxAge: 17,
        careLeavers: { acceptedUpToAge: 21, vulnerableUpToAge: 25 },
        minimumMonthsInCare: 0,
        requireProceedingsConcluded: false,
        requireLongTermPlan: false,
        timeInCareExemptions: [],
        outOfArea: "accepted",
        responseWorkingDays: 10,
        trustedReferrerDomains: [],
        // Referrals come from professionals through the council's case system (or on paper for over-18s).
        selfReferralsAccepted: false,
        ...suggestedReferralRules(),
      },
      visits: { ...common.visits, cancellationReasons: [...common.visits.cancellationReasons] },
      volunteers: { ...common.volunteers, training: [...common.volunteers.training] },
      // Support ends at 21; vulnerable care leavers are supported to 25 (referrals.careLeavers).
      matches: { ...common.matches, supportEndsAtAge: 21 },
      expenses: noCaps(),
      concerns: concernsToSet(),
      scheme: { runBy: "council", presetId: "from-5-care-leavers-to-25" },
    },
  },
  {
    id: "any-age-40-per-visit",
    name: "Any age under 18, £40 a visit, reviews at 6 weeks then 6-monthly, support to 21",
    basedOn: "Leicestershire procedure (2019, reviewed 2020)",
    policy: {
      // The procedure lists the young person among those who can refer.
      referrals: {
        ...anyAgeUnder18(),
        careLeavers: { acceptedUpToAge: 21, vulnerableUpToAge: null },
        selfReferralsAccepted: true,
      },
      // Over 8 hours or overnight "only in exceptional circumstances ... agreed by the Assistant Director".
      visits: {
        ...common.visits,
        cancellationReasons: [...common.visits.cancellationReasons],
        overnight: "senior_manager_approval",
      },
      volunteers: { ...common.volunteers, training: leicestershireTraining() },
      // "initially ... after the first visit informally"; the first supervision call "at approximately six weeks".
      matches: { ...common.matches, informalReviewAfterFirstVisit: true, firstSupervisionWeeks: 6 },
      expenses: { ...noCaps(), perVisitCapPence: 4000 },
      concerns: concernsToSet(),
      scheme: { runBy: "council", presetId: "any-age-40-per-visit" },
    },
  },
  {
    id: "per-session-and-monthly-limits-trial-visits",
    name: "Any age under 18, limits per session and per month, 4-5 visit trial",
    basedOn: "Leicester City 'Being an Independent Visitor'",
    policy: {
      referrals: anyAgeUnder18(),
      visits: { ...common.visits, cancellationReasons: [...common.visits.cancellationReasons] },
      volunteers: { ...common.volunteers, training: [...common.volunteers.training] },
      // Three complaint stages named without timescales: the council enters its own.
      matches: {
        ...common.matches,
        supportEndsAtAge: 18,
        complaintStageWorkingDays: { stageOne: null, stageTwo: null, stageThree: null },
      },
      // The source names limits per session and per month without amounts: the council enters its own.
      expenses: noCaps(),
      concerns: concernsToSet(),
      scheme: { runBy: "council", presetId: "per-session-and-monthly-limits-trial-visits" },
    },
  },
  {
    id: "year-in-care-monthly-budget",
    name: "A year in care with a long-term plan, a monthly budget that can be saved up, fortnightly visits",
    basedOn: "Northamptonshire information for professionals",
    policy: {
      referrals: {
        minAge: 0,
        maxAge: 17,
        careLeavers: { acceptedUpToAge: null, vulnerableUpToAge: null },
        minimumMonthsInCare: 12,
        requireProceedingsConcluded: true,
        requireLongTermPlan: true,
        timeInCareExemptions: ["unaccompanied_asylum_seeking_child"],
        outOfArea: "funding_agreement_required",
        responseWorkingDays: 10,
        trustedReferrerDomains: [],
        // The online referral is written for professionals.
        selfReferralsAccepted: false,
        // "The child or young person will have little or no contact with their birth family."
        littleOrNoFamilyContactRequired: true,
        notAnAlternativeToRespite: true,
        priority: { ...SUGGESTED_PRIORITY },
        declinedReviewMonths: 6,
        informationRequestDays: 28,
      },
      visits: {
        ...common.visits,
        idealFrequency: "fortnightly",
        typicalHours: { min: 2, max: 2 },
        // "The visits will only be cancelled if the child or young person, or the Independent Visitor, is unwell or it is deemed unsafe".
        cancellationReasons: ["child_unwell", "volunteer_unwell", "unsafe"],
      },
      volunteers: { ...common.volunteers, commitmentMonths: 24, training: [...common.volunteers.training] },
      matches: { ...common.matches, firstFormalReviewWeeks: null, reviewEveryMonths: 6, supportEndsAtAge: 18 },
      // A monthly budget that can be saved up, without an amount or a limit to saving: the council enters both.
      expenses: { ...noCaps(), monthlyBudget: { amountPence: null, canBeSavedUp: true, maxSavedMonths: null } },
      concerns: concernsToSet(),
      scheme: { runBy: "council", presetId: "year-in-care-monthly-budget" },
    },
  },
  {
    id: "commissioned-charity-any-age",
    name: "Any age under 18, scheme run by a commissioned charity",
    basedOn: "Redbridge one-minute guide (2013)",
    policy: {
      referrals: anyAgeUnder18(),
      visits: { ...common.visits, cancellationReasons: [...common.visits.cancellationReasons] },
      volunteers: { ...common.volunteers, training: [...common.volunteers.training] },
      matches: { ...common.matches, supportEndsAtAge: 18 },
      expenses: noCaps(),
      concerns: concernsToSet(),
      scheme: { runBy: "provider", presetId: "commissioned-charity-any-age" },
    },
  },
];

export function findPreset(id: string): PolicyPreset | undefined {
  return policyPresets.find((p) => p.id === id);
}
