import { demoRecordId } from "@tandem/local";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { type CallOptions, call, tokenFor, users } from "../support/client.js";
import { actOnClaim, claimMileage, seedActiveMatch, wholeQueue } from "../support/expenses.js";
import { receiptId } from "../support/receipts.js";

/**
 * Finance's side of claims (issue 14) on a match of the Riverford demo volunteer's made for this file:
 * the coordinator's queue, then finance's; the month end by match and by volunteer against sums worked
 * out by hand; the payment file; marking a batch paid once; and claims made once per Idempotency-Key and
 * exactly once past a cap when they race. Riverford pays mileage at 45p a mile (its demo policy) and
 * has a £40-a-visit cap; Eastmere a £25 monthly budget that can be saved for 3 months.
 */
const volunteer: CallOptions = { as: users.riverfordVolunteer, tenant: "riverford" };
const coordinator: CallOptions = { as: users.riverfordCoordinator, tenant: "riverford" };
const finance: CallOptions = { as: "finance@riverford.example", tenant: "riverford" };
const eastmereFinance: CallOptions = { as: "finance@eastmere.example", tenant: "eastmere" };
const eastmereVolunteer: CallOptions = { as: "volunteer@eastmere.example", tenant: "eastmere" };

/** A month no other test claims in, so the volunteer's month totals are this file's alone. */
const MONTH = "2024-02";
let matchId = "";
type Claim = Awaited<ReturnType<typeof claimMileage>>;
let approved: Claim[] = [];

beforeAll(async () => {
  // A recorded visit in each month claimed for: a month's claim is held to £40 for each of its visits.
  matchId = await seedActiveMatch("riverford", "Tova", undefined, [MONTH, "2024-03"]);
});

describe("the coordinator's and finance's queues", () => {
  it("moves a claim from the coordinator's queue to finance's once approved; a rejected one leaves both", async () => {
    const a = await claimMileage(volunteer, matchId, MONTH, 10); // 10 × 45p = £4.50
    const b = await claimMileage(volunteer, matchId, MONTH, 20); // £9.00
    const c = await claimMileage(volunteer, matchId, MONTH, 7); // £3.15
    expect([a.totalPence, b.totalPence, c.totalPence]).toEqual([450, 900, 315]);

    const waiting = await wholeQueue(coordinator, "coordinator");
    const mine = waiting.filter((w) => w.matchId === matchId);
    expect(mine.map((w) => w.id).sort()).toEqual([a.id, b.id, c.id].sort());
    // Coordinators see the match as elsewhere; never the child's last name.
    expect(mine[0]?.matchLabel).toBe("Tova and Chris");

    approved = [await actOnClaim(coordinator, a, "approve"), await actOnClaim(coordinator, b, "approve")];
    await actOnClaim(coordinator, c, "reject", "Mileage was claimed on last month's form");

    // One claim for the decision page: coordinators see the label, finance the initial, the volunteer nothing.
    const one = await call("GET", `/api/expenses/claims/${matchId}/${c.id}`, coordinator);
    expect(one.status, one.text).toBe(200);
    expect(one.json).toMatchObject({ matchLabel: "Tova and Chris", status: "rejected", totalPence: 315 });
    expect((one.json.history as { reason?: string }[]).at(-1)?.reason).toBe("Mileage was claimed on last month's form");
    expect((await call("GET", `/api/expenses/claims/${matchId}/${c.id}`, volunteer)).status).toBe(403);
    const forFinance = (await wholeQueue(finance, "finance")).filter((w) => w.matchId === matchId);
    expect(forFinance.map((w) => w.id).sort()).toEqual([a.id, b.id].sort());
    // Finance sees the child's initial only.
    expect(forFinance[0]?.matchLabel).toBe("T. and Chris");
    const stillWaiting = (await wholeQueue(coordinator, "coordinator")).filter((w) => w.matchId === matchId);
    expect(stillWaiting).toEqual([]);
  });

  it("gives the month end per match and per volunteer: £13.50 in two claims, the rejected £3.15 left out", async () => {
    const byMatch = await call("GET", `/api/expenses/months/${MONTH}/totals/matches?limit=100`, finance);
    expect(byMatch.status, byMatch.text).toBe(200);
    const row = (byMatch.json.items as { matchId: string; claims: number; claimedPence: number }[]).find(
      (r) => r.matchId === matchId,
    );
    // 450 + 900 = 1350; Riverford has no monthly cap or budget, so those figures are null, not zero.
    expect(row).toMatchObject({ claims: 2, claimedPence: 1350, perMonthCapPence: null, budgetHeldPence: null });

    const byVolunteer = await call("GET", `/api/expenses/months/${MONTH}/totals/volunteers`, finance);
    expect(byVolunteer.status, byVolunteer.text).toBe(200);
    expect(byVolunteer.json.items).toEqual([
      expect.objectContaining({
        volunteerId: demoRecordId("riverford", 1, 1),
        volunteerName: "Chris Lane",
        claims: 2,
        claimedPence: 1350,
      }),
    ]);
  });

  it("pages the month end with a cursor", async () => {
    const other = await seedActiveMatch("riverford", "Ada", undefined, [MONTH]);
    await claimMileage(volunteer, other, MONTH, 1); // 45p
    const first = await call("GET", `/api/expenses/months/${MONTH}/totals/matches?limit=1`, finance);
    expect(first.status, first.text).toBe(200);
    expect(first.json.items).toHaveLength(1);
    expect(first.json.cursor).toEqual(expect.any(String));
    const second = await call(
      "GET",
      `/api/expenses/months/${MONTH}/totals/matches?limit=1&cursor=${first.json.cursor as string}`,
      finance,
    );
    expect(second.status, second.text).toBe(200);
    const ids = [...(first.json.items as { matchId: string }[]), ...(second.json.items as { matchId: string }[])];
    expect(ids.map((r) => r.matchId).sort()).toEqual([matchId, other].sort());
    const volunteerRow = await call("GET", `/api/expenses/months/${MONTH}/totals/volunteers`, finance);
    expect((volunteerRow.json.items as { claimedPence: number }[])[0]?.claimedPence).toBe(1395);
  });
});

