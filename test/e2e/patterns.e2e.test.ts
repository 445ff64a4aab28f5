import type { LocalStack } from "@tandem/local";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, fillSignIn, heading, screenshot, startE2e } from "./browser.js";

/**
 * Issue 19, items 9 and 17: every wide table of the workspace and the operator console fits a phone
 * (320 CSS pixels) and a 1280-pixel laptop at 200% zoom (640 CSS pixels at twice the density) with
 * nothing cut off or scrolled sideways, and the GOV.UK patterns the walk found missing are there:
 * the phase banner, one workspace navigation, task lists, the start button's arrow, a status filter
 * that leaves the results in sight, and the referral record's buttons in one row.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 230;

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("patterns", PORT));
});

afterAll(async () => {
  await stopAll?.();
});

/** A phone, and a 1280-pixel screen zoomed to 200% (which lays pages out at 640 CSS pixels). */
const SCREENS = [
  { name: "320", viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: "zoom200", viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
] as const;

interface Screen {
  viewport: { width: number; height: number };
  deviceScaleFactor: number;
}

async function signedIn(email: string, screen: Screen, run: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on("pageerror", (e) => pageErrors.push(e));
  try {
    await page.goto(`${stack.url}/sign-in`);
    await fillSignIn(page, email);
    await page.waitForURL(/\/(workspace|operator)$/);
    await run(page);
    expect(pageErrors.map(String)).toEqual([]);
  } finally {
    await context.close();
  }
}

/** Opens `path`, waits for its heading and data, and checks it fits and is axe-clean. */
async function fits(page: Page, path: string, name: string): Promise<void> {
  await page.goto(`${stack.url}${path}`);
  await page.locator("main h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  await screenshot(page, `patterns-${name}`);
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
    // A table's own scrolling box hides what does not fit (a date cut to "Novem"): none may need it.
    boxes: Array.from(document.querySelectorAll<HTMLElement>(".tandem-table-scroll"))
      .filter((b) => b.scrollWidth > b.clientWidth + 1)
      .map((b) => `${b.getAttribute("aria-label")}: ${b.scrollWidth}px in ${b.clientWidth}px`),
  }));
  expect(widths.page, `sideways scroll on ${name}`).toBeLessThanOrEqual(widths.view);
  expect(widths.boxes, `tables cut off on ${name}`).toEqual([]);
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
}

async function firstLink(page: Page, path: string, prefix: string): Promise<string> {
  await page.goto(`${stack.url}${path}`);
  const link = page.locator(`main table a[href^="${prefix}"]`).first();
  await link.waitFor();
  return (await link.getAttribute("href")) ?? "";
}

describe("wide tables fit a phone and 200% zoom (issue 19, item 9)", () => {
  for (const screen of SCREENS) {
    it(`the coordinator's pages at ${screen.name}`, { timeout: 480_000 }, async () => {
      await signedIn("coordinator@riverford.example", screen, async (page) => {
        await fits(page, "/workspace", `home-${screen.name}`);
        await fits(page, "/workspace/referrals", `referrals-${screen.name}`);
        await fits(
          page,
          await firstLink(page, "/workspace/referrals", "/workspace/referrals/"),
          `referral-${screen.name}`,
        );
        await fits(page, "/workspace/referrals/waiting-list", `waiting-${screen.name}`);
        await fits(page, "/workspace/volunteers", `volunteers-${screen.name}`);
        const volunteer = await firstLink(page, "/workspace/volunteers", "/workspace/volunteers/");
        await fits(page, volunteer, `volunteer-${screen.name}`);
        // The checks table's dates read whole: the card shows each under its column's name.
        const checks = page.locator("table", { has: page.locator("caption", { hasText: "Checks" }) });
        expect(await checks.locator("tbody tr").count()).toBeGreaterThan(0);
        const label = checks.locator("tbody tr").first().locator(".tandem-table__label", { hasText: "Valid until" });
        expect(await label.isVisible()).toBe(true);
        await fits(page, "/workspace/matching", `matching-${screen.name}`);
        await fits(page, "/workspace/reviews", `reviews-${screen.name}`);
        await fits(page, "/workspace/concerns", `concerns-${screen.name}`);
        await fits(page, "/workspace/claims", `claims-${screen.name}`);
      });
    });

    it(`the manager's, finance officer's and administrator's tables at ${screen.name}`, {
      timeout: 480_000,
    }, async () => {
      await signedIn("manager@riverford.example", screen, async (page) => {
        await fits(page, "/workspace/reporting", `reporting-${screen.name}`);
        await fits(page, "/workspace/settings/audit", `audit-${screen.name}`);
      });
      await signedIn("finance@riverford.example", screen, async (page) => {
        await fits(page, "/workspace/finance", `finance-${screen.name}`);
      });
      await signedIn("admin@riverford.example", screen, async (page) => {
        await fits(page, "/workspace/settings", `settings-${screen.name}`);
        await fits(page, "/workspace/settings/users", `users-${screen.name}`);
        await fits(page, "/workspace/settings/pipeline", `pipeline-${screen.name}`);
        await fits(page, "/workspace/settings/import", `import-${screen.name}`);
      });
    });

    it(`the operator console at ${screen.name}`, { timeout: 240_000 }, async () => {
      await signedIn("operator@tandem.example", screen, async (page) => {
        await fits(page, "/operator", `operator-${screen.name}`);
      });
    });
  }
});

