import type { LocalStack } from "@tandem/local";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkScreen, heading, openPage, signInToWorkspace, startE2e } from "./browser.js";

/**
 * Issue 19, item 8: the SPA offers each role exactly what the API's own access declarations allow,
 * and a refusal from the API is said as one, never shown as an empty list.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 160;

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("role-gates", PORT));
});

afterAll(async () => {
  await stopAll?.();
});

async function asUser(email: string, run: (page: Page) => Promise<void>, width = 1024): Promise<void> {
  const { context, page, pageErrors } = await openPage(browser);
  try {
    await page.setViewportSize({ width, height: 800 });
    await signInToWorkspace(page, stack.url, email);
    await run(page);
    expect(pageErrors.map(String)).toEqual([]);
  } finally {
    await context.close();
  }
}

const mainText = async (page: Page) => (await page.locator("main").textContent()) ?? "";

describe("role gates follow the API's declarations (issue 19, item 8)", () => {
  it("a manager reaches the audit trail, which the API lets managers read, and only that of the settings", async () => {
    await asUser(
      "manager@riverford.example",
      async (page) => {
        await page.getByRole("link", { name: "Scheme settings" }).click();
        await heading(page, "Scheme settings");
        const sections = await page.locator("main h2 a").allTextContents();
        expect(sections).toEqual(["Audit trail"]);
        await page.locator("main h2").getByRole("link", { name: "Audit trail" }).click();
        await heading(page, "Audit trail");
        expect(await mainText(page)).not.toContain("You cannot use this page");
        // The settings' own navigation offers the manager nothing the API would refuse.
        expect(await page.locator("nav[aria-label='Scheme settings'] a").allTextContents()).toEqual([
          "Workspace",
          "Audit trail",
        ]);
        await checkScreen(page, "manager-audit-trail");
      },
      320,
    );
  });

  it("a coordinator, whom the API refuses the settings, is not offered them", async () => {
    await asUser("coordinator@riverford.example", async (page) => {
      expect(await page.getByRole("link", { name: "Scheme settings" }).count()).toBe(0);
    });
  });

  it("a panel member's board says what their role shows, not '0 volunteers' after the API's refusal", async () => {
    await asUser(
      "panel@riverford.example",
      async (page) => {
        // The page asks for what the role may list: no refusal for the browser to log on the way.
        const refused: string[] = [];
        page.on("response", (r) => {
          if (r.status() >= 400) refused.push(`${r.status()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`);
        });
        await page.getByRole("main").getByRole("link", { name: "Volunteers" }).click();
        await heading(page, "Volunteers");
        const text = await mainText(page);
        expect(refused).toEqual([]);
        expect(text).toContain("Your role shows the applicants put to the panel, not the whole recruitment board");
        expect(text).not.toMatch(/\b0 volunteers\b/);
        // Only the panel's stage: no empty columns for stages the role cannot see.
        expect(await page.locator("main section h2").allTextContents()).toEqual([
          expect.stringMatching(/^Panel \(\d+\)$/),
        ]);
        await checkScreen(page, "panel-member-board");
      },
      320,
    );
  });
});
