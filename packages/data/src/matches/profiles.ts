import { ageOn } from "@tandem/domain/calendar";
import {
  type ChildMatchingProfile,
  type ChildProfileInput,
  ChildMatchingProfile as ChildProfileSchema,
  drivesForMatching,
  type MatchingSettings,
  RiskChecklist,
  type VolunteerMatchingProfile,
  type VolunteerProfileInput,
  VolunteerMatchingProfile as VolunteerProfileSchema,
} from "@tandem/domain/matches";
import { invalid } from "@tandem/domain/problems";
import type { ReferralAnswers, SelfReferralAnswers } from "@tandem/domain/referrals";
import type { TenantPolicy } from "@tandem/domain/tenants";
import * as z from "zod";
import { auditOp, auditRead } from "../audit.js";
import { defineEntity } from "../entity.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import { childFirstName, loadVisibleReferral, type ReferralRecord } from "../referrals/records.js";
import type { TenantTable } from "../tenant-table.js";
import { domainRecord, loadVolunteer, referenceChecks, type StoredVolunteer } from "../volunteers/records.js";
import { loadMatchingSettings } from "./settings.js";

/**
 * The matching profiles as stored. The child's lives in `#MC` (one Query for the reverse view), keyed
 * by the referral; its referral status is never stored here but read from the referral. The
 * volunteer's lives in `#MV` (one Query for suggestions) with the places they hold, counted against
 * their capacity in the proposal's transaction; whether they drive is never stored, it is read from
 * the checks.
 */

