import { readFile } from "node:fs/promises";
import { publishedBenchmarkEntity, TenantContext } from "@tandem/data";
import { exampleReferralAnswers, exampleVolunteerApplication } from "@tandem/domain";
import { DEMO_PASSWORD, type LocalStack, signIn } from "@tandem/local";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkScreen, heading, openPage, screenshot, signInToWorkspace, startE2e } from "./browser.js";

/**
 * Riverford's manager reads the dashboard (issue 16): opens Reporting from the workspace, records the
 * month's looked-after count, changes the period, opens a chart's table, downloads a CSV whose formula
 * cell is neutralised, and prints the quarterly report (no navigation on the printed page). Every
 * screen is checked with axe-core, and each chart carries a text alternative. The matches, visits,
 * money and concerns sections show (the demo's active match), a coordinator sees their own caseload.
 */
// Its own stack, clear of the other browser tests' and of `pnpm start` (3000).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 120;

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

async function api(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${stack.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, text, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("reporting", PORT));
  // A little history: two children referred on paper, one accepted; a volunteer who applies and withdraws.
  const coordinator = await signIn(stack.identity, "coordinator@riverford.example", DEMO_PASSWORD);
  for (const gender of ["Girl", "Boy"]) {
    const answers = exampleReferralAnswers();
    answers.child.gender = gender;
    const res = await api(
      coordinator,
      "POST",
      "/api/referrals",
      { kind: "professional", answers },
      {
        "idempotency-key": crypto.randomUUID(),
      },
    );
    expect(res.status, res.text).toBe(201);
  }
  const application = exampleVolunteerApplication();
  application.contact.email = "reporting-e2e@example.org";
  const applied = await api("", "POST", "/api/public/tenants/riverford/volunteer-applications", application, {
    "idempotency-key": crypto.randomUUID(),
  });
  expect(applied.status, applied.text).toBe(202);
  const board = await api(coordinator, "GET", "/api/volunteers?stage=application&limit=10");
  const volunteer = (board.json.items as { id: string; reference: string }[]).find(
    (v) => v.reference === applied.json.reference,
  );
  const record = await api(coordinator, "GET", `/api/volunteers/${volunteer?.id}`);
  const withdrawn = await api(coordinator, "POST", `/api/volunteers/${volunteer?.id}/actions`, {
    action: "withdraw",
    reason: "=SUM(1,2) moved away",
    version: record.json.version,
  });
  expect(withdrawn.status, withdrawn.text).toBe(200);
});

afterAll(async () => {
  await stopAll?.();
});

