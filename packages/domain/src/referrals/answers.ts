import * as z from "zod";
import { ageOn, IsoDate } from "../calendar/iso-date.js";

/**
 * The answers on an online referral, grouped by the form's topics so that each group is one page of
 * the public form and one section of "check your answers".
 *
 * Dates that depend on today (a birth date in the future, an age over 25) are not checked by the
 * static schemas: a schema that reads the clock cannot be shared with the SPA and published as
 * OpenAPI, and its tests would change with the calendar. They are checked by the pure
 * `answerDateProblems(answers, todayIso)`, and `referralAnswersSchema(todayIso)` bundles both for
 * the API's request validation.
 */

/** The oldest age anyone is supported to (vulnerable care leavers, to 25); anything older is a typing mistake. */
export const OLDEST_SUPPORTED_AGE = 25;

const text = (max: number) => z.string().trim().min(1, "Enter an answer").max(max, `Use ${max} characters or fewer`);
/** Optional answers may come back empty from a form; empty is kept as "" rather than guessed at. */
const optionalText = (max: number) => z.string().trim().max(max, `Use ${max} characters or fewer`).optional();

const Name = text(100);
const Short = text(100);
const FreeText = text(5000);
const OptionalFreeText = optionalText(5000);
const Email = z.string().trim().toLowerCase().max(254).pipe(z.email("Enter an e-mail address like name@example.org"));
const Phone = z
  .string()
  .trim()
  .min(6, "Enter a phone number")
  .max(30, "Use 30 characters or fewer")
  .regex(/^\+?[0-9 ()-]+$/, "Enter a phone number using digits, spaces and brackets only");

export const YesNoUnknown = z.enum(["yes", "no", "unknown"]);

export const LegalStatus = z.enum([
  "section_20_accommodated",
  "interim_care_order",
  "care_order",
  "placement_order",
  "remanded",
  "care_leaver",
  "other",
]);
export type LegalStatus = z.infer<typeof LegalStatus>;

export const LongTermPlan = z.enum(["long_term_fostering", "residential", "other", "none_yet"]);
export type LongTermPlan = z.infer<typeof LongTermPlan>;

export const PlacementType = z.enum([
  "foster_care",
  "family_and_friends_care",
  "residential_home",
  "supported_accommodation",
  "secure",
  "placed_with_parents",
  "other",
]);

export const FamilyContactLevel = z.enum(["none", "little", "regular"]);
export type FamilyContactLevel = z.infer<typeof FamilyContactLevel>;

export const ChildAgrees = z.enum(["yes", "no", "not_yet_asked", "too_young_to_say"]);
export type ChildAgrees = z.infer<typeof ChildAgrees>;

export const ReferrerRole = z.enum([
  "social_worker",
  "independent_reviewing_officer",
  "childrens_rights_officer",
  "other_professional",
]);
export type ReferrerRole = z.infer<typeof ReferrerRole>;

export const ReferralChild = z
  .object({
    firstName: Name,
    lastName: Name,
    preferredName: optionalText(100),
    dateOfBirth: IsoDate,
    /**
     * The child's reference in the council's case system, optional: it is how the monthly list of
     * looked-after children is matched against referrals to find children never offered a visitor.
     */
    councilCaseReference: optionalText(40),
    gender: Short,
    ethnicity: Short,
    firstLanguage: Short,
    religion: optionalText(100),
    disabilityOrNeeds: OptionalFreeText,
  })
  .strict();

export const ReferralCareStatus = z
  .object({
    legalStatus: LegalStatus,
    dateCameIntoCare: IsoDate,
    /** Asked only where the policy requires concluded proceedings: see questions.ts. */
    proceedingsConcluded: YesNoUnknown.optional(),
    /** Asked only where the policy requires a long-term plan. */
    longTermPlan: LongTermPlan.optional(),
    placementType: PlacementType,
    placedInArea: z.boolean(),
    distanceFromHomeMiles: z.number().min(0).max(1000).optional(),
    placementMoveExpected: z.boolean(),
    placementMoveExpectedBy: IsoDate.optional(),
    /** Asked only where the policy exempts these children from the time-in-care rule. */
    unaccompaniedAsylumSeeking: z.boolean().optional(),
  })
  .strict();

export const ReferralFamily = z
  .object({
    contactLevel: FamilyContactLevel,
    lastVisitedByFamily: IsoDate.optional(),
  })
  .strict();

export const ReferralReasons = z
  .object({
    whyInChildsInterest: FreeText,
    /** Asked only where the scheme says an Independent Visitor is no alternative to respite care: see questions.ts. */
    insteadOfRespite: z.boolean().optional(),
  })
  .strict();
export const ReferralInterests = z.object({ hobbiesAndInterests: FreeText }).strict();

export const ReferralWishes = z
  .object({
    childAsked: z.boolean(),
    childAgrees: ChildAgrees,
    anyoneTheyWouldNotWant: OptionalFreeText,
    childSigned: z.boolean(),
  })
  .strict();

export const ReferralRisks = z
  .object({
    description: FreeText,
    seriousSafeguardingConcerns: z.boolean(),
  })
  .strict();

export const ReferrerDetails = z
  .object({
    name: Name,
    role: ReferrerRole,
    team: Short,
    workEmail: Email,
    phone: Phone,
  })
  .strict();

/** The referrer's manager, who must agree to pay when a child placed out of area is spot-purchased. */
export const ReferralFundingManager = z
  .object({
    name: Name,
    email: Email,
    agreesToFund: z.boolean(),
  })
  .strict();