export const StoredChildProfile = ChildProfileSchema.omit({ referralStatus: true }).safeExtend({
  /** The match in progress for this child (proposed to active), if any: a second is refused. */
  openMatchId: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type StoredChildProfile = z.output<typeof StoredChildProfile>;

export const childProfileEntity = defineEntity({
  type: "child-matching-profile",
  schema: StoredChildProfile,
  key: (tenantId, p: { referralId: string }) => keys.childProfile(tenantId, p.referralId),
});

export const StoredVolunteerProfile = VolunteerProfileSchema.omit({ drives: true }).safeExtend({
  /** Matches holding one of their places (proposed to ending); conditioned against `capacity` when a match is proposed. */
  placesHeld: z.number().int().min(0),
  riskChecklist: RiskChecklist.nullable().default(null),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type StoredVolunteerProfile = z.output<typeof StoredVolunteerProfile>;

export const volunteerProfileEntity = defineEntity({
  type: "volunteer-matching-profile",
  schema: StoredVolunteerProfile,
  key: (tenantId, p: { volunteerId: string }) => keys.volunteerProfile(tenantId, p.volunteerId),
});

// ---------------------------------------------------------------------------------------------
// Pre-filling from the referral and the application
// ---------------------------------------------------------------------------------------------

const isEnglish = (l: string) => /^\s*english\s*$/i.test(l);

/** The child's profile as the referral tells it, for the coordinator to complete (placement null when in area). */
export function childPrefill(r: ReferralRecord): Omit<ChildMatchingProfile, "placement" | "referralStatus"> & {
  placement: ChildMatchingProfile["placement"] | null;
} {
  const professional = r.kind === "professional" ? (r.answers as ReferralAnswers) : null;
  const self = r.kind === "self" ? (r.answers as SelfReferralAnswers) : null;
  const care = professional?.careStatus;
  return {
    referralId: r.reference,
    firstName: childFirstName(r).slice(0, 80),
    dateOfBirth: professional?.child.dateOfBirth ?? self?.dateOfBirth ?? "2000-01-01",
    // A young person who referred themselves asked for a visitor.
    childAgrees: professional?.wishes.childAgrees ?? "yes",
    interestTagIds: [],
    interestsInOwnWords: (professional?.interests.hobbiesAndInterests ?? self?.whatIdLikeToDo ?? "").slice(0, 2000),
    languages: professional && !isEnglish(professional.child.firstLanguage) ? [professional.child.firstLanguage] : [],
    wishes: { inChildsWords: "", gender: null, language: null, faithOrCulture: null, ageRange: null },
    placement:
      care && !care.placedInArea
        ? { kind: "out_of_area", miles: Math.round(care.distanceFromHomeMiles ?? 0), place: "Out of area" }
        : null,
    availability: [],
    avoid: { pets: false, smoking: false, allergies: "" },
    notWanted: { inChildsWords: (professional?.wishes.anyoneTheyWouldNotWant ?? "").slice(0, 2000), volunteerIds: [] },
    refusedVolunteerIds: [],
  };
}

/** Interest tags whose name the volunteer used about themselves. */
function tagsIn(text: string, settings: MatchingSettings): string[] {
  const lower = text.toLowerCase();
  return settings.interestTags.filter((t) => lower.includes(t.label.toLowerCase())).map((t) => t.id);
}

/** The volunteer's profile as their application and own profile tell it, for the coordinator to complete. */
export function volunteerPrefill(
  v: StoredVolunteer,
  settings: MatchingSettings,
  policy: TenantPolicy,
): Omit<StoredVolunteerProfile, "version" | "updatedAt" | "riskChecklist"> {
  const own = v.profile;
  return {
    volunteerId: v.id,
    firstName: v.application.contact.firstName.slice(0, 80),
    dateOfBirth: v.application.contact.dateOfBirth,
    gender: null,
    faithOrCulture: own?.faith?.trim() || own?.culture?.trim() || null,
    interestTagIds: tagsIn(
      `${v.application.background.interestsAndSkills} ${own?.interests.join(" ") ?? ""}`,
      settings,
    ),
    languages: v.application.background.languages.slice(0, 10),
    travelsToAreaIds: [],
    availability: [],
    capacity: Math.min(5, Math.max(1, Math.round(own?.capacity ?? 1))),
    supportsAges: { min: policy.referrals.minAge, max: Math.max(policy.referrals.minAge, policy.referrals.maxAge) },
    hasPets: false,
    smokes: false,
    placesHeld: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading and writing
// ---------------------------------------------------------------------------------------------

export const staleProfile = () =>
  new Problem("version_conflict", "Someone else changed this profile since you loaded it; reload and try again");

/** Ids that must be in the council's lists: each unknown one is a field error the coordinator can fix. */
function unknownIds(
  settings: MatchingSettings,
  input: { interestTagIds: string[]; areaIds: { path: string; id: string }[] },
) {
  const tags = new Set(settings.interestTags.map((t) => t.id));
  const areas = new Set(settings.areas.map((a) => a.id));
  const problems = [
    ...input.interestTagIds.flatMap((id, i) =>
      tags.has(id) ? [] : [{ path: `interestTagIds.${i}`, message: `"${id}" is not one of the council's interests` }],
    ),
    ...input.areaIds.flatMap((a) =>
      areas.has(a.id) ? [] : [{ path: a.path, message: `"${a.id}" is not one of the council's areas` }],
    ),
  ];
  if (problems.length > 0) throw invalid(problems);
}

export function childProfileView(r: ReferralRecord, stored: StoredChildProfile | undefined, today: string) {
  const base = stored ?? { ...childPrefill(r), openMatchId: null, version: 0, updatedAt: null };
  return {
    ...base,
    referralStatus: r.status,
    age: ageOn(base.dateOfBirth, today),
    saved: stored !== undefined,
  };
}

/** The child's profile for the coordinator: saved, or pre-filled from the referral (version 0). Audited. */
export async function getChildProfile(table: TenantTable, referralId: string, today: string) {
  const r = await loadVisibleReferral(table, referralId);
  const stored = await childProfileEntity.get(table, { referralId: r.reference });
  await auditRead(table, { action: "read", subject: { type: "child-matching-profile", id: r.reference } });
  return childProfileView(r, stored, today);
}

export async function saveChildProfile(
  table: TenantTable,
  referralId: string,
  input: ChildProfileInput & { version: number },
  today: string,
  now = new Date(),
) {
  const r = await loadVisibleReferral(table, referralId);
  const settings = await loadMatchingSettings(table);
  const { version, ...profile } = input;
  unknownIds(settings, {
    interestTagIds: profile.interestTagIds,
    areaIds: profile.placement.kind === "in_area" ? [{ path: "placement.areaId", id: profile.placement.areaId }] : [],
  });
  if (profile.dateOfBirth > today)
    throw invalid([{ path: "dateOfBirth", message: "The date of birth must be in the past" }]);
  const current = await childProfileEntity.get(table, { referralId: r.reference });
  if ((current?.version ?? 0) !== version) throw staleProfile();
  const next: StoredChildProfile = {
    ...profile,
    referralId: r.reference,
    refusedVolunteerIds: current?.refusedVolunteerIds ?? [],
    openMatchId: current?.openMatchId ?? null,
    version: version + 1,
    updatedAt: now.toISOString(),
  };
  await table.transact([
    childProfileEntity.put(table.ctx.tenantId, next, version === 0 ? "absent" : { version }),
    auditOp(table, {
      action: "update",
      subject: { type: "child-matching-profile", id: r.reference },
      fields: Object.keys(profile),
    }),
  ]);
  return childProfileView(r, next, today);
}

export function volunteerProfileView(
  v: StoredVolunteer,
  stored: Omit<StoredVolunteerProfile, "version" | "updatedAt" | "riskChecklist"> &
    Partial<Pick<StoredVolunteerProfile, "version" | "updatedAt" | "riskChecklist">>,
  policy: TenantPolicy,
  today: string,
  saved: boolean,
) {
  const drives = drivesForMatching(domainRecord({ ...v, references: referenceChecks(v.references) }), policy, today);
  return {
    ...stored,
    drives,
    volunteerStage: v.stage,
    riskChecklist: stored.riskChecklist ?? null,
    version: stored.version ?? 0,
    updatedAt: stored.updatedAt ?? null,
    saved,
  };
}

/** The volunteer's profile for the coordinator: saved, or pre-filled from the application (version 0). Audited. */
export async function getVolunteerProfile(
  table: TenantTable,
  policy: TenantPolicy,
  volunteerId: string,
  today: string,
) {
  const v = await loadVolunteer(table, volunteerId);
  const stored = await volunteerProfileEntity.get(table, { volunteerId });
  await auditRead(table, { action: "read", subject: { type: "volunteer-matching-profile", id: volunteerId } });
  if (stored) return volunteerProfileView(v, stored, policy, today, true);
  return volunteerProfileView(v, volunteerPrefill(v, await loadMatchingSettings(table), policy), policy, today, false);
}

export async function saveVolunteerProfile(
  table: TenantTable,
  policy: TenantPolicy,
  volunteerId: string,
  input: VolunteerProfileInput & { version: number },
  today: string,
  now = new Date(),
) {
  const v = await loadVolunteer(table, volunteerId);
  const settings = await loadMatchingSettings(table);
  const { version, ...profile } = input;
  unknownIds(settings, {
    interestTagIds: profile.interestTagIds,
    areaIds: profile.travelsToAreaIds.map((id, i) => ({ path: `travelsToAreaIds.${i}`, id })),
  });
  const current = await volunteerProfileEntity.get(table, { volunteerId });
  if ((current?.version ?? 0) !== version) throw staleProfile();
  const placesHeld = current?.placesHeld ?? 0;
  if (profile.capacity < placesHeld) {
    throw new Problem(
      "conflict",
      `${profile.firstName} holds ${placesHeld} ${placesHeld === 1 ? "place" : "places"} in matches now: capacity cannot be below that`,
    );
  }
  const next: StoredVolunteerProfile = {
    ...profile,
    volunteerId,
    placesHeld,
    riskChecklist: current?.riskChecklist ?? null,
    version: version + 1,
    updatedAt: now.toISOString(),
  };
  await table.transact([
    volunteerProfileEntity.put(table.ctx.tenantId, next, version === 0 ? "absent" : { version }),
    auditOp(table, {
      action: "update",
      subject: { type: "volunteer-matching-profile", id: volunteerId },
      fields: Object.keys(profile),
    }),
  ]);
  return volunteerProfileView(v, next, policy, today, true);
}

/** The stored child profile with the referral's status, as the domain compares it. */
export function childForMatching(r: ReferralRecord, p: StoredChildProfile): ChildMatchingProfile {
  const { openMatchId: _o, version: _v, updatedAt: _u, ...rest } = p;
  return { ...rest, referralStatus: r.status };
}

/** The stored volunteer profile with driving read from the checks, as the domain compares it. */
export function volunteerForMatching(p: StoredVolunteerProfile, drives: boolean): VolunteerMatchingProfile {
  const { placesHeld: _p, riskChecklist: _r, version: _v, updatedAt: _u, ...rest } = p;
  return { ...rest, drives };
}
