import { randomUUID } from "node:crypto";
import {
  matchEntity,
  saveMatchOps,
  submitClaim,
  TenantContext,
  type TenantTable,
  visitEntity,
  type WriteOp,
} from "@tandem/data";
import type { TenantPolicy } from "@tandem/domain";
import { demoRecordId, type LocalStack } from "@tandem/local";
import { type ApiClient, field, isArray, isObject, isString } from "./api-client.js";
import { parseCapacity } from "./capacity.js";
import { atMost, type Row, ratio, rowsTable, table } from "./stats.js";

/**
 * Expenses (issue 14): the write units of recording a visit and of a claim (one call each through the
 * API, as the volunteer's portal makes them), and the read units of a page of finance's month end for a
 * month with 10 claims and one with 1,000, target: the same per page (ratio <= 1.1). Pages hold
 * PAGE rows in both months, so the comparison is of like with like. The months' claims are made by the
 * data layer's own submitClaim (the same transaction the API runs), on copies of the demo match spread
 * over the five demo volunteers, so each month holds what real claims leave: spend items, the
 * volunteers' counters and the queue entries.
 */

const TENANT = "riverford";
const VOLUNTEER = "volunteer@riverford.example";
const FINANCE = "finance@riverford.example";
const PAGE = 10;
const TARGET_RATIO = 1.1;
const SMALL = { month: "2023-01", claims: 10, matches: 10 };
const LARGE = { month: "2023-02", claims: Number(process.env.BENCH_EXPENSE_CLAIMS ?? 1000), matches: 100 };
const WORKERS = 5;

interface Units {
  status: number;
  rcu: number;
  wcu: number;
  awsWcu: number;
  calls: number;
}

export interface ExpensesBench {
  planVisit: Units;
  recordVisit: Units;
  claim: Units;
  views: { view: string; small: Units; large: Units; largeRows: number }[];
  seconds: number;
}

function unitsOf(res: { status: number; headers: Headers }): Units {
  const c = parseCapacity(res.headers.get("x-tandem-capacity"));
  return {
    status: res.status,
    rcu: c?.rcu ?? Number.NaN,
    wcu: c?.wcu ?? Number.NaN,
    awsWcu: c?.awsWcu ?? Number.NaN,
    calls: c?.calls ?? -1,
  };
}

/**
 * A visit recorded on `on`: a month's claim is held to the per-visit cap times the month's recorded visits
 * (Leicestershire's "£40 per visit" on "a monthly expense form"), so each copied match gets two in the month it
 * is claimed for. Written straight into the table, as the matches are (the bench measures the month end, not this).
 */
function recordedVisitOp(matchId: string, volunteerId: string, on: string): WriteOp {
  const at = `${on}T12:00:00.000Z`;
  const visit = visitEntity.parse({
    matchId,
    id: randomUUID(),
    volunteerId,
    volunteerName: "Bench volunteer",
    status: "recorded",
    plan: { on, startsAt: "10:00", endsAt: "12:00", activity: "Park and playground", place: "The park" },
    approvalReason: null,
    decision: null,
    record: { minutes: 120, whatWeDid: "Played football", howItWent: "well" },
    recordedAt: at,
    cancellation: null,
    cancelledAt: null,
    homeSafeAt: at,
    claimedPence: 0,
    createdAt: at,
    version: 2,
  });
  return visitEntity.put(TENANT, visit, "absent");
}

