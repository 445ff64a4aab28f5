import { randomUUID } from "node:crypto";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import {
  hashLinkToken,
  keys,
  matchEntity,
  matchReportFacts,
  matchSummaryOps,
  reviewScheduleEntity,
  type StoredMatch,
  withNextReview,
} from "@tandem/data";
import { addDays, addMonths, type TenantPolicy } from "@tandem/domain";
import { TABLE_NAME } from "@tandem/local";
import { beforeAll, describe, expect, it } from "vitest";
import { call, users } from "../support/client.js";
import { linkIn, textOf, waitForMail } from "../support/mailbox.js";
import { policyOf, putWithSummaries, seedApprovedVolunteer, seedWaitingChild } from "../support/matching.js";
import { storedItems } from "../support/table.js";
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

interface MatchOptions {
  daysAgo?: number;
  dateOfBirth?: string;
  childName?: string;
  /** An existing volunteer's id (the demo volunteer, who can sign in), instead of a new one. */
  volunteerId?: string;
  /** Without its review schedule, as matches that became active before reviews were scheduled. */
  scheduled?: boolean;
  /** Ratified with an approved, shared risk assessment, to be activated through the API (no schedule yet). */
  ratified?: boolean;
  /** The referral's: a care leaver of this date of birth, with the flags raised on arrival. */
  careLeaver?: { bornOn: string; flags: { code: "care_leaver_must_be_vulnerable"; reason: string }[] };
}

async function activeMatch(volunteerEmail: string, socialWorker: string, opts: MatchOptions = {}): Promise<string> {
  const { daysAgo = 60, dateOfBirth = "2012-03-01", childName = "Mika", scheduled = true } = opts;
  const referralId = await seedWaitingChild("riverford", {
    referrerEmail: socialWorker,
    ...(opts.careLeaver ? { careLeaverBornOn: opts.careLeaver.bornOn, flags: opts.careLeaver.flags } : {}),
  });
  const volunteerId = opts.volunteerId ?? (await seedApprovedVolunteer("riverford", policy, { email: volunteerEmail }));
  const matchId = randomUUID();
  const activatedOn = addDays(today, -daysAgo);
  const m: StoredMatch = {
    matchId,
    referralId,
    volunteerId,
    stage: opts.ratified ? "ratified" : "active",
    stageSince: activatedOn,
    stageDates: opts.ratified
      ? { proposed: addDays(activatedOn, -30), ratified: activatedOn }
      : { proposed: addDays(activatedOn, -30), active: activatedOn },
    proposedAt: new Date().toISOString(),
    activatedAt: opts.ratified ? null : new Date().toISOString(),
    child: { firstName: childName, dateOfBirth },
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
    riskAssessment: opts.ratified
      ? {
          activities: [{ activity: "Swimming", risk: "low", controls: "Lifeguarded pool" }],
          delegatedAuthority: { name: "Pat Carer", role: "foster carer" },
          sharedWithDelegatedAuthorityOn: activatedOn,
          recordedBy: { personId: "p", name: "Cy" },
          recordedOn: activatedOn,
          approvedBy: { personId: "p", name: "Cy" },
        }
      : null,
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
      label: `${childName} and Robin`,
      childDateOfBirth: m.child.dateOfBirth,
      vulnerableCareLeaver: false,
      version: 1,
    },
    [],
    policy,
  );
  const items = [
    matchEntity.item("riverford", m),
    ...(scheduled && !opts.ratified ? [reviewScheduleEntity.item("riverford", entry)] : []),
  ];
  // With the reporting summaries matching's activation keeps (ADR 16).
  await putWithSummaries(
    "riverford",
    items,
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
    // Why it is due, in the council's own number (its policy), not "months after the last one".
    const council = (await call("GET", "/api/tenant", coordinator)).json as {
      policy: { matches: { reviewEveryMonths: number } };
    };
    const months = council.policy.matches.reviewEveryMonths;
    expect((shown.json.next as { why: string }).why).toBe(
      months === 1 ? "A formal review every month" : `A formal review every ${months} months`,
    );
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
    expect((await call("POST", `/api/public/tenants/eastmere/feedback/${iro}`, { body: answer })).status).toBe(404);
    // The social worker's link runs out: its last day moved to yesterday, as the calendar would.
    const sw = await token(emails[1] as string);
    await storedItems().send(
      new UpdateCommand({
        TableName: TABLE_NAME,
        Key: keys.feedbackLink("riverford", hashLinkToken(sw)),
        UpdateExpression: "SET expiresOn = :d",
        ExpressionAttributeValues: { ":d": addDays(today, -1) },
      }),
    );
    const expired = await call("POST", `/api/public/tenants/riverford/feedback/${sw}`, { body: answer });
    expect([expired.status, (await call("GET", `/api/public/tenants/riverford/feedback/${sw}`)).status]).toEqual([
      410, 410,
    ]);
    const volunteer = await token(emails[3] as string);
    const concern = {
      answers: { howItIsGoing: "not_sure", concerns: "yes", concernDetails: "Visits often cut short" },
    };
    expect((await call("POST", `/api/public/tenants/riverford/feedback/${volunteer}`, { body: concern })).status).toBe(
      200,
    );
    const shown = await call("GET", `/api/matches/${matchId}/reviews`, coordinator);
    const answered = (shown.json.feedback as { respondent: string; answeredOn: string | null }[]).filter(
      (f) => f.answeredOn !== null,
    );
    expect(answered.map((f) => f.respondent).sort()).toEqual(["carer", "volunteer"]);
    expect(JSON.stringify(shown.json.feedback)).toContain("Visits often cut short");
  });
});

