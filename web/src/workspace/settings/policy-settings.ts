/**
 * Every setting of the tenant policy, in the order a scheme administrator thinks about them, each
 * with a plain-English question and an explanation of what it changes. The API (`TenantPolicy` in
 * `@tandem/domain`) remains the judge of what is allowed; the ranges here only give earlier, kinder
 * messages.
 */
import type { TenantPolicy } from "../../api/types";
import {
  hours,
  lineList,
  oneOf,
  optionalMoney,
  type PolicySetting,
  type SectionId,
  someOf,
  wholeNumber,
  yesNo,
} from "./policy-controls";
import { trainingSetting } from "./policy-training";

export interface PolicySection {
  id: SectionId;
  title: string;
  summary: string;
}

export const POLICY_SECTIONS: readonly PolicySection[] = [
  {
    id: "referrals",
    title: "Who can be referred",
    summary: "Ages, care leavers, time in care and out-of-area children.",
  },
  { id: "visits", title: "Visits", summary: "How often volunteers visit and for how long." },
  {
    id: "volunteers",
    title: "Volunteers and safer recruitment",
    summary: "Age, commitment, references, checks and training.",
  },
  { id: "matches", title: "Matches and reviews", summary: "The trial, reviews, supervision and when support ends." },
  { id: "expenses", title: "Expenses", summary: "Caps, budgets and approval of volunteers' expenses." },
  { id: "scheme", title: "Who runs the scheme", summary: "The council itself, or a commissioned charity." },
];

const YEARS = ["year", "years"] as const;
const MONTHS = ["month", "months"] as const;
const WEEKS = ["week", "weeks"] as const;
const DAYS = ["day", "days"] as const;
const WORKING_DAYS = ["working day", "working days"] as const;
const REFERENCES = ["reference", "references"] as const;
const VISITS = ["visit", "visits"] as const;

const FREQUENCIES = [
  { value: "weekly", label: "Every week" },
  { value: "fortnightly", label: "Every 2 weeks" },
  { value: "monthly", label: "Every month" },
] as const;

/** Changes to the monthly budget's parts need a budget to change; an empty amount removes it. */
function budget(draft: TenantPolicy): NonNullable<TenantPolicy["expenses"]["monthlyBudget"]> | null {
  return draft.expenses.monthlyBudget;
}