export interface AnswerProblem {
  path: (string | number)[];
  message: string;
}

const ReferralAnswersShape = z
  .object({
    child: ReferralChild,
    careStatus: ReferralCareStatus,
    family: ReferralFamily,
    reasons: ReferralReasons,
    interests: ReferralInterests,
    wishes: ReferralWishes,
    risks: ReferralRisks,
    referrer: ReferrerDetails,
    manager: ReferralFundingManager.optional(),
  })
  .strict();

/** Answers that contradict one another, whatever today's date; see questions.ts for what the policy requires. */
export function answerConsistencyProblems(a: z.infer<typeof ReferralAnswersShape>): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  const w = a.wishes;
  if (!w.childAsked && (w.childAgrees === "yes" || w.childAgrees === "no")) {
    out.push({
      path: ["wishes", "childAgrees"],
      message:
        "You said the child has not been asked, so their answer can only be 'not yet asked' or 'too young to say'. Change one of the two answers",
    });
  }
  if (w.childAsked && w.childAgrees === "not_yet_asked") {
    out.push({
      path: ["wishes", "childAgrees"],
      message: "You said the child has been asked: tell us what they said, or 'too young to say'",
    });
  }
  if (w.childSigned && !w.childAsked) {
    out.push({
      path: ["wishes", "childSigned"],
      message: "A child who has not been asked cannot have signed the referral. Change one of the two answers",
    });
  }
  const c = a.careStatus;
  if (!c.placementMoveExpected && c.placementMoveExpectedBy !== undefined) {
    out.push({
      path: ["careStatus", "placementMoveExpectedBy"],
      message: "Remove the move date, or say that a placement move is expected",
    });
  }
  return out;
}

function addProblems(problems: AnswerProblem[], ctx: z.RefinementCtx): void {
  for (const p of problems) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
}

/** A referral's answers: shape, bounds and the cross-field rules that do not depend on today. */
export const ReferralAnswers = ReferralAnswersShape.superRefine((a, ctx) =>
  addProblems(answerConsistencyProblems(a), ctx),
);
export type ReferralAnswers = z.infer<typeof ReferralAnswers>;

/** What a young person tells us when they refer themselves: short, in their own words. */
export const SelfReferralAnswers = z
  .object({
    name: Name,
    dateOfBirth: IsoDate,
    howToContactMe: text(500),
    email: Email.optional(),
    socialWorkerName: optionalText(100),
    whatIdLikeToDo: FreeText,
    anythingElse: OptionalFreeText,
  })
  .strict();
export type SelfReferralAnswers = z.infer<typeof SelfReferralAnswers>;

function dateOfBirthProblems(dateOfBirth: string, today: string, path: (string | number)[]): AnswerProblem[] {
  if (dateOfBirth > today) return [{ path, message: "The date of birth must be today or in the past" }];
  const age = ageOn(dateOfBirth, today);
  if (age > OLDEST_SUPPORTED_AGE) {
    return [
      {
        path,
        message: `This date of birth makes them ${age}; Independent Visitors support young people up to ${OLDEST_SUPPORTED_AGE}. Check the year`,
      },
    ];
  }
  return [];
}

/** Dates that are impossible on `todayIso`; each problem names the field and what to change. */
export function answerDateProblems(a: ReferralAnswers, todayIso: string): AnswerProblem[] {
  const out = dateOfBirthProblems(a.child.dateOfBirth, todayIso, ["child", "dateOfBirth"]);
  const dob = a.child.dateOfBirth;
  const intoCare = a.careStatus.dateCameIntoCare;
  if (intoCare > todayIso) {
    out.push({
      path: ["careStatus", "dateCameIntoCare"],
      message: "The date the child came into care must be today or in the past",
    });
  } else if (intoCare < dob) {
    out.push({
      path: ["careStatus", "dateCameIntoCare"],
      message: "The date the child came into care is before their date of birth: check both dates",
    });
  }
  const visited = a.family.lastVisitedByFamily;
  if (visited !== undefined) {
    if (visited > todayIso) {
      out.push({
        path: ["family", "lastVisitedByFamily"],
        message: "The last family visit must be today or in the past",
      });
    } else if (visited < dob) {
      out.push({
        path: ["family", "lastVisitedByFamily"],
        message: "The last family visit is before the child's date of birth: check both dates",
      });
    }
  }
  const moveBy = a.careStatus.placementMoveExpectedBy;
  if (moveBy !== undefined && moveBy < todayIso) {
    out.push({
      path: ["careStatus", "placementMoveExpectedBy"],
      message: "The expected move date has passed: if the child has moved, update the placement details",
    });
  }
  return out;
}

export function selfReferralDateProblems(a: SelfReferralAnswers, todayIso: string): AnswerProblem[] {
  return dateOfBirthProblems(a.dateOfBirth, todayIso, ["dateOfBirth"]);
}

/** Request validation for a given day: the static rules plus `answerDateProblems`. */
export function referralAnswersSchema(todayIso: string) {
  IsoDate.parse(todayIso);
  return ReferralAnswers.superRefine((a, ctx) => addProblems(answerDateProblems(a, todayIso), ctx));
}

export function selfReferralAnswersSchema(todayIso: string) {
  IsoDate.parse(todayIso);
  return SelfReferralAnswers.superRefine((a, ctx) => addProblems(selfReferralDateProblems(a, todayIso), ctx));
}
