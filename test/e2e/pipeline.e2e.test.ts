import type { LocalStack } from "@tandem/local";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkScreen, describeConsole, heading, openPage, signInToWorkspace, startE2e } from "./browser.js";

/**
 * Eastmere's tenant admin shapes the recruitment pipeline with the keyboard alone: starts from
 * Leicestershire's preset (its source lines shown), moves a step, adds a sign-off, is refused a
 * third sign-off the council has too few managers for (with the reason, in the error summary),
 * removes it and saves a new version. Every screen is checked with axe-core, and at 320px.
 */
// Its own stack, clear of the other browser tests' and of `pnpm start` (3000).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 100;

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("pipeline", PORT));
});

afterAll(async () => {
  await stopAll?.();
});

const checkPage = (page: Page, name: string) => checkScreen(page, `pipeline-${name}`);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/** Presses a button with the keyboard: focus it, then Enter. */
async function press(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole("button", { name }).focus();
  await page.keyboard.press("Enter");
}

describe("a tenant admin shapes the recruitment pipeline", () => {
  it("from a preset, by keyboard, refused with the reason, then saved as a new version", async () => {
    const { context, page, errors, pageErrors } = await openPage(browser);
    try {
      await signInToWorkspace(page, stack.url, "admin@eastmere.example");
      // Links followed with the keyboard (a reload would sign the admin out: tokens live in memory only).
      await page.getByRole("link", { name: "Scheme settings" }).focus();
      await page.keyboard.press("Enter");
      await heading(page, "Scheme settings");
      await page.getByRole("main").getByRole("link", { name: "Recruitment pipeline" }).focus();
      await page.keyboard.press("Enter");
      await heading(page, "Recruitment pipeline");
      await expect.poll(() => page.locator("main").textContent()).toContain("Version 1 is in force");
      // Eastmere runs Leicester City's pipeline: two sign-offs, no panel.
      await expect.poll(() => page.locator("#signoff-1-title").inputValue()).toBe("Service Manager");
      await checkPage(page, "start");

      // Leicestershire's preset is the first offered; its lines are shown beside it.
      await press(page, "Use this preset");
      const inset = page.locator(".govuk-inset-text");
      await expect
        .poll(() => inset.textContent())
        .toContain("Thereafter, approval will be given by the Service Manager");
      await expect.poll(() => page.locator("#signoff-0-title").inputValue()).toBe("Service Manager");
      await expect.poll(() => page.locator("#signoff-1-title").count()).toBe(0);

      // The interview moves up before the references; focus stays with the step that moved.
      await press(page, /^Move up Interview \(step 5\)$/);
      expect(await focusedId(page)).toBe("step-3-up");
      await expect.poll(() => page.locator("main ol li h3").nth(3).textContent()).toBe("4. Interview");

      // A Team Manager's sign-off before the Service Manager's: two managers, two people.
      await press(page, "Add another sign-off");
      expect(await focusedId(page)).toBe("signoff-1-title");
      await page.keyboard.type("Team Manager");

      // A third manager's sign-off: Eastmere has two managers, so the API refuses with the reason.
      await press(page, "Add another sign-off");
      await page.keyboard.type("Director");
      await page.getByLabel("Why are you making this change?").focus();
      await page.keyboard.type("Our procedure changed in the spring");
      await press(page, "Save the pipeline");
      const summary = page.locator(".govuk-error-summary");
      await expect.poll(() => summary.textContent()).toContain("must each come from a different person");
      await checkPage(page, "refused");

      await press(page, /^Remove sign-off 3$/);
      expect(await focusedId(page)).toBe("signoff-1-title");
      await press(page, "Save the pipeline");
      await heading(page, "Recruitment pipeline");
      await expect
        .poll(() => page.locator(".govuk-notification-banner").textContent())
        .toContain("Pipeline saved as version 2");
      await expect.poll(() => page.locator("main").textContent()).toContain("Version 2 is in force");
      await expect.poll(() => page.locator("#signoff-1-title").inputValue()).toBe("Team Manager");
      // The versions table keeps the reason with the version; version 1 (the demo's) is still listed.
      const versions = page.getByRole("region", { name: "Versions" });
      await expect.poll(() => versions.locator("tbody tr").count()).toBe(3);
      expect(await versions.locator("tbody tr").first().textContent()).toContain("Our procedure changed in the spring");
      await checkPage(page, "saved");

      await page.setViewportSize({ width: 320, height: 800 });
      await checkPage(page, "saved-320");
      expect(describeConsole(errors.filter((m) => !m.text().includes("status of 409")))).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