describe("GOV.UK patterns (issue 19, item 17)", () => {
  const desktop = { name: "desktop", viewport: { width: 1024, height: 800 }, deviceScaleFactor: 1 } as const;

  it("a public start page: the start button's arrow, and the phase banner sending feedback to the council", {
    timeout: 240_000,
  }, async () => {
    const context = await browser.newContext({ viewport: desktop.viewport });
    const page = await context.newPage();
    try {
      await page.goto(`${stack.url}/riverford/refer`);
      await page.locator("main h1").waitFor();
      const start = page.locator("a.govuk-button--start");
      expect(await start.locator("svg.govuk-button__start-icon").count()).toBe(1);
      expect(await start.locator("svg").getAttribute("aria-hidden")).toBe("true");
      const banner = page.locator(".govuk-phase-banner");
      expect(await banner.locator(".govuk-tag").textContent()).toBe("Beta");
      const feedback = banner.getByRole("link");
      expect(await feedback.textContent()).toContain("give your feedback to Riverford");
      expect(await feedback.getAttribute("href")).toBe("/riverford/contact");
      expect(await page.locator(".govuk-service-navigation").count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${stack.url}/riverford/volunteer`);
      await page.locator("main h1").waitFor();
      expect(await page.locator("a.govuk-button--start svg").count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("the workspace: one navigation, Tandem's feedback address, the status filter, the record's buttons and task lists", {
    timeout: 300_000,
  }, async () => {
    await signedIn("coordinator@riverford.example", desktop, async (page) => {
      const nav = page.getByRole("navigation", { name: "Workspace sections" });
      await nav.waitFor();
      expect(await nav.locator('a[aria-current="true"]').textContent()).toBe("Home");
      const feedback = page.locator(".govuk-phase-banner").getByRole("link");
      expect(await feedback.getAttribute("href")).toBe("mailto:feedback@tandem.example");
      // A coordinator is offered what the API serves them, and not the administrator's settings.
      const offered = await nav.getByRole("link").allTextContents();
      expect(offered).toEqual(expect.arrayContaining(["Home", "Referrals", "Volunteers", "Matching", "Claims"]));
      expect(offered).not.toContain("Settings");

      await nav.getByRole("link", { name: "Referrals" }).click();
      await heading(page, "Referrals");
      expect(await nav.locator('a[aria-current="true"]').textContent()).toBe("Referrals");
      // The status is one select (four groups, then each status) instead of thirteen radios.
      const status = page.getByLabel("Status", { exact: true });
      expect(await status.evaluate((s) => s.tagName)).toBe("SELECT");
      expect(await page.locator('main input[name="status"]').count()).toBe(0);
      const firstRow = page.locator("main table tbody tr").first();
      await firstRow.waitFor();
      // The filters are folded until opened (the first result stays above the fold: referrals.e2e).
      await page.locator("#referral-filters > summary").click();
      await status.selectOption("waiting_list");
      await page.getByRole("button", { name: "Show referrals" }).click();
      await page.waitForURL(/status=waiting_list/);
      await page.locator("main h1").waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${stack.url}/workspace/referrals`);
      await firstRow.waitFor();

      // The referral record's buttons, links and one-click forms alike, sit in one row.
      await firstRow.getByRole("link").first().click();
      await heading(page, /^Referral /);
      expect(await nav.locator('a[aria-current="true"]').textContent()).toBe("Referrals");
      const buttons = page.locator(".govuk-button-group .govuk-button");
      expect(await buttons.count()).toBeGreaterThan(0);
      // A one-click action's own form steps aside in the group, so its button lines up with the link-buttons.
      const forms = await page
        .locator(".govuk-button-group > form")
        .evaluateAll((els) => els.map((e) => getComputedStyle(e).display));
      expect(forms.every((d) => d === "contents")).toBe(true);
      const tops = new Set(
        (await buttons.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)))).slice(0, 2),
      );
      expect(tops.size).toBe(1);

      // A volunteer's checks, references and training as a task list.
      await nav.getByRole("link", { name: "Volunteers" }).click();
      await heading(page, /Volunteers/);
      await page.goto(`${stack.url}${await firstLink(page, "/workspace/volunteers", "/workspace/volunteers/")}`);
      const tasks = page.locator("#readiness .govuk-task-list__item");
      await tasks.first().waitFor();
      expect(await tasks.count()).toBeGreaterThan(1);
      expect(await page.locator("#readiness").textContent()).toMatch(/Enhanced DBS/i);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it("a council's set-up as a task list on the settings page", { timeout: 240_000 }, async () => {
    await signedIn("admin@riverford.example", desktop, async (page) => {
      await page
        .getByRole("navigation", { name: "Workspace sections" })
        .getByRole("link", { name: "Settings" })
        .click();
      await heading(page, "Scheme settings");
      const tasks = page.locator("#set-up .govuk-task-list__item");
      expect(await tasks.count()).toBe(3);
      expect(await tasks.first().getByRole("link").textContent()).toBe("Check and save your scheme's policy");
      // The demo council has its contact details on its public pages: that task is done.
      expect(await page.locator("#setup-branding-status").textContent()).toBe("Completed");
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