describe("the manager's dashboard", () => {
  it("changes the period, shows a chart's table, downloads a CSV and prints the report", async () => {
    const { context, page, pageErrors } = await openPage(browser);
    await signInToWorkspace(page, stack.url, "manager@riverford.example");
    await page.getByRole("main").getByRole("link", { name: "Reporting" }).click();
    await heading(page, /^Reporting: [A-Z][a-z]+ \d{4}$/);
    await checkScreen(page, "reporting-month");
    expect(await page.getByText("No data yet").count()).toBeGreaterThan(0);

    // The looked-after count, with where it comes from.
    await page.getByRole("link", { name: "Record the looked-after count for a month" }).click();
    await heading(page, "Record the looked-after count");
    await page.getByRole("button", { name: "Save the count" }).click();
    await expect.poll(() => page.locator(".govuk-error-summary").isVisible()).toBe(true);
    await checkScreen(page, "reporting-looked-after-errors");
    await page.getByLabel("How many children did the council look after that month?").fill("250");
    await page.getByLabel("Where does the figure come from?").fill("Case system month-end report");
    await page.getByRole("button", { name: "Save the count" }).click();
    await heading(page, /^Reporting: /);
    await expect.poll(() => page.getByText(/250 in .* \(source: Case system month-end report/).count()).toBe(1);
    // Two referrals against 250 children.
    await expect.poll(() => page.getByText("0.8%", { exact: true }).count()).toBeGreaterThan(0);

    // A different period.
    await page.getByLabel("Financial year").check();
    await page.getByRole("button", { name: "Show the figures" }).click();
    await heading(page, /^Reporting: Financial year \d{4} to \d{4}$/);
    await checkScreen(page, "reporting-year");

    // Each chart has a text alternative, and its table opens.
    for (const svg of await page.locator("svg[role=img]").all()) {
      const label = await svg.evaluate((el) =>
        (el.getAttribute("aria-labelledby") ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" "),
      );
      expect(label.trim().length).toBeGreaterThan(20);
    }
    const chart = page.locator("#chart-received");
    await chart.getByText("Show the table").click();
    await expect.poll(() => chart.getByRole("table").isVisible()).toBe(true);

    // The matches section: the demo's active match counted, its chart's table opens, its table downloads.
    const matches = page.locator("#chart-matches");
    await matches.getByText("Show the table").click();
    await expect.poll(() => matches.getByRole("table").isVisible()).toBe(true);
    expect(await matches.getByRole("table").textContent()).toMatch(/Matches active at some time in the month/);
    const matchesCsv = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download matches by month (CSV)" }).click();
    const matchesFile = await readFile((await (await matchesCsv).path()) ?? "");
    expect([...matchesFile.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(matchesFile.toString("utf8")).toMatch(/^\uFEFF?"Month","Active at some time","Started","Ended"/);
    for (const name of ["Visits", "Money", "Concerns"])
      expect(await page.getByRole("heading", { name, level: 2 }).count()).toBe(1);
    await checkScreen(page, "reporting-year-sections");

    // A CSV for Excel: byte-order mark, and the formula a volunteer's reason began with neutralised.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download withdrawal reasons (CSV)" }).click();
    const file = await readFile((await (await download).path()) ?? "");
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.toString("utf8")).toContain(`"'=sum(1,2) moved away","1"`);
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/recorded in the audit trail/);

    // The quarterly report: printed, no navigation, no buttons.
    await page.getByLabel("Quarter").check();
    await page.getByRole("button", { name: "Show the figures" }).click();
    await heading(page, /^Reporting: Quarter \d /);
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "reporting-print");
    expect(await page.locator("#tandem-header").isVisible()).toBe(false);
    expect(await page.locator(".tandem-footer").isVisible()).toBe(false);
    expect(await page.locator("#tandem-account").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Print or save as PDF" }).isVisible()).toBe(false);
    expect(await page.locator("form").first().isVisible()).toBe(false);
    expect(await page.getByText("report to the Corporate Parenting Board").isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
    expect(pageErrors).toEqual([]);
    await context.close();
    // Seven sections, each screen checked with axe: longer than the file's default on a shared machine.
  }, 300_000);

  it("shows a coordinator their own caseload", async () => {
    const { context, page, pageErrors } = await openPage(browser);
    await signInToWorkspace(page, stack.url, "coordinator@riverford.example");
    await page.getByRole("main").getByRole("link", { name: "Reporting" }).click();
    await heading(page, /^Reporting: /);
    await expect.poll(() => page.getByText(/caseload: the matches they proposed/).count()).toBe(1);
    // The demo's match was proposed by the demo data, not this coordinator: their figures have no data yet.
    expect(await page.getByText("No data yet").count()).toBeGreaterThan(0);
    // No link to a manager's page the coordinator would only be refused ("You cannot use this page").
    const links = await page
      .getByRole("main")
      .locator("a[href^='/workspace/reporting/']")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links.filter((href) => /\/(looked-after|never-offered|benchmark)$/.test(href ?? ""))).toEqual([]);
    await checkScreen(page, "reporting-caseload");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe("comparing with other councils", () => {
  it("opts in with what is shared explained, and shows the quartiles only when five councils share", async () => {
    const { context, page, pageErrors } = await openPage(browser);
    await page.setViewportSize({ width: 320, height: 800 });
    await signInToWorkspace(page, stack.url, "admin@riverford.example");
    await page.goto(`${stack.url}/workspace/reporting`);
    await heading(page, /^Reporting: /);
    await page.getByRole("link", { name: "Compare with other councils" }).click();
    await heading(page, "Compare with other councils");
    await expect.poll(() => page.getByText("The council does not share its figures.").count()).toBe(1);
    expect(await page.getByText(/Nothing else leaves the council's records/).count()).toBe(1);
    await checkScreen(page, "benchmark-not-shared");

    // Sharing needs the kind of council it is compared with.
    await page.getByLabel("Yes, share them anonymously").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.locator(".govuk-error-summary").isVisible()).toBe(true);
    expect(await page.locator(".govuk-error-summary").textContent()).toContain("Choose the kind of council");
    await checkScreen(page, "benchmark-errors");
    await page.getByLabel("Unitary authority").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByText(/The council shares its figures/).count()).toBe(1);
    // Nobody else shares yet: a plain sentence, no quartiles.
    expect(
      await page.getByText(/Not enough councils of the same kind \(unitary authority\) share them yet/).count(),
    ).toBe(1);
    expect(await page.getByRole("columnheader", { name: "Median" }).count()).toBe(0);
    await checkScreen(page, "benchmark-too-few");

    // The daily build found six unitary authorities sharing (fictional figures, written as the job would).
    const platform = stack.db.forTenant(
      TenantContext.forPlatform({ personId: "benchmark-job", email: "", name: "Benchmark job" }, "e2e"),
    );
    const today = new Date().toISOString().slice(0, 10);
    const six = (median: number) => ({
      contributors: 6,
      spread: { lowerQuartile: median - 2, median, upperQuartile: median + 3 },
    });
    await platform.transact([
      publishedBenchmarkEntity.put(
        platform.ctx.tenantId,
        {
          kind: "unitary",
          builtOn: today,
          from: today,
          to: today,
          figures: { coveragePercent: six(6), medianWaitDays: six(90), matchLengthDays: six(400) },
        },
        "any",
      ),
    ]);
    await page.reload();
    await heading(page, "Compare with other councils");
    const compared = page.getByRole("table");
    await expect.poll(() => compared.isVisible()).toBe(true);
    expect(await compared.textContent()).toMatch(/Median wait for a visitor.*88 days.*90 days.*93 days.*6/);
    expect(await page.getByText(/Not enough councils/).count()).toBe(0);
    await checkScreen(page, "benchmark-quartiles");

    // Opting out again.
    await page.getByLabel("No, do not share them").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByText("The council does not share its figures.").count()).toBe(1);
    expect(await page.getByRole("columnheader", { name: "Median" }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 300_000);
});
