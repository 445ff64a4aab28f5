import * as z from "zod";
import { DidNotProceed, MatchStage } from "./lifecycle.js";
import { MatchRiskAssessment } from "./risk.js";

/**
 * What each stage of a match leaves on its record once taken, with who took it: one shape for the stored
 * match (`@tandem/data`) and the match record the API answers (`@tandem/contracts`), so they cannot drift.
 */

export const ActedBy = z.object({ personId: z.string(), name: z.string() });

export const ProposalRecord = z.object({
  by: ActedBy,
  score: z.number(),
  /** Its place among the suggestions when proposed (1 is the first); null when it was not suggested. */
  rank: z.number().int().nullable(),
  whyThisVolunteer: z.string().nullable(),
  /** The wishes or limits gone past, each with the reason recorded. */
  overridden: z.array(z.string()),
  overrideReason: z.string().nullable(),
});

export const IntroductionRecord = z.object({
  on: z.string(),
  place: z.enum(["childs_home", "elsewhere"]),
  placeDetails: z.string().optional(),
  attended: z.array(z.string()),
  notes: z.string().optional(),
});

export const TrialVisitRecord = z.object({ on: z.string(), notes: z.string().optional(), by: ActedBy });

export const RatificationRecord = z.object({
  on: z.string(),
  threeWayMeetingOn: z.string(),
  childWishesToProceed: z.literal(true),
  volunteerWishesToProceed: z.literal(true),
  notes: z.string().optional(),
  by: ActedBy,
});

export const RecordedRiskAssessment = MatchRiskAssessment.safeExtend({
  recordedBy: ActedBy,
  recordedOn: z.string(),
  approvedBy: ActedBy.nullable(),
});

export const DidNotProceedRecord = DidNotProceed.safeExtend({ on: z.string(), fromStage: MatchStage });
