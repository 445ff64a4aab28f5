import { randomUUID } from "node:crypto";
import {
  matchEntity,
  matchReportFacts,
  matchSummaryOps,
  reviewScheduleEntity,
  type StoredMatch,
  withNextReview,
} from "@tandem/data";
import { addDays, type TenantPolicy } from "@tandem/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { call, users } from "../support/client.js";
import { linkIn, textOf, waitForMail } from "../support/mailbox.js";
import { policyOf, putWithSummaries, seedApprovedVolunteer, seedWaitingChild } from "../support/matching.js";
import { today } from "../support/volunteers.js";

/**
 * A match's reviews, feedback links and endings over HTTP (issue 15). The active match is written
 * straight into the table (matching's own tests take one from proposal to active), with the review
 * schedule its activation starts.
 */
const coordinator = { as: users.riverfordCoordinator };
const manager = { as: users.riverfordManager };
const otherCouncil = { as: users.brightpathCoordinator, tenant: "eastmere" };
let policy: TenantPolicy;

async function activeMatch(volunteerEmail: string, socialWorker: string, daysAgo = 60): Promise<string> {
  const referralId = await seedWaitingChild("riverford", { referrerEmail: socialWorker });
  const volunteerId = await seedApprovedVolunteer("riverford", policy, { email: volunteerEmail });
  const matchId = randomUUID();
  const activatedOn = addDays(today, -daysAgo);
  const m: StoredMatch = {
    matchId,
    referralId,
    volunteerId,
    stage: "active",
    stageSince: activatedOn,
    stageDates: { proposed: addDays(activatedOn, -30), active: activatedOn },
    proposedAt: new Date().toISOString(),
    activatedAt: new Date().toISOString(),
    child: { firstName: "Mika", dateOfBirth: "2012-03-01" },
    volunteer: { firstName: "Robin" },
    proposal: {
      by: { personId: "p", name: "Cy" },
      score: 1,
      rank: 1,
      whyThisVolunteer: null,
      overridden: [],
      overrideReason: null,
    },
    agreement: null,
    agreementLink: null,
    introduction: null,
    trialVisits: [],
    ratification: null,
    riskAssessment: null,
    didNotProceed: null,
    history: [],
    version: 1,
  };
  const entry = withNextReview(
    {
      matchId,
      referralId,
      volunteerId,
      activatedOn,
      firstVisitOn: null,
      endingBeganOn: null,
      label: "Mika and Robin",
      childDateOfBirth: m.child.dateOfBirth,
      vulnerableCareLeaver: false,
      version: 1,
    },
    [],
    policy,
  );
  // With the reporting summaries matching's activation keeps (ADR 16).
  await putWithSummaries(
    "riverford",
    [matchEntity.item("riverford", m), reviewScheduleEntity.item("riverford", entry)],
    matchSummaryOps("riverford", m.proposal.by.personId, null, matchReportFacts(m, null)),
  );
  return matchId;
}

const review = (heldOn: string, kind = "first_formal") => ({
  kind,
  heldOn,
  childSeenBy: "visit",
  participants: [
    { name: "Mika", role: "child" },
    { name: "Robin", role: "volunteer" },
  ],
  childsView: "Robin is kind and we go to the library",
  outcome: "continue",
});

beforeAll(async () => {
  policy = await policyOf(users.riverfordAdmin);
});

