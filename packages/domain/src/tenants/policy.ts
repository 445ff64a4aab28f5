import * as z from "zod";

import { MAX_PRIORITY_WEIGHT } from "./limits.js";

export { MAX_PRIORITY_WEIGHT };

/** Money is held in whole pence so that caps and budgets add up exactly. */
const Pence = z.number().int().min(0).max(10_000_000);
const Age = z.number().int().min(0).max(30);
const WorkingDays = z.number().int().min(1).max(60);

const TrainingRequirement = z.object({
  code: z.string().min(1).max(40),
  title: z.string().min(1).max(200),
  /** Months after approval by which it must be done; 0 means before any match. */
  dueWithinMonths: z.number().int().min(0).max(60),
  // Optional rather than defaulted so that requirements written before it existed keep their type.
  renewEveryMonths: z
    .number()
    .int()
    .min(1)
    .max(120)
    .optional()
    .describe("Months after completion when it must be done again (absent: done once)"),
});

/**
 * Why a planned visit may be cancelled. Northamptonshire allows only illness or danger ("will only be
 * cancelled if the child or young person, or the Independent Visitor, is unwell or it is deemed unsafe");
 * the others are Tandem's suggestion for schemes whose documents say nothing.
 */
export const CancellationReason = z.enum([
  "child_unwell",
  "volunteer_unwell",
  "unsafe",
  "child_unavailable",
  "volunteer_unavailable",
]);
export type CancellationReason = z.infer<typeof CancellationReason>;

/** A UK phone number as people write it: digits, spaces, an optional leading +. */
export const PhoneNumber = z
  .string()
  .trim()
  .max(20)
  .regex(/^\+?[0-9][0-9 ]{5,18}[0-9]$/, "Enter a phone number like 0116 496 0000");

/**
 * No source gives these numbers, so they are Tandem's suggestion (labelled so on the settings page):
 * two hours to say you are home; a concern acknowledged within 2 hours because the sources say
 * "immediately" and "ASAP". A mileage rate is an amount, which Tandem never suggests: the council enters it.
 */
export const SUGGESTED_HOME_SAFE_WITHIN_HOURS = 2;
export const SUGGESTED_ACKNOWLEDGE_WITHIN_HOURS = 2;

export const TimeInCareExemption = z.enum(["unaccompanied_asylum_seeking_child"]);

/** A lower-case e-mail domain such as "riverford.gov.example"; no scheme, no "@", no trailing dot. */
export const EmailDomain = z
  .string()
  .max(253)
  .regex(
    /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "Enter a lower-case domain like council.gov.example",
  );

/**
 * How the waiting list is ordered. No source gives weights or a distance, so the defaults are Tandem's
 * suggestion: the statutory guidance's two reasons (little contact, no family visit in a year) weigh
 * double a placement far from home; 20 miles is the Department for Education's "a long way from home".
 */
export const SUGGESTED_PRIORITY = {
  littleOrNoFamilyContactWeight: 2,
  notVisitedInLastYearWeight: 2,
  placedFarFromHomeWeight: 1,
  farFromHomeMiles: 20,
} as const;

const Weight = z.number().int().min(0).max(MAX_PRIORITY_WEIGHT);
const PrioritySettings = z
  .object({
    littleOrNoFamilyContactWeight: Weight.describe("Weight of little or no contact with family"),
    notVisitedInLastYearWeight: Weight.describe("Weight of no visit from family in the last year"),
    placedFarFromHomeWeight: Weight.describe("Weight of a placement far from home"),
    farFromHomeMiles: z.number().int().min(1).max(500).describe("Miles from home beyond which a placement is far"),
  })
  .strict();

/**
 * A council's policy as it is stored and read: each setting's own rules and the defaults that let older
 * policies parse, but not the checks of settings against one another (`TenantPolicy` in ./policy-checks.ts),
 * which every policy passed when it was saved. So the functions that only read a council's policy (every
 * request's access check reads the council) do not carry those checks; whatever takes a policy in checks it.
 */