/** `n` copies of the demo match under new ids, the i-th with the (i mod 5)-th demo volunteer, two visits recorded in `month`. */
async function copiesOfDemoMatch(
  table: TenantTable,
  n: number,
  tag: string,
  month: string,
): Promise<{ matchId: string; volunteerId: string }[]> {
  const demo = await matchEntity.get(table, { matchId: demoRecordId(TENANT, 2, 1) });
  if (!demo) throw new Error("Riverford has no demo match");
  const out: { matchId: string; volunteerId: string }[] = [];
  for (let i = 0; i < n; i++) {
    const volunteerId = demoRecordId(TENANT, 1, (i % 5) + 1);
    const match = { ...demo, matchId: randomUUID(), volunteerId, child: { ...demo.child, firstName: `${tag}${i}` } };
    await table.transact([
      ...saveMatchOps(TENANT, match, null).map(
        (op): WriteOp => (op.kind === "put" ? ({ ...op, expect: "any" } as WriteOp) : op),
      ),
      recordedVisitOp(match.matchId, volunteerId, `${month}-05`),
      recordedVisitOp(match.matchId, volunteerId, `${month}-10`),
    ]);
    out.push({ matchId: match.matchId, volunteerId });
  }
  return out;
}

/** `claims` month claims of a little mileage, spread evenly over the matches; workers keep to their own volunteers. */
async function fillMonth(
  table: TenantTable,
  policy: TenantPolicy,
  spec: { month: string; claims: number; matches: number },
  log: (s: string) => void,
): Promise<void> {
  const matches = await copiesOfDemoMatch(table, spec.matches, spec.month.replace("-", ""), spec.month);
  let made = 0;
  const worker = async (w: number) => {
    for (let i = w; i < spec.claims; i += WORKERS) {
      const m = matches[i % matches.length];
      if (!m) continue;
      await submitClaim(
        table,
        { ...m, referralId: "", stage: "active", activatedAt: `${spec.month}-01T09:00:00.000Z` },
        {
          month: spec.month,
          spentOn: `${spec.month}-15`,
          items: [{ kind: "mileage", description: "Bench trip", miles: 1 + (i % 9) }],
        },
        policy,
      );
      made++;
      if (made % 250 === 0) log(`  ${made} claims in ${spec.month}`);
    }
  };
  // Worker w takes claims w, w+5, ...: with 100 matches and 5 volunteers each worker keeps to one volunteer.
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
}

export async function runExpensesBench(
  stack: LocalStack,
  api: ApiClient,
  log: (s: string) => void,
): Promise<ExpensesBench> {
  const started = Date.now();
  // The volunteer's visit and claim, through the API.
  const matches = await api.call("GET", "/api/volunteers/me/matches", { as: VOLUNTEER, tenant: TENANT });
  const items = field(matches.json, "items", isArray);
  const active = items.find((m) => isObject(m) && m.stage === "active");
  const matchId = field(active, "matchId", isString);
  const today = new Date().toISOString().slice(0, 10);
  const planned = await api.call("POST", `/api/matches/${matchId}/visits`, {
    as: VOLUNTEER,
    tenant: TENANT,
    body: {
      on: today,
      startsAt: "00:00",
      endsAt: "01:00",
      activity: "Park and playground",
      place: "The park",
      namedPerson: { name: "Sam Friend" },
    },
  });
  const visitId = field(planned.json, "id", isString);
  const recorded = await api.call("POST", `/api/matches/${matchId}/visits/${visitId}/record`, {
    as: VOLUNTEER,
    tenant: TENANT,
    body: { record: { minutes: 60, whatWeDid: "Swings and a picnic", howItWent: "well" }, version: 1 },
  });
  const claimed = await api.call("POST", `/api/matches/${matchId}/claims`, {
    as: VOLUNTEER,
    tenant: TENANT,
    headers: { "idempotency-key": randomUUID() },
    body: { visitId, spentOn: today, items: [{ kind: "mileage", description: "To the park", miles: 6 }] },
  });

  // The months, written by the data layer's own claim function.
  const table = stack.db.forTenant(
    TenantContext.fromVerifiedMembership(
      { personId: "bench", email: "", name: "Bench" },
      { tenantId: TENANT, roles: ["volunteer"] },
      "bench",
    ),
  );
  const tenant = await api.call("GET", "/api/tenant", { as: FINANCE, tenant: TENANT });
  const policy = field(tenant.json, "policy", isObject) as unknown as TenantPolicy;
  log(`filling ${SMALL.month} with ${SMALL.claims} claims and ${LARGE.month} with ${LARGE.claims}`);
  await fillMonth(table, policy, SMALL, log);
  await fillMonth(table, policy, LARGE, log);

  const views = [
    { view: "month end by match", path: (m: string) => `/api/expenses/months/${m}/totals/matches?limit=${PAGE}` },
    {
      view: "month end by volunteer",
      path: (m: string) => `/api/expenses/months/${m}/totals/volunteers?limit=${PAGE}`,
    },
    { view: "month's claims", path: (m: string) => `/api/expenses/months/${m}/claims?limit=${PAGE}` },
  ];
  const out: ExpensesBench["views"] = [];
  for (const v of views) {
    // One warm-up call each, then the measured one.
    await api.call("GET", v.path(SMALL.month), { as: FINANCE, tenant: TENANT });
    const small = unitsOf(await api.call("GET", v.path(SMALL.month), { as: FINANCE, tenant: TENANT }));
    await api.call("GET", v.path(LARGE.month), { as: FINANCE, tenant: TENANT });
    const res = await api.call("GET", v.path(LARGE.month), { as: FINANCE, tenant: TENANT });
    const rows = field(res.json, "items", isArray).length;
    out.push({ view: v.view, small, large: unitsOf(res), largeRows: rows });
  }
  return {
    planVisit: unitsOf(planned),
    recordVisit: unitsOf(recorded),
    claim: unitsOf(claimed),
    views: out,
    seconds: (Date.now() - started) / 1000,
  };
}

