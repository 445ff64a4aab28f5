/**
 * Payloads for matching (issue 13): the council's matching settings, the child's and the volunteer's
 * matching profiles, suggestions, matches and their lifecycle and risk assessments (the social worker's
 * agreement link is in match-agreements.ts). Profiles, records and blockers are the domain's schemas: nothing here
 * restates them.
 */
import {
  ActedBy,
  AreaOrTag,
  ChildMatchingProfile,
  ChildProfileInput,
  DidNotProceedRecord,
  IntroductionRecord,
  MatchAction,
  MatchingSettings,
  MatchingWeights,
  MatchRiskAssessment,
  MatchStage,
  Placement,
  ProposalRecord,
  RatificationRecord,
  RecordedRiskAssessment,
  RiskChecklist,
  ScoreFactorCode,
  TrialVisitRecord,
  VersionedMatchActionRequest,
  VolunteerMatchingProfile,
  VolunteerProfileInput,
} from "@tandem/domain/matches";
import { ReferralStatus } from "@tandem/domain/referrals";
import { VolunteerStage } from "@tandem/domain/volunteers";
import * as z from "zod";
import { reasonText as Reason } from "./common.js";

const Version = (what: string) =>
  z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .describe(`The ${what} version you loaded (0 when it was never saved); a stale one is refused with 409`);

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

export const WeightProvenance = z.object({ kind: z.enum(["suggested", "council"]) });

export const MatchingSettingsView = z.object({
  areas: z.array(AreaOrTag),
  interestTags: z.array(AreaOrTag),
  weights: MatchingWeights,
  suggestedWeights: MatchingWeights.describe("Tandem's suggested weights: no source document gives numbers"),
  weightsProvenance: z
    .record(z.string(), WeightProvenance)
    .describe("Per weight: Tandem's suggestion while unchanged, the council's own once changed"),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type MatchingSettingsView = z.infer<typeof MatchingSettingsView>;

export const SaveMatchingSettings = MatchingSettings.safeExtend({ version: Version("settings") });

// ---------------------------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------------------------

export const MatchReferralIdParam = z.object({
  referralId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{1,40}$/, "A referral reference is letters, digits and a hyphen, such as RIV-7K3M9QXD")
    .describe("The child's referral reference, such as RIV-7K3M9QXD"),
});
export const MatchVolunteerIdParam = z.object({
  volunteerId: z.string().uuid("A volunteer id is a UUID"),
});

export const ChildProfileView = ChildMatchingProfile.omit({ placement: true }).extend({
  placement: Placement.nullable().describe("Null until the coordinator chooses the child's area"),
  referralStatus: ReferralStatus,
  age: z.number().int(),
  openMatchId: z.string().nullable().describe("The match in progress for this child, if any"),
  saved: z.boolean().describe("False: pre-filled from the referral and not saved yet (version 0)"),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type ChildProfileView = z.infer<typeof ChildProfileView>;

export const SaveChildProfile = ChildProfileInput.safeExtend({ version: Version("profile") });

export const VolunteerProfileView = VolunteerMatchingProfile.extend({
  drives: z.boolean().describe("From the checks: licence, insurance and MOT recorded and in date"),
  placesHeld: z.number().int().describe("Matches holding one of their places, proposed to ending"),
  volunteerStage: VolunteerStage,
  riskChecklist: RiskChecklist.nullable(),
  saved: z.boolean().describe("False: pre-filled from the application and not saved yet (version 0)"),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type VolunteerProfileView = z.infer<typeof VolunteerProfileView>;

export const SaveVolunteerProfile = VolunteerProfileInput.safeExtend({ version: Version("profile") });

// ---------------------------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------------------------

const Factor = z.object({ code: ScoreFactorCode, points: z.number(), words: z.string() });
const Blocker = z.object({ code: z.string(), message: z.string() });

export const Suggestions = z.object({
  child: z.object({
    referralId: z.string(),
    firstName: z.string(),
    age: z.number().int(),
    referralStatus: ReferralStatus,
    openMatchId: z.string().nullable(),
  }),
  childBlockers: z
    .array(
      Blocker.extend({
        overridable: z
          .boolean()
          .describe(
            "True when a proposal may go past it with `overrideReason` (support past the end age, where agreed)",
          ),
      }),
    )
    .describe("Why this child cannot be proposed for anyone now; empty when they can"),
  suggestions: z.array(
    z.object({
      volunteerId: z.string(),
      firstName: z.string(),
      freePlaces: z.number().int(),
      score: z.number(),
      factors: z.array(Factor).describe("Each factor's points and words, such as 'shares football, art and baking'"),
    }),
  ),
  excluded: z
    .array(z.object({ volunteerId: z.string(), firstName: z.string(), blockers: z.array(Blocker) }))
    .describe("Every approved or suspended volunteer not suggested, with each reason: 'why is X not listed'"),
  withoutProfile: z
    .array(z.object({ volunteerId: z.string(), name: z.string() }))
    .describe("Approved volunteers whose matching profile is not completed yet"),
  tieBreak: z.string(),
});
export type Suggestions = z.infer<typeof Suggestions>;

export const ChildrenForVolunteer = z.object({
  volunteer: z.object({ volunteerId: z.string(), firstName: z.string() }),
  children: z.array(
    z.object({
      referralId: z.string(),
      firstName: z.string(),
      age: z.number().int(),
      score: z.number(),
      factors: z.array(Factor),
    }),
  ),
  tieBreak: z.string(),
});
export type ChildrenForVolunteer = z.infer<typeof ChildrenForVolunteer>;

// ---------------------------------------------------------------------------------------------
// Matches
// ---------------------------------------------------------------------------------------------

export const ProposeMatch = z
  .object({
    referralId: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9-]{1,40}$/, "A referral reference is letters, digits and a hyphen, such as RIV-7K3M9QXD"),
    volunteerId: z.string().uuid("A volunteer id is a UUID"),
    whyThisVolunteer: Reason("why you chose this volunteer")
      .optional()
      .describe("Required when the volunteer is not the first suggestion"),
    overrideReason: Reason("why you are going past the child's wish or the volunteer's limit")
      .optional()
      .describe("Required to go past a wish or limit that can be gone past (the refusal says which)"),
  })
  .strict();

export const MatchIdParam = z.object({ matchId: z.string().uuid("A match id is a UUID") });

export const TakeMatchAction = VersionedMatchActionRequest;

export const MatchRecordView = z.object({
  matchId: z.string(),
  referralId: z.string(),
  volunteerId: z.string(),
  stage: MatchStage,
  stageSince: z.string(),
  stageDates: z.partialRecord(MatchStage, z.string()),
  daysInStage: z.number().int(),
  proposedAt: z.string(),
  activatedAt: z.string().nullable(),
  child: z.object({ firstName: z.string(), age: z.number().int() }),
  volunteer: z.object({ firstName: z.string() }),
  proposal: ProposalRecord,
  agreement: z
    .object({
      on: z.string(),
      socialWorkerName: z.string(),
      childsWishes: z.string(),
      via: z.enum(["coordinator", "link"]),
    })
    .nullable(),
  agreementLink: z.object({ sentTo: z.string(), expiresOn: z.string(), usedAt: z.string().nullable() }).nullable(),
  introduction: IntroductionRecord.nullable(),
  trialVisits: z.array(TrialVisitRecord),
  trialVisitsNeeded: z.number().int().describe("The policy's fewest trial visits before a manager can ratify"),
  ratification: RatificationRecord.nullable(),
  riskAssessment: RecordedRiskAssessment.nullable(),
  didNotProceed: DidNotProceedRecord.nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      by: ActedBy,
      from: MatchStage.nullable(),
      to: MatchStage,
      detail: z.string().optional(),
    }),
  ),
  allowedActions: z.array(MatchAction).describe("The actions you can take now"),
  ratifyBlocker: z.string().nullable(),
  activateBlocker: z.string().nullable(),
  version: z.number().int(),
});
export type MatchRecordView = z.infer<typeof MatchRecordView>;

