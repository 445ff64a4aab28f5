import { performance } from "node:perf_hooks";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { itemSize, keys, type ReferralRecord, summaryItemsOf } from "@tandem/data";
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
 * own summaryItemsOf): the dashboard reads nothing else of the history.
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
    const stillWaiting = i >= older && i % 10 === 0;
    const ended = stillWaiting ? null : new Date(Math.min(now - DAY, received.getTime() + (i % 120) * DAY));
    const genders = ["Girl", "Boy", "Non-binary"];
    const child = { ...(r.answers as { child: Record<string, unknown> }).child, gender: genders[i % 3] };
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
  for (const c of [SHORT, LONG]) {
    const items = summaryItemsOf(c.tenant, { referrals: history(c.tenant, c.referrals, c.years), volunteers: [] });
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
  return { short, long, seededItems, writeItems };
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
    rowsTable(rows),
  ].join("\n");
  return { text, rows };
}
