import { performance } from "node:perf_hooks";
import { type Item, reviewScheduleEntity, supervisionScheduleEntity } from "@tandem/data";
import { addDays, todayInLondon } from "@tandem/domain";
import type { LocalStack } from "@tandem/local";
import type { ApiClient } from "./api-client.js";
import { parseCapacity } from "./capacity.js";
import { writeAll } from "./referrals.js";
import { median, ms, type Row, ratio, rowsTable, table } from "./stats.js";

/**
 * Reviews (issue 15): what one page of the coordinator's due and overdue lists (reviews, and the
 * volunteers' supervision) costs in read units for a council with 10 active matches and one with
 * 1,000, target: the same work a page (one Query of the due view, whatever the number of matches; its
 * units follow the page's own items, at most a page of small entries). Each match's small schedule entry is seeded
 * through the data layer's own item builders, a tenth of them overdue or due within the fortnight
 * the list shows, the rest later: the list reads one Query page of the due view and nothing else.
 */
const SMALL = { tenant: "riverford", as: "coordinator@riverford.example", matches: 10 };
const LARGE = {
  tenant: "eastmere",
  as: "coordinator@brightpath.example",
  matches: Number(process.env.BENCH_REVIEW_MATCHES ?? 1000),
};
const ROUNDS = 10;
const PAGE = 25;
const LISTS = [`/api/reviews/due?limit=${PAGE}`, `/api/supervision/due?limit=${PAGE}`] as const;

interface ListCost {
  path: string;
  status: number;
  rcu: number;
  calls: number;
  items: number;
  medianMs: number;
}

export interface ReviewBench {
  small: ListCost[];
  large: ListCost[];
}

/** `count` active matches' review and supervision entries: one in ten due or overdue, the rest months ahead. */
function entries(tenantId: string, count: number): Item[] {
  const today = todayInLondon();
  return Array.from({ length: count }, (_, i) => {
    const id = `bench-${String(i).padStart(6, "0")}`;
    const dueOn = i % 10 === 0 ? addDays(today, (i % 30) - 20) : addDays(today, 30 + (i % 150));
    const activatedOn = addDays(today, -200);
    return [
      reviewScheduleEntity.item(tenantId, {
        matchId: `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`,
        referralId: `REF-${id}`,
        volunteerId: `vol-${id}`,
        activatedOn,
        firstVisitOn: activatedOn,
        endingBeganOn: null,
        kind: "formal",
        dueOn,
        rule: "formal_every",
        label: `Child ${i} and Volunteer ${i}`,
        childDateOfBirth: "2012-01-01",
        vulnerableCareLeaver: false,
        version: 1,
      }),
      supervisionScheduleEntity.item(tenantId, {
        volunteerId: `vol-${id}`,
        label: `Volunteer ${i}`,
        matchStarts: { [id]: activatedOn },
        sessions: [],
        kind: "formal",
        dueOn,
        rule: "formal_every",
        version: 1,
      }),
    ];
  }).flat();
}

async function cost(api: ApiClient, who: { tenant: string; as: string }, path: string): Promise<ListCost> {
  await api.call("GET", path, { as: who.as, tenant: who.tenant });
  const times: number[] = [];
  let last: Awaited<ReturnType<ApiClient["call"]>> | undefined;
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    last = await api.call("GET", path, { as: who.as, tenant: who.tenant });
    times.push(performance.now() - started);
  }
  const c = parseCapacity(last?.headers.get("x-tandem-capacity") ?? null);
  const items = (last?.json as { items?: unknown[] } | undefined)?.items?.length ?? -1;
  return {
    path,
    status: last?.status ?? 0,
    rcu: c?.rcu ?? Number.NaN,
    calls: c?.calls ?? -1,
    items,
    medianMs: median(times),
  };
}

export async function runReviewBench(
  stack: LocalStack,
  api: ApiClient,
  log: (s: string) => void,
): Promise<ReviewBench> {
  log(`seeding review schedules: ${SMALL.matches} matches in ${SMALL.tenant}, ${LARGE.matches} in ${LARGE.tenant}`);
  const client = await stack.db.clientForProvisioning();
  for (const c of [SMALL, LARGE]) await writeAll(client, entries(c.tenant, c.matches));
  const small: ListCost[] = [];
  const large: ListCost[] = [];
  for (const path of LISTS) {
    small.push(await cost(api, SMALL, path));
    large.push(await cost(api, LARGE, path));
  }
  return { small, large };
}

export function reviewSection(r: ReviewBench): { text: string; rows: Row[] } {
  const rows: Row[] = LISTS.flatMap((path, i) => {
    const s = r.small[i];
    const l = r.large[i];
    const ok = s?.status === 200 && l?.status === 200;
    const name = path.split("?")[0];
    return [
      {
        // The constant: one Query of the due view a page (plus the sign-in's own read), whatever the matches.
        measure: `${name} calls a page, ${LARGE.matches} vs ${SMALL.matches} matches`,
        value: s && l ? `${l.calls} vs ${s.calls}` : "-",
        target: "equal",
        result: ok && s && l ? (l.calls === s.calls ? "PASS" : "MISS") : "ERROR",
      },
      {
        // Units follow the page's items (at most PAGE small entries, a few KB), never the council's matches.
        measure: `${name} read units, ${LARGE.matches}/${SMALL.matches} matches`,
        value: s && l ? ratio(l.rcu / s.rcu) : "-",
        target: "info",
        result: "info",
      },
    ];
  });
  const cells = LISTS.flatMap((_, i) =>
    [
      [SMALL.matches, r.small[i]],
      [LARGE.matches, r.large[i]],
    ].map(([n, c]) => {
      const x = c as ListCost;
      return [
        x.path,
        `${n} matches`,
        String(x.status),
        String(x.items),
        String(x.rcu),
        String(x.calls),
        ms(x.medianMs),
      ];
    }),
  );
  const text = [
    "REVIEWS: THE COORDINATOR'S DUE AND OVERDUE LISTS AT A COST A PAGE THAT DOES NOT GROW WITH THE MATCHES",
    `   One page (${PAGE}) of each list, ${ROUNDS} timed calls after one warm-up; one in ten matches due or overdue.`,
    table(["list", "council", "status", "items", "rcu", "calls", "median"], cells),
    rowsTable(rows),
  ].join("\n");
  return { text, rows };
}
