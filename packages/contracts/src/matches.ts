/**
 * Payloads for matching (issue 13): the council's matching settings, the child's and the volunteer's
 * matching profiles, suggestions, matches and their lifecycle, risk assessments and the social
 * worker's agreement link. Profiles, records and blockers are the domain's schemas: nothing here
 * restates them.
 */
import {
  AreaOrTag,
  ChildMatchingProfile,
  ChildProfileInput,
  MatchingSettings,
  MatchingWeights,
  Placement,
  RiskChecklist,
  VolunteerMatchingProfile,
  VolunteerProfileInput,
} from "@tandem/domain/matches";
import { ReferralStatus } from "@tandem/domain/referrals";
import { VolunteerStage } from "@tandem/domain/volunteers";
import { z } from "zod";

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
  referralId: z.string().trim().toUpperCase().max(40).describe("The child's referral reference, such as RIV-7K3M9QXD"),
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
