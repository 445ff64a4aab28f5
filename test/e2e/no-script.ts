import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { checkScreen, screenshot } from "./browser.js";

/**
 * Tabs with JavaScript off for the no-JavaScript suites (ADR 15). axe-core cannot run in such a tab, so
 * each page's HTML is kept as it arrived and `check` opens the same document (its scripts taken out, as
 * without JavaScript) in a tab with script at the same size, where axe-core runs and, at 320 CSS pixels,
 * nothing may scroll sideways. `browser` is a getter: the suites start theirs in `beforeAll`.
 */
export function noScriptTabs(browser: () => Browser, prefix: string) {
  const documents = new WeakMap<Page, Promise<string>>();

  async function open(viewport: { width: number; height: number }, deviceScaleFactor = 1) {
    const context = await browser().newContext({ javaScriptEnabled: false, viewport, deviceScaleFactor });
    const page = await context.newPage();
    page.on("response", (response) => {
      const request = response.request();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        documents.set(page, response.text());
      }
    });
    return { context, page };
  }

  /** A screenshot, then the axe-core and sideways-scroll checks on the same document in a tab with script. */
  async function check(page: Page, name: string): Promise<void> {
    await screenshot(page, `${prefix}-${name}`);
    const html = (await documents.get(page)) ?? "";
    expect(html).toContain("<main");
    const viewport = page.viewportSize() ?? { width: 320, height: 800 };
    const context = await browser().newContext({ viewport });
    try {
      const copy = await context.newPage();
      const url = page.url().split("#")[0] ?? "";
      await copy.route(url, (route) =>
        route.fulfill({
          status: 200,
          contentType: "text/html",
          body: html.replace(/<script\b[\s\S]*?<\/script>/g, ""),
        }),
      );
      await copy.goto(url);
      await checkScreen(copy, `${prefix}-${name}-axe`);
    } finally {
      await context.close();
    }
  }

  return { open, check };
}
