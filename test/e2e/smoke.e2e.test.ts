import { join } from "node:path";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, type LocalStack, totpCode } from "@tandem/local";
import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  artefacts,
  axeViolations,
  describeConsole,
  enterAuthenticatorCode,
  fillSignIn,
  openPage,
  startE2e,
} from "./browser.js";

/**
 * The smoke test: a person signs in through the real SPA, the real API and the local identity
 * provider, lands in their council's workspace, and signing out leaves nothing behind in the browser.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("smoke", PORT));
});

afterAll(async () => {
  await stopAll?.();
});

const signIn = fillSignIn;

async function expectNoViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

async function expectStorageEmpty(page: Page): Promise<void> {
  const stored = await page.evaluate(() => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookies: document.cookie,
  }));
  expect(stored).toEqual({ local: 0, session: 0, cookies: "" });
}

async function expectOnlyTheRefreshToken(page: Page): Promise<void> {
  const stored = await page.evaluate(() => ({
    local: localStorage.length,
    session: Object.keys(sessionStorage),
    kept: Object.keys(JSON.parse(sessionStorage.getItem("tandem.session") ?? "{}")),
    cookies: document.cookie,
  }));
  expect(stored).toEqual({
    local: 0,
    session: ["tandem.session"],
    kept: ["refreshToken", "activeTenantId"],
    cookies: "",
  });
}

/** Console errors, except the identity provider's 400 for a wrong password (Chromium logs every failed fetch). */
function unexpectedErrors(errors: ConsoleMessage[], allowIdentity400: boolean): string[] {
  const identity = `http://localhost:${PORT + 9}/`;
  return describeConsole(
    errors.filter(
      (m) => !(allowIdentity400 && m.location().url.startsWith(identity) && /status of 400/.test(m.text())),
    ),
  );
}