export const StoredTenantPolicy = z
  .object({
    referrals: z
      .object({
        minAge: Age.describe("Youngest age at which a child can be referred"),
        maxAge: Age.describe("Oldest age (in whole years) at which a child can be referred while in care"),
        careLeavers: z
          .object({
            acceptedUpToAge: Age.nullable().describe(
              "Care leavers can be referred until this birthday (null: not accepted)",
            ),
            vulnerableUpToAge: Age.nullable().describe("Vulnerable care leavers can be supported until this birthday"),
          })
          .strict(),
        minimumMonthsInCare: z.number().int().min(0).max(60),
        requireProceedingsConcluded: z.boolean(),
        requireLongTermPlan: z.boolean(),
        timeInCareExemptions: z.array(TimeInCareExemption),
        outOfArea: z.enum(["accepted", "funding_agreement_required", "not_accepted"]),
        responseWorkingDays: WorkingDays.describe("Working days within which the referrer hears back"),
        // Defaults so that policies saved before these two settings existed still parse.
        trustedReferrerDomains: z
          .array(EmailDomain)
          .max(50)
          .refine((list) => new Set(list).size === list.length, "Each referrer domain can be listed only once")
          .default([])
          .describe(
            "E-mail domains (and their subdomains) of partner agencies whose staff refer; other domains are flagged, not refused. Empty: no check",
          ),
        selfReferralsAccepted: z
          .boolean()
          .default(false)
          .describe("Young people can refer themselves through the public form"),
        // Defaults so that policies saved before these settings existed still parse, and mean what they did.
        littleOrNoFamilyContactRequired: z
          .boolean()
          .default(false)
          .describe("A condition of the scheme: a child with regular family contact is flagged, not only ranked lower"),
        notAnAlternativeToRespite: z
          .boolean()
          .default(false)
          .describe(
            "The referral form says an Independent Visitor is no alternative to respite care and asks the referrer",
          ),
        priority: PrioritySettings.default(SUGGESTED_PRIORITY),
        // No source gives either period: Tandem's suggested defaults (referrals/status.ts says why six months).
        declinedReviewMonths: z
          .number()
          .int()
          .min(1)
          .max(24)
          .default(6)
          .describe("Months after a referral is declined when the decision is looked at again, unless a date is given"),
        informationRequestDays: z
          .number()
          .int()
          .min(7)
          .max(90)
          .default(28)
          .describe("Days a referrer can answer a request for more information through its link"),
      })
      .strict(),
    visits: z
      .object({
        minimumFrequency: z.enum(["weekly", "fortnightly", "monthly"]),
        idealFrequency: z.enum(["weekly", "fortnightly", "monthly"]),
        typicalHours: z.object({ min: z.number().min(0.5).max(8), max: z.number().min(0.5).max(8) }).strict(),
        maxHours: z.number().min(1).max(12),
        overnight: z.enum(["never", "senior_manager_approval"]),
        // Defaults so that policies saved before these settings existed still parse (visits/ says why each).
        cancellationReasons: z
          .array(CancellationReason)
          .min(1)
          .max(CancellationReason.options.length)
          .refine((list) => new Set(list).size === list.length, "Each reason can be listed only once")
          .default([...CancellationReason.options])
          .describe("The reasons for which a volunteer may cancel a planned visit"),
        namedPersonRequired: z
          .boolean()
          .default(true)
          .describe("A planned visit names the person who knows where and when it is (lone working)"),
        homeSafeWithinHours: z
          .number()
          .int()
          .min(1)
          .max(12)
          .default(SUGGESTED_HOME_SAFE_WITHIN_HOURS)
          .describe("Hours after a visit's planned end by which the volunteer confirms they are home safe"),
      })
      .strict(),
    volunteers: z
      .object({
        minimumAge: z.number().int().min(18).max(30),
        commitmentMonths: z.number().int().min(1).max(60),
        referencesRequired: z.number().int().min(1).max(5),
        professionalReferenceRequired: z.boolean(),
        referencesConfirmedByPhone: z.boolean(),
        referenceReminderDays: z.number().int().min(1).max(60),
        dbsRenewalMonths: z.number().int().min(12).max(120),
        drivingDocumentsReviewMonths: z.number().int().min(1).max(36),
        expiryWarningDays: z.number().int().min(1).max(180),
        decisionLetterWorkingDays: WorkingDays,
        training: z.array(TrainingRequirement).max(30),
        // Defaults so that policies saved before these three settings existed still parse.
        medicalDeclaration: z
          .enum(["always", "when_declared"])
          .default("when_declared")
          .describe("Every applicant completes a medical declaration, or only those who declare a health condition"),
        localAuthorityChecks: z
          .boolean()
          .default(true)
          .describe("Applicants are checked against the council's own records"),
        rightToWorkCheck: z.boolean().default(true).describe("Applicants show proof of their right to work in the UK"),
      })
      .strict(),
    matches: z
      .object({
        trialVisits: z.object({ min: z.number().int().min(0).max(12), max: z.number().int().min(0).max(12) }).strict(),
        firstFormalReviewWeeks: z.number().int().min(1).max(52).nullable(),
        reviewEveryMonths: z.number().int().min(1).max(24),
        supervisionEveryMonths: z.number().int().min(1).max(24),
        supportEndsAtAge: Age,
        // Defaults so that policies saved before these settings existed still parse (reviews/, supervision/, endings/).
        informalReviewAfterFirstVisit: z
          .boolean()
          .default(false)
          .describe("An informal review is held after the first visit of a match"),
        closureReview: z.boolean().default(true).describe("A closure review is held when a match ends"),
        firstSupervisionWeeks: z
          .number()
          .int()
          .min(1)
          .max(52)
          .nullable()
          .default(6)
          .describe("Weeks after a match starts when the volunteer's first supervision call is due (null: none)"),
        endingAlertMonths: z
          .object({
            first: z.number().int().min(1).max(24),
            second: z.number().int().min(1).max(24),
          })
          .strict()
          .default({ first: 6, second: 3 })
          .describe("Months before the young person reaches the end age when coordinators are alerted"),
        feedbackLinkDays: z
          .number()
          .int()
          .min(3)
          .max(90)
          .default(28)
          .describe("Days a review's feedback link can be answered"),
        feedbackReminderDays: z
          .number()
          .int()
          .min(1)
          .max(60)
          .default(7)
          .describe("Days after a feedback request when an unanswered one is sent a reminder"),
        complaintStageWorkingDays: z
          .object({
            stageOne: WorkingDays.nullable(),
            stageTwo: WorkingDays.nullable(),
            stageThree: WorkingDays.nullable(),
          })
          .strict()
          .default({ stageOne: 10, stageTwo: 25, stageThree: 30 })
          .describe("Working days each stage of a complaint has for its response (null: the council enters it)"),
        // Default so that policies saved before this setting existed still parse.
        childMustBeAskedBeforeMatching: z
          .boolean()
          .default(true)
          .describe("A child must have been asked whether they want a visitor before a match is proposed"),
      })
      .strict(),
    expenses: z
      .object({
        perVisitCapPence: Pence.nullable(),
        perMonthCapPence: Pence.nullable(),
        monthlyBudget: z
          .object({
            // Null where a source names a budget without an amount: the council enters its own.
            amountPence: Pence.nullable(),
            canBeSavedUp: z.boolean(),
            maxSavedMonths: z.number().int().min(0).max(12).nullable(),
          })
          .strict()
          .nullable(),
        overCapNeedsPriorApproval: z.boolean(),
        // Defaults so that policies saved before these settings existed still parse.
        receiptsRequired: z.boolean().default(true).describe("Every item but mileage is claimed with a receipt"),
        mileagePencePerMile: Pence.max(500)
          .nullable()
          .default(null)
          .describe("Pence paid for each mile driven (null: not entered yet, so mileage cannot be claimed)"),
      })
      .strict(),
    concerns: z
      .object({
        safeguardingContacts: z
          .array(z.email().max(254))
          .max(10)
          .refine((list) => new Set(list).size === list.length, "Each contact can be listed only once")
          .describe("E-mail addresses told at once of every concern (empty: every coordinator and manager)"),
        acknowledgeWithinHours: z
          .number()
          .int()
          .min(1)
          .max(72)
          .describe("Hours within which a coordinator acknowledges a concern before a manager is e-mailed"),
        outOfHoursPhones: z
          .array(PhoneNumber)
          .max(3)
          .describe("The council's out-of-hours (emergency duty) numbers a volunteer is shown"),
      })
      .strict()
      // Policies saved before concerns existed: nobody named, Tandem's suggested time, no number yet.
      .default({
        safeguardingContacts: [],
        acknowledgeWithinHours: SUGGESTED_ACKNOWLEDGE_WITHIN_HOURS,
        outOfHoursPhones: [],
      }),
    scheme: z
      .object({
        runBy: z.enum(["council", "provider"]),
        // Which preset the policy started from, so each value can show where it came from (presets.ts).
        presetId: z.string().max(80).nullable().default(null),
      })
      .strict(),
  })
  .strict();
export type TenantPolicy = z.infer<typeof StoredTenantPolicy>;