/** The payment file's bytes, as a download gets them (fetch's text() would drop the byte-order mark). */
async function downloadPaymentFile(as: CallOptions, month = MONTH) {
  const res = await fetch(`${inject("stack").url}/api/expenses/months/${month}/payment-file`, {
    headers: { authorization: `Bearer ${await tokenFor(as.as ?? "")}`, "x-tandem-tenant": as.tenant ?? "" },
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    bytes,
    text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes),
    headers: res.headers,
  };
}

describe("the payment file and marking a batch paid", () => {
  it("neutralises a payee reference that starts like a formula, with the byte-order mark", async () => {
    const [a, b] = approved;
    if (!a || !b) throw new Error("the queue test approves two claims");
    const paidA = await actOnClaim(finance, a, "approve");
    const paidB = await actOnClaim(finance, b, "approve");
    approved = [paidA, paidB];
    const refs = [paidA.reference, paidB.reference].sort().join(" ");
    const volunteerId = demoRecordId("riverford", 1, 1);
    const current = await call("GET", `/api/expenses/months/${MONTH}/totals/volunteers`, finance);
    let version = (current.json.items as { payeeVersion: number }[])[0]?.payeeVersion ?? 0;
    for (const start of ["=", "+", "-", "@"]) {
      const payee = `${start}HYPERLINK("http://x.example","pay")`;
      const set = await call("PUT", `/api/expenses/payees/${volunteerId}`, {
        ...finance,
        body: { payeeReference: payee, version },
      });
      expect(set.status, set.text).toBe(200);
      version = set.json.version as number;
      const file = await downloadPaymentFile(finance);
      expect(file.status, file.text).toBe(200);
      expect(file.headers.get("content-type")).toMatch(/text\/csv; charset=utf-8/);
      expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(file.text).toBe(
        `\uFEFF"Payee reference","Amount","Claim references"\r\n` +
          `"'${start}HYPERLINK(""http://x.example"",""pay"")","13.50","${refs}"\r\n`,
      );
    }
    const read = await call("GET", `/api/expenses/payees/${volunteerId}`, finance);
    expect(read.status, read.text).toBe(200);
    expect(read.json).toEqual({
      volunteerId,
      volunteerName: "Chris Lane",
      payeeReference: expect.stringMatching(/^@/),
      version,
    });
    const plain = await call("PUT", `/api/expenses/payees/${volunteerId}`, {
      ...finance,
      body: { payeeReference: "SUP-004417", version },
    });
    expect(plain.status, plain.text).toBe(200);
    const stale = await call("PUT", `/api/expenses/payees/${volunteerId}`, {
      ...finance,
      body: { payeeReference: "SUP-1", version },
    });
    expect(stale.status).toBe(409);
  });

  it("records each download in the audit trail", async () => {
    const audit = await call("GET", `/api/audit?limit=100&subjectType=payment-file&subjectId=${MONTH}`, {
      as: users.riverfordAdmin,
      tenant: "riverford",
    });
    expect(audit.status, audit.text).toBe(200);
    const downloads = (audit.json.items as { action: string; subject: { type: string; id: string } }[]).filter(
      (e) => e.action === "export" && e.subject.type === "payment-file" && e.subject.id === MONTH,
    );
    expect(downloads.length).toBeGreaterThanOrEqual(4);
  });

  it("marks the batch paid once: a retry with the same key gets the same answer, a second batch is refused", async () => {
    const batch = { claims: approved.map((c) => ({ matchId: c.matchId, claimId: c.id })) };
    const key = { "idempotency-key": `pay-${matchId}` };
    const first = await call("POST", `/api/expenses/months/${MONTH}/payments`, {
      ...finance,
      headers: key,
      body: batch,
    });
    expect(first.status, first.text).toBe(200);
    expect(first.json.totalPence).toBe(1350);
    const retry = await call("POST", `/api/expenses/months/${MONTH}/payments`, {
      ...finance,
      headers: key,
      body: batch,
    });
    expect(retry.status, retry.text).toBe(200);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");

    const again = await call("POST", `/api/expenses/months/${MONTH}/payments`, { ...finance, body: batch });
    expect(again.status).toBe(409);
    expect(again.json.error?.message).toMatch(/EXP-\w+ was already paid on \d{4}-\d{2}-\d{2}: it cannot be paid again/);
    const single = await call("POST", `/api/matches/${matchId}/claims/${approved[0]?.id}/actions`, {
      ...finance,
      body: { action: "mark_paid", version: (approved[0]?.version ?? 0) + 1 },
    });
    expect(single.status).toBe(409);
    // Paid claims leave the to-pay queue, so the month's file is now only its header.
    const file = await downloadPaymentFile(finance);
    expect(file.text).toBe(`\uFEFF"Payee reference","Amount","Claim references"\r\n`);
  });

  it("refuses the wrong role with 403 and another council's claims and volunteers with 404", async () => {
    const [a] = approved;
    if (!a) throw new Error("the queue test approves claims");
    const batch = { claims: [{ matchId: a.matchId, claimId: a.id }] };
    expect((await downloadPaymentFile(coordinator)).status).toBe(403);
    expect((await call("POST", `/api/expenses/months/${MONTH}/payments`, { ...coordinator, body: batch })).status).toBe(
      403,
    );
    expect((await call("GET", "/api/expenses/queues/finance", volunteer)).status).toBe(403);
    expect((await call("GET", `/api/expenses/months/${MONTH}/totals/volunteers`, coordinator)).status).toBe(403);

    const foreign = await call("POST", `/api/expenses/months/${MONTH}/payments`, { ...eastmereFinance, body: batch });
    expect(foreign.status, foreign.text).toBe(404);
    const foreignPayee = await call("PUT", `/api/expenses/payees/${demoRecordId("riverford", 1, 1)}`, {
      ...eastmereFinance,
      body: { payeeReference: "X-1", version: 0 },
    });
    expect(foreignPayee.status).toBe(404);
    const foreignClaim = await call("GET", `/api/expenses/claims/${a.matchId}/${a.id}`, eastmereFinance);
    expect(foreignClaim.status).toBe(404);
    const foreignRead = await call("GET", `/api/expenses/payees/${demoRecordId("riverford", 1, 1)}`, eastmereFinance);
    expect(foreignRead.status).toBe(404);
    const theirQueue = await wholeQueue(eastmereFinance, "finance");
    expect(theirQueue.some((c) => c.matchId === matchId)).toBe(false);
    const theirMonth = await call("GET", `/api/expenses/months/${MONTH}/totals/matches`, eastmereFinance);
    expect((theirMonth.json.items as { matchId: string }[]).some((r) => r.matchId === matchId)).toBe(false);
  });
});

