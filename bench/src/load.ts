import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import type { ApiClient } from "./api-client.js";
import { answers } from "./referrals.js";
import { atMost, type Row, rowsTable } from "./stats.js";

/**
 * A bounded load run on loopback against the bench's own stack: a fixed number of connections for at most
 * `seconds`, and never more than `maxRequests`, so it cannot run away on a shared machine.
 */
export const LOAD = { connections: 10, seconds: 10, maxRequests: 4_000 } as const;

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p99Ms: number;
  requests: number;
  /** Connection errors, timeouts and answers other than 2xx. */
  errors: number;
  statuses: string;
}

async function run(name: string, opts: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({
    connections: LOAD.connections,
    duration: LOAD.seconds,
    maxOverallRequests: LOAD.maxRequests,
    timeout: 15,
    ...opts,
  });
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([status, s]) => `${status}×${s.count}`)
    .join(" ");
  return {
    name,
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    statuses,
  };
}

/** A read (the council, as a coordinator) and the public referral form, each from a fresh key and address. */
export async function runLoad(api: ApiClient): Promise<LoadResult[]> {
  const headers: Record<string, string> = {};
  (await api.headers({ as: "coordinator@riverford.example" })).forEach((value, name) => {
    headers[name] = value;
  });
  const read = await run("GET /api/tenant", { url: `${api.baseUrl}/api/tenant`, headers });
  let n = 0;
  const submit = await run("POST /api/public/tenants/riverford/referrals", {
    url: `${api.baseUrl}/api/public/tenants/riverford/referrals`,
    method: "POST",
    // Each request is a new referral from its own address: the form's rate limit is per address, and this
    // measures the write path, not the limiter.
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          n += 1;
          return {
            ...request,
            headers: {
              ...request.headers,
              "content-type": "application/json",
              "idempotency-key": randomUUID(),
              "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            },
            body: JSON.stringify({ kind: "professional", answers: answers(`load-${n}@riverford.gov.example`) }),
          };
        },
      },
    ],
  });
  return [read, submit];
}

export function loadSection(results: LoadResult[]): { text: string; rows: Row[] } {
  const rows: Row[] = results.flatMap((r) => [
    { measure: `${r.name}  requests a second`, value: r.requestsPerSecond.toFixed(0), target: "", result: "info" },
    { measure: `${r.name}  p99`, value: `${r.p99Ms.toFixed(0)} ms`, target: "", result: "info" },
    {
      measure: `${r.name}  errors`,
      value: `${r.errors} of ${r.requests} (${r.statuses})`,
      target: "0",
      result: atMost(r.errors, 0),
    },
  ]);
  const text = [
    "6. LOAD: autocannon on loopback against the bench's stack",
    `   ${LOAD.connections} connections, at most ${LOAD.seconds} s and ${LOAD.maxRequests} requests per run; errors are`,
    "   connection errors, timeouts and answers other than 2xx. The referral run sends a new referral each time.",
    "",
    rowsTable(rows),
  ].join("\n");
  return { text, rows };
}
