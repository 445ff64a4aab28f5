import * as z from "zod";
import { IsoDate } from "../calendar/iso-date.js";
import { ChildAgrees } from "../referrals/answers.js";
import { ReferralStatus } from "../referrals/status.js";
import type { Provenance } from "../tenants/preset-provenance.js";

/**
 * What matching compares: the council's lists and weights, the child's profile (written by the
 * coordinator with the pen picture) and the volunteer's (from the application, completed by the
 * coordinator). Ids, not names, point into the council's lists so renaming an area renames it everywhere.
 */

const Id = z.string().trim().min(1).max(64);
const Words = z.string().trim().max(2000);
const Label = z.string().trim().min(1, "Enter a name").max(80, "Use 80 characters or fewer");

export const AreaOrTag = z.object({ id: Id, label: Label }).strict();
export type AreaOrTag = z.infer<typeof AreaOrTag>;

/** How much each factor adds to a suggestion's score: per shared interest, per shared time, or once. */
export const MatchingWeights = z
  .object({
    perSharedInterest: z.number().int().min(0).max(20),
    travelsToChildsArea: z.number().int().min(0).max(20),
    perSharedLanguage: z.number().int().min(0).max(20),
    perSharedTime: z.number().int().min(0).max(20),
    drives: z.number().int().min(0).max(20),
  })
  .strict();
export type MatchingWeights = z.infer<typeof MatchingWeights>;

/**
 * No source gives numbers: Leeds matches on "mutual interests" and DOMAIN.md lists distance, language
 * and culture and capacity beside them. These are Tandem's suggestion, weighted so that two shared
 * interests outweigh any one practical factor; the council sets its own. They live in the council's
 * matching settings, not in the tenant policy, so they carry no preset provenance of their own.
 */
export const TANDEM_SUGGESTED_WEIGHTS: MatchingWeights = {
  perSharedInterest: 3,
  travelsToChildsArea: 4,
  perSharedLanguage: 4,
  perSharedTime: 1,
  drives: 1,
};

/** Where each suggested weight comes from, in the terms `preset-provenance.ts` uses. */
export const WEIGHTS_PROVENANCE: Readonly<Record<keyof MatchingWeights, Provenance>> = {
  perSharedInterest: { kind: "suggested" },
  travelsToChildsArea: { kind: "suggested" },
  perSharedLanguage: { kind: "suggested" },
  perSharedTime: { kind: "suggested" },
  drives: { kind: "suggested" },
};

const unique = (items: { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;

export const MatchingSettings = z
  .object({
    areas: z.array(AreaOrTag).max(200).refine(unique, "Each area needs its own id"),
    interestTags: z.array(AreaOrTag).max(300).refine(unique, "Each interest needs its own id"),
    weights: MatchingWeights.default(TANDEM_SUGGESTED_WEIGHTS),
  })
  .strict();
export type MatchingSettings = z.infer<typeof MatchingSettings>;

/** Times of the week, coarse on purpose: enough to see whether two diaries can meet. */
export const TimeOfWeek = z.enum(["weekday_after_school", "weekday_evening", "saturday", "sunday", "school_holidays"]);
export type TimeOfWeek = z.infer<typeof TimeOfWeek>;

export const AgeRange = z
  .object({ min: z.number().int().min(0).max(99), max: z.number().int().min(0).max(99) })
  .strict()
  .refine((r) => r.min <= r.max, "The youngest age cannot be above the oldest");
export type AgeRange = z.infer<typeof AgeRange>;

/** A language or a faith, compared without regard to case or spaces around it. */
const Term = z.string().trim().min(1).max(60);

/**
 * The child's wishes about their visitor: in the child's words, and what the coordinator reads from
 * them as something to compare (null: the child has no wish about it).
 */
export const ChildWishes = z
  .object({
    inChildsWords: Words,
    // As an adjective ("female", "non-binary"): the refusal reads "a visitor who is female".
    gender: Term.nullable(),
    language: Term.nullable(),
    faithOrCulture: Term.nullable(),
    ageRange: AgeRange.nullable(),
  })
  .strict();
export type ChildWishes = z.infer<typeof ChildWishes>;

export const Placement = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("in_area"), areaId: Id }).strict(),
  z.object({ kind: z.literal("out_of_area"), miles: z.number().int().min(0).max(1000), place: Label }).strict(),
]);
export type Placement = z.infer<typeof Placement>;

export const ChildMatchingProfile = z
  .object({
    referralId: Id,
    firstName: Label,
    dateOfBirth: IsoDate,
    referralStatus: ReferralStatus,
    /** From the referral; "no" from a child with enough understanding means no visitor at all (Leicestershire). */
    childAgrees: ChildAgrees,
    interestTagIds: z.array(Id).max(50),
    interestsInOwnWords: Words,
    /** Languages the child speaks at home besides English, which every visitor is assumed to share. */
    languages: z.array(Term).max(10),
    wishes: ChildWishes,
    placement: Placement,
    availability: z.array(TimeOfWeek).max(5),
    avoid: z.object({ pets: z.boolean(), smoking: z.boolean(), allergies: Words }).strict(),
    /** People the child said they do not want, in their words, and the volunteers the coordinator found them to be. */
    notWanted: z.object({ inChildsWords: Words, volunteerIds: z.array(Id).max(50) }).strict(),
    /** Volunteers a match with whom did not proceed because the child refused them: never suggested again. */
    refusedVolunteerIds: z.array(Id).max(200),
  })
  .strict();
export type ChildMatchingProfile = z.infer<typeof ChildMatchingProfile>;

export const VolunteerMatchingProfile = z
  .object({
    volunteerId: Id,
    firstName: Label,
    dateOfBirth: IsoDate,
    gender: Term.nullable(),
    faithOrCulture: Term.nullable(),
    interestTagIds: z.array(Id).max(50),
    languages: z.array(Term).max(10),
    travelsToAreaIds: z.array(Id).max(200),
    /** From the checks: true only once licence, insurance and MOT are recorded. */
    drives: z.boolean(),
    availability: z.array(TimeOfWeek).max(5),
    /** How many children they can visit, each separately (Leicestershire: "more than one young person"). */
    capacity: z.number().int().min(1).max(5),
    supportsAges: AgeRange,
    hasPets: z.boolean(),
    smokes: z.boolean(),
  })
  .strict();
export type VolunteerMatchingProfile = z.infer<typeof VolunteerMatchingProfile>;

export const sameTerm = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What the coordinator writes about a child: the profile without what Tandem keeps itself (status, refusals). */
export const ChildProfileInput = ChildMatchingProfile.omit({
  referralId: true,
  referralStatus: true,
  refusedVolunteerIds: true,
});
export type ChildProfileInput = z.infer<typeof ChildProfileInput>;

/** What the coordinator writes about a volunteer: driving is read from the checks, never typed in. */
export const VolunteerProfileInput = VolunteerMatchingProfile.omit({ volunteerId: true, drives: true });
export type VolunteerProfileInput = z.infer<typeof VolunteerProfileInput>;