describe("claims made once", () => {
  it("makes one claim for one Idempotency-Key, however often and however fast it is sent", async () => {
    const month = "2024-03";
    const key = { "idempotency-key": `claim-${matchId}-1` };
    const body = { month, spentOn: `${month}-02`, items: [{ kind: "mileage", description: "Bus fare", miles: 4 }] };
    const [x, y] = await Promise.all([
      call("POST", `/api/matches/${matchId}/claims`, { ...volunteer, headers: key, body }),
      call("POST", `/api/matches/${matchId}/claims`, { ...volunteer, headers: key, body }),
    ]);
    expect([x.status, y.status], `${x.text} ${y.text}`).toEqual([201, 201]);
    expect(x.json.id).toBe(y.json.id);
    const z = await call("POST", `/api/matches/${matchId}/claims`, { ...volunteer, headers: key, body });
    expect(z.status).toBe(201);
    expect(z.json).toEqual(x.json);
    const totals = await call("GET", `/api/expenses/months/${month}/totals/matches`, finance);
    expect(
      (totals.json.items as { matchId: string; claims: number }[]).find((r) => r.matchId === matchId),
    ).toMatchObject({
      claims: 1,
      claimedPence: 180,
    });
    const reused = await call("POST", `/api/matches/${matchId}/claims`, {
      ...volunteer,
      headers: key,
      body: { ...body, items: [{ kind: "mileage", description: "Bus fare", miles: 5 }] },
    });
    expect(reused.status).toBe(422);
    expect(reused.json.error?.code).toBe("idempotency_key_reused");
  });

  it("lets exactly one of five claims racing past the visit's £40 cap land; the others are told what remains", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const planned = await call("POST", `/api/matches/${matchId}/visits`, {
      ...volunteer,
      body: {
        on: today,
        startsAt: "00:00",
        endsAt: "00:30",
        activity: "Park and playground",
        place: "The park",
        namedPerson: { name: "Sam Friend" },
      },
    });
    expect(planned.status, planned.text).toBe(201);
    const visitId = planned.json.id as string;
    const recorded = await call("POST", `/api/matches/${matchId}/visits/${visitId}/record`, {
      ...volunteer,
      body: { record: { minutes: 30, whatWeDid: "Swings", howItWent: "well" }, version: planned.json.version },
    });
    expect(recorded.status, recorded.text).toBe(200);
    // 70 miles at 45p = £31.50 each: any one fits under £40, any two do not.
    const body = { visitId, spentOn: today, items: [{ kind: "mileage", description: "To the coast", miles: 70 }] };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call("POST", `/api/matches/${matchId}/claims`, { ...volunteer, body })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses, results.map((r) => r.text).join("\n")).toEqual([201, 409, 409, 409, 409]);
    for (const lost of results.filter((r) => r.status === 409)) {
      expect(lost.json.error?.message).toMatch(/You can claim £8\.50 more for this visit/);
    }
  });

  it("lets exactly one of five claims racing past Eastmere's £25 monthly budget land", async () => {
    const month = new Date().toISOString().slice(0, 7);
    // Active from this month's first day: no earlier month's budget is saved up.
    const eastmereMatch = await seedActiveMatch("eastmere", "Nell", `${month}-01T09:00:00.000Z`);
    await ensureMileageRate("eastmere", users.eastmereAdmin);
    // 40 miles at 45p = £18: alone within the £25 budget of the match's first month, two are over it.
    const body = { month, spentOn: `${month}-01`, items: [{ kind: "mileage", description: "Trip", miles: 40 }] };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        call("POST", `/api/matches/${eastmereMatch}/claims`, { ...eastmereVolunteer, body }),
      ),
    );
    expect(results.map((r) => r.status).sort(), results.map((r) => r.text).join("\n")).toEqual([
      201, 409, 409, 409, 409,
    ]);
    for (const lost of results.filter((r) => r.status === 409)) {
      expect(lost.json.error?.message).toMatch(/activity budget has £7\.00 left this month/);
    }
  });
});