export const POLICY_SETTINGS: readonly PolicySetting[] = [
  // Referrals
  wholeNumber({
    path: "referrals.minAge",
    section: "referrals",
    label: "Youngest age a child can be referred",
    hint: "Referrals for younger children are flagged for a coordinator to decide. Use 0 to accept any age.",
    noun: "the youngest referral age",
    min: 0,
    max: 30,
    unit: YEARS,
    get: (p) => p.referrals.minAge,
    set: (p, v) => {
      p.referrals.minAge = v;
    },
  }),
  wholeNumber({
    path: "referrals.maxAge",
    section: "referrals",
    label: "Oldest age a child in care can be referred",
    hint: "In whole years: 17 means up to the day before the 18th birthday.",
    noun: "the oldest referral age",
    min: 0,
    max: 30,
    unit: YEARS,
    get: (p) => p.referrals.maxAge,
    set: (p, v) => {
      p.referrals.maxAge = v;
    },
  }),
  wholeNumber({
    path: "referrals.careLeavers.acceptedUpToAge",
    section: "referrals",
    label: "Care leavers can be referred until they turn",
    hint: "Must be above the oldest referral age. Leave empty if the scheme does not accept care leavers.",
    noun: "the care-leaver end age",
    min: 0,
    max: 30,
    unit: YEARS,
    blank: "Care leavers are not accepted",
    get: (p) => p.referrals.careLeavers.acceptedUpToAge,
    set: (p, v) => {
      p.referrals.careLeavers.acceptedUpToAge = v;
    },
  }),
  wholeNumber({
    path: "referrals.careLeavers.vulnerableUpToAge",
    section: "referrals",
    label: "Vulnerable care leavers can be supported until they turn",
    hint: "Some schemes support vulnerable care leavers for longer, for example to 25. Leave empty for no extension.",
    noun: "the end age for vulnerable care leavers",
    min: 0,
    max: 30,
    unit: YEARS,
    blank: "No longer than other care leavers",
    get: (p) => p.referrals.careLeavers.vulnerableUpToAge,
    set: (p, v) => {
      p.referrals.careLeavers.vulnerableUpToAge = v;
    },
  }),
  wholeNumber({
    path: "referrals.minimumMonthsInCare",
    section: "referrals",
    label: "How long must a child have been in care before referral?",
    hint: "In months. Use 0 for no minimum. Referrals of children in care for less time are flagged.",
    noun: "the minimum time in care",
    min: 0,
    max: 60,
    unit: MONTHS,
    get: (p) => p.referrals.minimumMonthsInCare,
    set: (p, v) => {
      p.referrals.minimumMonthsInCare = v;
    },
  }),
  someOf({
    path: "referrals.timeInCareExemptions",
    section: "referrals",
    label: "Who is exempt from the minimum time in care?",
    hint: "Only applies when there is a minimum time in care. Select all that apply.",
    noun: "the exemptions",
    none: "Nobody",
    options: [{ value: "unaccompanied_asylum_seeking_child", label: "Unaccompanied asylum-seeking children" }],
    get: (p) => p.referrals.timeInCareExemptions,
    set: (p, v) => {
      p.referrals.timeInCareExemptions = v;
    },
  }),
  yesNo({
    path: "referrals.requireProceedingsConcluded",
    section: "referrals",
    label: "Must care proceedings have concluded?",
    hint: "If yes, referrals for children whose proceedings are still going on are flagged.",
    noun: "care proceedings must have concluded",
    get: (p) => p.referrals.requireProceedingsConcluded,
    set: (p, v) => {
      p.referrals.requireProceedingsConcluded = v;
    },
  }),
  yesNo({
    path: "referrals.requireLongTermPlan",
    section: "referrals",
    label: "Must the child have a long-term plan?",
    hint: "For example long-term fostering or a residential placement.",
    noun: "a long-term plan is needed",
    get: (p) => p.referrals.requireLongTermPlan,
    set: (p, v) => {
      p.referrals.requireLongTermPlan = v;
    },
  }),
  oneOf({
    path: "referrals.outOfArea",
    section: "referrals",
    label: "Children placed outside the council's area",
    hint: "Children in the council's care who live in another area.",
    noun: "how out-of-area children are treated",
    options: [
      { value: "accepted", label: "Accepted like any other referral" },
      {
        value: "funding_agreement_required",
        label: "Accepted when the referrer's manager agrees to fund the match",
      },
      { value: "not_accepted", label: "Not accepted" },
    ],
    get: (p) => p.referrals.outOfArea,
    set: (p, v) => {
      p.referrals.outOfArea = v;
    },
  }),
  wholeNumber({
    path: "referrals.responseWorkingDays",
    section: "referrals",
    label: "How soon does the referrer hear back?",
    hint: "In working days. The referrer is told this when they refer.",
    noun: "the response time",
    min: 1,
    max: 60,
    unit: WORKING_DAYS,
    get: (p) => p.referrals.responseWorkingDays,
    set: (p, v) => {
      p.referrals.responseWorkingDays = v;
    },
  }),
  yesNo({
    path: "referrals.selfReferralsAccepted",
    section: "referrals",
    label: "Can young people refer themselves?",
    hint: "If yes, the public referral form asks whether the person referring is the young person.",
    noun: "young people can refer themselves",
    get: (p) => p.referrals.selfReferralsAccepted,
    set: (p, v) => {
      p.referrals.selfReferralsAccepted = v;
    },
  }),
  lineList({
    path: "referrals.trustedReferrerDomains",
    section: "referrals",
    label: "E-mail domains of the agencies that refer",
    hint: "One a line, like riverford.gov.uk. Referrals from other domains (and not their subdomains) are flagged for a coordinator, not refused. Leave empty for no check.",
    noun: "the referrer domains",
    none: "No check",
    max: 50,
    problem: (line) =>
      /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(line)
        ? null
        : `“${line}” is not a domain: give just the part after the @, like riverford.gov.uk`,
    get: (p) => p.referrals.trustedReferrerDomains,
    set: (p, v) => {
      p.referrals.trustedReferrerDomains = v;
    },
  }),
  // Visits
  oneOf({
    path: "visits.minimumFrequency",
    section: "visits",
    label: "How often must a volunteer visit, at least?",
    hint: "Matches visited less often than this show as behind.",
    noun: "the minimum visit frequency",
    options: FREQUENCIES,
    get: (p) => p.visits.minimumFrequency,
    set: (p, v) => {
      p.visits.minimumFrequency = v;
    },
  }),
  oneOf({
    path: "visits.idealFrequency",
    section: "visits",
    label: "How often should a volunteer ideally visit?",
    hint: "At least as often as the minimum.",
    noun: "the ideal visit frequency",
    options: FREQUENCIES,
    get: (p) => p.visits.idealFrequency,
    set: (p, v) => {
      p.visits.idealFrequency = v;
    },
  }),
  hours({
    path: "visits.typicalHours.min",
    section: "visits",
    label: "Shortest typical visit",
    hint: "What you tell volunteers and carers to expect, in hours.",
    noun: "the shortest typical visit",
    min: 0.5,
    max: 8,
    get: (p) => p.visits.typicalHours.min,
    set: (p, v) => {
      p.visits.typicalHours.min = v;
    },
  }),
  hours({
    path: "visits.typicalHours.max",
    section: "visits",
    label: "Longest typical visit",
    hint: "In hours. No longer than the longest visit allowed.",
    noun: "the longest typical visit",
    min: 0.5,
    max: 8,
    get: (p) => p.visits.typicalHours.max,
    set: (p, v) => {
      p.visits.typicalHours.max = v;
    },
  }),
  hours({
    path: "visits.maxHours",
    section: "visits",
    label: "Longest visit allowed",
    hint: "In hours. Longer visits need a coordinator's agreement beforehand.",
    noun: "the longest visit allowed",
    min: 1,
    max: 12,
    get: (p) => p.visits.maxHours,
    set: (p, v) => {
      p.visits.maxHours = v;
    },
  }),
  oneOf({
    path: "visits.overnight",
    section: "visits",
    label: "Overnight stays",
    hint: "Whether a visit may ever include a night away.",
    noun: "whether overnight stays are allowed",
    options: [
      { value: "never", label: "Never" },
      { value: "senior_manager_approval", label: "Only when a senior manager agrees beforehand" },
    ],
    get: (p) => p.visits.overnight,
    set: (p, v) => {
      p.visits.overnight = v;
    },
  }),
  // Volunteers
  wholeNumber({
    path: "volunteers.minimumAge",
    section: "volunteers",
    label: "Youngest age a volunteer can be",
    hint: "At least 18.",
    noun: "the youngest volunteer age",
    min: 18,
    max: 30,
    unit: YEARS,
    get: (p) => p.volunteers.minimumAge,
    set: (p, v) => {
      p.volunteers.minimumAge = v;
    },
  }),
  wholeNumber({
    path: "volunteers.commitmentMonths",
    section: "volunteers",
    label: "How long must volunteers commit to?",
    hint: "In months, from the start of a match. Applicants are told this.",
    noun: "the commitment",
    min: 1,
    max: 60,
    unit: MONTHS,
    get: (p) => p.volunteers.commitmentMonths,
    set: (p, v) => {
      p.volunteers.commitmentMonths = v;
    },
  }),
  wholeNumber({
    path: "volunteers.referencesRequired",
    section: "volunteers",
    label: "How many references does an applicant need?",
    hint: "Between 1 and 5.",
    noun: "the number of references",
    min: 1,
    max: 5,
    unit: REFERENCES,
    get: (p) => p.volunteers.referencesRequired,
    set: (p, v) => {
      p.volunteers.referencesRequired = v;
    },
  }),
  yesNo({
    path: "volunteers.professionalReferenceRequired",
    section: "volunteers",
    label: "Must one reference be professional?",
    hint: "From an employer, a college or an organisation the applicant has volunteered for.",
    noun: "one reference must be professional",
    get: (p) => p.volunteers.professionalReferenceRequired,
    set: (p, v) => {
      p.volunteers.professionalReferenceRequired = v;
    },
  }),
  yesNo({
    path: "volunteers.referencesConfirmedByPhone",
    section: "volunteers",
    label: "Must references be confirmed by phone?",
    hint: "A coordinator calls each referee and records the call.",
    noun: "references must be confirmed by phone",
    get: (p) => p.volunteers.referencesConfirmedByPhone,
    set: (p, v) => {
      p.volunteers.referencesConfirmedByPhone = v;
    },
  }),
  wholeNumber({
    path: "volunteers.referenceReminderDays",
    section: "volunteers",
    label: "Remind a referee after",
    hint: "Days without a reply before the referee is reminded.",
    noun: "the reminder time",
    min: 1,
    max: 60,
    unit: DAYS,
    get: (p) => p.volunteers.referenceReminderDays,
    set: (p, v) => {
      p.volunteers.referenceReminderDays = v;
    },
  }),
  wholeNumber({
    path: "volunteers.dbsRenewalMonths",
    section: "volunteers",
    label: "How often is an enhanced DBS check renewed?",
    hint: "In months, between 12 and 120.",
    noun: "the DBS renewal period",
    min: 12,
    max: 120,
    unit: MONTHS,
    get: (p) => p.volunteers.dbsRenewalMonths,
    set: (p, v) => {
      p.volunteers.dbsRenewalMonths = v;
    },
  }),
  wholeNumber({
    path: "volunteers.drivingDocumentsReviewMonths",
    section: "volunteers",
    label: "How often are driving licence, insurance and MOT reviewed?",
    hint: "In months, for volunteers who drive children.",
    noun: "the driving documents review period",
    min: 1,
    max: 36,
    unit: MONTHS,
    get: (p) => p.volunteers.drivingDocumentsReviewMonths,
    set: (p, v) => {
      p.volunteers.drivingDocumentsReviewMonths = v;
    },
  }),
  wholeNumber({
    path: "volunteers.expiryWarningDays",
    section: "volunteers",
    label: "Warn about expiring checks and training",
    hint: "Days before a check or training expires that coordinators are warned.",
    noun: "the expiry warning",
    min: 1,
    max: 180,
    unit: DAYS,
    get: (p) => p.volunteers.expiryWarningDays,
    set: (p, v) => {
      p.volunteers.expiryWarningDays = v;
    },
  }),
  wholeNumber({
    path: "volunteers.decisionLetterWorkingDays",
    section: "volunteers",
    label: "How soon is an applicant told the decision in writing?",
    hint: "In working days after the manager's decision.",
    noun: "the decision letter deadline",
    min: 1,
    max: 60,
    unit: WORKING_DAYS,
    get: (p) => p.volunteers.decisionLetterWorkingDays,
    set: (p, v) => {
      p.volunteers.decisionLetterWorkingDays = v;
    },
  }),
  oneOf({
    path: "volunteers.medicalDeclaration",
    section: "volunteers",
    label: "Who completes a medical declaration?",
    hint: "A declaration about health that could affect caring for a child.",
    noun: "who completes a medical declaration",
    options: [
      { value: "always", label: "Every applicant" },
      { value: "when_declared", label: "Only applicants who say they have a health condition" },
    ],
    get: (p) => p.volunteers.medicalDeclaration,
    set: (p, v) => {
      p.volunteers.medicalDeclaration = v;
    },
  }),
  yesNo({
    path: "volunteers.localAuthorityChecks",
    section: "volunteers",
    label: "Are applicants checked against the council's own records?",
    hint: "For example children's social care records, alongside the DBS check.",
    noun: "applicants are checked against the council's records",
    get: (p) => p.volunteers.localAuthorityChecks,
    set: (p, v) => {
      p.volunteers.localAuthorityChecks = v;
    },
  }),
  yesNo({
    path: "volunteers.rightToWorkCheck",
    section: "volunteers",
    label: "Must applicants show they have the right to work in the UK?",
    hint: "They show a document, and a coordinator records that it was seen.",
    noun: "applicants must show the right to work",
    get: (p) => p.volunteers.rightToWorkCheck,
    set: (p, v) => {
      p.volunteers.rightToWorkCheck = v;
    },
  }),
  trainingSetting,
  // Matches
  wholeNumber({
    path: "matches.trialVisits.min",
    section: "matches",
    label: "Fewest visits in the trial",
    hint: "The trial comes before a match is confirmed.",
    noun: "the fewest trial visits",
    min: 0,
    max: 12,
    unit: VISITS,
    get: (p) => p.matches.trialVisits.min,
    set: (p, v) => {
      p.matches.trialVisits.min = v;
    },
  }),
  wholeNumber({
    path: "matches.trialVisits.max",
    section: "matches",
    label: "Most visits in the trial",
    hint: "At least the fewest.",
    noun: "the most trial visits",
    min: 0,
    max: 12,
    unit: VISITS,
    get: (p) => p.matches.trialVisits.max,
    set: (p, v) => {
      p.matches.trialVisits.max = v;
    },
  }),
  wholeNumber({
    path: "matches.firstFormalReviewWeeks",
    section: "matches",
    label: "First formal review after",
    hint: "Weeks after the match starts. Leave empty if the first review is simply the regular one.",
    noun: "the first review",
    min: 1,
    max: 52,
    unit: WEEKS,
    blank: "No separate first review",
    get: (p) => p.matches.firstFormalReviewWeeks,
    set: (p, v) => {
      p.matches.firstFormalReviewWeeks = v;
    },
  }),
  wholeNumber({
    path: "matches.reviewEveryMonths",
    section: "matches",
    label: "Review every",
    hint: "Months between formal reviews of a match.",
    noun: "the review interval",
    min: 1,
    max: 24,
    unit: MONTHS,
    get: (p) => p.matches.reviewEveryMonths,
    set: (p, v) => {
      p.matches.reviewEveryMonths = v;
    },
  }),
  wholeNumber({
    path: "matches.supervisionEveryMonths",
    section: "matches",
    label: "Supervise volunteers every",
    hint: "Months between supervision sessions with each volunteer.",
    noun: "the supervision interval",
    min: 1,
    max: 24,
    unit: MONTHS,
    get: (p) => p.matches.supervisionEveryMonths,
    set: (p, v) => {
      p.matches.supervisionEveryMonths = v;
    },
  }),
  wholeNumber({
    path: "matches.supportEndsAtAge",
    section: "matches",
    label: "Formal support ends on the young person's birthday at age",
    hint: "Commonly 21. It cannot be past the ages the scheme accepts referrals or care leavers to.",
    noun: "the age support ends",
    min: 0,
    max: 30,
    unit: YEARS,
    get: (p) => p.matches.supportEndsAtAge,
    set: (p, v) => {
      p.matches.supportEndsAtAge = v;
    },
  }),
  // Expenses
  optionalMoney({
    path: "expenses.perVisitCapPence",
    section: "expenses",
    label: "Most a volunteer can claim for one visit",
    hint: "Leave empty for no limit per visit.",
    noun: "the per-visit cap",
    blank: "No limit per visit",
    get: (p) => p.expenses.perVisitCapPence,
    set: (p, v) => {
      p.expenses.perVisitCapPence = v;
    },
  }),
  optionalMoney({
    path: "expenses.perMonthCapPence",
    section: "expenses",
    label: "Most a volunteer can claim in a month",
    hint: "Leave empty for no monthly limit. At least the per-visit cap.",
    noun: "the monthly cap",
    blank: "No limit per month",
    get: (p) => p.expenses.perMonthCapPence,
    set: (p, v) => {
      p.expenses.perMonthCapPence = v;
    },
  }),
  optionalMoney({
    path: "expenses.monthlyBudget.amountPence",
    section: "expenses",
    label: "Monthly activity budget for each match",
    hint: "Leave empty if there is no activity budget. At least the per-visit cap.",
    noun: "the monthly budget",
    blank: "No monthly budget",
    get: (p) => p.expenses.monthlyBudget?.amountPence ?? null,
    set: (p, v) => {
      p.expenses.monthlyBudget =
        v === null ? null : { canBeSavedUp: false, maxSavedMonths: 0, ...p.expenses.monthlyBudget, amountPence: v };
    },
  }),
  yesNo({
    path: "expenses.monthlyBudget.canBeSavedUp",
    section: "expenses",
    label: "Can unspent budget be saved for a bigger trip?",
    hint: "Only used when there is a monthly budget.",
    noun: "the budget can be saved up",
    get: (p) => p.expenses.monthlyBudget?.canBeSavedUp ?? false,
    set: (p, v) => {
      const b = budget(p);
      if (b) b.canBeSavedUp = v;
    },
  }),
  wholeNumber({
    path: "expenses.monthlyBudget.maxSavedMonths",
    section: "expenses",
    label: "Months of budget that can be saved up",
    hint: "Only used when the budget can be saved up; otherwise 0.",
    noun: "the months that can be saved",
    min: 0,
    max: 12,
    unit: MONTHS,
    get: (p) => p.expenses.monthlyBudget?.maxSavedMonths ?? 0,
    set: (p, v) => {
      const b = budget(p);
      if (b) b.maxSavedMonths = v;
    },
  }),
  yesNo({
    path: "expenses.overCapNeedsPriorApproval",
    section: "expenses",
    label: "Does spending over a limit need a coordinator's approval first?",
    hint: "If no, claims over a limit are flagged when they arrive instead.",
    noun: "spending over a limit needs approval",
    get: (p) => p.expenses.overCapNeedsPriorApproval,
    set: (p, v) => {
      p.expenses.overCapNeedsPriorApproval = v;
    },
  }),
  // Scheme
  oneOf({
    path: "scheme.runBy",
    section: "scheme",
    label: "Who runs the scheme day to day?",
    hint: "Record the charity itself and the dates under Commissioned provider.",
    noun: "who runs the scheme",
    options: [
      { value: "council", label: "The council" },
      { value: "provider", label: "A commissioned charity or other provider" },
    ],
    get: (p) => p.scheme.runBy,
    set: (p, v) => {
      p.scheme.runBy = v;
    },
  }),
];

export function sectionSettings(section: SectionId): PolicySetting[] {
  return POLICY_SETTINGS.filter((s) => s.section === section);
}

/**
 * The setting an API path belongs to: exact, or the nearest enclosing one (a problem reported at
 * `volunteers.training.1.code` belongs to the training list).
 */
export function settingFor(path: string): PolicySetting | undefined {
  const exact = POLICY_SETTINGS.find((s) => s.path === path);
  if (exact) return exact;
  return POLICY_SETTINGS.filter((s) => path.startsWith(`${s.path}.`)).sort((a, b) => b.path.length - a.path.length)[0];
}

export function sectionById(id: string): PolicySection | undefined {
  return POLICY_SECTIONS.find((s) => s.id === id);
}
