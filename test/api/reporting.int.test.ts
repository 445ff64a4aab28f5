import { randomUUID } from "node:crypto";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Dashboard } from "@tandem/contracts/reporting";
import { exampleReferralAnswers, exampleVolunteerApplication } from "@tandem/domain";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { type CallOptions, call, tokenFor, users } from "../support/client.js";
import { storedItems } from "../support/table.js";
import { today, volunteerCalls } from "../support/volunteers.js";

/**
 * Reporting against the real local stack (issue 16): the dashboard's figures move by exactly what a
 * known history of referrals and volunteers says, the summaries agree with a rebuild from the records,
 * and the routes refuse the wrong role, bad periods and another council.
 */

const manager: CallOptions = { as: users.riverfordManager, tenant: "riverford" };
const admin: CallOptions = { as: users.riverfordAdmin, tenant: "riverford" };
const coordinator: CallOptions = { as: users.riverfordCoordinator, tenant: "riverford" };
const eastmereManager: CallOptions = { as: users.eastmereManager, tenant: "eastmere" };
const run = randomUUID().slice(0, 6);
const month = today.slice(0, 7);

type Json = Record<string, unknown>;
type Dash = Dashboard;
type Fig = Dashboard["waiting"]["waiting"];

async function dashboard(query = "", as = manager): Promise<Dash> {
  const res = await call("GET", `/api/reporting/dashboard${query}`, as);
  expect(res.status, res.text).toBe(200);
  return res.json as unknown as Dash;
}

async function enterReferral(change: (a: ReturnType<typeof exampleReferralAnswers>) => void): Promise<string> {
  const answers = exampleReferralAnswers();
  change(answers);
  const res = await call("POST", "/api/referrals", {
    ...coordinator,
    body: { kind: "professional", answers },
    headers: { "idempotency-key": randomUUID() },
  });
  expect(res.status, res.text).toBe(201);
  return String(res.json.reference);
}

async function referralAction(reference: string, body: Json) {
  const current = await call("GET", `/api/referrals/${reference}`, coordinator);
  const res = await call("POST", `/api/referrals/${reference}/actions`, {
    ...coordinator,
    body: { version: current.json.version, ...body },
  });
  expect(res.status, res.text).toBe(200);
}

describe("who may see reporting", () => {
  it("refuses a volunteer with 403", async () => {
    const res = await call("GET", "/api/reporting/dashboard", { as: users.riverfordVolunteer, tenant: "riverford" });
    expect(res.status).toBe(403);
    expect(res.json.error?.code).toBe("forbidden");
  });

  it("answers a coordinator with their own caseload, and the council's coverage, waiting and recruitment", async () => {
    const mine = await dashboard("", coordinator);
    const council = await dashboard();
    expect(mine.scope.kind).toBe("caseload");
    expect(mine.scope.words).toMatch(/caseload: the matches they proposed/);
    expect(council.scope.kind).toBe("council");
    expect(mine.waiting.waiting).toEqual(council.waiting.waiting);
    expect(mine.coverage.childrenWithVisitor).toEqual(council.coverage.childrenWithVisitor);
    const csv = await call("GET", "/api/reporting/tables/matches-by-month", coordinator);
    expect(csv.status, csv.text).toBe(200);
    // The looked-after count stays the managers' to record.
    const write = await call("PUT", `/api/reporting/looked-after/${month}`, {
      ...coordinator,
      body: { count: 1, source: "x" },
    });
    expect(write.status).toBe(403);
  });

  it("refuses a manager of another council acting for this one", async () => {
    const res = await call("GET", "/api/reporting/dashboard", { as: users.eastmereManager, tenant: "riverford" });
    expect(res.status).toBe(403);
    const write = await call("PUT", `/api/reporting/looked-after/${month}`, {
      as: users.eastmereManager,
      tenant: "riverford",
      body: { count: 1, source: "x" },
    });
    expect(write.status).toBe(403);
  });

  it("answers a tenant admin as well as a manager", async () => {
    await dashboard("", admin);
  });
});

