/**
 * Every setting of the tenant policy, in the order a scheme administrator thinks about them, each
 * with a plain-English question and an explanation of what it changes. The API (`TenantPolicy` in
 * `@tandem/domain`) remains the judge of what is allowed; the ranges here only give earlier, kinder
 * messages.
 */
import type { TenantPolicy } from "../../api/types";
import {
  type Access,
  hours,
  lineList,
  oneOf,
  optionalMoney,
  type PolicySetting,
  type SectionId,
  setting,
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
  {
    id: "concerns",
    title: "Concerns and safeguarding",
    summary: "Who is told of a concern at once, how soon it is acknowledged, the out-of-hours number.",
  },
  { id: "scheme", title: "Who runs the scheme", summary: "The council itself, or a commissioned charity." },
];

const YEARS = ["year", "years"] as const;
const MONTHS = ["month", "months"] as const;
const WEEKS = ["week", "weeks"] as const;
const DAYS = ["day", "days"] as const;
const WORKING_DAYS = ["working day", "working days"] as const;
const REFERENCES = ["reference", "references"] as const;
const VISITS = ["visit", "visits"] as const;
const POINTS = ["point", "points"] as const;
const MILES = ["mile", "miles"] as const;
const HOURS = ["hour", "hours"] as const;
const PENCE_A_MILE = ["penny a mile", "pence a mile"] as const;

const CANCELLATION_REASONS = [
  { value: "child_unwell", label: "The child is unwell" },
  { value: "volunteer_unwell", label: "The volunteer is unwell" },
  { value: "unsafe", label: "It is unsafe to visit" },
  { value: "child_unavailable", label: "The child cannot make it" },
  { value: "volunteer_unavailable", label: "The volunteer cannot make it" },
] as const;

const FREQUENCIES = [
  { value: "weekly", label: "Every week" },
  { value: "fortnightly", label: "Every 2 weeks" },
  { value: "monthly", label: "Every month" },
] as const;

type Budget = NonNullable<TenantPolicy["expenses"]["monthlyBudget"]>;

/**
 * A part of the monthly budget, which may not exist: read as `absent` without one, and changed only
 * when there is one (an empty amount removes it).
 */
function inBudget<K extends "canBeSavedUp" | "maxSavedMonths">(key: K, absent: Budget[K]): Access<Budget[K]> {
  return {
    get: (p) => p.expenses.monthlyBudget?.[key] ?? absent,
    set: (p, v) => {
      const b = p.expenses.monthlyBudget;
      if (b) b[key] = v;
    },
  };
}

