import type { LocalStack } from "@tandem/local";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkScreen, heading, openPage, signInToWorkspace, startE2e } from "./browser.js";

/**
 * A newcomer's walk through the public forms on a phone (320 px) with the keyboard only: where focus
 * lands after each page change, what the page titles say, the language switch keeping what was typed,
 * and a reload in the middle of the referral form (or on check your answers) keeping the answers,
 * which the tab then lets go once the referral is sent.
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

type Step = string | { radio: number } | { date: [string, string, string] };

/** One question page from its heading (focused): each field reached with Tab, then "Continue". */
async function answerPage(page: Page, title: string, steps: readonly Step[]): Promise<void> {
  await heading(page, title);
  expect(await focused(page)).toBe("H1");
  for (const step of steps) {
    await page.keyboard.press("Tab");
    if (typeof step === "string") {
      if (step) await page.keyboard.type(step);
    } else if ("radio" in step) {
      if (step.radio === 0) await page.keyboard.press("Space");
      for (let i = 0; i < step.radio; i++) await page.keyboard.press("ArrowDown");
    } else {
      for (const [i, part] of step.date.entries()) {
        if (i > 0) await page.keyboard.press("Tab");
        await page.keyboard.type(part);
      }
    }
  }
  await page.keyboard.press("Tab");
  expect(await activeText(page)).toBe("Continue");
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

  it("a reload mid-form and on check your answers keeps the answers, in the tab only, gone once the referral is sent", {
    timeout: 240_000,
  }, async () => {
    await phone(async (page) => {
      await page.goto(`${stack.url}/riverford/refer`);
      await heading(page, "Refer a child or young person for an Independent Visitor");
      await tabTo(page, "Start now");
      await page.keyboard.press("Enter");
      await answerPage(page, "About the child", [
        "",
        "Robin",
        "Ashdown",
        "",
        { date: ["27", "3", "2014"] },
        "",
        "Boy",
        "White British",
        "English",
        "",
        "",
      ]);
      await answerPage(page, "Care status", [{ radio: 2 }, { date: ["15", "1", "2022"] }]);

      // A reload of the next question page: the same page, the answers before it still there.
      await heading(page, "Placement");
      await page.reload();
      await heading(page, "Placement");
      expect(new URL(page.url()).pathname).toBe("/riverford/refer/placement");
      expect(await stored(page)).toMatchObject({ local: 0, session: ["tandem.referral"], cookies: "" });
      await checkScreen(page, "journeys-reloaded-placement");
      await enterOn(page, ".govuk-back-link");
      await heading(page, "Care status");
      expect(await focused(page)).toBe("H1");
      expect(await page.locator('input[type="radio"]:checked').count()).toBe(1);
      await tabTo(page, "Continue");
      await page.keyboard.press("Enter");

      await answerPage(page, "Placement", [{ radio: 0 }, { radio: 0 }, "35", { radio: 0 }, { date: ["", "", ""] }]);
      await answerPage(page, "Family contact", [{ radio: 1 }, { date: ["1", "6", "2024"] }]);
      await answerPage(page, "Why an Independent Visitor", [
        "Robin has had no visits from family for two years and would enjoy a trusted adult friend.",
      ]);
      await answerPage(page, "Interests and hobbies", ["Football and drawing"]);
      await answerPage(page, "The child's wishes", [{ radio: 0 }, { radio: 0 }, "", { radio: 0 }]);
      await answerPage(page, "Risks and safeguarding", ["", "None known.", { radio: 1 }]);
      await answerPage(page, "About you", [
        "Jo Bramble",
        { radio: 0 },
        "Children Looked After Team 2",
        "jo.bramble.journeys@riverford.gov.example",
        "01632 960123",
      ]);

      // Check your answers, reloaded: still check your answers, every answer in place.
      await heading(page, "Check your answers before sending the referral");
      await page.reload();
      await heading(page, "Check your answers before sending the referral");
      expect(new URL(page.url()).pathname).toBe("/riverford/refer/check");
      const answers = (await page.locator("main").textContent()) ?? "";
      for (const text of ["Robin", "27 March 2014", "Care order", "35 miles", "Football and drawing"]) {
        expect(answers).toContain(text);
      }
      expect(await stored(page)).toEqual({ local: 0, session: ["tandem.referral"], cookies: "" });
      await checkScreen(page, "journeys-reloaded-check");

      await tabTo(page, "Send referral");
      await page.keyboard.press("Enter");
      await heading(page, "Check your e-mail");
      // Sent: the tab keeps nothing of it.
      await expect.poll(() => stored(page)).toEqual({ local: 0, session: [], cookies: "" });
    });
  });
});