describe("periods", () => {
  it.each([
    ["?period=month&from=2999-01-01", "The period must start today or earlier"],
    ["?period=custom&from=2026-05-02&to=2026-05-01", "The end date must be the same as or after the start date"],
    ["?period=custom&from=2026-05-02", "Enter the end date of the custom period"],
    ["?period=month&from=01/05/2026", "Enter the start date as YYYY-MM-DD"],
    ["?period=month&from=2026-02-30", "Enter the start date as YYYY-MM-DD"],
    ["?period=custom&from=2020-01-01&to=2026-01-01", "A custom period can be at most 2 years long"],
  ])("refuses %s with 400: %s", async (query, message) => {
    const res = await call("GET", `/api/reporting/dashboard${query}`, manager);
    expect(res.status, res.text).toBe(400);
    expect(res.json.error?.message).toBe(message);
  });

  it("refuses a kind of period it does not know with 400", async () => {
    const res = await call("GET", "/api/reporting/dashboard?period=fortnight", manager);
    expect(res.status).toBe(400);
  });

  it("labels the financial quarter and year", async () => {
    const q = await call("GET", "/api/reporting/dashboard?period=quarter&from=2026-05-10", manager);
    expect(q.json.period).toMatchObject({ from: "2026-04-01", to: "2026-06-30", label: "Quarter 1 2026 to 2027" });
    expect(q.json.previous).toMatchObject({ from: "2026-01-01", to: "2026-03-31" });
  });
});

describe("the looked-after count", () => {
  it("is recorded with its source, refused for a month to come or a count that is not whole", async () => {
    const next = `${Number(month.slice(0, 4)) + 1}-01`;
    const future = await call("PUT", `/api/reporting/looked-after/${next}`, {
      ...manager,
      body: { count: 5, source: "x" },
    });
    expect(future.status).toBe(400);
    const bad = await call("PUT", `/api/reporting/looked-after/${month}`, {
      ...manager,
      body: { count: 2.5, source: "x" },
    });
    expect(bad.status).toBe(400);
    const noSource = await call("PUT", `/api/reporting/looked-after/${month}`, {
      ...manager,
      body: { count: 5, source: " " },
    });
    expect(noSource.status).toBe(400);
    const badMonth = await call("PUT", "/api/reporting/looked-after/2026-13", {
      ...manager,
      body: { count: 5, source: "x" },
    });
    expect(badMonth.status).toBe(400);

    const ok = await call("PUT", `/api/reporting/looked-after/${month}`, {
      ...manager,
      body: { count: 400, source: "Case system month-end report" },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ month, count: 400, source: "Case system month-end report" });
    const list = await call("GET", "/api/reporting/looked-after", manager);
    expect(list.json.items).toContainEqual(expect.objectContaining({ month, count: 400 }));
    // Another council sees none of it.
    const other = await call("GET", "/api/reporting/looked-after", eastmereManager);
    expect(other.status).toBe(200);
    expect(other.json.items).not.toContainEqual(expect.objectContaining({ source: "Case system month-end report" }));
  });
});

