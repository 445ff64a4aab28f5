import type { TenantPolicy } from "../tenants/policy.js";
import type { VolunteerRecord } from "../volunteers/approval.js";
import { type DocumentCheck, requiredChecks } from "../volunteers/checks.js";
import type { Candidate } from "./blockers.js";
import type { ChildMatchingProfile, MatchingSettings, VolunteerMatchingProfile } from "./profiles.js";
import { TANDEM_SUGGESTED_WEIGHTS } from "./profiles.js";

/** A fictional council's lists, child and volunteer for tests and demo data; every name is invented. */
export const exampleSettings: MatchingSettings = {
  areas: [
    { id: "north-riverford", label: "North Riverford" },
    { id: "south-riverford", label: "South Riverford" },
    { id: "elmbury", label: "Elmbury" },
  ],
  interestTags: [
    { id: "football", label: "football" },
    { id: "art", label: "art" },
    { id: "baking", label: "baking" },
    { id: "swimming", label: "swimming" },
    { id: "gaming", label: "gaming" },
  ],
  weights: TANDEM_SUGGESTED_WEIGHTS,
};

/** A ten-year-old on the waiting list in North Riverford who likes football, art and baking and speaks Polish at home. */
export const exampleChild: ChildMatchingProfile = {
  referralId: "ref-0001",
  firstName: "Mika",
  dateOfBirth: "2016-01-10",
  referralStatus: "waiting_for_match",
  childAgrees: "yes",
  interestTagIds: ["football", "art", "baking"],
  interestsInOwnWords: "I like drawing dragons and baking with my foster carer",
  languages: ["Polish"],
  wishes: { inChildsWords: "", gender: null, language: null, faithOrCulture: null, ageRange: null },
  placement: { kind: "in_area", areaId: "north-riverford" },
  availability: ["saturday", "school_holidays"],
  avoid: { pets: false, smoking: false, allergies: "" },
  notWanted: { inChildsWords: "", volunteerIds: [] },
  refusedVolunteerIds: [],
};

/** A volunteer who shares everything with the example child, with one place. */
export const exampleVolunteer: VolunteerMatchingProfile = {
  volunteerId: "vol-0001",
  firstName: "Robin",
  dateOfBirth: "1990-05-05",
  gender: "female",
  faithOrCulture: null,
  interestTagIds: ["football", "art", "baking", "swimming"],
  languages: ["English", "Polish"],
  travelsToAreaIds: ["north-riverford", "elmbury"],
  drives: true,
  availability: ["saturday", "sunday", "school_holidays"],
  capacity: 1,
  supportsAges: { min: 8, max: 17 },
  hasPets: false,
  smokes: false,
};

/** An approved volunteer's recruitment record with every check and course the policy asks for done, none driving. */
export function matchableRecord(policy: TenantPolicy): VolunteerRecord {
  const facts = { drives: false, declaredHealthCondition: false, worksInCouncilChildrensServices: false };
  const seen = { status: "passed", requestedOn: "2026-01-05", completedOn: "2026-01-20" } as const;
  const checks = requiredChecks(facts, policy).flatMap((kind): DocumentCheck[] => {
    if (kind === "references") return [];
    if (kind === "enhanced_dbs") return [{ kind, ...seen, certificateNumber: "001234567890", issuedOn: "2026-01-15" }];
    return [{ kind, ...seen } as DocumentCheck];
  });
  return {
    stage: "approved",
    facts,
    checks,
    references: [],
    training: policy.volunteers.training.map((t) => ({ code: t.code, completedOn: "2026-02-10" })),
    approvedOn: "2026-02-01",
  };
}

export function exampleCandidate(
  policy: TenantPolicy,
  profile: Partial<VolunteerMatchingProfile> = {},
  openMatches = 0,
): Candidate {
  return { record: matchableRecord(policy), profile: { ...exampleVolunteer, ...profile }, openMatches };
}