export function expensesSection(r: ExpensesBench): { text: string; rows: Row[] } {
  const rows: Row[] = r.views.map((v) => ({
    measure: `${v.view}: read units a page, ${LARGE.claims}/${SMALL.claims} claims`,
    value: ratio(v.large.rcu / v.small.rcu),
    target: `<= ${TARGET_RATIO}x`,
    result:
      v.small.status === 200 && v.large.status === 200 ? atMost(v.large.rcu / v.small.rcu, TARGET_RATIO) : "ERROR",
  }));
  const writes = [
    ["plan a visit (POST /api/matches/:id/visits)", r.planVisit],
    ["record a visit (POST .../visits/:id/record)", r.recordVisit],
    ["a claim for the visit (POST /api/matches/:id/claims, with Idempotency-Key)", r.claim],
  ] as const;
  const text = [
    "EXPENSES: WHAT A VISIT AND A CLAIM WRITE, AND FINANCE'S MONTH END AT A COST PER PAGE",
    "   Writes: one call each as the demo volunteer, units from the x-tandem-capacity header (WCU as DynamoDB Local",
    "   reports it; AWS WCU priced from each request, transactions doubled).",
    table(
      ["operation", "status", "rcu", "wcu", "AWS wcu", "calls"],
      writes.map(([name, u]) => [
        name,
        String(u.status),
        String(u.rcu),
        String(u.wcu),
        String(u.awsWcu),
        String(u.calls),
      ]),
    ),
    `   Month end: first page (${PAGE} rows) as finance, after one warm-up; ${SMALL.month} holds ${SMALL.claims} claims on ${SMALL.matches} matches,`,
    `   ${LARGE.month} holds ${LARGE.claims} claims on ${LARGE.matches} matches (5 volunteers); made in ${r.seconds.toFixed(0)} s.`,
    table(
      [
        "view",
        `rcu (${SMALL.claims} claims)`,
        `rcu (${LARGE.claims} claims)`,
        "ratio",
        "calls",
        `rows (${LARGE.claims})`,
      ],
      r.views.map((v) => [
        v.view,
        String(v.small.rcu),
        String(v.large.rcu),
        ratio(v.large.rcu / v.small.rcu),
        `${v.small.calls} / ${v.large.calls}`,
        String(v.largeRows),
      ]),
    ),
    rowsTable(rows),
  ].join("\n");
  return { text, rows };
}
