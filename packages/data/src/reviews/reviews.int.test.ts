import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { addDays, todayInLondon } from "@tandem/domain/calendar";
import { findPreset } from "@tandem/domain/presets";
import type { ReviewRecord } from "@tandem/domain/reviews";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Database } from "../database.js";
import { Problem } from "../errors.js";
import { TenantContext } from "../tenant-context.js";
import type { TenantTable } from "../tenant-table.js";
import { beginEnding, endMatch, visitRefusal } from "./endings.js";
import { exampleMatchFacts } from "./example-records.js";
import { getFeedbackForm, listFeedback, requestFeedback, sendFeedbackReminders, submitFeedback } from "./feedback.js";
import type { MatchFacts } from "./match-facts.js";
import { runReviewReminders } from "./reminders.js";
import { listReviews, recordReview } from "./reviews.js";
import { dueReviews, loadReviewSchedule, noteFirstVisit, scheduleOpsOnActivation } from "./schedule.js";

/**
 * Reviews, feedback links and endings against DynamoDB Local, with their own match facts (matching's
 * match record is passed in by the API): the clock is moved by passing `now`, nothing is mocked.
 */
const TABLE = "tandem";
const DAY = 86_400_000;
const preset = findPreset("any-age-40-per-visit")?.policy;
if (!preset) throw new Error("preset missing");
const policy = structuredClone(preset);
const links = { publicBaseUrl: "http://localhost", slug: "riverford", tenantName: "Riverford City Council" };

let client: DynamoDBDocumentClient;
let coordinator: TenantTable;
let publicRiverford: TenantTable;
let publicEastmere: TenantTable;

function stackPort(offset: number): number {
  const url = new URL((inject as (k: string) => { url: string })("stack").url);
  return Number(url.port) + offset;
}

async function mailTo(to: string, subject: RegExp): Promise<{ subject: string; body: { text?: string } }> {
  for (let i = 0; i < 150; i++) {
    const res = await fetch(`http://127.0.0.1:${stackPort(5)}/store`);
    const all = (
      (await res.json()) as { emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[] }
    ).emails;
    const found = all.filter((m) => m.destination.to.includes(to) && subject.test(m.subject)).at(-1);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no e-mail to ${to} matching ${subject}`);
}

const tokenIn = (text: string | undefined) => {
  const t = /\/riverford\/feedback\/([A-Za-z0-9_-]{43})/.exec(text ?? "")?.[1];
  if (!t) throw new Error("no feedback link");
  return t;
};

async function refusal(p: Promise<unknown>): Promise<Problem> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Problem);
  return e as Problem;
}

beforeAll(async () => {
  client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: `http://127.0.0.1:${stackPort(1)}`,
      region: "eu-west-2",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    }),
  );
  const db = new Database(
    TABLE,
    async () => client,
    async () => client,
  );
  coordinator = db.forTenant(
    TenantContext.fromVerifiedMembership(
      { personId: "test-coordinator", email: "coordinator@riverford.example", name: "Test Coordinator" },
      { tenantId: "riverford", roles: ["coordinator"] },
      "reviews-int",
    ),
  );
  publicRiverford = db.forTenant(TenantContext.forPublicForm("riverford", "reviews-int"));
  publicEastmere = db.forTenant(TenantContext.forPublicForm("eastmere", "reviews-int"));
});

afterAll(() => client.destroy());

const today = todayInLondon();

/** A match active since `daysAgo`, with its schedules started as matching's activation would. */
async function activeMatch(daysAgo = 60, over: Partial<MatchFacts> = {}): Promise<MatchFacts> {
  const match = exampleMatchFacts({
    id: `m-${randomUUID().slice(0, 8)}`,
    volunteerId: `v-${randomUUID().slice(0, 8)}`,
    activatedOn: addDays(today, -daysAgo),
    ...over,
  });
  const ops = await scheduleOpsOnActivation(
    coordinator,
    { ...match, activatedOn: match.activatedOn ?? today },
    policy,
    {
      volunteerLabel: "Robin",
      childDateOfBirth: addDays(today, -(21 * 365 + 5) + 60),
      vulnerableCareLeaver: false,
    },
  );
  await coordinator.transact(ops);
  return match;
}

const review = (heldOn: string): ReviewRecord => ({
  kind: "first_formal",
  heldOn,
  childSeenBy: "call",
  participants: [{ name: "Mika", role: "child" }],
  childsView: "I want to keep going to the park with Robin",
  outcome: "continue",
});