describe("a match's review with four feedback links", () => {
  const run = randomUUID().slice(0, 8);
  let matchId: string;
  beforeAll(async () => {
    matchId = await activeMatch(`robin-${run}@example.net`, `sw-${run}@council.example`);
  });

  it("records the review with the child's words; 403 for a manager, 404 from another council, 400 before the start", async () => {
    const path = `/api/matches/${matchId}/reviews`;
    expect((await call("POST", path, { ...manager, body: review(today) })).status).toBe(403);
    const cross = await call("POST", path, { ...otherCouncil, body: review(today) });
    const unknown = await call("POST", `/api/matches/${randomUUID()}/reviews`, { ...coordinator, body: review(today) });
    expect([cross.status, cross.json.error?.message]).toEqual([404, unknown.json.error?.message]);
    const early = await call("POST", path, { ...coordinator, body: review(addDays(today, -61)) });
    expect(early.status).toBe(400);
    const ok = await call("POST", path, { ...coordinator, body: review(today) });
    expect(ok.status, ok.text).toBe(201);
    const shown = await call("GET", path, manager);
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.json.reviews)).toContain("Robin is kind and we go to the library");
    expect(shown.json.next).toMatchObject({ kind: "formal" });
  });

  it("sends single-use links: answered once, refused when reused, not found under another council's address", async () => {
    const emails = ["carer", "sw", "iro", "vol"].map((w) => `${w}-fb-${run}@example.org`);
    const sent = await call("POST", `/api/matches/${matchId}/feedback-requests`, {
      ...coordinator,
      body: {
        invitees: [
          { respondent: "carer", name: "Pat", email: emails[0] },
          { respondent: "social_worker", name: "Sam", email: emails[1] },
          { respondent: "iro", name: "Ira", email: emails[2] },
          { respondent: "volunteer", name: "Robin", email: emails[3] },
        ],
      },
    });
    expect(sent.status, sent.text).toBe(201);
    const token = (to: string) =>
      waitForMail(to, /Feedback/).then((m) => linkIn(m, "/feedback/").split("/feedback/")[1] as string);
    const carer = await token(emails[0] as string);
    const answer = { answers: { howItIsGoing: "very_well", concerns: "no" } };
    const first = await call("POST", `/api/public/tenants/riverford/feedback/${carer}`, { body: answer });
    expect(first.status, first.text).toBe(200);
    const reused = await call("POST", `/api/public/tenants/riverford/feedback/${carer}`, { body: answer });
    expect(reused.status).toBe(410);
    const iro = await token(emails[2] as string);
    const elsewhere = await call("GET", `/api/public/tenants/eastmere/feedback/${iro}`);
    expect(elsewhere.status).toBe(404);
    const shown = await call("GET", `/api/matches/${matchId}/reviews`, coordinator);
    const answered = (shown.json.feedback as { respondent: string; answeredOn: string | null }[]).filter(
      (f) => f.answeredOn !== null,
    );
    expect(answered.map((f) => f.respondent)).toEqual(["carer"]);
  });
});

describe("endings", () => {
  const run = randomUUID().slice(0, 8);

  it("an immediate ending sends the formal letter to everyone involved and refuses a later review", async () => {
    const volunteer = `robin-end-${run}@example.net`;
    const matchId = await activeMatch(volunteer, `sw-end-${run}@council.example`);
    const carer = `carer-end-${run}@example.org`;
    const m = await call("GET", `/api/matches/${matchId}`, coordinator);
    const body = {
      version: m.json.version,
      ending: { kind: "immediate", reason: "breach", details: "Contact on social media", conversationHeldOn: today },
      alsoTell: [carer],
    };
    const begun = await call("POST", `/api/matches/${matchId}/ending`, { ...coordinator, body });
    expect(begun.status, begun.text).toBe(201);
    for (const to of [volunteer, carer])
      expect(textOf(await waitForMail(to, /has ended/))).toContain("Visits have stopped");
    const again = await call("POST", `/api/matches/${matchId}/ending`, {
      ...coordinator,
      body: { ...body, version: 2 },
    });
    expect(again.status).toBe(409);
    const late = await call("POST", `/api/matches/${matchId}/reviews`, { ...coordinator, body: review(today) });
    expect(late.status).toBe(409);
  });

  it("a planned ending: closure review first, then the child returns to the waiting list", async () => {
    const matchId = await activeMatch(`robin-p-${run}@example.net`, `sw-p-${run}@council.example`);
    const v1 = (await call("GET", `/api/matches/${matchId}`, coordinator)).json.version;
    const begun = await call("POST", `/api/matches/${matchId}/ending`, {
      ...coordinator,
      body: {
        version: v1,
        ending: {
          kind: "planned",
          reason: "moving_away",
          plan: "A last trip to the museum and a goodbye card",
          socialWorkerName: "Sam Worker",
          socialWorkerAgreedOn: today,
        },
      },
    });
    expect(begun.status, begun.text).toBe(201);
    const v2 = (await call("GET", `/api/matches/${matchId}`, coordinator)).json.version;
    const end = { version: v2, end: { endedOn: today, afterwards: "return_to_waiting_list" } };
    const early = await call("POST", `/api/matches/${matchId}/end`, { ...coordinator, body: end });
    expect([early.status, early.json.error?.message]).toEqual([409, "Hold the closure review before the match ends"]);
    expect(
      (await call("POST", `/api/matches/${matchId}/reviews`, { ...coordinator, body: review(today, "closure") }))
        .status,
    ).toBe(201);
    const ended = await call("POST", `/api/matches/${matchId}/end`, { ...coordinator, body: end });
    expect(ended.status, ended.text).toBe(200);
    const m = await call("GET", `/api/matches/${matchId}`, coordinator);
    expect(m.json.stage).toBe("ended");
    const referral = await call("GET", `/api/referrals/${m.json.referralId}`, coordinator);
    expect(referral.json.status).toBe("waiting_for_match");
  });
});
