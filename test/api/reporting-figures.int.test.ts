import { randomUUID } from "node:crypto";
import {
  claimEntity,
  claimSummaryOps,
  concernEntity,
  concernSummaryOps,
  type DashboardScope,
  endingEntity,
  exampleReferral,
  exampleVolunteer,
  type Item,
  loadDashboard,
  matchEntity,
  matchReportFacts,
  matchSummaryOps,
  type ReferralRecord,
  rebuildSummaries,
  recordLookedAfterCount,
  referralItem,
  referralSummaryOps,
  reviewScheduleEntity,
  type StoredClaim,
  type StoredConcern,
  type StoredEnding,
  type StoredMatch,
  type StoredVisit,
  type StoredVolunteer,
  storedSummaries,
  summariesFromRecords,
  supervisionScheduleEntity,
  TenantContext,
  TenantTable,
  visitEntity,
  visitSummaryEntity,
  visitSummaryOps,
  volunteerItem,
  volunteerSummaryOps,
  type WriteOp,
} from "@tandem/data";
import { findPreset } from "@tandem/domain/presets";
import type { Dashboard } from "@tandem/domain/reporting";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { TABLE_NAME } from "@tandem/local";
import { beforeAll, describe, expect, it } from "vitest";
import { storedItems } from "../support/table.js";

/**
 * Issue 16's acceptance: a council of its own (nobody else writes to it) with a known history of
 * referrals, waits, volunteers, matches, endings, visits, claims and concerns, every record written
 * with the summary ops its real write adds (claims and concerns step by step, as they move). Every
 * figure of the dashboard for May 2026 (against April), the council's and each coordinator's
 * caseload, is checked against answers worked out by hand below; then a rebuild from the records
 * gives the same summaries and the same dashboard.
 */

const tenantId = `figs-${randomUUID().slice(0, 8)}`;
const TODAY = "2026-06-15";
const MAY = { kind: "month" as const, from: "2026-05-01", to: "2026-05-31" };
const ANN = { personId: "p-ann", name: "Ann Coordinator" };
const BEN = { personId: "p-ben", name: "Ben Coordinator" };

const base = findPreset("any-age-40-per-visit")?.policy;
if (!base) throw new Error("preset missing");
const policy: TenantPolicy = {
  ...base,
  visits: { ...base.visits, minimumFrequency: "fortnightly" },
  expenses: { ...base.expenses, monthlyBudget: { amountPence: 5000, canBeSavedUp: false, maxSavedMonths: 0 } },
};

let table: TenantTable;
const write = (ops: WriteOp[]) => table.transact(ops);
const put = (item: Item): WriteOp => ({ kind: "put", item, expect: "any" });
const at = (day: string, time = "10:00") => `${day}T${time}:00.000Z`;
const by = { personId: "p-seed", name: "Seed" };

// --- Referrals: R1 waiting since March; R2 declined late in May; R3 accepted on time and matched in May; R4 new.
function referral(ref: string, receivedOn: string, respondBy: string, steps: [string, string, string, string][]) {
  const history = steps.map(([day, action, from, to]) => ({ at: at(day), action, by, from, to }));
  return exampleReferral({
    reference: ref,
    receivedOn,
    receivedAt: at(receivedOn),
    respondBy,
    status: (history.at(-1)?.to ?? "submitted") as ReferralRecord["status"],
    history: history as ReferralRecord["history"],
  });
}

const exampleEnding = (over: Partial<StoredEnding> & { matchId: string; beganOn: string }): StoredEnding => ({
  begin: {
    kind: "planned",
    reason: "moving_away",
    plan: "A last outing together, then a goodbye card",
    socialWorkerName: "Sam Worker",
    socialWorkerAgreedOn: over.beganOn,
  },
  begun: { byName: "Seed", byPersonId: "p-seed", at: at(over.beganOn) },
  end: null,
  ended: null,
  version: 1,
  ...over,
});