export const MatchBoardQuery = z.object({
  group: z.enum(["open", "closed"]).default("open"),
  stage: MatchStage.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2000).optional(),
});

export const MatchCard = z.object({
  matchId: z.string(),
  referralId: z.string(),
  volunteerId: z.string(),
  stage: MatchStage,
  stageSince: z.string(),
  daysInStage: z.number().int(),
  childFirstName: z.string(),
  childAge: z.number().int(),
  volunteerFirstName: z.string(),
  trialVisits: z.number().int(),
  version: z.number().int(),
});
export const MatchBoardPage = z.object({ items: z.array(MatchCard), cursor: z.string().nullable() });

export const LinkedMatch = z.object({
  matchId: z.string(),
  referralId: z.string(),
  volunteerId: z.string(),
  stage: MatchStage,
  stageSince: z.string(),
  childFirstName: z.string(),
  childAge: z.number().int(),
  volunteerFirstName: z.string(),
});
export const LinkedMatchList = z.object({ items: z.array(LinkedMatch) });

/** What a volunteer sees of their own matches: the child's first name and age, nothing more. */
export const MyMatchList = z.object({
  items: z.array(
    z.object({
      matchId: z.string(),
      stage: MatchStage,
      stageSince: z.string(),
      childFirstName: z.string(),
      childAge: z.number().int(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Risk assessments
// ---------------------------------------------------------------------------------------------

export const SaveRiskChecklist = z.object({ checklist: RiskChecklist, version: Version("profile") }).strict();
export const RecordMatchRiskAssessment = MatchRiskAssessment.safeExtend({
  version: z.number().int().min(1).max(1_000_000).describe("The match version you loaded"),
});
