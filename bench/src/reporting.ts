import { performance } from "node:perf_hooks";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  caseloadGroup,
  claimReportFacts,
  concernReportFacts,
  itemSize,
  keys,
  matchReportFacts,
  type ReferralRecord,
  type StoredClaim,
  type StoredConcern,
  type StoredMatch,
  type StoredVisit,
  summaryItemsOf,
  summaryOps,
  visitReportFacts,
  type WriteOp,
} from "@tandem/data";
import {
  type Contribution,
  claimContribution,
  concernContribution,
  difference,
  matchContribution,
  visitContribution,
} from "@tandem/domain/reporting";
import type { LocalStack } from "@tandem/local";
import { TABLE_NAME } from "@tandem/local";
import type { ApiClient } from "./api-client.js";
import { parseCapacity } from "./capacity.js";
import { syntheticReferral, writeAll } from "./referrals.js";
import { atMost, median, ms, type Row, ratio, rowsTable, table } from "./stats.js";

/**
 * Reporting (issue 16): the dashboard's read units and latency for a council with a short history
 * (100 referrals over the last year) and one with a long one (the same last year, after 99,900
 * referrals over the 25 years before), target: the same cost (ratio <= 1.1); and what keeping the
 * summaries costs a write, from the size of the summary items a change touches. Both councils are
 * equally busy in the year the dashboard reads: its cost follows the activity in the period read,
 * not the history. Only the summaries are seeded (built from synthetic records by the data layer's
 * own summaryItemsOf): the dashboard reads nothing else of the history, but for what stands now of
 * the active matches (the same number in both councils).
 */

const SHORT = { tenant: "kingsholt", as: "admin@kingsholt.example", referrals: 100, years: 1 };
const LONG = {
  tenant: "eastmere",
  as: "manager@eastmere.example",
  referrals: Number(process.env.BENCH_REPORT_REFERRALS ?? 100_000),
  years: 26,
};
const TARGET_RATIO = 1.1;
const ROUNDS = 10;
const PATH = "/api/reporting/dashboard?period=quarter";

interface DashboardCost {
  status: number;
  rcu: number;
  calls: number;
  medianMs: number;
}

export interface ReportingBench {
  short: DashboardCost;
  long: DashboardCost;
  seededItems: number;
  writeItems: { item: string; bytes: number; awsWcu: number }[];
  /** Each new write's summary upkeep in the long-history council: the items it adds to and their units. */
  writeCosts: { write: string; items: number; bytes: number; awsWcu: number; ownerReadBytes: number }[];
}

/**
 * Matches, visits, claims and concerns: each council's last year is the same (20 matches started, 12
 * still active, two visits a month each, a claim a month, a concern every other month per match); the
 * long one has `older` matches before it, each with the same records over its own year, all ended.
 */
const COORDINATORS = ["bench-c1", "bench-c2", "bench-c3", "bench-c4", "bench-c5"];
const RECENT_MATCHES = 20;

