import { exampleReferralAnswers } from "@tandem/domain/referrals";
import { describe, expect, it } from "vitest";
import { StoredItemError } from "./errors.js";
import { matchEntity, type StoredMatch } from "./matches/records.js";
import { exampleReferral } from "./referrals/example-records.js";
import { referralEntity } from "./referrals/records.js";
import { referralContactOf } from "./reviews/contacts.js";
import { loadReviewedMatch } from "./reviews/match-view.js";
import { TenantContext } from "./tenant-context.js";
import { type Item, TenantTable } from "./tenant-table.js";
import { referralChildNames } from "./visits/child-names.js";
import { matchGlanceEntity } from "./visits/match-ref.js";
import { loadVolunteerEmailContact, volunteerContactEntity } from "./volunteers/contact.js";
import { exampleVolunteer } from "./volunteers/example-records.js";
import { volunteerEntity } from "./volunteers/records.js";

/**
 * The narrow views visits, money, reviews and endings read a stored match, volunteer and referral through (so
 * their functions do not carry those records' whole schemas) read the same items the full entities write, find
 * in them what the full records hold, and refuse as the full reads do. A field renamed in a stored record and
 * not in a view fails here.
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
      stage: volunteer.stage,
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

describe("the narrow read views of reviews and endings", () => {
  it("read a stored match's facts and the child's date of birth, and refuse a missing or malformed one", async () => {
    await expect(loadReviewedMatch(tableWith(matchEntity.item(T, activeMatch)), activeMatch.matchId)).resolves.toEqual({
      facts: {
        id: activeMatch.matchId,
        referralId: activeMatch.referralId,
        volunteerId: activeMatch.volunteerId,
        stage: "active",
        activatedOn: "2026-11-20",
        label: "Mika and Robin",
      },
      childDateOfBirth: "2016-01-10",
    });
    await expect(loadReviewedMatch(tableWith(undefined), "m-none")).rejects.toMatchObject({
      code: "not_found",
      message: "There is no match with that id in this council",
    });
    const unknownStage = { ...matchEntity.item(T, activeMatch), stage: "paused" };
    await expect(loadReviewedMatch(tableWith(unknownStage), activeMatch.matchId)).rejects.toBeInstanceOf(
      StoredItemError,
    );
  });

  it("read a referral's language and its referrer's work e-mail, none for a self-referral, 404 while hidden", async () => {
    const answers = exampleReferralAnswers();
    const professional = exampleReferral({ reference: "RIV-7K3M9QXD", kind: "professional", answers, language: "cy" });
    await expect(
      referralContactOf(tableWith(referralEntity.item(T, professional)), professional.reference),
    ).resolves.toEqual({ language: "cy", referrerEmail: answers.referrer.workEmail });
    const self = exampleReferral({ reference: "RIV-00000007" });
    await expect(referralContactOf(tableWith(referralEntity.item(T, self)), self.reference)).resolves.toEqual({
      language: "en",
      referrerEmail: null,
    });
    const hidden = exampleReferral({ reference: "RIV-00000008", visible: false });
    await expect(referralContactOf(tableWith(referralEntity.item(T, hidden)), hidden.reference)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("read a volunteer's e-mail and language only, English for a record stored before languages, 404 if missing", async () => {
    const volunteer = exampleVolunteer({ language: "cy" });
    await expect(
      loadVolunteerEmailContact(tableWith(volunteerEntity.item(T, volunteer)), volunteer.id),
    ).resolves.toEqual({
      email: volunteer.email,
      language: "cy",
    });
    const { language: _language, ...older } = volunteerEntity.item(T, volunteer);
    await expect(loadVolunteerEmailContact(tableWith(older), volunteer.id)).resolves.toEqual({
      email: volunteer.email,
      language: "en",
    });
    // Only the two fields are read: a record without a name still gets its e-mail, as it did through reviews' view.
    const { name: _name, ...nameless } = volunteerEntity.item(T, volunteer);
    await expect(loadVolunteerEmailContact(tableWith(nameless), volunteer.id)).resolves.toMatchObject({
      email: volunteer.email,
    });
    await expect(loadVolunteerEmailContact(tableWith(undefined), "v-none")).rejects.toMatchObject({
      code: "not_found",
      message: "There is no volunteer with that id in this council",
    });
  });
});
