import { randomUUID } from "node:crypto";
import {
  keys,
  matchEntity,
  matchReportFacts,
  matchSummaryOps,
  saveMatchOps,
  TenantContext,
  TenantTable,
  visitEntity,
  visitSummaryOps,
  type WriteOp,
} from "@tandem/data";
import { demoRecordId, TABLE_NAME } from "@tandem/local";
import { expect } from "vitest";
import { type CallOptions, call } from "./client.js";
import { storedItems } from "./table.js";

/**
 * Expenses need an active match of a signed-in volunteer. A test gets its own: a copy of the council's
 * demo match (the demo volunteer user's) under a new id, with its own child's first name, so its claims,
 * caps and budget are the test's alone. Written straight into the table with the data layer's codecs,
 * as the demo data is; the claims themselves go through the API.
 */
export async function seedActiveMatch(
  tenantId: string,
  childFirstName: string,
  activatedAt?: string,
  /** Months (YYYY-MM) to give a recorded visit each, on the 10th. */
  visitMonths: readonly string[] = [],
): Promise<string> {
  const client = storedItems();
  const table = new TenantTable(
    TABLE_NAME,
    async () => client,
    TenantContext.forPublicForm(tenantId, `seed-${randomUUID()}`),
  );
  const demo = await table.get(keys.match(tenantId, demoRecordId(tenantId, 2, 1)));
  if (!demo) throw new Error(`${tenantId} has no demo match`);
  const match = {
    ...matchEntity.parse(demo),
    matchId: randomUUID(),
    child: { ...matchEntity.parse(demo).child, firstName: childFirstName },
    ...(activatedAt ? { activatedAt } : {}),
  };
  await table.transact([
    ...saveMatchOps(tenantId, match, null).map(
      (op): WriteOp => (op.kind === "put" ? ({ ...op, expect: "any" } as WriteOp) : op),
    ),
    // Reporting's summaries, as a match activated through the API keeps them (ADR 16).
    ...matchSummaryOps(tenantId, match.proposal.by.personId, null, matchReportFacts(match, null)),
  ]);
  for (const month of visitMonths) await seedRecordedVisit(tenantId, match.matchId, match.volunteerId, `${month}-10`);
  return match.matchId;
}

/**
 * A visit recorded on `on` (a past month's too, which the API cannot plan): a month's claim is held to the
 * per-visit cap times the month's recorded visits (Leicestershire's "£40 per visit" on "a monthly expense
 * form"). Written straight into the table like the match above, with its reporting summaries.
 */
export async function seedRecordedVisit(tenantId: string, matchId: string, volunteerId: string, on: string) {
  const client = storedItems();
  const table = new TenantTable(
    TABLE_NAME,
    async () => client,
    TenantContext.forPublicForm(tenantId, `seed-${randomUUID()}`),
  );
  const at = `${on}T12:00:00.000Z`;
  const visit = visitEntity.parse({
    matchId,
    id: randomUUID(),
    volunteerId,
    volunteerName: "Chris Lane",
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
  // With reporting's summaries, as a visit recorded through the API keeps them (ADR 16): the dashboard's figures
  // must still equal a rebuild from the records (summaries.int.test.ts) after the tests that seed here.
  await table.transact([visitEntity.put(tenantId, visit, "absent"), ...(await visitSummaryOps(table, null, visit))]);
}

/** A month's claim of `miles` of mileage (no receipt needed), by the volunteer; returns the claim. */
export async function claimMileage(
  volunteer: CallOptions,
  matchId: string,
  month: string,
  miles: number,
  headers: Record<string, string> = {},
) {
  const res = await call("POST", `/api/matches/${matchId}/claims`, {
    ...volunteer,
    headers,
    body: {
      month,
      spentOn: `${month}-10`,
      items: [{ kind: "mileage", description: `${miles} miles to the park`, miles }],
    },
  });
  expect(res.status, res.text).toBe(201);
  return res.json as {
    id: string;
    matchId: string;
    reference: string;
    totalPence: number;
    version: number;
    status: string;
  };
}

/** Takes an action on a claim and expects it to succeed; returns the claim after it. */
export async function actOnClaim(
  as: CallOptions,
  claim: { matchId: string; id: string; version: number },
  action: "approve" | "reject" | "mark_paid",
  reason?: string,
) {
  const res = await call("POST", `/api/matches/${claim.matchId}/claims/${claim.id}/actions`, {
    ...as,
    body: { action, version: claim.version, ...(reason ? { reason } : {}) },
  });
  expect(res.status, res.text).toBe(200);
  return res.json as {
    id: string;
    matchId: string;
    reference: string;
    totalPence: number;
    version: number;
    status: string;
  };
}

/** Every claim in a queue (all its pages). */
export async function wholeQueue(as: CallOptions, queue: string, month?: string) {
  const out: { id: string; matchId: string; matchLabel: string; status: string; reference: string; version: number }[] =
    [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ limit: "100", ...(month ? { month } : {}), ...(cursor ? { cursor } : {}) });
    const res = await call("GET", `/api/expenses/queues/${queue}?${q}`, as);
    expect(res.status, res.text).toBe(200);
    const page = res.json as { items: typeof out; cursor: string | null };
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}