describe("a match activated between midnight and 1am in summer time", () => {
  it("starts its budget in London's month, not the UTC day before's", async () => {
    // 23:30 UTC on 31 July is 00:30 BST on 1 August: August is the match's first month, holding one £25.
    const match = await seedActiveMatch("eastmere", "Ivy", "2026-07-31T23:30:00.000Z");
    await ensureMileageRate("eastmere", users.eastmereAdmin);
    // 60 miles at 45p = £27: over one month's £25; within two, as if July had been a month of the match.
    const body = {
      month: "2026-08",
      spentOn: "2026-08-02",
      items: [{ kind: "mileage", description: "Trip", miles: 60 }],
    };
    const res = await call("POST", `/api/matches/${match}/claims`, { ...eastmereVolunteer, body });
    expect(res.status, res.text).toBe(409);
    expect(res.json.error?.message).toMatch(/activity budget has £25\.00 left this month/);
  });
});

describe("a budget that “can be 'saved up'” with no number of months entered (Northamptonshire)", () => {
  it("carries every unspent month over: £30 a month, nothing spent last month, £50 this month is within", async () => {
    const now = new Date();
    const month = now.toISOString().slice(0, 7);
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
    const before = await setEastmereBudget({ amountPence: 3000, canBeSavedUp: true, maxSavedMonths: null });
    try {
      const match = await seedActiveMatch("eastmere", "Wren", `${lastMonth}-01T09:00:00.000Z`);
      const claim = await call("POST", `/api/matches/${match}/claims`, {
        ...eastmereVolunteer,
        body: {
          month,
          spentOn: `${month}-01`,
          items: [
            {
              kind: "tickets",
              description: "Zoo tickets",
              amountPence: 5000,
              receiptId: await receiptId(eastmereVolunteer, match),
            },
          ],
        },
      });
      expect(claim.status, claim.text).toBe(201);
      expect(claim.json.status).toBe("submitted");
      const totals = await call("GET", `/api/expenses/months/${month}/totals/matches?limit=100`, eastmereFinance);
      expect(totals.status, totals.text).toBe(200);
      const row = (totals.json.items as { matchId: string }[]).find((r) => r.matchId === match);
      expect(row).toMatchObject({ budgetHeldPence: 6000, budgetRemainingPence: 1000, savedUpMonthsAllowed: null });
    } finally {
      await setEastmereBudget(before);
    }
  });
});