// --- Matches: M1 (Ann) active since February; M2 (Ann) March to 10 May, moving away; M3 (Ben) from 20 May;
// M4 (Ben) 10 to 25 April, the child's wish.
function match(id: string, owner: typeof ANN, volunteerId: string, activatedOn: string): StoredMatch {
  return {
    matchId: id,
    referralId: `REF-${id}`,
    volunteerId,
    stage: "active",
    stageSince: activatedOn,
    stageDates: { proposed: activatedOn, active: activatedOn },
    proposedAt: at(activatedOn),
    activatedAt: at(activatedOn),
    child: { firstName: "Kit", dateOfBirth: "2014-02-02" },
    volunteer: { firstName: "Lee" },
    proposal: { by: owner, score: 0, rank: 1, whyThisVolunteer: null, overridden: [], overrideReason: null },
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
}

async function seedMatch(m: StoredMatch, owner: typeof ANN, ended?: { on: string; ending: StoredEnding }) {
  await write([
    put(matchEntity.item(tenantId, m)),
    ...matchSummaryOps(tenantId, owner.personId, null, matchReportFacts(m, null)),
  ]);
  if (!ended) return;
  const begun = ended.ending;
  const done: StoredEnding = {
    ...begun,
    end: { endedOn: ended.on, afterwards: "close_referral" },
    ended: { byName: "Seed", byPersonId: "p-seed", at: at(ended.on) },
  };
  const closed: StoredMatch = {
    ...m,
    stage: "ended",
    stageSince: ended.on,
    stageDates: { ...m.stageDates, ended: ended.on },
  };
  await write([
    put(matchEntity.item(tenantId, closed)),
    put(endingEntity.item(tenantId, done)),
    ...matchSummaryOps(
      tenantId,
      owner.personId,
      matchReportFacts({ ...m, stage: "ending" }, begun),
      matchReportFacts(closed, done),
    ),
  ]);
}

function visit(matchId: string, on: string, recorded = true): StoredVisit {
  return {
    matchId,
    id: randomUUID(),
    volunteerId: "vol",
    volunteerName: "Lee",
    status: recorded ? "recorded" : "planned",
    plan: { on, startsAt: "10:00", endsAt: "12:00", overnight: false, activity: "Park", place: "Town park" },
    approvalReason: null,
    decision: null,
    record: recorded ? { minutes: 120, whatWeDid: "Walked in the park", howItWent: "well" } : null,
    recordedAt: recorded ? at(on, "13:00") : null,
    cancellation: null,
    cancelledAt: null,
    homeSafeAt: null,
    claimedPence: 0,
    createdAt: at(on, "09:00"),
    version: 1,
  };
}

async function seedVisit(matchId: string, on: string, recorded = true) {
  const planned = visit(matchId, on, false);
  await write([put(visitEntity.item(tenantId, planned)), ...(await visitSummaryOps(table, null, planned))]);
  if (!recorded) return;
  const done = { ...visit(matchId, on, true), id: planned.id, version: 2 };
  await write([put(visitEntity.item(tenantId, done)), ...(await visitSummaryOps(table, planned, done))]);
}

async function seedClaim(
  matchId: string,
  month: string,
  pence: number,
  submittedOn: string,
  steps: [string, string][],
) {
  let claim: StoredClaim = {
    matchId,
    id: randomUUID(),
    reference: "EXP-TEST",
    volunteerId: "vol",
    visitId: null,
    month,
    spentOn: submittedOn,
    items: [],
    totalPence: pence,
    status: "submitted",
    overLimits: null,
    history: [{ at: at(submittedOn), by, status: "submitted" }],
    createdAt: at(submittedOn),
    paidAt: null,
    version: 1,
  };
  await write([put(claimEntity.item(tenantId, claim)), ...(await claimSummaryOps(table, null, claim))]);
  for (const [status, day] of steps) {
    const next: StoredClaim = {
      ...claim,
      status: status as StoredClaim["status"],
      history: [...claim.history, { at: at(day), by, status: status as StoredClaim["status"] }],
      ...(status === "paid" ? { paidAt: at(day) } : {}),
      version: claim.version + 1,
    };
    await write([put(claimEntity.item(tenantId, next)), ...(await claimSummaryOps(table, claim, next))]);
    claim = next;
  }
}

async function seedConcern(type: string, matchId: string | null, raisedAt: string, ackAt: string | null, minutes = 0) {
  const concern: StoredConcern = {
    id: randomUUID(),
    reference: "CON-TEST",
    report: { type: type as StoredConcern["report"]["type"], whatHappened: "Something happened", happenedAt: raisedAt },
    reporter: { ...by, roles: ["volunteer"] },
    matchId,
    submittedAt: raisedAt,
    addenda: [],
    actions: [],
    acknowledged: null,
    escalatedAt: null,
    version: 1,
  };
  await write([put(concernEntity.item(tenantId, concern)), ...(await concernSummaryOps(table, null, concern))]);
  if (!ackAt) return;
  const acked: StoredConcern = { ...concern, acknowledged: { at: ackAt, by, minutes }, version: 2 };
  await write([put(concernEntity.item(tenantId, acked)), ...(await concernSummaryOps(table, concern, acked))]);
}

function volunteer(
  id: string,
  appliedOn: string,
  stage: StoredVolunteer["stage"],
  since: string,
  extra: Partial<StoredVolunteer> = {},
) {
  return exampleVolunteer({
    id,
    reference: `V-${id}`,
    appliedAt: at(appliedOn),
    stage,
    stageSince: since,
    approvedOn: stage === "approved" ? since : null,
    ...extra,
  });
}

beforeAll(async () => {
  const ctx = TenantContext.fromVerifiedMembership(
    { personId: "p-manager", email: "manager@figures.example", name: "Figures manager" },
    { tenantId, roles: ["manager"] },
    "figures-int",
  );
  const client = storedItems();
  table = new TenantTable(TABLE_NAME, async () => client, ctx);

  const referrals = [
    referral("FIG-R1", "2026-03-10", "2026-03-24", [["2026-03-20", "accept", "under_review", "waiting_for_match"]]),
    referral("FIG-R2", "2026-04-05", "2026-04-19", [["2026-05-10", "decline", "under_review", "declined"]]),
    referral("FIG-R3", "2026-05-02", "2026-05-16", [
      ["2026-05-06", "accept", "under_review", "waiting_for_match"],
      ["2026-05-20", "match", "waiting_for_match", "matched"],
    ]),
    referral("FIG-R4", "2026-05-25", "2026-06-08", []),
  ];
  for (const r of referrals) await write([put(referralItem(tenantId, r)), ...referralSummaryOps(tenantId, null, r)]);

  const volunteers = [
    volunteer("fig-v1", "2026-04-20", "approved", "2026-05-15"),
    volunteer("fig-v2", "2026-05-03", "withdrawn", "2026-05-12", {
      approvedOn: null,
      history: [
        { at: at("2026-05-12"), action: "withdraw", by, from: "application", to: "withdrawn", reason: "Moving away" },
      ],
    }),
    volunteer("fig-v3", "2026-05-20", "application", "2026-05-20", { approvedOn: null }),
  ];
  for (const v of volunteers) await write([put(volunteerItem(tenantId, v)), ...volunteerSummaryOps(tenantId, null, v)]);

  await seedMatch(match("fig-m1", ANN, "vol-1", "2026-02-01"), ANN);
  await seedMatch(match("fig-m2", ANN, "vol-2", "2026-03-01"), ANN, {
    on: "2026-05-10",
    ending: exampleEnding({ matchId: "fig-m2", beganOn: "2026-05-01" }),
  });
  await seedMatch(match("fig-m3", BEN, "vol-3", "2026-05-20"), BEN);
  await seedMatch(match("fig-m4", BEN, "vol-4", "2026-04-10"), BEN, {
    on: "2026-04-25",
    ending: exampleEnding({
      matchId: "fig-m4",
      beganOn: "2026-04-20",
      begin: {
        kind: "unplanned",
        reason: "childs_wish",
        details: "Kit asked to stop",
        goodbye: "final_message",
        plan: "A card",
        socialWorkerName: "Sam Worker",
        socialWorkerAgreedOn: "2026-04-20",
      },
    }),
  });

  // What stands now for the active matches (M1, M3): their review and supervision entries and last visits.
  const review = (matchId: string, volunteerId: string, activatedOn: string, dueOn: string | null) =>
    put(
      reviewScheduleEntity.item(tenantId, {
        matchId,
        referralId: `REF-${matchId}`,
        volunteerId,
        activatedOn,
        firstVisitOn: null,
        endingBeganOn: null,
        kind: dueOn ? "six_monthly" : null,
        dueOn,
        rule: dueOn ? "six months after the last review" : null,
        label: "Kit and Lee",
        childDateOfBirth: null,
        vulnerableCareLeaver: false,
        version: 1,
      }),
    );
  const supervision = (volunteerId: string, matchId: string, start: string, dueOn: string) =>
    put(
      supervisionScheduleEntity.item(tenantId, {
        volunteerId,
        label: "Lee",
        matchStarts: { [matchId]: start },
        sessions: [],
        kind: "phone",
        dueOn,
        rule: "six weeks after the match started",
        version: 1,
      }),
    );
  await write([
    review("fig-m1", "vol-1", "2026-02-01", "2026-06-01"),
    supervision("vol-1", "fig-m1", "2026-02-01", "2026-07-01"),
    supervision("vol-3", "fig-m3", "2026-05-20", "2026-06-01"),
    put(
      visitSummaryEntity.item(tenantId, {
        matchId: "fig-m1",
        lastVisitOn: "2026-06-10",
        visitsRecorded: 4,
        version: 1,
      }),
    ),
  ]);

  // Visits (fortnightly: two a month meet the minimum).
  for (const [m, on] of [
    ["fig-m1", "2026-05-03"],
    ["fig-m1", "2026-05-17"],
    ["fig-m1", "2026-04-12"],
    ["fig-m2", "2026-05-05"],
    ["fig-m2", "2026-04-08"],
    ["fig-m2", "2026-04-22"],
    ["fig-m3", "2026-05-25"],
  ] as const)
    await seedVisit(m, on);
  await seedVisit("fig-m1", "2026-05-30", false);

  // Claims, moving through their steps.
  await seedClaim("fig-m1", "2026-05", 2000, "2026-05-04", [
    ["coordinator_approved", "2026-05-06"],
    ["finance_approved", "2026-05-20"],
    ["paid", "2026-05-28"],
  ]);
  await seedClaim("fig-m1", "2026-05", 1500, "2026-05-18", []);
  await seedClaim("fig-m2", "2026-05", 800, "2026-05-08", [["rejected", "2026-05-09"]]);
  await seedClaim("fig-m3", "2026-05", 1200, "2026-05-26", [["coordinator_approved", "2026-05-27"]]);
  await seedClaim("fig-m2", "2026-04", 3000, "2026-04-10", [
    ["coordinator_approved", "2026-04-12"],
    ["finance_approved", "2026-04-20"],
    ["paid", "2026-04-30"],
  ]);

  // Concerns: acknowledged in 20 minutes (bucket 30), 26.5 hours (bucket 27 h), 10 minutes (bucket 15); one open.
  await seedConcern("incident", "fig-m1", at("2026-05-05", "09:00"), at("2026-05-05", "09:20"), 20);
  await seedConcern("complaint", null, at("2026-05-12", "10:00"), at("2026-05-13", "12:30"), 1590);
  await seedConcern("safeguarding_concern", "fig-m3", at("2026-06-02", "10:00"), null);
  await seedConcern("accident", "fig-m2", at("2026-04-20", "08:00"), at("2026-04-20", "08:10"), 10);

  await recordLookedAfterCount(table, { month: "2026-05", count: 200, source: "Case system month-end report" }, TODAY);
}, 120_000);

const load = (scope?: DashboardScope) => loadDashboard(table, policy, MAY, TODAY, scope);
const pair = (f: { value: number | null; previous: number | null }) => [f.value, f.previous];

/** Every figure of the dashboard as [this period, previous period], and every table, by name. */
function everything(d: Dashboard) {
  const figures = (o: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(o)
        .filter(([, v]) => typeof v === "object" && v !== null && "direction" in v)
        .map(([k, v]) => [k, pair(v as { value: number | null; previous: number | null })]),
    );
  return {
    coverage: figures(d.coverage),
    waiting: figures(d.waiting),
    recruitment: figures(d.recruitment),
    matches: figures(d.matches),
    visits: figures(d.visits),
    money: figures(d.money),
    concerns: figures(d.concerns),
  };
}

describe("the council's dashboard for May 2026, against answers worked out by hand", () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await load();
  });

  it("gives every figure with its previous period", () => {
    expect(everything(d)).toEqual({
      coverage: {
        // M1 and M3 active on 31 May of 200 looked-after children; on 30 April M1 and M2 (no count for April).
        childrenWithVisitor: [2, 2],
        coveragePercent: [1, null],
        referralsPercent: [1, null],
      },
      waiting: {
        // 31 May: R1 82 days, R4 6 days; 30 April: R1 51 days, R2 25 days.
        waiting: [2, 2],
        medianDays: [44, 38],
        longestDays: [82, 51],
        received: [2, 1],
        // R2 declined after its response date (35 days), R3 accepted in time (4 days); none in April.
        decisions: [2, 0],
        decidedOnTime: [1, 0],
        decidedLate: [1, 0],
        decisionMedianDays: [19.5, null],
        // R3: 2 to 20 May.
        matched: [1, 0],
        referralToMatchMedianDays: [18, null],
      },
      recruitment: {
        applied: [2, 1],
        approved: [1, 0],
        conversionPercent: [50, 0],
        notApproved: [0, 0],
        withdrawn: [1, 0],
      },
      matches: {
        active: [2, 2],
        started: [1, 1],
        ended: [1, 1],
        // M2: 1 March to 10 May; M4: 10 to 25 April.
        medianLengthDays: [70, 15],
      },
      visits: {
        // May: 4 visits over M1, M2, M3 (3 active), only M1 twice; April: 3 over M1, M2, M4, only M2 twice.
        visits: [4, 3],
        perMatchPerMonth: [1.3, 1],
        atMinimumPercent: [33.3, 33.3],
      },
      money: {
        // May: M1 £20 + £15, M3 £12 (M2's £8 rejected); budget £50 for each of 3 active matches. April: M2 £30.
        spentPence: [4700, 3000],
        budgetPence: [15000, 15000],
        spentOfBudgetPercent: [31.3, 20],
        paidPence: [2000, 3000],
      },
      concerns: {
        raised: [2, 1],
        acknowledged: [2, 1],
        // Buckets of 30 minutes and 27 hours: median 825 minutes; April 15 minutes.
        medianHoursToAcknowledge: [13.8, 0.3],
      },
    });
  });

  it("gives every table", () => {
    expect(d.waiting.byGroup.map((g) => [g.dimension, g.group, g.count, g.medianDays, g.longestDays])).toEqual([
      ["age", "10 to 15", 2, 44, 82],
      ["gender", "not recorded", 2, 44, 82],
      ["ethnicity", "not recorded", 2, 44, 82],
      ["disability", "not recorded", 2, 44, 82],
      ["out_of_area", "not recorded", 2, 44, 82],
      ["uasc", "not recorded", 2, 44, 82],
    ]);
    expect(d.waiting.monthly).toEqual([{ month: "2026-05", received: 2, waitingAtEnd: 2 }]);
    expect([...d.recruitment.steps].sort((a, b) => a.stage.localeCompare(b.stage))).toEqual([
      { stage: "application", count: 1, medianDays: 26 },
      { stage: "approved", count: 1, medianDays: 31 },
    ]);
    expect(d.recruitment.withdrawalReasons).toEqual([{ reason: "moving away", count: 1 }]);
    expect(d.recruitment.checksExpiring).toEqual({ within30: 0, within60: 0, within90: 0 });
    expect(d.matches.endingsByReason).toEqual([{ reason: "moving_away", count: 1 }]);
    expect(d.matches.monthly).toEqual([{ month: "2026-05", active: 3, started: 1, ended: 1 }]);
    // Now (15 June): M1's review is 14 days overdue (check in); M3 has an open safeguarding concern (at risk).
    expect(d.matches.health).toEqual({ onTrack: 0, needsCheckIn: 1, atRisk: 1 });
    expect(d.matches.reviewsOverdue).toBe(1);
    expect(d.matches.supervisionOverdue).toBe(1);
    expect(d.visits).toMatchObject({ minimumFrequency: "fortnightly", requiredPerMonth: 2 });
    expect(d.visits.monthly).toEqual([{ month: "2026-05", visits: 4, matchesActive: 3, matchesAtMinimum: 1 }]);
    expect(d.money.monthlyBudgetPence).toBe(5000);
    expect(d.money.perMatch).toEqual([
      { matchId: "fig-m1", claims: 2, pence: 3500, budgetPence: 5000 },
      { matchId: "fig-m3", claims: 1, pence: 1200, budgetPence: 5000 },
    ]);
    expect(d.money.waiting).toEqual([
      { status: "submitted", count: 1, pence: 1500, oldest: "2026-05-18" },
      { status: "coordinator_approved", count: 1, pence: 1200, oldest: "2026-05-26" },
    ]);
    expect(d.money.waitingCount).toBe(2);
    expect(d.concerns.byType).toEqual([
      { type: "complaint", count: 1 },
      { type: "incident", count: 1 },
    ]);
    expect(d.concerns.acknowledgementTimes).toEqual([
      { withinMinutes: 30, count: 1 },
      { withinMinutes: 1620, count: 1 },
    ]);
    expect(d.concerns.waitingAcknowledgement).toBe(1);
    expect(d.scope.kind).toBe("council");
  });

  it("says the money went up in pounds, not pence", () => {
    expect(d.money.spentPence.words).toBe("Up £17.00 from £30.00 in the previous period");
  });
});