function activity(count: number) {
  const now = Date.now();
  const today = new Date(now).toISOString().slice(0, 10);
  const dayAt = (t: number) => new Date(t).toISOString().slice(0, 10);
  const matches: StoredMatch[] = [];
  const visits: StoredVisit[] = [];
  const claims: StoredClaim[] = [];
  const concerns: StoredConcern[] = [];
  const by = { personId: "bench", name: "Bench" };
  const older = count - RECENT_MATCHES;
  for (let i = 0; i < count; i++) {
    const recent = i >= older;
    // The last year's matches are numbered from 0 in both councils (`k`), so their records, ids and
    // the counters named after them are the same whatever came before.
    const k = recent ? i - older : i;
    // Older matches ran for up to a year each, spread over the 25 years before the last, and all
    // ended before it began: what the dashboard reads of them is nothing.
    const start = recent
      ? now - 360 * DAY + k * 15 * DAY
      : now - 26 * 365 * DAY + Math.floor((24 * 365 * DAY * i) / Math.max(1, older));
    const stillActive = recent && k % 5 !== 0 && k % 5 !== 1;
    const end = stillActive ? null : Math.min(recent ? now - DAY : now - 366 * DAY, start + (30 + (k % 300)) * DAY);
    const id = recent ? `bench-m-r${k}` : `bench-m-${k}`;
    const volunteerId = recent ? `bench-v-r${k}` : `bench-v-${k}`;
    const activatedOn = dayAt(start);
    matches.push({
      matchId: id,
      referralId: recent ? `BENCH-R${k}` : `BENCH-${k}`,
      volunteerId,
      stage: end ? "ended" : "active",
      stageSince: end ? dayAt(end) : activatedOn,
      stageDates: { active: activatedOn, ...(end ? { ended: dayAt(end) } : {}) },
      proposedAt: new Date(start).toISOString(),
      activatedAt: new Date(start).toISOString(),
      child: { firstName: "Kit", dateOfBirth: "2014-01-01" },
      volunteer: { firstName: "Lee" },
      proposal: {
        by: { personId: COORDINATORS[k % COORDINATORS.length] ?? "bench-c1", name: "Coordinator" },
        score: 0,
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
    });
    const last = end ?? now - DAY;
    for (let t = start + 7 * DAY, n = 0; t <= last; t += 14 * DAY, n++) {
      const on = dayAt(t);
      visits.push({
        matchId: id,
        id: `v${n}`,
        volunteerId,
        volunteerName: "Lee",
        status: "recorded",
        plan: { on, startsAt: "10:00", endsAt: "12:00", overnight: false, activity: "Park", place: "Park" },
        approvalReason: null,
        decision: null,
        record: { minutes: 120, whatWeDid: "Park", howItWent: "well" },
        recordedAt: new Date(t).toISOString(),
        cancellation: null,
        cancelledAt: null,
        homeSafeAt: null,
        claimedPence: 0,
        createdAt: new Date(t).toISOString(),
        version: 2,
      });
      if (n % 2 === 0)
        claims.push({
          matchId: id,
          id: `c${n}`,
          reference: "EXP-BENCH",
          volunteerId,
          visitId: null,
          month: on.slice(0, 7),
          spentOn: on,
          items: [],
          totalPence: 1000 + (n % 7) * 250,
          // The last year's most recent claims still wait; every older one was paid.
          status: t > now - 20 * DAY ? "submitted" : "paid",
          overLimits: null,
          history: [],
          createdAt: new Date(t).toISOString(),
          paidAt: t > now - 20 * DAY ? null : new Date(t + 10 * DAY).toISOString(),
          version: 1,
        });
      if (n % 4 === 0)
        concerns.push({
          id: `${id}-k${n}`,
          reference: "CON-BENCH",
          report: {
            type: n % 8 === 0 ? "incident" : "accident",
            whatHappened: "x",
            happenedAt: new Date(t).toISOString(),
          },
          reporter: { ...by, roles: ["volunteer"] },
          matchId: id,
          submittedAt: new Date(t).toISOString(),
          addenda: [],
          actions: [],
          acknowledged:
            t > now - 3 * DAY
              ? null
              : { at: new Date(t + (n % 9) * 3_600_000).toISOString(), by, minutes: (n % 9) * 60 },
          escalatedAt: null,
          version: 1,
        });
    }
  }
  return { today, matches, visits, claims, concerns };
}

const DAY = 86_400_000;

/**
 * `count` referrals: the last SHORT.referrals evenly over the last year, the rest evenly over the
 * years before; nine in ten waits over, after up to 120 days.
 */
function history(tenantId: string, count: number, years: number): ReferralRecord[] {
  const now = Date.now();
  const year = 365 * DAY;
  const recent = Math.min(count, SHORT.referrals);
  const older = count - recent;
  const receivedAt = (i: number) =>
    i < older
      ? now - years * year + Math.floor(((years - 1) * year * i) / Math.max(1, older))
      : now - year + Math.floor((year * (i - older)) / recent);
  return Array.from({ length: count }, (_, i) => {
    const r = syntheticReferral(tenantId, i);
    const received = new Date(receivedAt(i));
    const day = received.toISOString().slice(0, 10);
    // One in ten of the last year's children is still waiting; every older wait has ended, as in a real
    // council (10,000 children waiting since years ago would be no council's history).
    // As for matches, the last year's children are numbered from 0 in both councils (`k`), and every
    // older wait ended before the last year began.
    const k = i >= older ? i - older : i;
    const stillWaiting = i >= older && k % 10 === 0;
    const ended = stillWaiting
      ? null
      : new Date(Math.min(i >= older ? now - DAY : now - year, received.getTime() + (k % 120) * DAY));
    const genders = ["Girl", "Boy", "Non-binary"];
    const child = { ...(r.answers as { child: Record<string, unknown> }).child, gender: genders[k % 3] };
    return {
      ...r,
      answers: { ...r.answers, child } as ReferralRecord["answers"],
      receivedAt: received.toISOString(),
      receivedOn: day,
      respondBy: new Date(received.getTime() + 14 * DAY).toISOString().slice(0, 10),
      status: ended ? "declined" : "accepted",
      history: [
        ...r.history,
        ...(ended
          ? [
              {
                at: ended.toISOString(),
                action: "decline" as const,
                by: { personId: "bench", name: "Bench" },
                from: "under_review" as const,
                to: "declined" as const,
              },
            ]
          : []),
      ],
    };
  });
}

async function cost(api: ApiClient, who: { tenant: string; as: string }): Promise<DashboardCost> {
  await api.call("GET", PATH, { as: who.as, tenant: who.tenant });
  const times: number[] = [];
  let last: Awaited<ReturnType<ApiClient["call"]>> | undefined;
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    last = await api.call("GET", PATH, { as: who.as, tenant: who.tenant });
    times.push(performance.now() - started);
  }
  const c = parseCapacity(last?.headers.get("x-tandem-capacity") ?? null);
  return { status: last?.status ?? 0, rcu: c?.rcu ?? Number.NaN, calls: c?.calls ?? -1, medianMs: median(times) };
}

