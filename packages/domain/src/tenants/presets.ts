import type { TenantPolicy } from "./policy.js";

/**
 * Starting policies, each written from one source scheme's published rules (shared/seeds).
 * Named by what they are, not by the council, so any tenant can pick the one closest to its own.
 * Where a source is silent the value is the common practice across the five sources, noted inline.
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
    overnight: "senior_manager_approval",
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
    training: [
      { code: "safeguarding-elearning", title: "Safeguarding e-learning (40 minutes)", dueWithinMonths: 0 },
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
  },
} as const satisfies Partial<TenantPolicy>;

/** Any child in care under 18, care leavers to 21, no time-in-care rule: the most common referral rules. */
const anyAgeUnder18 = (): TenantPolicy["referrals"] => ({
  minAge: 0,
  maxAge: 17,
  careLeavers: { acceptedUpToAge: 21, vulnerableUpToAge: null },
  minimumMonthsInCare: 0,
  requireProceedingsConcluded: false,
  requireLongTermPlan: false,
  timeInCareExemptions: [],
  outOfArea: "accepted",
  responseWorkingDays: 10,
  // Domains are each tenant's own partner agencies, so no preset can know them: empty means no check.
  trustedReferrerDomains: [],
  selfReferralsAccepted: false,
});

const noCaps = (): TenantPolicy["expenses"] => ({
  perVisitCapPence: null,
  perMonthCapPence: null,
  monthlyBudget: null,
  overCapNeedsPriorApproval: true,
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
      },
      visits: { ...common.visits },
      volunteers: { ...common.volunteers, training: [...common.volunteers.training] },
      matches: { ...common.matches, supportEndsAtAge: 25 },
      expenses: noCaps(),
      scheme: { runBy: "council" },
    },
  },
  {
    id: "any-age-40-per-visit",
    name: "Any age under 18, £40 a visit, reviews at 6 weeks then 6-monthly, support to 21",
    basedOn: "Leicestershire procedure (2019, reviewed 2020)",
    policy: {
      // The procedure lists the young person among those who can refer.
      referrals: { ...anyAgeUnder18(), selfReferralsAccepted: true },
      visits: { ...common.visits, overnight: "never" },
      volunteers: { ...common.volunteers, training: [...common.volunteers.training] },
      matches: { ...common.matches },
      expenses: { ...noCaps(), perVisitCapPence: 4000 },
      scheme: { runBy: "council" },
    },
  },
  {
    id: "per-session-and-monthly-limits-trial-visits",
    name: "Any age under 18, limits per session and per month, 4-5 visit trial",
    basedOn: "Leicester City 'Being an Independent Visitor'",
    policy: {
      referrals: anyAgeUnder18(),
      visits: { ...common.visits },
      volunteers: { ...common.volunteers, training: [...common.volunteers.training] },
      matches: { ...common.matches },
      // The source names limits per session and per month without amounts; these are placeholders to adjust.
      expenses: { ...noCaps(), perVisitCapPence: 3000, perMonthCapPence: 6000 },
      scheme: { runBy: "council" },
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
      },
      visits: { ...common.visits, idealFrequency: "fortnightly", typicalHours: { min: 2, max: 2 } },
      volunteers: { ...common.volunteers, commitmentMonths: 24, training: [...common.volunteers.training] },
      matches: { ...common.matches, firstFormalReviewWeeks: null, reviewEveryMonths: 6, supportEndsAtAge: 18 },
      expenses: { ...noCaps(), monthlyBudget: { amountPence: 3000, canBeSavedUp: true, maxSavedMonths: 6 } },
      scheme: { runBy: "council" },
    },
  },
  {
    id: "commissioned-charity-any-age",
    name: "Any age under 18, scheme run by a commissioned charity",
    basedOn: "Redbridge one-minute guide (2013)",
    policy: {
      referrals: anyAgeUnder18(),
      visits: { ...common.visits },
      volunteers: { ...common.volunteers, training: [...common.volunteers.training] },
      matches: { ...common.matches },
      expenses: noCaps(),
      scheme: { runBy: "provider" },
    },
  },
];

export function findPreset(id: string): PolicyPreset | undefined {
  return policyPresets.find((p) => p.id === id);
}