export const POLICY_SETTINGS: readonly PolicySetting[] = [
  // Referrals
  setting(
    "referrals.minAge",
    wholeNumber({
      label: "Youngest age a child can be referred",
      hint: "Referrals for younger children are flagged for a coordinator to decide. Use 0 to accept any age.",
      noun: "the youngest referral age",
      min: 0,
      max: 30,
      unit: YEARS,
    }),
  ),
  setting(
    "referrals.maxAge",
    wholeNumber({
      label: "Oldest age a child in care can be referred",
      hint: "In whole years: 17 means up to the day before the 18th birthday.",
      noun: "the oldest referral age",
      min: 0,
      max: 30,
      unit: YEARS,
    }),
  ),
  setting(
    "referrals.careLeavers.acceptedUpToAge",
    wholeNumber({
      label: "Care leavers can be referred until they turn",
      hint: "Must be above the oldest referral age. Leave empty if the scheme does not accept care leavers.",
      noun: "the care-leaver end age",
      min: 0,
      max: 30,
      unit: YEARS,
      blank: "Care leavers are not accepted",
    }),
  ),
  setting(
    "referrals.careLeavers.vulnerableUpToAge",
    wholeNumber({
      label: "Vulnerable care leavers can be supported until they turn",
      hint: "Some schemes support vulnerable care leavers for longer, for example to 25. Leave empty for no extension.",
      noun: "the end age for vulnerable care leavers",
      min: 0,
      max: 30,
      unit: YEARS,
      blank: "No longer than other care leavers",
    }),
  ),
  setting(
    "referrals.minimumMonthsInCare",
    wholeNumber({
      label: "How long must a child have been in care before referral?",
      hint: "In months. Use 0 for no minimum. Referrals of children in care for less time are flagged.",
      noun: "the minimum time in care",
      min: 0,
      max: 60,
      unit: MONTHS,
    }),
  ),
  setting(
    "referrals.timeInCareExemptions",
    someOf({
      label: "Who is exempt from the minimum time in care?",
      hint: "Only applies when there is a minimum time in care. Select all that apply.",
      noun: "the exemptions",
      none: "Nobody",
      options: [{ value: "unaccompanied_asylum_seeking_child", label: "Unaccompanied asylum-seeking children" }],
    }),
  ),
  setting(
    "referrals.requireProceedingsConcluded",
    yesNo({
      label: "Must care proceedings have concluded?",
      hint: "If yes, referrals for children whose proceedings are still going on are flagged.",
      noun: "care proceedings must have concluded",
    }),
  ),
  setting(
    "referrals.requireLongTermPlan",
    yesNo({
      label: "Must the child have a long-term plan?",
      hint: "For example long-term fostering or a residential placement.",
      noun: "a long-term plan is needed",
    }),
  ),
  setting(
    "referrals.outOfArea",
    oneOf({
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
    }),
  ),
  setting(
    "referrals.responseWorkingDays",
    wholeNumber({
      label: "How soon does the referrer hear back?",
      hint: "In working days. The referrer is told this when they refer.",
      noun: "the response time",
      min: 1,
      max: 60,
      unit: WORKING_DAYS,
    }),
  ),
  setting(
    "referrals.declinedReviewMonths",
    wholeNumber({
      label: "Look again at a declined referral after",
      hint: "In months. A coordinator declining a referral can choose another date.",
      noun: "the review of declined referrals",
      min: 1,
      max: 24,
      unit: MONTHS,
    }),
  ),
  setting(
    "referrals.informationRequestDays",
    wholeNumber({
      label: "How long can a referrer answer a request for more information?",
      hint: "In days, through the link they are sent. After that, the coordinator decides without the answer.",
      noun: "the time to answer",
      min: 7,
      max: 90,
      unit: DAYS,
    }),
  ),
  setting(
    "referrals.selfReferralsAccepted",
    yesNo({
      label: "Can young people refer themselves?",
      hint: "If yes, the public referral form asks whether the person referring is the young person.",
      noun: "young people can refer themselves",
    }),
  ),
  setting(
    "referrals.littleOrNoFamilyContactRequired",
    yesNo({
      label: "Must the child have little or no contact with their birth family?",
      hint: "If yes, it is a condition of the scheme: a referral for a child with regular family contact is flagged for a coordinator to decide.",
      noun: "little or no family contact is a condition",
    }),
  ),
  setting(
    "referrals.notAnAlternativeToRespite",
    yesNo({
      label: "Does the referral form say an Independent Visitor is not an alternative to respite care?",
      hint: "If yes, the form says so and asks the referrer whether the referral is instead of respite care; a yes is flagged.",
      noun: "the form asks about respite care",
    }),
  ),
  setting(
    "referrals.priority.littleOrNoFamilyContactWeight",
    wholeNumber({
      label: "Priority weight: little or no contact with family",
      hint: "The waiting list puts children with the heaviest total weight first, then those waiting longest. Use 0 to ignore this reason.",
      noun: "the weight of little family contact",
      min: 0,
      max: 99,
      unit: POINTS,
    }),
  ),
  setting(
    "referrals.priority.notVisitedInLastYearWeight",
    wholeNumber({
      label: "Priority weight: not visited by family in the last year",
      hint: "Use 0 to ignore this reason.",
      noun: "the weight of no family visit in a year",
      min: 0,
      max: 99,
      unit: POINTS,
    }),
  ),
  setting(
    "referrals.priority.placedFarFromHomeWeight",
    wholeNumber({
      label: "Priority weight: placed far from home",
      hint: "Use 0 to ignore this reason.",
      noun: "the weight of a placement far from home",
      min: 0,
      max: 99,
      unit: POINTS,
    }),
  ),
  setting(
    "referrals.priority.farFromHomeMiles",
    wholeNumber({
      label: "A placement is far from home beyond",
      hint: "In miles from the child's home. A child placed out of area with no distance given counts as far.",
      noun: "the far-from-home distance",
      min: 1,
      max: 500,
      unit: MILES,
    }),
  ),
  setting(
    "referrals.trustedReferrerDomains",
    lineList({
      label: "E-mail domains of the agencies that refer",
      hint: "One a line, like riverford.gov.uk. Referrals from other domains (and not their subdomains) are flagged for a coordinator, not refused. Leave empty for no check.",
      noun: "the referrer domains",
      none: "No check",
      max: 50,
      problem: (line) =>
        /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(line)
          ? null
          : `“${line}” is not a domain: give just the part after the @, like riverford.gov.uk`,
    }),
  ),
  // Visits
  setting(
    "visits.minimumFrequency",
    oneOf({
      label: "How often must a volunteer visit, at least?",
      hint: "Matches visited less often than this show as behind.",
      noun: "the minimum visit frequency",
      options: FREQUENCIES,
    }),
  ),
  setting(
    "visits.idealFrequency",
    oneOf({
      label: "How often should a volunteer ideally visit?",
      hint: "At least as often as the minimum.",
      noun: "the ideal visit frequency",
      options: FREQUENCIES,
    }),
  ),
  setting(
    "visits.typicalHours.min",
    hours({
      label: "Shortest typical visit",
      hint: "What you tell volunteers and carers to expect, in hours.",
      noun: "the shortest typical visit",
      min: 0.5,
      max: 8,
    }),
  ),
  setting(
    "visits.typicalHours.max",
    hours({
      label: "Longest typical visit",
      hint: "In hours. No longer than the longest visit allowed.",
      noun: "the longest typical visit",
      min: 0.5,
      max: 8,
    }),
  ),
  setting(
    "visits.maxHours",
    hours({
      label: "Longest visit allowed",
      hint: "In hours. A longer visit is treated like an overnight stay: refused, or agreed by a senior manager beforehand.",
      noun: "the longest visit allowed",
      min: 1,
      max: 12,
    }),
  ),
  setting(
    "visits.overnight",
    oneOf({
      label: "Overnight stays",
      hint: "Whether a visit may ever include a night away.",
      noun: "whether overnight stays are allowed",
      options: [
        { value: "never", label: "Never" },
        { value: "senior_manager_approval", label: "Only when a senior manager agrees beforehand" },
      ],
    }),
  ),
  setting(
    "visits.cancellationReasons",
    someOf({
      label: "For which reasons may a volunteer cancel a visit?",
      hint: "Select all that apply. The volunteer picks one when cancelling.",
      noun: "the reasons to cancel",
      none: "None",
      options: CANCELLATION_REASONS,
    }),
  ),
  setting(
    "visits.namedPersonRequired",
    yesNo({
      label: "Must a volunteer name the person who knows where each visit is?",
      hint: "Lone working: someone is told when and where the visit is, and that the volunteer is back.",
      noun: "a named person is needed",
    }),
  ),
  setting(
    "visits.homeSafeWithinHours",
    wholeNumber({
      label: "Volunteer confirms they are home safe within",
      hint: "Hours after a visit's planned end. Without a confirmation by then, the coordinator is e-mailed.",
      noun: "the time to confirm home safe",
      min: 1,
      max: 12,
      unit: HOURS,
    }),
  ),
  // Volunteers
  setting(
    "volunteers.minimumAge",
    wholeNumber({
      label: "Youngest age a volunteer can be",
      hint: "At least 18.",
      noun: "the youngest volunteer age",
      min: 18,
      max: 30,
      unit: YEARS,
    }),
  ),
  setting(
    "volunteers.commitmentMonths",
    wholeNumber({
      label: "How long must volunteers commit to?",
      hint: "In months, from the start of a match. Applicants are told this.",
      noun: "the commitment",
      min: 1,
      max: 60,
      unit: MONTHS,
    }),
  ),
  setting(
    "volunteers.referencesRequired",
    wholeNumber({
      label: "How many references does an applicant need?",
      hint: "Between 1 and 5.",
      noun: "the number of references",
      min: 1,
      max: 5,
      unit: REFERENCES,
    }),
  ),
  setting(
    "volunteers.professionalReferenceRequired",
    yesNo({
      label: "Must one reference be professional?",
      hint: "From an employer, a college or an organisation the applicant has volunteered for.",
      noun: "one reference must be professional",
    }),
  ),
  setting(
    "volunteers.referencesConfirmedByPhone",
    yesNo({
      label: "Must references be confirmed by phone?",
      hint: "A coordinator calls each referee and records the call.",
      noun: "references must be confirmed by phone",
    }),
  ),
  setting(
    "volunteers.referenceReminderDays",
    wholeNumber({
      label: "Remind a referee after",
      hint: "Days without a reply before the referee is reminded.",
      noun: "the reminder time",
      min: 1,
      max: 60,
      unit: DAYS,
    }),
  ),
  setting(
    "volunteers.dbsRenewalMonths",
    wholeNumber({
      label: "How often is an enhanced DBS check renewed?",
      hint: "In months, between 12 and 120.",
      noun: "the DBS renewal period",
      min: 12,
      max: 120,
      unit: MONTHS,
    }),
  ),
  setting(
    "volunteers.drivingDocumentsReviewMonths",
    wholeNumber({
      label: "How often are driving licence, insurance and MOT reviewed?",
      hint: "In months, for volunteers who drive children.",
      noun: "the driving documents review period",
      min: 1,
      max: 36,
      unit: MONTHS,
    }),
  ),
  setting(
    "volunteers.expiryWarningDays",
    wholeNumber({
      label: "Warn about expiring checks and training",
      hint: "Days before a check or training expires that coordinators are warned.",
      noun: "the expiry warning",
      min: 1,
      max: 180,
      unit: DAYS,
    }),
  ),
  setting(
    "volunteers.decisionLetterWorkingDays",
    wholeNumber({
      label: "How soon is an applicant told the decision in writing?",
      hint: "In working days after the manager's decision.",
      noun: "the decision letter deadline",
      min: 1,
      max: 60,
      unit: WORKING_DAYS,
    }),
  ),
  setting(
    "volunteers.medicalDeclaration",
    oneOf({
      label: "Who completes a medical declaration?",
      hint: "A declaration about health that could affect caring for a child.",
      noun: "who completes a medical declaration",
      options: [
        { value: "always", label: "Every applicant" },
        { value: "when_declared", label: "Only applicants who say they have a health condition" },
      ],
    }),
  ),
  setting(
    "volunteers.localAuthorityChecks",
    yesNo({
      label: "Are applicants checked against the council's own records?",
      hint: "For example children's social care records, alongside the DBS check.",
      noun: "applicants are checked against the council's records",
    }),
  ),
  setting(
    "volunteers.rightToWorkCheck",
    yesNo({
      label: "Must applicants show they have the right to work in the UK?",
      hint: "They show a document, and a coordinator records that it was seen.",
      noun: "applicants must show the right to work",
    }),
  ),
  trainingSetting,
  // Matches
  setting(
    "matches.trialVisits.min",
    wholeNumber({
      label: "Fewest visits in the trial",
      hint: "The trial comes before a match is confirmed.",
      noun: "the fewest trial visits",
      min: 0,
      max: 12,
      unit: VISITS,
    }),
  ),
  setting(
    "matches.trialVisits.max",
    wholeNumber({
      label: "Most visits in the trial",
      hint: "At least the fewest.",
      noun: "the most trial visits",
      min: 0,
      max: 12,
      unit: VISITS,
    }),
  ),
  setting(
    "matches.firstFormalReviewWeeks",
    wholeNumber({
      label: "First formal review after",
      hint: "Weeks after the match starts. Leave empty if the first review is simply the regular one.",
      noun: "the first review",
      min: 1,
      max: 52,
      unit: WEEKS,
      blank: "No separate first review",
    }),
  ),
  setting(
    "matches.reviewEveryMonths",
    wholeNumber({
      label: "Review every",
      hint: "Months between formal reviews of a match.",
      noun: "the review interval",
      min: 1,
      max: 24,
      unit: MONTHS,
    }),
  ),
  setting(
    "matches.supervisionEveryMonths",
    wholeNumber({
      label: "Supervise volunteers every",
      hint: "Months between supervision sessions with each volunteer.",
      noun: "the supervision interval",
      min: 1,
      max: 24,
      unit: MONTHS,
    }),
  ),
  setting(
    "matches.supportEndsAtAge",
    wholeNumber({
      label: "Formal support ends on the young person's birthday at age",
      hint: "It cannot be past the ages the scheme accepts referrals or care leavers to. Vulnerable care leavers' longer support is set under Who can be referred.",
      noun: "the age support ends",
      min: 0,
      max: 30,
      unit: YEARS,
    }),
  ),
  setting(
    "matches.informalReviewAfterFirstVisit",
    yesNo({
      label: "Is a match reviewed informally after its first visit?",
      hint: "Before the first formal review.",
      noun: "an informal review after the first visit",
    }),
  ),
  setting(
    "matches.closureReview",
    yesNo({
      label: "Is a closure review held when a match ends?",
      hint: "The match ends only once it has been held.",
      noun: "a closure review when a match ends",
    }),
  ),
  setting(
    "matches.firstSupervisionWeeks",
    wholeNumber({
      label: "First supervision call after",
      hint: "Weeks after a match starts. Leave empty if there is no separate first call.",
      noun: "the first supervision call",
      min: 1,
      max: 52,
      unit: WEEKS,
      blank: "No separate first call",
    }),
  ),
  setting(
    "matches.endingAlertMonths.first",
    wholeNumber({
      label: "First alert before support ends",
      hint: "Months before the young person reaches the age support ends.",
      noun: "the first end-age alert",
      min: 1,
      max: 24,
      unit: MONTHS,
    }),
  ),
  setting(
    "matches.endingAlertMonths.second",
    wholeNumber({
      label: "Second alert before support ends",
      hint: "Fewer months than the first alert.",
      noun: "the second end-age alert",
      min: 1,
      max: 24,
      unit: MONTHS,
    }),
  ),
  setting(
    "matches.feedbackLinkDays",
    wholeNumber({
      label: "Feedback links can be answered for",
      hint: "Days after a review's feedback request is sent.",
      noun: "how long a feedback link lasts",
      min: 3,
      max: 90,
      unit: DAYS,
    }),
  ),
  setting(
    "matches.feedbackReminderDays",
    wholeNumber({
      label: "Remind people who have not given feedback after",
      hint: "Days after the request. Before the link expires.",
      noun: "the feedback reminder",
      min: 1,
      max: 60,
      unit: DAYS,
    }),
  ),
  ...(["stageOne", "stageTwo", "stageThree"] as const).map((stage, i) =>
    setting(
      `matches.complaintStageWorkingDays.${stage}`,
      wholeNumber({
        label: `Complaints: stage ${i + 1} response within`,
        hint: "Working days from the day the stage starts.",
        noun: `the stage ${i + 1} complaint response time`,
        min: 1,
        max: 60,
        unit: WORKING_DAYS,
        blank: "Not entered yet",
      }),
    ),
  ),
  setting(
    "matches.childMustBeAskedBeforeMatching",
    yesNo({
      label: "Must the child be asked whether they want a visitor before a match is proposed?",
      hint: "A child with enough understanding who objects is never matched, whatever the answer here.",
      noun: "the child must be asked before matching",
    }),
  ),
  // Expenses
  setting(
    "expenses.perVisitCapPence",
    optionalMoney({
      label: "Most a volunteer can claim for one visit",
      hint: "Leave empty for no limit per visit.",
      noun: "the per-visit cap",
      blank: "No limit per visit",
    }),
  ),
  setting(
    "expenses.perMonthCapPence",
    optionalMoney({
      label: "Most a volunteer can claim in a month",
      hint: "Leave empty for no monthly limit. At least the per-visit cap.",
      noun: "the monthly cap",
      blank: "No limit per month",
    }),
  ),
  setting(
    "expenses.monthlyBudget.amountPence",
    optionalMoney({
      label: "Monthly activity budget for each match",
      hint: "Leave empty if there is no activity budget. At least the per-visit cap. A budget whose amount has not been entered yet keeps it empty until you enter one.",
      noun: "the monthly budget",
      blank: "No monthly budget",
    }),
    {
      get: (p) => p.expenses.monthlyBudget?.amountPence ?? null,
      set: (p, v) => {
        const budget = p.expenses.monthlyBudget;
        // A budget the source names without an amount stays until an amount is entered or the budget removed.
        if (v === null && budget?.amountPence === null) return;
        p.expenses.monthlyBudget =
          v === null ? null : { canBeSavedUp: false, maxSavedMonths: 0, ...budget, amountPence: v };
      },
    },
  ),
  setting(
    "expenses.monthlyBudget.canBeSavedUp",
    yesNo({
      label: "Can unspent budget be saved for a bigger trip?",
      hint: "Only used when there is a monthly budget.",
      noun: "the budget can be saved up",
    }),
    inBudget("canBeSavedUp", false),
  ),
  setting(
    "expenses.monthlyBudget.maxSavedMonths",
    wholeNumber({
      label: "Months of budget that can be saved up",
      hint: "Only used when the budget can be saved up; otherwise 0. Leave empty for no limit: unspent budget keeps adding up until it is spent.",
      noun: "the months that can be saved",
      min: 0,
      max: 12,
      unit: MONTHS,
      blank: "No limit",
    }),
    inBudget("maxSavedMonths", null),
  ),
  setting(
    "expenses.overCapNeedsPriorApproval",
    yesNo({
      label: "Does spending over a limit need a coordinator's approval first?",
      hint: "If no, claims over a limit are flagged when they arrive instead.",
      noun: "spending over a limit needs approval",
    }),
  ),
  setting(
    "expenses.receiptsRequired",
    yesNo({
      label: "Must every item be claimed with a receipt?",
      hint: "Mileage never needs one: it is worked out from the miles.",
      noun: "receipts are required",
    }),
  ),
  setting(
    "expenses.mileagePencePerMile",
    wholeNumber({
      label: "Mileage rate",
      hint: "Pence for each mile a volunteer drives. Leave empty until your council has decided; mileage cannot be claimed until then.",
      noun: "the mileage rate",
      min: 0,
      max: 500,
      unit: PENCE_A_MILE,
      blank: "Not entered yet",
    }),
  ),
  // Concerns
  setting(
    "concerns.safeguardingContacts",
    lineList({
      label: "Designated safeguarding contacts",
      hint: "E-mail addresses, one a line, told at once of every concern. Leave empty to tell every coordinator and manager.",
      noun: "the safeguarding contacts",
      none: "Every coordinator and manager",
      max: 10,
      problem: (line) =>
        /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(line)
          ? null
          : `“${line}” is not an e-mail address: write it like name@council.gov.uk`,
    }),
  ),
  setting(
    "concerns.acknowledgeWithinHours",
    wholeNumber({
      label: "A coordinator acknowledges a concern within",
      hint: "Hours after it is reported. Unacknowledged by then, the managers are e-mailed.",
      noun: "the time to acknowledge",
      min: 1,
      max: 72,
      unit: HOURS,
    }),
  ),
  setting(
    "concerns.outOfHoursPhones",
    lineList({
      label: "Out-of-hours numbers",
      hint: "The council's emergency duty team, one number a line. Volunteers see it whenever they report a concern.",
      noun: "the out-of-hours numbers",
      none: "Not entered yet",
      max: 3,
      problem: (line) =>
        /^\+?[0-9][0-9 ]{5,18}[0-9]$/.test(line)
          ? null
          : `“${line}” is not a phone number: write it like 0116 496 0000`,
    }),
  ),
  // Scheme
  setting(
    "scheme.runBy",
    oneOf({
      label: "Who runs the scheme day to day?",
      hint: "Record the charity itself and the dates under Commissioned provider.",
      noun: "who runs the scheme",
      options: [
        { value: "council", label: "The council" },
        { value: "provider", label: "A commissioned charity or other provider" },
      ],
    }),
  ),
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
