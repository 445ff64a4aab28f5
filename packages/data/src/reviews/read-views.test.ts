import { exampleReferralAnswers } from "@tandem/domain/referrals";
import { describe, expect, it } from "vitest";
import { StoredItemError } from "../errors.js";
import { matchEntity, type StoredMatch } from "../matches/records.js";
import { exampleReferral } from "../referrals/example-records.js";
import { referralEntity } from "../referrals/records.js";
import { TenantContext } from "../tenant-context.js";
import { type Item, TenantTable } from "../tenant-table.js";
import { loadVolunteerEmailContact } from "../volunteers/contact.js";
import { exampleVolunteer } from "../volunteers/example-records.js";
import { volunteerEntity } from "../volunteers/records.js";
import { referralContactOf } from "./contacts.js";
import { loadReviewedMatch } from "./match-view.js";

/**
 * The narrow views reviews and endings read a stored match, referral and volunteer through (so their functions do
 * not carry those records' whole schemas) read the same items the full entities write, find in them what the full
 * records hold, and refuse a missing one as the full reads do.
 */
const T = "riverford";
const by = { personId: "p1", name: "Sam Okoro" };

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
  trialVisits: [],
  ratification: null,
  riskAssessment: null,
  didNotProceed: null,
  history: [{ at: "2026-10-01T10:00:00.000Z", action: "proposed", by, from: null, to: "proposed" }],
  version: 6,
};

/** A table whose one GetItem answers `stored`. */
function tableWith(stored: Item | undefined) {
  const actor = { personId: "p1", email: "coordinator@riverford.example", name: "Cal Coordinator" };
  const ctx = TenantContext.fromVerifiedMembership(actor, { tenantId: T, roles: ["coordinator"] }, "r1");
  const client = { send: async () => ({ Item: stored }) } as never;
  return new TenantTable("tandem", async () => client, ctx);
}

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