describe("figures from a known history", () => {
  let before: Dash;
  let after: Dash;
  const gender = `Test gender ${run}`;
  const reason = `=HYPERLINK("x") moving ${run}`;

  beforeAll(async () => {
    before = await dashboard();
    // Three children referred today: one accepted (still waiting), one declined (the wait ends), one untouched.
    const accepted = await enterReferral((a) => {
      a.child.gender = gender;
      a.careStatus.placedInArea = false;
    });
    const declined = await enterReferral((a) => {
      a.child.gender = gender;
    });
    await enterReferral((a) => {
      a.child.gender = gender;
      a.child.dateOfBirth = "2010-01-15";
    });
    await referralAction(accepted, { action: "start_review" });
    await referralAction(accepted, { action: "accept" });
    await referralAction(declined, { action: "start_review" });
    await referralAction(declined, { action: "decline", reason: "Not looked after", reviewBy: undefined });
    // A volunteer applies and withdraws.
    const application = exampleVolunteerApplication();
    application.contact.email = `reporting-${run}@example.org`;
    application.referees = application.referees.map((r, i) => ({ ...r, email: `ref${i}-${run}@example.org` }));
    const applied = await call("POST", "/api/public/tenants/riverford/volunteer-applications", {
      body: application,
      headers: { "idempotency-key": randomUUID(), "x-forwarded-for": "198.51.100.77" },
    });
    expect(applied.status, applied.text).toBe(202);
    const board = await call("GET", "/api/volunteers?stage=application&limit=100", coordinator);
    const row = (board.json.items as Json[]).find((r) => r.reference === applied.json.reference);
    const { act } = volunteerCalls(coordinator);
    const withdrawn = await act(String(row?.id), { action: "withdraw", reason });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    after = await dashboard();
  });

  it("counts the referrals received, the decisions and who is still waiting", () => {
    const delta = (f: (d: Dash) => Fig) => (f(after).value ?? 0) - (f(before).value ?? 0);
    expect(delta((d) => d.waiting.received)).toBe(3);
    expect(delta((d) => d.waiting.waiting)).toBe(2);
    expect(delta((d) => d.waiting.decisions)).toBe(2);
    expect(delta((d) => d.waiting.decidedOnTime)).toBe(2);
    expect(delta((d) => d.waiting.decidedLate)).toBe(0);
  });

  it("groups the waiting children, each waiting 0 days today", () => {
    const group = after.waiting.byGroup.find((g) => g.dimension === "gender" && g.group === gender.toLowerCase());
    expect(group).toMatchObject({ count: 2, medianDays: 0, longestDays: 0 });
  });

  it("shows referrals and children with a visitor as shares of the looked-after count", () => {
    const received = after.waiting.received.value ?? 0;
    expect(after.coverage.lookedAfter).toMatchObject({ count: 400, source: "Case system month-end report" });
    expect(after.coverage.referralsPercent.value).toBe(Math.round((received / 400) * 1000) / 10);
    const withVisitor = after.coverage.childrenWithVisitor.value;
    expect(after.coverage.coveragePercent.value).toBe(
      withVisitor === null ? null : Math.round((withVisitor / 400) * 1000) / 10,
    );
  });

  it("counts the application and the withdrawal with its reason", () => {
    expect((after.recruitment.applied.value ?? 0) - (before.recruitment.applied.value ?? 0)).toBe(1);
    expect((after.recruitment.withdrawn.value ?? 0) - (before.recruitment.withdrawn.value ?? 0)).toBe(1);
    expect(after.recruitment.withdrawalReasons).toContainEqual({ reason: reason.toLowerCase(), count: 1 });
  });

  it("shows another council none of it", async () => {
    const other = await dashboard("", eastmereManager);
    expect(other.waiting.byGroup.some((g) => g.group === gender.toLowerCase())).toBe(false);
    expect(other.recruitment.withdrawalReasons.some((w) => w.reason.includes(run))).toBe(false);
  });

  it("downloads a table as CSV for Excel with formula cells neutralised, and audits the download", async () => {
    const res = await call("GET", "/api/reporting/tables/withdrawal-reasons", manager);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="riverford-withdrawal-reasons-/);
    const raw = await fetch(`${inject("stack").url}/api/reporting/tables/withdrawal-reasons`, {
      headers: { authorization: `Bearer ${await tokenFor(users.riverfordManager)}`, "x-tandem-tenant": "riverford" },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.text).toContain(`"'${reason.toLowerCase().replace(/"/g, '""')}","1"`);
    const unknown = await call("GET", "/api/reporting/tables/everything", manager);
    expect(unknown.status).toBe(400);
    const volunteerTry = await call("GET", "/api/reporting/tables/figures", {
      as: users.riverfordVolunteer,
      tenant: "riverford",
    });
    expect(volunteerTry.status).toBe(403);

    const audit = await storedAudit();
    expect(audit.some((a) => a.action === "export" && String(a.subject?.id).startsWith("withdrawal-reasons:"))).toBe(
      true,
    );
  });
});

async function storedAudit(): Promise<{ action: string; subject?: { id: string } }[]> {
  const out = await storedItems().send(
    new QueryCommand({
      TableName: "tandem",
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": "T#riverford#AUDIT" },
      ScanIndexForward: false,
      Limit: 500,
    }),
  );
  return (out.Items ?? []).map((i) => ({ action: String(i.action), subject: i.subject }));
}
