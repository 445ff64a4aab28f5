import { addMonths, exampleReferralAnswers } from "@tandem/domain";
import { DEMO_PASSWORD, type LocalStack, signIn } from "@tandem/local";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkScreen, heading, openPage, signInToWorkspace, startE2e } from "./browser.js";

/**
 * Riverford's manager, on a phone, finds the children never offered a visitor (issue 16 item 6):
 * uploads a list with mistakes and reads each one by row and column in the error summary, uploads
 * the corrected list, and sees the children within the policy whom no referral names. Axe-clean at
 * 320px, nothing scrolls sideways.
 */
// Its own stack, clear of the other browser tests' and of `pnpm start` (3000).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 30;

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const born = (years: number) => uk(addMonths(today, -(12 * years + 6)));
const intoCare = (months: number) => uk(addMonths(today, -months));
const HEADER = "Case reference,Date of birth,Date came into care,Legal status,Placement area";

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("never-offered", PORT));
  // One child on the list has been referred, under their council case reference.
  const coordinator = await signIn(stack.identity, "coordinator@riverford.example", DEMO_PASSWORD);
  const answers = exampleReferralAnswers();
  answers.child.councilCaseReference = "RIV-2002";
  const res = await fetch(`${stack.url}/api/referrals`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${coordinator}`,
      "content-type": "application/json",
      "idempotency-key": crypto.randomUUID(),
    },
    body: JSON.stringify({ kind: "professional", answers }),
  });
  expect(res.status, await res.text()).toBe(201);
});

afterAll(async () => {
  await stopAll?.();
});

describe("children never offered a visitor", () => {
  it("refuses a list with mistakes by row and column, then lists the children never referred", {
    timeout: 120_000,
  }, async () => {
    const { page, pageErrors } = await openPage(browser);
    await page.setViewportSize({ width: 320, height: 800 });
    await signInToWorkspace(page, stack.url, "manager@riverford.example");
    await page.getByRole("main").getByRole("link", { name: "Reporting" }).click();
    await heading(page, /^Reporting: /);
    await page.getByRole("link", { name: "Children never offered a visitor" }).click();
    await heading(page, "Children never offered a visitor");
    await expect.poll(() => page.getByText("No list has been uploaded").count()).toBe(1);
    await checkScreen(page, "never-offered-empty");

    // A list with two mistakes: nothing is uploaded, and each is named by row and column.
    const bad = [
      HEADER,
      `RIV-2001,${born(10)},${intoCare(30)},Care order,In area`,
      `RIV-2002,31/02/2015,${intoCare(20)},Section 20,In area`,
      `RIV-2003,${born(12)},${intoCare(20)},Adopted,In area`,
    ].join("\n");
    await page.getByLabel("Upload this month's list").setInputFiles({
      name: "looked-after.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(bad),
    });
    await page.getByRole("button", { name: "Upload the list" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect.poll(() => summary.isVisible()).toBe(true);
    const listed = await summary.locator("li").allTextContents();
    expect(listed).toEqual([
      "Row 3, 'Date of birth': 31/02/2015 is not a date; enter it like 27/03/2014",
      "Row 4, 'Legal status': Adopted is not one of: Section 20, Interim care order, Care order, Placement order, Remanded, Care leaver, Other",
    ]);
    expect(await page.title()).toMatch(/^Error: /);
    await checkScreen(page, "never-offered-errors");
    // The summary's link takes the keyboard to the file upload.
    await summary.getByRole("link").first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("file");

    // The corrected list: RIV-2002 was referred and RIV-2004 is too young for the scheme (from age 5).
    const good = [
      HEADER,
      `RIV-2001,${born(10)},${intoCare(30)},Care order,In area`,
      `RIV-2002,${born(9)},${intoCare(20)},Section 20,In area`,
      `RIV-2003,${born(12)},${intoCare(50)},Care order,Out of area`,
      `RIV-2004,${born(2)},${intoCare(12)},Interim care order,In area`,
    ].join("\n");
    await page.getByLabel("Upload this month's list").setInputFiles({
      name: "looked-after.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(good),
    });
    await page.getByRole("button", { name: "Upload the list" }).click();
    await expect.poll(() => page.getByText("The list of 4 children is uploaded").count()).toBe(1);
    expect(await page.locator(".govuk-error-summary").count()).toBe(0);
    const table = page.getByRole("table");
    await expect.poll(() => table.locator("caption").textContent()).toBe("2 children to raise at their next review");
    // Longest in care first.
    // Each row header's words, without the column's name that a phone shows above them.
    const rowHeaders = await table.locator("tbody th > span:not(.tandem-table__label)").allTextContents();
    expect(rowHeaders).toEqual(["RIV-2003", "RIV-2001"]);
    expect(await page.getByText("1 has been referred").count()).toBe(1);
    expect(await page.getByText("1 child is younger than the scheme takes").count()).toBe(1);
    await checkScreen(page, "never-offered-list");

    // The dashboard now counts the list's children as the month's looked-after children.
    await page.getByRole("link", { name: "Back to reporting" }).click();
    await heading(page, /^Reporting: /);
    await expect
      .poll(() => page.getByText(/^4 in .* \(source: The list of looked-after children uploaded by/).count())
      .toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