describe("a coordinator's caseload: the matches they proposed", () => {
  it("limits Ann's figures to M1 and M2", async () => {
    const d = await load({ kind: "caseload", ...ANN });
    expect(d.scope.kind).toBe("caseload");
    const all = everything(d);
    expect(all.matches).toEqual({ active: [1, 2], started: [0, 0], ended: [1, 0], medianLengthDays: [70, null] });
    expect(all.visits).toEqual({ visits: [3, 3], perMatchPerMonth: [1.5, 1.5], atMinimumPercent: [50, 50] });
    expect(all.money).toEqual({
      spentPence: [3500, 3000],
      budgetPence: [10000, 10000],
      spentOfBudgetPercent: [35, 30],
      paidPence: [2000, 3000],
    });
    expect(all.concerns).toEqual({ raised: [1, 1], acknowledged: [1, 1], medianHoursToAcknowledge: [0.5, 0.3] });
    expect(d.matches.health).toEqual({ onTrack: 0, needsCheckIn: 1, atRisk: 0 });
    expect([d.matches.reviewsOverdue, d.matches.supervisionOverdue]).toEqual([1, 0]);
    expect(d.money.waiting).toEqual([{ status: "submitted", count: 1, pence: 1500, oldest: "2026-05-18" }]);
    // Coverage stays the council's.
    expect(all.coverage.childrenWithVisitor).toEqual([2, 2]);
  });

  it("limits Ben's figures to M3 and M4", async () => {
    const d = await load({ kind: "caseload", ...BEN });
    const all = everything(d);
    expect(all.matches).toEqual({ active: [1, 0], started: [1, 1], ended: [0, 1], medianLengthDays: [null, 15] });
    expect(all.concerns).toEqual({ raised: [0, 0], acknowledged: [0, 0], medianHoursToAcknowledge: [null, null] });
    expect(d.concerns.waitingAcknowledgement).toBe(1);
    expect(d.matches.health).toEqual({ onTrack: 0, needsCheckIn: 0, atRisk: 1 });
  });

  it("says no data yet, not zero, for a coordinator with no matches", async () => {
    const d = await load({ kind: "caseload", personId: "p-nobody", name: "New Coordinator" });
    const all = everything(d);
    for (const section of [all.matches, all.visits, all.money, all.concerns])
      for (const [value, previous] of Object.values(section)) expect([value, previous]).toEqual([null, null]);
    expect(d.matches.active.words).toBe("No data yet");
    expect([d.matches.health, d.money.waitingCount, d.concerns.waitingAcknowledgement]).toEqual([null, null, null]);
  });
});

describe("rebuilding the summaries from the records", () => {
  it("gives the summaries every write kept, and the same dashboard", async () => {
    const before = { council: await load(), ann: await load({ kind: "caseload", ...ANN }) };
    const live = await storedSummaries(table);
    expect(live).toEqual(await summariesFromRecords(table));
    expect([...live.keys()].sort()).toEqual(
      [
        "concerns",
        "concerns@p-ann",
        "concerns@p-ben",
        "matches",
        "matches@p-ann",
        "matches@p-ben",
        "money",
        "money@p-ann",
        "money@p-ben",
        "referrals",
        "visits",
        "visits@p-ann",
        "visits@p-ben",
        "volunteers",
      ].sort(),
    );
    await rebuildSummaries(table);
    expect(await storedSummaries(table)).toEqual(live);
    expect(await load()).toEqual(before.council);
    expect(await load({ kind: "caseload", ...ANN })).toEqual(before.ann);
  });
});
