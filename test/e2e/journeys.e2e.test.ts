import type { LocalStack } from "@tandem/local";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkScreen, heading, openPage, signInToWorkspace, startE2e } from "./browser.js";

/**
 * A newcomer's walk through the public forms on a phone (320 px) with the keyboard only: where focus
 * lands after each page change, what the page titles say, and the language switch keeping what was typed.
 */
// Its own stack, clear of the other browser tests' (E2E_PORT +20 … +240).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 250;

const COUNCIL = "Riverford City Council";

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("journeys", PORT));
});

afterAll(async () => {
  await stopAll?.();
});

async function phone(run: (page: Page) => Promise<void>): Promise<void> {
  const { context, page, pageErrors } = await openPage(browser);
  try {
    await page.setViewportSize({ width: 320, height: 640 });
    await run(page);
    expect(pageErrors.map(String)).toEqual([]);
  } finally {
    await context.close();
  }
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.classList.contains("govuk-error-summary") ? "error summary" : (el?.tagName ?? "");
  });

const activeText = (page: Page) => page.evaluate(() => (document.activeElement?.textContent ?? "").trim());

/** Presses Tab until the focused element's text includes `text`: how a keyboard user reaches a button. */
async function tabTo(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    if ((await activeText(page)).includes(text)) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}

/** Moves focus to a link as Tab would and presses Enter on it. */
async function enterOn(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().focus();
  await page.keyboard.press("Enter");
}

const stored = (page: Page) =>
  page.evaluate(() => ({ local: localStorage.length, session: Object.keys(sessionStorage), cookies: document.cookie }));

describe("a newcomer's walk, by keyboard on a phone", () => {
  it("each page change puts focus on the new page's heading, or on the error summary; titles name the page, the service and the council", async () => {
    await phone(async (page) => {
      await page.goto(`${stack.url}/riverford/refer`);
      await heading(page, "Refer a child or young person for an Independent Visitor");
      expect(await page.title()).toBe(`Refer a child or young person – ${COUNCIL}`);
      await tabTo(page, "Start now");
      await page.keyboard.press("Enter");
      await heading(page, "About the child");
      expect(await focused(page)).toBe("H1");
      expect(await page.title()).toBe(`About the child – Refer a child – ${COUNCIL}`);

      // Continue with nothing typed: the error summary has focus, the title says "Error:".
      await tabTo(page, "Continue");
      await page.keyboard.press("Enter");
      await page.locator(".govuk-error-summary").waitFor();
      expect(await focused(page)).toBe("error summary");
      expect(await page.title()).toBe(`Error: About the child – Refer a child – ${COUNCIL}`);
      await checkScreen(page, "journeys-child-error");

      // The page's Back link, then the browser's Back: each new page's heading has focus.
      await enterOn(page, ".govuk-back-link");
      await heading(page, "Refer a child or young person for an Independent Visitor");
      expect(await focused(page)).toBe("H1");
      await page.goBack();
      await heading(page, "About the child");
      expect(await focused(page)).toBe("H1");

      // A footer link on the council's address.
      await enterOn(page, '#tandem-footer-links a[href="/riverford/privacy"]');
      await heading(page, "Privacy notice");
      expect(await focused(page)).toBe("H1");
      expect(await page.title()).toBe(`Privacy notice – ${COUNCIL}`);
    });
  });

  it("the workspace's titles carry the council's name; Tandem's own pages carry Tandem's", async () => {
    await phone(async (page) => {
      await page.goto(`${stack.url}/sign-in`);
      await heading(page, "Sign in");
      expect(await page.title()).toBe("Sign in – Tandem");
      await signInToWorkspace(page, stack.url, "coordinator@riverford.example");
      expect(await page.title()).toBe(`Workspace – Tandem – ${COUNCIL}`);
      await enterOn(page, '#main-content a[href="/workspace/referrals"]');
      await heading(page, "Referrals");
      expect(await focused(page)).toBe("H1");
      expect(await page.title()).toBe(`Referrals – Tandem – ${COUNCIL}`);
    });
  });

  it("switching to Cymraeg and back keeps what the person has typed on the page", async () => {
    await phone(async (page) => {
      await page.goto(`${stack.url}/hafren/refer/child`);
      await heading(page, "About the child");
      await page.getByLabel("First name").fill("Sam");
      await page.locator("#child-dateOfBirth-day").fill("27");
      await page.locator("#child-dateOfBirth-month").fill("3");

      await enterOn(page, "#tandem-language a");
      await heading(page, "Am y plentyn");
      expect(page.url()).toContain("lang=cy");
      expect(await focused(page)).toBe("H1");
      expect(await page.locator("#child-firstName").inputValue()).toBe("Sam");
      expect(await page.locator("#child-dateOfBirth-day").inputValue()).toBe("27");
      expect(await page.locator("#child-dateOfBirth-month").inputValue()).toBe("3");
      await checkScreen(page, "journeys-switch-cy");

      await page.locator("#child-lastName").fill("Prydderch");
      await enterOn(page, "#tandem-language a");
      await heading(page, "About the child");
      expect(await page.locator("#child-firstName").inputValue()).toBe("Sam");
      expect(await page.locator("#child-lastName").inputValue()).toBe("Prydderch");
      // Only typed: nothing of it is stored in the browser.
      expect(await stored(page)).toEqual({ local: 0, session: [], cookies: "" });
    });
  });
});