export async function runReportingBench(
  stack: LocalStack,
  api: ApiClient,
  log: (s: string) => void,
): Promise<ReportingBench> {
  log(
    `seeding the summaries of ${SHORT.referrals} referrals in ${SHORT.tenant} and ${LONG.referrals} in ${LONG.tenant}`,
  );
  const client = await stack.db.clientForProvisioning();
  let seededItems = 0;
  // Records of matches and what follows them, besides referrals: the same 100 vs 100,000 split.
  let longActivity: ReturnType<typeof activity> | undefined;
  for (const c of [SHORT, LONG]) {
    const a = activity(c === SHORT ? RECENT_MATCHES : Math.max(RECENT_MATCHES, Math.round(c.referrals / 10)));
    if (c === LONG) longActivity = a;
    const items = summaryItemsOf(c.tenant, {
      referrals: history(c.tenant, c.referrals, c.years),
      volunteers: [],
      matches: a.matches,
      visits: a.visits,
      claims: a.claims,
      concerns: a.concerns,
    });
    await writeAll(client, items);
    seededItems += items.length;
  }
  const short = await cost(api, SHORT);
  const long = await cost(api, LONG);
  const month = new Date().toISOString().slice(0, 7);
  const writeItems = [];
  for (const [what, bucket] of [
    ["this month's referral summary", month],
    ["what stands now (OPEN)", "OPEN"],
  ] as const) {
    // A change to a child's wait touches every part of the bucket (main and one per dimension).
    const sk = keys.reportBucket(LONG.tenant, "referrals", bucket, "").sk;
    const out = await client.send(
      new QueryCommand({
        TableName: TABLE_NAME,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :sk)",
        ExpressionAttributeValues: { ":pk": keys.reportPartition(LONG.tenant), ":sk": sk },
      }),
    );
    for (const item of out.Items ?? []) {
      const bytes = itemSize(item);
      // An ADD in a transaction is billed by the item's size, 1 WCU a KB, twice for the transaction.
      writeItems.push({
        item: `${what}, part ${String(item.sk).split("#").at(-1)}`,
        bytes,
        awsWcu: 2 * Math.max(1, Math.ceil(bytes / 1024)),
      });
    }
  }
  const writeCosts = await newWriteCosts(client, longActivity);
  return { short, long, seededItems, writeItems, writeCosts };
}

