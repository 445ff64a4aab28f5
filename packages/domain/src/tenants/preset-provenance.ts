import { findPreset } from "./presets.js";

/**
 * Where each preset value comes from, kept beside the presets rather than in the stored policy: a
 * value a council has not changed has its preset's provenance, and a value that differs from its
 * preset's is the council's own. Deriving that (rather than recording it with each policy version)
 * means it can never drift from the policy itself, and the policy history already says who changed
 * what, when and why.
 */

/** The source documents the presets are written from (shared/seeds), by the name a council knows them by. */
export const SOURCE_DOCUMENTS = {
  leeds: "Leeds 'One minute guide: Independent Visitors' (2021)",
  leicestershire:
    "Leicestershire County Council 'Appointment of an Independent Visitor' procedure (2019, reviewed 2020)",
  redbridge: "Redbridge 'One Minute Guide: Independent Visitors' (2013)",
  leicesterCity: "Leicester City 'Being an Independent Visitor'",
  northamptonshire: "Northamptonshire 'Information for Professionals'",
} as const;
export type SourceDocument = (typeof SOURCE_DOCUMENTS)[keyof typeof SOURCE_DOCUMENTS];

export const SUGGESTED_DEFAULT = "Tandem's suggested default: check against your procedure";

export type Provenance =
  /** The value is the source's: the document and the short quote it comes from. */
  | { kind: "source"; document: SourceDocument; quote: string }
  /** No source gives it: Tandem suggests the value, labelled as ours. */
  | { kind: "suggested" }
  /** The source names it without an amount: left unset, the council must enter it. */
  | { kind: "council_to_enter"; document: SourceDocument; quote: string };

/** Where a council's current value comes from: its preset's provenance, or the council itself. */
export type ValueProvenance = Provenance | { kind: "council" };

const suggested: Provenance = { kind: "suggested" };

/** Every preset value no source gives; each preset overrides the ones its source does give. */
const SUGGESTED: Record<string, Provenance> = Object.fromEntries(
  [
    "referrals.minAge",
    "referrals.maxAge",
    "referrals.careLeavers.acceptedUpToAge",
    "referrals.careLeavers.vulnerableUpToAge",
    "referrals.minimumMonthsInCare",
    "referrals.requireProceedingsConcluded",
    "referrals.requireLongTermPlan",
    "referrals.timeInCareExemptions",
    "referrals.outOfArea",
    "referrals.responseWorkingDays",
    "referrals.declinedReviewMonths",
    "referrals.informationRequestDays",
    "referrals.trustedReferrerDomains",
    "referrals.selfReferralsAccepted",
    "referrals.littleOrNoFamilyContactRequired",
    "referrals.notAnAlternativeToRespite",
    "referrals.priority.littleOrNoFamilyContactWeight",
    "referrals.priority.notVisitedInLastYearWeight",
    "referrals.priority.placedFarFromHomeWeight",
    "referrals.priority.farFromHomeMiles",
    "visits.minimumFrequency",
    "visits.idealFrequency",
    "visits.typicalHours.min",
    "visits.typicalHours.max",
    "visits.maxHours",
    "visits.overnight",
    "visits.cancellationReasons",
    "visits.namedPersonRequired",
    "visits.homeSafeWithinHours",
    "volunteers.minimumAge",
    "volunteers.commitmentMonths",
    "volunteers.referencesRequired",
    "volunteers.professionalReferenceRequired",
    "volunteers.referencesConfirmedByPhone",
    "volunteers.referenceReminderDays",
    "volunteers.dbsRenewalMonths",
    "volunteers.drivingDocumentsReviewMonths",
    "volunteers.expiryWarningDays",
    "volunteers.decisionLetterWorkingDays",
    "volunteers.training",
    "volunteers.medicalDeclaration",
    "volunteers.localAuthorityChecks",
    "volunteers.rightToWorkCheck",
    "matches.trialVisits.min",
    "matches.trialVisits.max",
    "matches.firstFormalReviewWeeks",
    "matches.reviewEveryMonths",
    "matches.supervisionEveryMonths",
    "matches.supportEndsAtAge",
    "matches.informalReviewAfterFirstVisit",
    "matches.closureReview",
    "matches.firstSupervisionWeeks",
    "matches.endingAlertMonths.first",
    "matches.endingAlertMonths.second",
    "matches.feedbackLinkDays",
    "matches.feedbackReminderDays",
    "matches.complaintStageWorkingDays.stageOne",
    "matches.complaintStageWorkingDays.stageTwo",
    "matches.complaintStageWorkingDays.stageThree",
    "matches.childMustBeAskedBeforeMatching",
    "expenses.perVisitCapPence",
    "expenses.perMonthCapPence",
    "expenses.monthlyBudget",
    "expenses.overCapNeedsPriorApproval",
    "expenses.receiptsRequired",
    "expenses.mileagePencePerMile",
    "concerns.safeguardingContacts",
    "concerns.acknowledgeWithinHours",
    "concerns.outOfHoursPhones",
  ].map((path) => [path, suggested]),
);

