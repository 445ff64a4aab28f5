import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { todayInLondon } from "@tandem/domain/calendar";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { DEMO_PASSWORD, type LocalStack, signIn } from "@tandem/local";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_ERRORS, sampleWorkbook } from "../support/import-sample.js";
import { checkScreen, heading, openPage, signInToWorkspace, startE2e } from "./browser.js";

/**
 * Riverford's tenant admin imports the council's spreadsheet (issue 18): downloads the template,
 * chooses the sample workbook (500 volunteers, 200 children waiting, 100 matches, 3 deliberate errors),
 * chooses the one column Tandem cannot guess, reads the dry run's three problems, imports only the
 * valid rows, watches the progress and downloads the report. Every screen is checked with axe-core.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 100;

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;
let samplePath = "";

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("import", PORT));
  const token = await signIn(stack.identity, "admin@riverford.example", DEMO_PASSWORD);
  const res = await fetch(`${stack.url}/api/tenant`, { headers: { authorization: `Bearer ${token}` } });
  const policy = ((await res.json()) as { policy: TenantPolicy }).policy;
  const dir = await mkdtemp(join(tmpdir(), "tandem-import-e2e-"));
  samplePath = join(dir, "riverford-records.xlsx");
  await writeFile(
    samplePath,
    await sampleWorkbook(policy, todayInLondon(), { volunteers: 500, children: 200, matches: 100 }),
  );
}, 600_000);

afterAll(async () => {
  await stopAll?.();
});

describe("importing the council's spreadsheet", { timeout: 400_000 }, () => {
  it("goes through the mapping, the dry run and the import, then gives the report", async () => {
    const { context, page, pageErrors } = await openPage(browser);
    await signInToWorkspace(page, stack.url, "admin@riverford.example");
    await page.getByRole("link", { name: "Scheme settings" }).click();
    await page.getByRole("link", { name: "Import records" }).first().click();
    await heading(page, "Import records");
    await checkScreen(page, "import-start");

    const template = page.waitForEvent("download");
    await page.getByRole("button", { name: /Download the template: The workbook/ }).click();
    expect((await template).suggestedFilename()).toBe("riverford-workbook-template.xlsx");

    // Continuing without a file names the problem.
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => page.locator(".govuk-error-summary").isVisible()).toBe(true);
    // A file over the cap is refused on the page, in the API's words: in AWS it could not reach the API.
    const tooBig = Buffer.alloc(4.5 * 1024 * 1024, 0x41);
    await page.setInputFiles("#file", { name: "everyone.csv", mimeType: "text/csv", buffer: tooBig });
    await page.getByRole("button", { name: "Continue" }).click();
    const tooBigMessage = "The file is 4.5 MB; the most we take is 4 MB. Split it into smaller files";
    await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain(tooBigMessage);
    await expect.poll(() => page.locator("#file-error").textContent()).toContain(tooBigMessage);
    await page.setInputFiles("#file", samplePath);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 60_000 }).toBe("Match the columns");
    await heading(page, "Match the columns");
    await checkScreen(page, "import-mapping");
    // Tandem guessed "Surname" and "DOB"; the panel's date needs a person.
    const approval = page.getByLabel("Approval date", { exact: true });
    expect(await approval.inputValue()).toBe("");
    expect(await page.getByLabel("Last name", { exact: true }).first().inputValue()).toBe("Surname");
    await approval.selectOption("Date approved by panel");

    await page.getByRole("button", { name: "Check the rows" }).click();
    // 800 rows go up and are checked on the server: longer than a page change on a busy machine.
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 120_000 }).toBe("Check the rows");
    await heading(page, "Check the rows");
    await checkScreen(page, "import-dry-run");
    await expect.poll(() => page.getByText("3 problems to fix").count()).toBe(1);
    for (const e of SAMPLE_ERRORS) {
      expect(await page.getByRole("rowheader", { name: e.sheet }).count()).toBeGreaterThan(0);
      if ("text" in e) expect(await page.getByText(e.text, { exact: true }).count()).toBe(1);
    }
    await page.getByLabel("Only the rows without problems").check();
    await page.getByRole("button", { name: "Import" }).click();
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 300_000 }).toBe("Import complete");
    await heading(page, "Import complete");
    await expect.poll(() => page.getByText("797 created, 0 updated, 0 unchanged").count()).toBe(1);
    await checkScreen(page, "import-done");

    const report = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download the report of every row" }).click();
    const text = (await readFile((await (await report).path()) ?? "")).toString("utf8");
    expect(text.trim().split("\r\n")).toHaveLength(801);
    expect(text).toContain(SAMPLE_ERRORS[0].text);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
