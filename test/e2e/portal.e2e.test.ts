import type { LocalStack } from "@tandem/local";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkScreen, describeConsole, fillSignIn, heading, openPage, startE2e } from "./browser.js";

/**
 * A volunteer's portal on a phone (320px): the demo volunteer at Riverford signs in and lands on it,
 * with their certificate to download (keyboard only), their training and checks with dates, and
 * where their matches will show; their profile is one link away. Axe-clean, no sideways scroll.
 */
// Its own stack, clear of the other browser tests' and of `pnpm start` (3000).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 160;

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("portal", PORT));
});

afterAll(async () => {
  await stopAll?.();
});

describe("the volunteer's portal", () => {
  it("shows an approved volunteer their certificate, training and check dates on a phone", {
    timeout: 120_000,
  }, async () => {
    const { page, errors } = await openPage(browser);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${stack.url}/sign-in`);
    await fillSignIn(page, "volunteer@riverford.example");
    await page.waitForURL(`${stack.url}/portal`);
    await heading(page, "Your volunteering");
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toContain("Chris Lane");
    expect(text).toMatch(/Approved on\s*\d{1,2} \w+ \d{4}/);
    // Training and checks, each with its dates in words.
    expect(text).toMatch(/Completed \d{1,2} \w+ \d{4}/);
    expect(text).toContain("Enhanced DBS check");
    expect(text).toMatch(/Done \d{1,2} \w+ \d{4}, valid until \d{1,2} \w+ \d{4}/);
    // Nothing of a check's detail beyond its dates.
    expect(text).not.toContain("001234567890");
    expect(text).toContain("Your matches");
    await checkScreen(page, "portal-home");

    // The certificate downloads from the keyboard.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download your certificate" }).focus();
    await page.keyboard.press("Enter");
    const file = await (await download).path();
    const { readFile } = await import("node:fs/promises");
    expect((await readFile(file)).length).toBeGreaterThan(100);

    await page.getByRole("link", { name: "Update your profile" }).click();
    await heading(page, "My profile");
    await page.getByRole("link", { name: "Back to your volunteering" }).click();
    await heading(page, "Your volunteering");
    expect(describeConsole(errors)).toEqual([]);
  });

  it("tells a coordinator the portal is for volunteers", { timeout: 60_000 }, async () => {
    const { page } = await openPage(browser);
    await page.goto(`${stack.url}/sign-in`);
    await fillSignIn(page, "coordinator@riverford.example");
    await page.waitForURL(`${stack.url}/workspace`);
    // Within the SPA (a reload would sign out): the portal's address, pushed as a link would.
    await page.evaluate(() => {
      history.pushState(null, "", "/portal");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    await heading(page, "You cannot use this page");
    await checkScreen(page, "portal-refused");
  });
});