const from =
  (document: SourceDocument) =>
  (quote: string): Provenance => ({ kind: "source", document, quote });
const toEnter =
  (document: SourceDocument) =>
  (quote: string): Provenance => ({ kind: "council_to_enter", document, quote });

const leeds = from(SOURCE_DOCUMENTS.leeds);
const leics = from(SOURCE_DOCUMENTS.leicestershire);
const leicsToEnter = toEnter(SOURCE_DOCUMENTS.leicestershire);
const redbridge = from(SOURCE_DOCUMENTS.redbridge);
const city = from(SOURCE_DOCUMENTS.leicesterCity);
const cityToEnter = toEnter(SOURCE_DOCUMENTS.leicesterCity);
const northants = from(SOURCE_DOCUMENTS.northamptonshire);
const northantsToEnter = toEnter(SOURCE_DOCUMENTS.northamptonshire);

const LEEDS_CARE_LEAVERS = "Independent Visitors are also available to care leavers up to the age of 21";
const LEEDS_MONTHLY = "An Independent Visitor will visit the child or young person once a month";
const LEICS_UNDER_18 = "Any child or young person under the age 18 can be referred for an Independent Visitor";
const LEICS_REVIEWS = "formally take place after six weeks and then every six months";
const LEICS_VISITS = "should not be in the care of an independent visitor for more than 8 hrs or overnight";
const LEICS_INFORMAL_REVIEW = "This will initially take place after the first visit informally";
const CITY_COMPLAINTS_ONE =
  "Stage One of the formal process for either you or the child is for the responsible Line Manager to investigate and report back to you";
const CITY_COMPLAINTS_TWO =
  "Stage Two – A complaints Officer from the Performance Management Unit and an independent lay person will investigate in detail again";
const CITY_COMPLAINTS_THREE =
  "Stage Three – A panel of elected members receives reports and hears submissions from all parties";
const REDBRIDGE_UP_TO_18 = "the child (up to the age of 18) who are looked after";
const CITY_LOOKED_AFTER = "a child or young person who is looked after by Leicester City Council";
const CITY_MONTHLY = "Independent Visitors will meet with their young person once a month";
const CITY_TRIAL = "a 'trial period' of four to five visits";
const NORTHANTS_IN_CARE =
  "The child needs to have been in care for at least 1 year, with care proceedings being concluded";
const NORTHANTS_VISITS = "The ideal is to visit every 2 weeks for 2 hours, but at least once per month is expected";
const CITY_LONE_WORKING =
  "Independent Visitors should ensure that a named person is aware of when they are going to meet with a child or young person and where the visit is going to take place";
const CITY_OUT_OF_HOURS = "s/he must consult with the IV Co-ordinator or contact the out of hours team for advice";
const NORTHANTS_BUDGET = "an Independent Visitor will be given a monthly budget to cover the cost of activities";