/**
 * What keeping the summaries up to date costs each new write, in the long-history council: the ADDs
 * its change puts in the transaction (the council's bucket and the owner's caseload bucket, each
 * billed by the item's size after the change, twice for a transaction) and the read of the match
 * that names the owner (visits, claims, concerns; a match's own write has it in hand).
 */
async function newWriteCosts(
  client: Awaited<ReturnType<LocalStack["db"]["clientForProvisioning"]>>,
  a: ReturnType<typeof activity> | undefined,
): Promise<ReportingBench["writeCosts"]> {
  const m = a?.matches.findLast((x) => x.stage === "active");
  if (!a || !m) return [];
  const today = a.today;
  const now = new Date().toISOString();
  const tenant = LONG.tenant;
  const owner = m.proposal.by.personId;
  const visit = a.visits.findLast((v) => v.matchId === m.matchId);
  const claim = a.claims.findLast((c) => c.matchId === m.matchId);
  const concern = a.concerns.findLast((c) => c.matchId === m.matchId);
  if (!visit || !claim || !concern) return [];
  const planned: StoredVisit = { ...visit, id: "new", status: "planned", plan: { ...visit.plan, on: today } };
  const newClaim: StoredClaim = {
    ...claim,
    id: "new",
    status: "submitted",
    month: today.slice(0, 7),
    createdAt: now,
    paidAt: null,
  };
  const newConcern: StoredConcern = { ...concern, id: "new", submittedAt: now, acknowledged: null };
  const matchItemBytes = itemSize({ ...m } as unknown as Record<string, unknown>);
  const changes: [string, "matches" | "visits" | "money" | "concerns", Contribution, number][] = [
    [
      "a match starts",
      "matches",
      difference(
        matchContribution(null),
        matchContribution(matchReportFacts({ ...m, stageDates: { active: today } }, null)),
      ),
      0,
    ],
    [
      "a match ends",
      "matches",
      difference(
        matchContribution(matchReportFacts(m, null)),
        matchContribution(
          matchReportFacts({ ...m, stage: "ended", stageDates: { ...m.stageDates, ended: today } }, null),
        ),
      ),
      0,
    ],
    [
      "a visit is recorded",
      "visits",
      difference(
        visitContribution(visitReportFacts(planned)),
        visitContribution(visitReportFacts({ ...planned, status: "recorded" })),
      ),
      matchItemBytes,
    ],
    [
      "a claim is submitted",
      "money",
      difference(claimContribution(null), claimContribution(claimReportFacts(newClaim))),
      matchItemBytes,
    ],
    [
      "a claim is approved",
      "money",
      difference(
        claimContribution(claimReportFacts(newClaim)),
        claimContribution(claimReportFacts({ ...newClaim, status: "coordinator_approved" })),
      ),
      matchItemBytes,
    ],
    [
      "a claim is paid",
      "money",
      difference(
        claimContribution(claimReportFacts({ ...newClaim, status: "finance_approved" })),
        claimContribution(claimReportFacts({ ...newClaim, status: "paid", paidAt: now })),
      ),
      matchItemBytes,
    ],
    [
      "a concern is raised",
      "concerns",
      difference(concernContribution(null), concernContribution(concernReportFacts(newConcern))),
      matchItemBytes,
    ],
    [
      "a concern is acknowledged",
      "concerns",
      difference(
        concernContribution(concernReportFacts(newConcern)),
        concernContribution(
          concernReportFacts({
            ...newConcern,
            acknowledged: { at: now, by: { personId: "b", name: "B" }, minutes: 30 },
          }),
        ),
      ),
      matchItemBytes,
    ],
  ];
  const out: ReportingBench["writeCosts"] = [];
  for (const [write, group, change, ownerReadBytes] of changes) {
    const ops: WriteOp[] = [
      ...summaryOps(tenant, group, change),
      ...summaryOps(tenant, caseloadGroup(group, owner), change),
    ];
    let bytes = 0;
    let wcu = 0;
    for (const op of ops) {
      if (op.kind !== "increment") continue;
      const found = await client.send(
        new QueryCommand({
          TableName: TABLE_NAME,
          KeyConditionExpression: "pk = :pk AND sk = :sk",
          ExpressionAttributeValues: { ":pk": op.key.pk, ":sk": op.key.sk },
        }),
      );
      // The item after the ADD: as stored, plus any counter the change adds (about 60 bytes each).
      const size = (found.Items?.[0] ? itemSize(found.Items[0]) : 100) + 60 * Object.keys(op.counters).length;
      bytes += size;
      wcu += 2 * Math.max(1, Math.ceil(size / 1024));
    }
    out.push({ write, items: ops.length, bytes, awsWcu: wcu, ownerReadBytes });
  }
  return out;
}