describe("signing in to the workspace", () => {
  it("a council's coordinator signs in, sees their council, and signs out leaving nothing stored", async () => {
    const { context, page, errors, pageErrors } = await openPage(browser);
    try {
      await page.goto(`${stack.url}/`);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Independent Visitor schemes");
      expect(await page.locator("h1").count()).toBe(1);

      await page.getByRole("link", { name: "Sign in" }).click();
      await page.waitForURL(`${stack.url}/sign-in`);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Sign in");
      expect(await page.title()).toBe("Sign in – Tandem");
      expect(await page.getByLabel("E-mail address").getAttribute("autocomplete")).toBe("username");
      expect(await page.getByLabel("Password", { exact: true }).getAttribute("autocomplete")).toBe("current-password");
      await expectNoViolations(page);

      // A wrong password: the error summary takes focus, its link jumps to the field, values are kept.
      await signIn(page, "coordinator@riverford.example", "not-the-password");
      const summary = page.locator(".govuk-error-summary");
      await summary.waitFor();
      expect(await summary.textContent()).toContain("Enter a correct e-mail address and password");
      expect(await page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
      expect(await page.title()).toBe("Error: Sign in – Tandem");
      expect(await page.getByLabel("E-mail address").inputValue()).toBe("coordinator@riverford.example");
      expect(await page.getByLabel("Password", { exact: true }).inputValue()).toBe("not-the-password");
      await expectNoViolations(page);
      await page.screenshot({ path: join(artefacts, "sign-in-error.png"), fullPage: true });
      await summary.getByRole("link", { name: "Enter a correct e-mail address and password" }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("email");

      // The right password asks for the authenticator code (MFA is required), then lands in the workspace of
      // the one council the coordinator works for.
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${stack.url}/sign-in/code`);
      await expectNoViolations(page);
      await enterAuthenticatorCode(page, DEMO_TOTP_SECRET);
      await page.waitForURL(`${stack.url}/workspace`);
      await expect.poll(() => page.locator("header").textContent()).toContain("Riverford City Council");
      await expect.poll(() => page.locator("h1").textContent()).toBe("Workspace");
      expect(await page.locator("h1").count()).toBe(1);
      const account = await page.locator("#tandem-account").textContent();
      expect(account).toMatch(/Signed in as .+ \(coordinator\)/);
      expect(await page.getByRole("link", { name: "Switch council" }).count()).toBe(0);
      // The tenant's accent colour reaches the header through a CSS custom property, not a style attribute.
      expect(
        await page.evaluate(() => getComputedStyle(document.querySelector("header") as Element).backgroundColor),
      ).toBe("rgb(29, 79, 145)");
      await expectNoViolations(page);
      await page.screenshot({ path: join(artefacts, "workspace.png"), fullPage: true });

      // Nothing about the person is written to browser storage, even while signed in: this tab's
      // sessionStorage keeps the refresh token and the council chosen (a reload keeps the session), nothing else.
      await expectOnlyTheRefreshToken(page);

      // 320 CSS pixels wide (WCAG 1.4.10 reflow): no horizontal scrolling.
      await page.setViewportSize({ width: 320, height: 640 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.screenshot({ path: join(artefacts, "workspace-320.png"), fullPage: true });
      await page.setViewportSize({ width: 1024, height: 800 });

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${stack.url}/sign-in`);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Sign in");
      expect(await page.locator(".govuk-notification-banner").textContent()).toContain("You have signed out");
      expect(await page.locator("header").textContent()).not.toContain("Riverford");
      await expectStorageEmpty(page);

      expect(pageErrors.map(String)).toEqual([]);
      expect(unexpectedErrors(errors, true)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a provider's coordinator chooses which council to work in", async () => {
    const { context, page, errors, pageErrors } = await openPage(browser);
    const tenantHeaders: (string | undefined)[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/tenant") tenantHeaders.push(request.headers()["x-tandem-tenant"]);
    });
    try {
      await page.goto(`${stack.url}/sign-in`);
      await signIn(page, "coordinator@brightpath.example", DEMO_PASSWORD);
      await page.waitForURL(`${stack.url}/choose-tenant`);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Which council do you want to work in?");
      expect(await page.getByLabel("Eastmere County Council").count()).toBe(1);
      expect(await page.getByLabel("Kingsholt Borough Council").count()).toBe(1);
      await expectNoViolations(page);

      // Continuing without a choice asks for one.
      await page.getByRole("button", { name: "Continue" }).click();
      await page.locator(".govuk-error-summary").waitFor();
      expect(await page.locator(".govuk-error-summary").textContent()).toContain(
        "Select the council you want to work in",
      );
      await expectNoViolations(page);
      await page.screenshot({ path: join(artefacts, "choose-tenant-error.png"), fullPage: true });

      await page.getByLabel("Eastmere County Council").check();
      await page.getByRole("button", { name: "Continue" }).click();
      await page.waitForURL(`${stack.url}/workspace`);
      await expect.poll(() => page.locator("header").textContent()).toContain("Eastmere County Council");
      expect(await page.getByRole("link", { name: "Switch council" }).count()).toBe(1);
      expect(tenantHeaders).toEqual(["eastmere"]);
      await expectNoViolations(page);

      // Switching council goes back to the question with the current council selected.
      await page.getByRole("link", { name: "Switch council" }).click();
      await page.waitForURL(`${stack.url}/choose-tenant`);
      expect(await page.getByLabel("Eastmere County Council").isChecked()).toBe(true);

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${stack.url}/sign-in`);
      await expectStorageEmpty(page);

      // Signing out ended the session: the workspace now asks you to sign in.
      await page.goto(`${stack.url}/workspace`);
      await page.waitForURL(`${stack.url}/sign-in`);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Sign in");

      expect(pageErrors.map(String)).toEqual([]);
      expect(unexpectedErrors(errors, false)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("works with the keyboard alone: skip link, then sign in", async () => {
    const { context, page, errors, pageErrors } = await openPage(browser);
    try {
      await page.goto(`${stack.url}/sign-in`);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Sign in");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("main-content");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("email");
      await page.keyboard.type("coordinator@riverford.example");
      await page.keyboard.press("Tab");
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press("Enter");
      await page.waitForURL(`${stack.url}/sign-in/code`);
      // Focus is on the question (the page's heading); the next Tab reaches the code's field.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("code");
      await page.keyboard.type(totpCode(DEMO_TOTP_SECRET));
      await page.keyboard.press("Enter");
      await page.waitForURL(`${stack.url}/workspace`);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Workspace");
      // Focus moved to the new page's heading, so a screen reader announces it.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");

      expect(pageErrors.map(String)).toEqual([]);
      expect(unexpectedErrors(errors, false)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("what search engines are told", () => {
  it("robots.txt is a real robots file keeping crawlers out of the workspace and private links", async () => {
    const res = await fetch(`${stack.url}/robots.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).not.toContain("<html");
    for (const path of ["/api/", "/workspace", "/operator", "/*/refer/", "/*/reference/", "/*/invitation/"]) {
      expect(text).toContain(`Disallow: ${path}`);
    }
  });

  it("each public page describes itself for search results", async () => {
    const { context, page } = await openPage(browser);
    try {
      const description = () => page.locator('meta[name="description"]').getAttribute("content");
      await page.goto(`${stack.url}/`);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Independent Visitor schemes");
      expect(await description()).toMatch(/Independent Visitor schemes/);
      await page.goto(`${stack.url}/riverford/refer`);
      await expect.poll(() => page.title()).toMatch(/Riverford/);
      expect(await description()).toBe(
        "Refer a child or young person in Riverford City Council's care for an Independent Visitor, a volunteer who visits them as a trusted adult friend.",
      );
      await page.goto(`${stack.url}/riverford/volunteer`);
      await expect
        .poll(() => description())
        .toBe(
          "Apply to Riverford City Council to become an Independent Visitor: a volunteer who visits a child or young person in care.",
        );
      expect(await page.locator('meta[name="description"]').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