describe("endings", () => {
  const run = randomUUID().slice(0, 8);

  it("an immediate ending sends the formal letter to everyone involved and refuses a later review", async () => {
    const volunteer = `robin-end-${run}@example.net`;
    const socialWorker = `sw-end-${run}@council.example`;
    const matchId = await activeMatch(volunteer, socialWorker);
    const carer = `carer-end-${run}@example.org`;
    const m = await call("GET", `/api/matches/${matchId}`, coordinator);
    const body = {
      version: m.json.version,
      ending: { kind: "immediate", reason: "breach", details: "Contact on social media", conversationHeldOn: today },
      alsoTell: [carer],
    };
    const begun = await call("POST", `/api/matches/${matchId}/ending`, { ...coordinator, body });
    expect(begun.status, begun.text).toBe(201);
    // Leicestershire: "a formal letter will be sent out to all involved": the child's social worker too.
    for (const to of [volunteer, socialWorker, carer])
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

/** A planned ending as the tests above: closure review, then the end with `afterwards`. */
async function plannedEndingThenEnd(matchId: string, afterwards: string) {
  const v1 = (await call("GET", `/api/matches/${matchId}`, coordinator)).json.version;
  const begun = await call("POST", `/api/matches/${matchId}/ending`, {
    ...coordinator,
    body: {
      version: v1,
      ending: {
        kind: "planned",
        reason: "reached_end_age",
        plan: "A last trip and a goodbye card",
        socialWorkerName: "Sam Worker",
        socialWorkerAgreedOn: today,
      },
    },
  });
  expect(begun.status, begun.text).toBe(201);
  const closure = await call("POST", `/api/matches/${matchId}/reviews`, {
    ...coordinator,
    body: review(today, "closure"),
  });
  expect(closure.status, closure.text).toBe(201);
  const v2 = (await call("GET", `/api/matches/${matchId}`, coordinator)).json.version;
  return call("POST", `/api/matches/${matchId}/end`, {
    ...coordinator,
    body: { version: v2, end: { endedOn: today, afterwards } },
  });
}

describe("after the ending, and visits", () => {
  const run = randomUUID().slice(0, 8);
  const volunteer = { as: users.riverfordVolunteer, tenant: "riverford" };

  it("an ending that closes the referral: the referral is closed and listed with the closed ones", async () => {
    const matchId = await activeMatch(`robin-c-${run}@example.net`, `sw-c-${run}@council.example`);
    const ended = await plannedEndingThenEnd(matchId, "close_referral");
    expect(ended.status, ended.text).toBe(200);
    const referralId = (await call("GET", `/api/matches/${matchId}`, coordinator)).json.referralId;
    const referral = await call("GET", `/api/referrals/${referralId}`, coordinator);
    expect(referral.json.status).toBe("closed");
    const closed = await call("GET", "/api/referrals?status=closed&limit=100", coordinator);
    expect(closed.status, closed.text).toBe(200);
    expect(JSON.stringify(closed.json.items)).toContain(referralId);
  });

  it("an immediate ending refuses a later visit record, with the reason", async () => {
    const me = await call("GET", "/api/volunteers/me", volunteer);
    expect(me.status, me.text).toBe(200);
    const matchId = await activeMatch("", `sw-v-${run}@council.example`, { volunteerId: String(me.json.id) });
    const planned = await call("POST", `/api/matches/${matchId}/visits`, {
      ...volunteer,
      body: {
        on: today,
        startsAt: "00:00",
        endsAt: "00:30",
        activity: "Park and playground",
        place: "Riverford Park",
        namedPerson: { name: "Sam Friend" },
      },
    });
    expect(planned.status, planned.text).toBe(201);
    const m = await call("GET", `/api/matches/${matchId}`, coordinator);
    const begun = await call("POST", `/api/matches/${matchId}/ending`, {
      ...coordinator,
      body: {
        version: m.json.version,
        ending: { kind: "immediate", reason: "safeguarding", details: "A disclosure", conversationHeldOn: today },
        alsoTell: [`carer-v-${run}@example.org`],
      },
    });
    expect(begun.status, begun.text).toBe(201);
    const late = await call("POST", `/api/matches/${matchId}/visits/${planned.json.id}/record`, {
      ...volunteer,
      body: { record: { minutes: 30, whatWeDid: "Swings", howItWent: "well" }, version: planned.json.version },
    });
    expect([late.status, late.json.error?.message]).toEqual([
      409,
      "This match was ended immediately: visits have stopped",
    ]);
  });
});

describe("end-age alerts, the vulnerable care leaver flag, match health and the backfill", () => {
  const run = randomUUID().slice(0, 8);

  it("alerts 3 months before the end age on the match and in the coordinators' list, e-mailed once", async () => {
    // The young person reaches the council's end age in about two months.
    const dateOfBirth = addMonths(addDays(today, 60), -policy.matches.supportEndsAtAge * 12);
    const childName = `Zed${run.replace(/[^a-z]/g, "")}`;
    const matchId = await activeMatch(`robin-a-${run}@example.net`, `sw-a-${run}@council.example`, {
      dateOfBirth,
      childName,
    });
    const shown = await call("GET", `/api/matches/${matchId}/reviews`, coordinator);
    expect((shown.json.endAgeAlert as { words: string } | null)?.words).toMatch(
      new RegExp(`ends at ${policy.matches.supportEndsAtAge}.*3 months`),
    );
    expect(shown.json.endAge).toBe(policy.matches.supportEndsAtAge);

    const first = await call("POST", "/api/reviews/reminders/run", { ...coordinator, body: {} });
    expect(first.status, first.text).toBe(200);
    expect(first.json.endAgeAlerts).toBeGreaterThanOrEqual(1);
    expect(
      textOf(await waitForMail(users.riverfordCoordinator, new RegExp(`Support ends soon: ${childName}`))),
    ).toContain("3 months");
    const again = await call("POST", "/api/reviews/reminders/run", { ...coordinator, body: {} });
    expect(again.json.endAgeAlerts).toBe(0);
    expect(again.json.alreadySent).toBeGreaterThanOrEqual(1);
    const listed = await call("GET", "/api/reviews/end-age-alerts?limit=100", manager);
    expect(listed.status, listed.text).toBe(200);
    expect((listed.json.items as { matchId: string }[]).map((a) => a.matchId)).toContain(matchId);

    // The flag moves the end age only where the policy supports vulnerable care leavers longer.
    const flagged = await call("PUT", `/api/matches/${matchId}/vulnerable-care-leaver`, {
      ...coordinator,
      body: { vulnerableCareLeaver: true },
    });
    expect(flagged.status, flagged.text).toBe(200);
    const higher = policy.referrals.careLeavers.vulnerableUpToAge ?? 0;
    expect(flagged.json.endAge).toBe(Math.max(higher, policy.matches.supportEndsAtAge));
    expect(
      (
        await call("PUT", `/api/matches/${matchId}/vulnerable-care-leaver`, {
          ...manager,
          body: { vulnerableCareLeaver: false },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call("PUT", `/api/matches/${matchId}/vulnerable-care-leaver`, {
          ...otherCouncil,
          body: { vulnerableCareLeaver: true },
        })
      ).status,
    ).toBe(404);

    // Once the ending begins the alert leaves the list.
    const m = await call("GET", `/api/matches/${matchId}`, coordinator);
    const begun = await call("POST", `/api/matches/${matchId}/ending`, {
      ...coordinator,
      body: {
        version: m.json.version,
        ending: {
          kind: "planned",
          reason: "reached_end_age",
          plan: "A goodbye meal",
          socialWorkerName: "Sam Worker",
          socialWorkerAgreedOn: today,
        },
      },
    });
    expect(begun.status, begun.text).toBe(201);
    const after = await call("GET", "/api/reviews/end-age-alerts?limit=100", coordinator);
    expect((after.json.items as { matchId: string }[]).map((a) => a.matchId)).not.toContain(matchId);
  });

  it("activates a care leaver referred past 21 (flagged: must be vulnerable) as a vulnerable care leaver, to 25", async () => {
    // Riverford works to Leeds: "care leavers up to the age of 21, and up to age 25 for vulnerable care leavers".
    const vulnerableAge = policy.referrals.careLeavers.vulnerableUpToAge;
    expect(vulnerableAge).toBe(25);
    const bornOn = addMonths(today, -22 * 12);
    const flag = {
      code: "care_leaver_must_be_vulnerable" as const,
      reason: "The young person is 22; the referral should say why they are vulnerable",
    };
    const activate = async (matchId: string) => {
      const m = await call("GET", `/api/matches/${matchId}`, coordinator);
      return call("POST", `/api/matches/${matchId}/actions`, {
        ...coordinator,
        body: { action: "activate", record: { on: today }, version: m.json.version },
      });
    };
    const flagged = await activeMatch(`robin-v-${run}@example.net`, `sw-v-${run}@council.example`, {
      ratified: true,
      dateOfBirth: bornOn,
      careLeaver: { bornOn, flags: [flag] },
    });
    const active = await activate(flagged);
    expect(active.status, active.text).toBe(200);
    const shown = await call("GET", `/api/matches/${flagged}/reviews`, coordinator);
    expect(shown.status, shown.text).toBe(200);
    expect(shown.json).toMatchObject({ vulnerableCareLeaver: true, endAge: 25 });
    expect(shown.json.endAgeAlert).toBeNull();

    // A care leaver of 20, referred without the flag: the usual end age until a coordinator marks them.
    const younger = addMonths(today, -20 * 12);
    const plain = await activeMatch(`robin-w-${run}@example.net`, `sw-w-${run}@council.example`, {
      ratified: true,
      dateOfBirth: younger,
      careLeaver: { bornOn: younger, flags: [] },
    });
    expect((await activate(plain)).status).toBe(200);
    const plainShown = await call("GET", `/api/matches/${plain}/reviews`, coordinator);
    expect(plainShown.json).toMatchObject({ vulnerableCareLeaver: false, endAge: policy.matches.supportEndsAtAge });
  });

  it("lists active matches by health, at risk first, each with its reasons", async () => {
    const matchId = await activeMatch(`robin-h-${run}@example.net`, `sw-h-${run}@council.example`, { daysAgo: 120 });
    const res = await call("GET", "/api/reviews/health", manager);
    expect(res.status, res.text).toBe(200);
    const items = res.json.items as { matchId: string; health: string; reasons: { words: string }[] }[];
    const mine = items.find((i) => i.matchId === matchId);
    expect(mine?.health).toBe("at_risk");
    expect(mine?.reasons.map((r) => r.words).join(" ")).toMatch(/No visit in the 120 days since the match started/);
    const rank = { at_risk: 0, needs_check_in: 1, on_track: 2 } as Record<string, number>;
    const ranks = items.map((i) => rank[i.health] ?? 3);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("counts the concerns raised about a match and not yet acknowledged among its reasons", async () => {
    const matchId = await activeMatch(`robin-k-${run}@example.net`, `sw-k-${run}@council.example`, { daysAgo: 3 });
    const reasonsOf = async () => {
      const res = await call("GET", "/api/reviews/health", manager);
      expect(res.status, res.text).toBe(200);
      const items = res.json.items as { matchId: string; health: string; reasons: { words: string }[] }[];
      const line = items.find((i) => i.matchId === matchId);
      return { health: line?.health, words: line?.reasons.map((r) => r.words) ?? [] };
    };
    expect(await reasonsOf()).toEqual({ health: "on_track", words: [] });
    const raised = await call("POST", "/api/concerns", {
      ...coordinator,
      body: {
        type: "safeguarding_concern",
        whatHappened: "Said something worrying at the park",
        happenedAt: new Date().toISOString(),
        whoWasTold: "The foster carer",
        matchId,
      },
    });
    expect(raised.status, raised.text).toBe(201);
    expect(await reasonsOf()).toEqual({ health: "at_risk", words: ["A safeguarding concern is open"] });
    const ack = await call("POST", `/api/concerns/${raised.json.id}/acknowledge`, {
      ...coordinator,
      body: { version: raised.json.version },
    });
    expect(ack.status, ack.text).toBe(200);
    expect(await reasonsOf()).toEqual({ health: "on_track", words: [] });
    // Seven calls, each listing every active match of the council: longer than the default on a shared machine.
  }, 120_000);

  it("gives an active match that predates reviews its schedule, once", async () => {
    const matchId = await activeMatch(`robin-b-${run}@example.net`, `sw-b-${run}@council.example`, {
      scheduled: false,
    });
    expect((await call("GET", `/api/matches/${matchId}/reviews`, coordinator)).json.next).toBeNull();
    expect((await call("POST", "/api/reviews/schedules/backfill", { ...manager, body: {} })).status).toBe(403);
    const first = await call("POST", "/api/reviews/schedules/backfill", { ...coordinator, body: {} });
    expect(first.status, first.text).toBe(200);
    expect(first.json.scheduled).toBeGreaterThanOrEqual(1);
    const next = (await call("GET", `/api/matches/${matchId}/reviews`, coordinator)).json.next as {
      dueOn: string;
    } | null;
    expect(next?.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const second = await call("POST", "/api/reviews/schedules/backfill", { ...coordinator, body: {} });
    expect(second.json.scheduled).toBe(0);
  });
});