/** Provenance of every value of each preset, by the preset's id and the value's dotted path. */
export const PRESET_PROVENANCE: Readonly<Record<string, Readonly<Record<string, Provenance>>>> = {
  "from-5-care-leavers-to-25": {
    ...SUGGESTED,
    "referrals.minAge": leeds(
      "The scheme generally provides volunteers for children and young people over five years of age",
    ),
    "referrals.maxAge": leeds(
      "An Independent Visitor is a volunteer who befriends and visits a child or young person living in the care of the local authority",
    ),
    "referrals.careLeavers.acceptedUpToAge": leeds(LEEDS_CARE_LEAVERS),
    "referrals.careLeavers.vulnerableUpToAge": leeds("and up to age 25 for vulnerable care leavers"),
    "referrals.selfReferralsAccepted": leeds(
      "a referral can be submitted via Mosaic, by a professional with relevant access, usually the social worker",
    ),
    "visits.minimumFrequency": leeds(LEEDS_MONTHLY),
    "visits.idealFrequency": leeds(LEEDS_MONTHLY),
    "volunteers.referencesRequired": leeds("seeking a minimum of two references"),
    "matches.supportEndsAtAge": leeds(LEEDS_CARE_LEAVERS),
    "scheme.runBy": leeds(
      "We have a scheme to recruit Independent Visitors and match them to children and young people",
    ),
  },
  "any-age-40-per-visit": {
    ...SUGGESTED,
    "referrals.minAge": leics(LEICS_UNDER_18),
    "referrals.maxAge": leics(LEICS_UNDER_18),
    "referrals.careLeavers.acceptedUpToAge": leics(
      "Matches will continue to be approved up to age 21, unless agreed otherwise",
    ),
    "referrals.selfReferralsAccepted": leics(
      "Referrals can be made by- Social Worker, Independent Reviewing officer, The young person",
    ),
    "visits.minimumFrequency": leics("The Independent Visitor should see the child/young person no less than monthly"),
    "visits.typicalHours.min": leics("Visits should be approximately two/three hours"),
    "visits.typicalHours.max": leics("Visits should be approximately two/three hours"),
    "visits.maxHours": leics(LEICS_VISITS),
    "visits.overnight": leics(
      "Only in exceptional circumstances will this be agreed by the Assistant Director or their nominated person",
    ),
    "volunteers.commitmentMonths": leics(
      "the Independent Visitor will commit to at least one-year support for the child/young person",
    ),
    "volunteers.referencesRequired": leics("Two personal references"),
    "volunteers.professionalReferenceRequired": leics(
      "One reference needs to be supplied from a professional (employer, colleague, teacher, lecturer)",
    ),
    "volunteers.referencesConfirmedByPhone": leics(
      "Referees will be contacted by telephone to confirm the written reference",
    ),
    "volunteers.drivingDocumentsReviewMonths": leics(
      "Driving Licence and car insurance as well as MOT ... This will be reviewed annually",
    ),
    "volunteers.decisionLetterWorkingDays": leics(
      "the applicant notified by letter within 5 working days of the decision being made",
    ),
    "volunteers.training": leics(
      "Prior to matching- LCC 40-minute online course ... Within 6 months of starting the role- LCC 1-day Essential Awareness in Safeguarding for Children and Adults",
    ),
    "volunteers.medicalDeclaration": leics(
      "Further information may be required if the applicant declares a medical condition that may impact on the role",
    ),
    "volunteers.localAuthorityChecks": leics("Local Authority checks will be completed"),
    "volunteers.rightToWorkCheck": leics("Proof of eligibility to work in the UK will be required"),
    "matches.firstFormalReviewWeeks": leics(LEICS_REVIEWS),
    "matches.reviewEveryMonths": leics(LEICS_REVIEWS),
    "matches.childMustBeAskedBeforeMatching": leics(
      "The child's wishes and feelings should be ascertained and an independent visitor will not be appointed if the child who has enough understanding to make the decision objects",
    ),
    "matches.supervisionEveryMonths": leics("Six monthly formal group supervision is provided"),
    "matches.informalReviewAfterFirstVisit": leics(LEICS_INFORMAL_REVIEW),
    "matches.firstSupervisionWeeks": leics(
      "an individual supervision session, over the telephone is arranged at approximately six weeks",
    ),
    "matches.supportEndsAtAge": leics(
      "All formal arrangements will cease following the young person's 21st birthday, unless agreed otherwise",
    ),
    "expenses.perVisitCapPence": leics(
      "The Independent visitor can recover expenses from the local authority, not exceeding £40 per visit",
    ),
    "expenses.mileagePencePerMile": leicsToEnter(
      "Each Independent Visitor will submit a monthly expense form to cover mileage and out of pocket expenses",
    ),
    "concerns.safeguardingContacts": leicsToEnter(
      "Any safeguarding concerns will immediately be raised with the Fostering Service line manager or a manager within First Response",
    ),
    "concerns.outOfHoursPhones": leicsToEnter("Independent Visitor's will be given the Out of Hours telephone number"),
    "scheme.runBy": leics(
      "the Independent Visitor coordinator ... approval will be given by the Service Manager of the Fostering Service",
    ),
  },
  "per-session-and-monthly-limits-trial-visits": {
    ...SUGGESTED,
    "referrals.minAge": city(CITY_LOOKED_AFTER),
    "referrals.maxAge": city(CITY_LOOKED_AFTER),
    "visits.minimumFrequency": city(CITY_MONTHLY),
    "visits.idealFrequency": city(CITY_MONTHLY),
    "matches.trialVisits.min": city(CITY_TRIAL),
    "matches.trialVisits.max": city(CITY_TRIAL),
    "matches.closureReview": city("a closure review will take place when a match ends"),
    "matches.complaintStageWorkingDays.stageOne": cityToEnter(CITY_COMPLAINTS_ONE),
    "matches.complaintStageWorkingDays.stageTwo": cityToEnter(CITY_COMPLAINTS_TWO),
    "matches.complaintStageWorkingDays.stageThree": cityToEnter(CITY_COMPLAINTS_THREE),
    "expenses.perVisitCapPence": cityToEnter(
      "Budgetary confinements necessitate an upper limit on what may be reclaimed per session and per month",
    ),
    "expenses.perMonthCapPence": cityToEnter(
      "Budgetary confinements necessitate an upper limit on what may be reclaimed per session and per month",
    ),
    "expenses.overCapNeedsPriorApproval": city(
      "Any costs that fall outside of these boundaries must be authorised in advance by the IV Co-ordinator",
    ),
    "expenses.receiptsRequired": city("Claims must be accompanied by receipts"),
    "visits.namedPersonRequired": city(CITY_LONE_WORKING),
    "concerns.outOfHoursPhones": cityToEnter(CITY_OUT_OF_HOURS),
    "scheme.runBy": city("To visit a child or young person who is looked after by Leicester City Council"),
  },
  "year-in-care-monthly-budget": {
    ...SUGGESTED,
    "referrals.minAge": northants(
      "An Independent Visitor is a volunteer that spends some of their spare time as a befriender to a child or young person in care",
    ),
    "referrals.maxAge": northants("a befriender to a child or young person in care"),
    "referrals.minimumMonthsInCare": northants(NORTHANTS_IN_CARE),
    "referrals.requireProceedingsConcluded": northants(NORTHANTS_IN_CARE),
    "referrals.requireLongTermPlan": northants(
      "The long term plan needs to be either, long term fostering or residential care",
    ),
    "referrals.timeInCareExemptions": northants("This does not apply to unaccompanied asylum seeking children"),
    "referrals.outOfArea": northants(
      "Out of County referrals go to commissioning for spot purchasing. Your manager will need to agree to pay for the cost",
    ),
    "referrals.selfReferralsAccepted": northants("Information for Professionals ... Complete a referral online"),
    "referrals.littleOrNoFamilyContactRequired": northants(
      "The child or young person will have little or no contact with their birth family",
    ),
    "referrals.notAnAlternativeToRespite": northants(
      "Referrals need to reflect that the child/young person would benefit from having an Independent Visitor in their life and isn't an alternative to respite care",
    ),
    "visits.minimumFrequency": northants(NORTHANTS_VISITS),
    "visits.idealFrequency": northants(NORTHANTS_VISITS),
    "visits.typicalHours.min": northants(NORTHANTS_VISITS),
    "visits.typicalHours.max": northants(NORTHANTS_VISITS),
    "visits.cancellationReasons": northants(
      "The visits will only be cancelled if the child or young person, or the Independent Visitor, is unwell or it is deemed unsafe to do so",
    ),
    "volunteers.commitmentMonths": northants("Independent Visitors commit to this role for at least two years"),
    "matches.reviewEveryMonths": northants("Matches are reviewed twice per year"),
    "expenses.monthlyBudget": northants(
      "Once matched, an Independent Visitor will be given a monthly budget to cover the cost of activities",
    ),
    "expenses.monthlyBudget.amountPence": northantsToEnter(NORTHANTS_BUDGET),
    "expenses.monthlyBudget.canBeSavedUp": northants(
      "This can be 'saved up' to cover larger trips as one off experiences",
    ),
    "expenses.monthlyBudget.maxSavedMonths": northantsToEnter(
      "This can be 'saved up' to cover larger trips as one off experiences",
    ),
    "scheme.runBy": northants("Northamptonshire Independent Visitor Service"),
  },
  "commissioned-charity-any-age": {
    ...SUGGESTED,
    "referrals.minAge": redbridge(REDBRIDGE_UP_TO_18),
    "referrals.maxAge": redbridge(REDBRIDGE_UP_TO_18),
    "referrals.careLeavers.acceptedUpToAge": redbridge(REDBRIDGE_UP_TO_18),
    "referrals.littleOrNoFamilyContactRequired": redbridge(
      "have little or no contact with their families, or where it has been assessed that an Independent Visitor would contribute to the welfare of the child",
    ),
    "visits.minimumFrequency": redbridge(
      "The Independent Visitor volunteers to spend some time every month with a child",
    ),
    "visits.idealFrequency": redbridge(
      "The Independent Visitor volunteers to spend some time every month with a child",
    ),
    "volunteers.minimumAge": redbridge("Independent Visitors are volunteers, aged over 18"),
    "matches.supportEndsAtAge": redbridge(REDBRIDGE_UP_TO_18),
    "scheme.runBy": redbridge("Redbridge contracts Action for Children to operate our Independent Visitor Service"),
  },
};