/** Sets Eastmere's monthly budget; returns the one it replaced, to put back. */
async function setEastmereBudget(budget: unknown): Promise<unknown> {
  const admin = { as: users.eastmereAdmin, tenant: "eastmere" };
  for (let attempt = 0; attempt < 5; attempt++) {
    const tenant = await call("GET", "/api/tenant", admin);
    const policy = tenant.json.policy as { expenses: { monthlyBudget: unknown } };
    const changed = await call("PUT", "/api/tenant/policy", {
      ...admin,
      body: {
        policy: { ...policy, expenses: { ...policy.expenses, monthlyBudget: budget } },
        version: tenant.json.version,
        reason: "Budget saved up with no limit, for the finance test",
      },
    });
    if (changed.status === 200) return policy.expenses.monthlyBudget;
    expect(changed.status, changed.text).toBe(409);
  }
  throw new Error("could not set the budget");
}

/** Eastmere's demo policy has no mileage rate; the race needs one (45p, Riverford's demo figure). */
async function ensureMileageRate(slug: string, admin: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const tenant = await call("GET", "/api/tenant", { as: admin, tenant: slug });
    const policy = tenant.json.policy as { expenses: { mileagePencePerMile: number | null } };
    if (policy.expenses.mileagePencePerMile !== null) return;
    const changed = await call("PUT", "/api/tenant/policy", {
      as: admin,
      tenant: slug,
      body: {
        policy: { ...policy, expenses: { ...policy.expenses, mileagePencePerMile: 45 } },
        version: tenant.json.version,
        reason: "Mileage rate for the finance test",
      },
    });
    if (changed.status === 200) return;
    expect(changed.status, changed.text).toBe(409);
  }
  throw new Error("could not set the mileage rate");
}