describe("the review schedule", () => {
  it("puts a new match's first formal review six weeks on, and moves it after the review", async () => {
    const match = await activeMatch(60);
    const entry = await loadReviewSchedule(coordinator, match.id);
    expect(entry).toMatchObject({ kind: "first_formal", dueOn: addDays(match.activatedOn ?? "", 42) });
    await coordinator.transact(await noteFirstVisit(coordinator, match.id, addDays(today, -55), policy));
    expect(await loadReviewSchedule(coordinator, match.id)).toMatchObject({ kind: "informal" });
    await recordReview(coordinator, match, { ...review(addDays(today, -50)), kind: "informal" }, policy);
    await recordReview(coordinator, match, review(addDays(today, -10)), policy);
    expect(await loadReviewSchedule(coordinator, match.id)).toMatchObject({
      kind: "formal",
      rule: "formalEveryMonths",
    });
    const reviews = await listReviews(coordinator, match.id);
    expect(reviews.map((r) => r.record.childsView)).toContain("I want to keep going to the park with Robin");
  });

  it("lists overdue reviews first, a page at a time, in one Query per page", async () => {
    const overdue = await activeMatch(50);
    const before = coordinator.meter.readUnits;
    const page = await dueReviews(coordinator, { limit: 25 });
    expect(coordinator.meter.readUnits - before).toBeLessThanOrEqual(25 * 0.5 + 0.5);
    const mine = page.items.find((i) => i.entry.matchId === overdue.id);
    expect(mine?.state).toBe("overdue");
    const states = page.items.map((i) => i.state);
    expect(states.indexOf("due") === -1 || states.lastIndexOf("overdue") < states.indexOf("due")).toBe(true);
  });

  it.each([
    ["ended", "Reviews are held on an active match; this match is ended"],
    ["ratified", "Reviews are held on an active match; this match is ratified"],
  ] as const)("refuses a review on a match that is %s with 409", async (stage, message) => {
    const match = await activeMatch(60);
    const p = await refusal(recordReview(coordinator, { ...match, stage }, review(today), policy));
    expect([p.code, p.message]).toEqual(["conflict", message]);
  });

  it("refuses a review dated before the match started", async () => {
    const match = await activeMatch(10);
    const p = await refusal(recordReview(coordinator, match, review(addDays(today, -11)), policy));
    expect(p.code).toBe("validation_failed");
    expect(p.fields?.[0]?.message).toBe("The review date must be on or after the day the match started");
  });
});

describe("feedback links", () => {
  it("works once, expires, reminds, and is not found under another council's address", async () => {
    const match = await activeMatch(60);
    const tag = randomUUID().slice(0, 8);
    const carer = `carer-${tag}@example.org`;
    const sw = `sw-${tag}@example.org`;
    const iro = `iro-${tag}@example.org`;
    const volunteer = `vol-${tag}@example.org`;
    await requestFeedback(
      coordinator,
      match,
      [
        { respondent: "carer", name: "Pat", email: carer },
        { respondent: "social_worker", name: "Sam", email: sw },
        { respondent: "iro", name: "Ira", email: iro },
        { respondent: "volunteer", name: "Robin", email: volunteer },
        { respondent: "child", name: "Mika" },
      ],
      policy,
      links,
    );
    const carerToken = tokenIn((await mailTo(carer, /Feedback/)).body.text);
    expect(await getFeedbackForm(publicRiverford, carerToken)).toMatchObject({ form: "adult" });
    await submitFeedback(publicRiverford, carerToken, { howItIsGoing: "very_well", concerns: "no" });
    // Reused: gone.
    expect(
      (await refusal(submitFeedback(publicRiverford, carerToken, { howItIsGoing: "well", concerns: "no" }))).code,
    ).toBe("gone");
    // Expired: gone, and nothing written.
    const swToken = tokenIn((await mailTo(sw, /Feedback/)).body.text);
    const later = new Date(Date.now() + 40 * DAY);
    expect(
      (await refusal(submitFeedback(publicRiverford, swToken, { howItIsGoing: "well", concerns: "no" }, later))).code,
    ).toBe("gone");
    // Under another council's address: not found, exactly as a made-up link.
    const iroToken = tokenIn((await mailTo(iro, /Feedback/)).body.text);
    const cross = await refusal(getFeedbackForm(publicEastmere, iroToken));
    const madeUp = await refusal(getFeedbackForm(publicRiverford, "x".repeat(43)));
    expect([cross.code, cross.message]).toEqual([madeUp.code, madeUp.message]);
    expect(cross.code).toBe("not_found");
    // Bad answers: refused with the field, the link still works.
    const bad = await refusal(submitFeedback(publicRiverford, iroToken, { howItIsGoing: "well", concerns: "yes" }));
    expect(bad.fields?.[0]).toEqual({ path: "concernDetails", message: "Tell us about your concern" });
    await submitFeedback(publicRiverford, iroToken, {
      howItIsGoing: "well",
      concerns: "yes",
      concernDetails: "Late twice",
    });
    // A reminder a week on, to those who have not answered: a new link, the old one spent.
    const volToken = tokenIn((await mailTo(volunteer, /Feedback/)).body.text);
    const week = new Date(Date.now() + 8 * DAY);
    const { sent } = await sendFeedbackReminders(coordinator, links, week);
    expect(sent).toBeGreaterThanOrEqual(2);
    expect((await sendFeedbackReminders(coordinator, links, week)).sent).toBe(0);
    expect((await refusal(getFeedbackForm(publicRiverford, volToken, week))).code).toBe("gone");
    const reminded = tokenIn((await mailTo(volunteer, /Reminder/)).body.text);
    await submitFeedback(publicRiverford, reminded, { howItIsGoing: "well", concerns: "no" }, week);
    const answers = await listFeedback(coordinator, match.id);
    expect(
      answers
        .filter((a) => a.answeredOn !== null)
        .map((a) => a.respondent)
        .sort(),
    ).toEqual(["carer", "iro", "volunteer"]);
    expect(answers.find((a) => a.respondent === "child")).toMatchObject({ email: null, answeredOn: null });
    expect(JSON.stringify(answers)).not.toContain("tokenHash");
  });
});