/** Dotted paths of every value in a policy; lists and nulls are values in their own right. */
export function policyLeafPaths(value: unknown, prefix = ""): string[] {
  if (value === null || Array.isArray(value) || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([k, v]) => policyLeafPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** The value at a dotted path, or undefined where the path leads nowhere (a part of a budget that is null). */
export function valueAt(policy: unknown, path: string): unknown {
  let v: unknown = policy;
  for (const part of path.split("."))
    v = v === null || typeof v !== "object" ? undefined : (v as Record<string, unknown>)[part];
  return v;
}

/** The provenance of a path in a preset, or of its nearest enclosing path (a budget's parts, when it has none). */
function presetProvenanceOf(presetId: string, path: string): Provenance | undefined {
  const map = PRESET_PROVENANCE[presetId];
  if (!map) return undefined;
  for (let p = path; p !== ""; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") {
    if (map[p]) return map[p];
  }
  return undefined;
}

/**
 * Where a council's value at `path` comes from: the preset's provenance while the value is still the
 * preset's, "council" once it differs (or when the policy did not start from a known preset).
 */
export function provenanceOf(policy: { scheme: { presetId?: string | null } }, path: string): ValueProvenance {
  const presetId = policy.scheme.presetId;
  const preset = presetId ? findPreset(presetId) : undefined;
  if (!preset || !presetId) return { kind: "council" };
  const same = JSON.stringify(valueAt(policy, path)) === JSON.stringify(valueAt(preset.policy, path));
  if (!same) return { kind: "council" };
  return presetProvenanceOf(presetId, path) ?? { kind: "council" };
}

/** Values a source names without an amount that the council has not entered yet: features that need them say so. */
export function valuesToEnter(policy: {
  scheme: { presetId?: string | null };
}): { path: string; document: SourceDocument; quote: string }[] {
  const presetId = policy.scheme.presetId;
  const map = presetId ? PRESET_PROVENANCE[presetId] : undefined;
  if (!map) return [];
  return Object.entries(map).flatMap(([path, p]) => {
    if (p.kind !== "council_to_enter") return [];
    const now = provenanceOf(policy, path);
    const value = valueAt(policy, path);
    // An empty list (no out-of-hours number, nobody named) is as unentered as a missing amount.
    const missing = value === null || (Array.isArray(value) && value.length === 0);
    return now.kind === "council_to_enter" && missing ? [{ path, document: p.document, quote: p.quote }] : [];
  });
}