export function reportingSection(r: ReportingBench): { text: string; rows: Row[] } {
  const rows: Row[] = [
    {
      measure: "dashboard read units, long/short history",
      value: ratio(r.long.rcu / r.short.rcu),
      target: `<= ${TARGET_RATIO}x`,
      result:
        r.short.status === 200 && r.long.status === 200 ? atMost(r.long.rcu / r.short.rcu, TARGET_RATIO) : "ERROR",
    },
    {
      measure: "dashboard latency median, long/short history",
      value: ratio(r.long.medianMs / r.short.medianMs),
      target: "",
      result: "info",
    },
  ];
  const cells = [
    [
      `${SHORT.referrals} referrals over ${SHORT.years} year`,
      String(r.short.status),
      String(r.short.rcu),
      String(r.short.calls),
      ms(r.short.medianMs),
    ],
    [
      `${LONG.referrals} referrals over ${LONG.years} years (the last year as above)`,
      String(r.long.status),
      String(r.long.rcu),
      String(r.long.calls),
      ms(r.long.medianMs),
    ],
  ];
  const text = [
    "5. REPORTING: THE DASHBOARD AT A COST THAT DOES NOT GROW WITH HISTORY",
    `   GET ${PATH} (this quarter and the one before), ${ROUNDS} timed calls each after one warm-up;`,
    `   ${r.seededItems} summary items seeded (the summaries of the records, not the records: the dashboard reads nothing else)`,
    table(["council", "status", "rcu", "calls", "median"], cells),
    "   What keeping the summaries costs a write in the long-history council (the items a change today touches):",
    table(
      ["item", "size", "AWS WCU per write"],
      [
        ...r.writeItems.map((w) => [w.item, `${(w.bytes / 1024).toFixed(1)} KB`, String(w.awsWcu)]),
        ["all of them (one change to a wait, at most)", "", String(r.writeItems.reduce((a, w) => a + w.awsWcu, 0))],
      ],
    ),
    "   What keeping the matches', visits', money's and concerns' summaries costs each new write (the",
    "   council's bucket and the owner's caseload bucket; an upper bound: counters the change adds are priced at 60 bytes each):",
    table(
      ["write", "items", "size", "AWS WCU per write", "owner read"],
      r.writeCosts.map((w) => [
        w.write,
        String(w.items),
        `${(w.bytes / 1024).toFixed(1)} KB`,
        String(w.awsWcu),
        w.ownerReadBytes > 0 ? `1 read of ${(w.ownerReadBytes / 1024).toFixed(1)} KB (0.5 RCU)` : "none",
      ]),
    ),
    rowsTable(rows),
  ].join("\n");
  return { text, rows };
}
