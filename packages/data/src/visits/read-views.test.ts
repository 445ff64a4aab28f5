import { exampleReferralAnswers } from "@tandem/domain/referrals";
import { describe, expect, it } from "vitest";
import { matchEntity, type StoredMatch } from "../matches/records.js";
import { exampleReferral } from "../referrals/example-records.js";
import { referralEntity } from "../referrals/records.js";
import { TenantContext } from "../tenant-context.js";
import { type Item, TenantTable } from "../tenant-table.js";
import { volunteerContactEntity } from "../volunteers/contact.js";
import { exampleVolunteer } from "../volunteers/example-records.js";
import { volunteerEntity } from "../volunteers/records.js";
import { referralChildNames } from "./child-names.js";
import { matchGlanceEntity } from "./match-ref.js";

/**
 * The narrow views visits and money read a stored match, volunteer and referral through (so their functions do
 * not carry those records' whole schemas) read the same items the full entities write, and find in them what
 * the full records hold.
 */
const T = "riverford";
const by = { personId: "p1", name: "Sam Okoro" };
const at = "2026-11-02T10:00:00.000Z";

const activeMatch: StoredMatch = {
  matchId: "0b0b0b0b-0000-4000-8000-000000000001",
  referralId: "RIV-7K3M9QXD",
  volunteerId: "vol-0001",
  stage: "active",
  stageSince: "2026-11-20",
  stageDates: { proposed: "2026-10-01", active: "2026-11-20" },
  proposedAt: "2026-10-01T10:00:00.000Z",
  activatedAt: "2026-11-20T09:00:00.000Z",
  child: { firstName: "Mika", dateOfBirth: "2016-01-10" },
  volunteer: { firstName: "Robin" },
  proposal: { by, score: 20, rank: 2, whyThisVolunteer: "Met at a fair", overridden: [], overrideReason: null },
  agreement: null,
  agreementLink: null,
  introduction: null,
  trialVisits: [{ on: "2026-11-02", by }],
  ratification: null,
  riskAssessment: {
    activities: [
      { activity: "Swimming", risk: "medium", controls: "Lifeguarded pool only" },
      { activity: "Cinema", risk: "low", controls: "" },
    ],
    delegatedAuthority: { name: "Pat Carer", role: "foster carer" },
    sharedWithDelegatedAuthorityOn: "2026-11-18",
    recordedBy: by,
    recordedOn: "2026-11-18",
    approvedBy: by,
  },
  didNotProceed: null,
  history: [{ at, action: "proposed", by, from: null, to: "proposed" }],
  version: 6,
};

/** A table whose one GetItem answers `stored`. */
function tableWith(stored: Item | undefined) {
  const actor = { personId: "p1", email: "volunteer@riverford.example", name: "Vi Volunteer" };
  const ctx = TenantContext.fromVerifiedMembership(actor, { tenantId: T, roles: ["volunteer"] }, "r1");
  const client = { send: async () => ({ Item: stored }) } as never;
  return new TenantTable("tandem", async () => client, ctx);
}

describe("the narrow read views of visits and money", () => {
  it("read a stored match's id, parties, stage, names, proposer and activities", () => {
    const glance = matchGlanceEntity.parse(matchEntity.item(T, activeMatch));
    expect(glance).toEqual({
      matchId: activeMatch.matchId,
      referralId: activeMatch.referralId,
      volunteerId: activeMatch.volunteerId,
      stage: "active",
      activatedAt: activeMatch.activatedAt,
      child: { firstName: "Mika" },
      volunteer: { firstName: "Robin" },
      proposal: { by: { personId: "p1" } },
      riskAssessment: { activities: [{ activity: "Swimming" }, { activity: "Cinema" }] },
    });
    const unassessed = matchEntity.item(T, { ...activeMatch, stage: "trial", activatedAt: null, riskAssessment: null });
    expect(matchGlanceEntity.parse(unassessed)).toMatchObject({
      stage: "trial",
      activatedAt: null,
      riskAssessment: null,
    });
  });

  it("read a stored volunteer's contact, English for a record stored before languages", () => {
    const volunteer = exampleVolunteer({ personId: "p9", language: "cy" });
    const contact = volunteerContactEntity.parse(volunteerEntity.item(T, volunteer));
    expect(contact).toEqual({
      id: volunteer.id,
      reference: volunteer.reference,
      name: volunteer.name,
      email: volunteer.email,
      personId: "p9",
      language: "cy",
    });
    const { language: _language, ...older } = volunteerEntity.item(T, volunteer);
    expect(volunteerContactEntity.parse(older).language).toBe("en");
  });

  it("find the child's names on a professional's referral and on a self-referral, and none for no referral", async () => {
    const answers = exampleReferralAnswers();
    const professional = exampleReferral({ reference: "RIV-7K3M9QXD", kind: "professional", answers });
    await expect(
      referralChildNames(tableWith(referralEntity.item(T, professional)), professional.reference),
    ).resolves.toEqual({ firstName: answers.child.firstName, lastName: answers.child.lastName });

    const self = exampleReferral({ reference: "RIV-00000007" });
    await expect(referralChildNames(tableWith(referralEntity.item(T, self)), self.reference)).resolves.toEqual({
      firstName: "Robin",
      lastName: "Hale",
    });
    await expect(referralChildNames(tableWith(undefined), "RIV-NONE")).resolves.toEqual({
      firstName: "",
      lastName: "",
    });
  });
});