describe("endings", () => {
  it("an immediate ending sends the formal letter to all involved and refuses a later visit", async () => {
    const match = await activeMatch(90);
    const tag = randomUUID().slice(0, 8);
    const involved = [`v-${tag}@example.org`, `sw-${tag}@example.org`, `carer-${tag}@example.org`];
    await beginEnding(
      coordinator,
      match,
      { kind: "immediate", reason: "breach", details: "Messaged on social media", conversationHeldOn: today },
      policy,
      links,
      involved,
    );
    for (const to of involved) expect((await mailTo(to, /has ended/)).body.text).toContain("Visits have stopped");
    const p = await visitRefusal(coordinator, { id: match.id, stage: "ending" });
    expect(p?.message).toBe("This match was ended immediately: visits have stopped");
    // A second ending is refused: by the match's stage, and by the stored ending should two race.
    const again = { kind: "immediate", reason: "breach", details: "x", conversationHeldOn: today } as const;
    const byStage = await refusal(
      beginEnding(coordinator, { ...match, stage: "ending" }, again, policy, links, involved),
    );
    expect([byStage.code, byStage.message]).toEqual([
      "conflict",
      "An ending begins on an active match; this match is ending",
    ]);
    const raced = await refusal(beginEnding(coordinator, match, again, policy, links, involved));
    expect([raced.code, raced.message]).toEqual(["already_exists", "This match's ending has already begun"]);
    // And no review other than the closure one.
    const p2 = await refusal(recordReview(coordinator, { ...match, stage: "ending" }, review(today), policy));
    expect(p2.code).toBe("conflict");
  });

  it("a planned ending needs the closure review before the end, then the referral's next step is chosen", async () => {
    const match = await activeMatch(120);
    await beginEnding(
      coordinator,
      match,
      {
        kind: "planned",
        reason: "moving_away",
        plan: "A last trip to the zoo and a goodbye card",
        socialWorkerName: "Sam Worker",
        socialWorkerAgreedOn: today,
      },
      policy,
      links,
      [],
    );
    const ending = { ...match, stage: "ending" as const };
    expect(await loadReviewSchedule(coordinator, match.id)).toMatchObject({ kind: "closure", dueOn: today });
    expect(await visitRefusal(coordinator, ending)).toBeNull();
    const end = { endedOn: today, afterwards: "return_to_waiting_list" } as const;
    const blocked = await refusal(endMatch(coordinator, ending, end, policy));
    expect([blocked.code, blocked.message]).toEqual(["conflict", "Hold the closure review before the match ends"]);
    await recordReview(coordinator, ending, { ...review(today), kind: "closure" }, policy);
    const ended = await endMatch(coordinator, ending, end, policy);
    expect(ended.end?.afterwards).toBe("return_to_waiting_list");
    expect(await loadReviewSchedule(coordinator, match.id)).toMatchObject({ dueOn: null });
    expect((await refusal(endMatch(coordinator, { ...match, stage: "ended" }, end, policy))).code).toBe("conflict");
  });
});

describe("the daily run", () => {
  it("alerts the coordinators once as the young person nears 21", async () => {
    await activeMatch(60, { label: `Alerted ${randomUUID().slice(0, 6)}` });
    const first = await runReviewReminders(coordinator, policy, links);
    expect(first.endAgeAlerts).toBeGreaterThanOrEqual(1);
    const again = await runReviewReminders(coordinator, policy, links);
    expect(again.endAgeAlerts).toBe(0);
  });
});
