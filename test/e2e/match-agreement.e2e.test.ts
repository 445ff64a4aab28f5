import { TenantContext } from "@tandem/data";
import { getMatchRecord } from "@tandem/data/matches";
import type { LocalStack } from "@tandem/local";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxAt, textOf } from "../support/mailbox.js";
import { checkScreen, describeConsole, heading, openPage, signInToWorkspace, startE2e } from "./browser.js";

/**
 * The social worker's agreement link in a browser at Riverford: a coordinator proposes a demo
 * child's first suggestion, the e-mailed link (read from the local SES mailbox) opens the pen
 * portrait and a GOV.UK form; an empty answer shows the error summary, an agreement the
 * confirmation, and the link then says it has been used, also to the same form left open in another
 * tab, whose answer is refused with focus on that page's heading. The match is then at stage "agreed".
 */
// Its own stack, clear of the other browser tests' and of `pnpm start` (3000).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 200;
const TENANT = "riverford";

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("match-agreement", PORT));
});

afterAll(async () => {
  await stopAll?.();
});

const check = (page: Page, name: string) => checkScreen(page, `match-agreement-${name}`);

/** Proposes the first suggestion for the first waiting child who has one; returns the match's id. */
async function propose(page: Page): Promise<string> {
  await signInToWorkspace(page, stack.url, "coordinator@riverford.example");
  await page.getByRole("main").getByRole("link", { name: "Matching", exact: true }).click();
  await heading(page, "Matching");
  const rows = page.locator("main table tbody tr");
  await expect.poll(() => rows.count()).toBeGreaterThan(0);
  const count = await rows.count();
  let chosen = -1;
  for (let i = 0; i < count && chosen < 0; i++) {
    if ((await rows.nth(i).locator("td").nth(2).textContent())?.trim() !== "–") chosen = i;
  }
  expect(chosen, "a waiting demo child with a suggestion").toBeGreaterThanOrEqual(0);
  await rows.nth(chosen).locator("a").first().click();
  await heading(page, /^Suggested volunteers for/);
  await page
    .getByRole("link", { name: /^Propose/ })
    .first()
    .click();
  await heading(page, /^Propose .* for /);
  await page.getByRole("button", { name: "Propose the match" }).click();
  await expect.poll(() => page.url()).toMatch(/\/workspace\/matching\/matches\/[^/]+$/);
  return decodeURIComponent(page.url().split("/").at(-1) ?? "");
}

async function agreementLink(): Promise<string> {
  const mailbox = mailboxAt(stack.mailboxUrl);
  for (let tries = 0; tries < 100; tries++) {
    const mail = (await mailbox.all()).filter((m) => /An Independent Visitor is proposed for/.test(m.subject)).at(-1);
    const link = mail ? /https?:\/\/\S+\/match-agreement\/\S+/.exec(textOf(mail))?.[0] : undefined;
    if (link) return link;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("No agreement request e-mail arrived");
}

describe("the social worker's match agreement", () => {
  it("opens the e-mailed link, refuses an empty answer, agrees once, and the link is then used", {
    timeout: 240_000,
  }, async () => {
    const co = await openPage(browser);
    const matchId = await propose(co.page);
    const link = new URL(await agreementLink());

    const { page, errors } = await openPage(browser);
    // The same link left open in another tab, answered after the first: see below.
    const other = await openPage(browser);
    await other.page.goto(`${stack.url}${link.pathname}`);
    await heading(other.page, /^Do you agree to this Independent Visitor for /);
    // An unknown link says so, with the council's contact details.
    await page.goto(`${stack.url}/${TENANT}/match-agreement/not-a-real-token`);
    await heading(page, "This link is not recognised");
    await check(page, "unknown");

    await page.goto(`${stack.url}${link.pathname}`);
    await heading(page, /^Do you agree to this Independent Visitor for /);
    const main = page.locator("main");
    expect(await main.textContent()).toContain("In their own words");
    expect(await main.textContent()).not.toMatch(/@|Telephone number/);
    await check(page, "form");

    // Keyboard only: send with nothing answered.
    await page.getByRole("button", { name: "Send your answer" }).focus();
    await page.keyboard.press("Enter");
    const summary = page.locator(".govuk-error-summary");
    await expect.poll(() => summary.textContent()).toContain("Enter your name");
    expect(await summary.textContent()).toContain("Choose whether you agree to this match");
    await check(page, "error");

    await page.getByLabel("Your name").fill("Dee Harrow");
    await page.getByLabel("Yes, I agree").check();
    await page.getByRole("button", { name: "Send your answer" }).click();
    await expect.poll(() => summary.textContent()).toMatch(/Enter .*'s wishes about this match/);
    await page.getByLabel(/'s wishes about this match/).fill("They say the volunteer seems fun and want to try.");
    await page.getByRole("button", { name: "Send your answer" }).click();
    await heading(page, "Agreement sent");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await check(page, "sent");

    // The other tab's answer comes too late: the page says the link is used, and its heading has focus
    // (the button pressed went with the form; focus was left on <body>).
    await other.page.getByLabel("Your name").fill("Dee Harrow");
    await other.page.getByLabel("Yes, I agree").check();
    await other.page.getByLabel(/'s wishes about this match/).fill("They want to try.");
    await other.page.getByRole("button", { name: "Send your answer" }).focus();
    await other.page.keyboard.press("Enter");
    await heading(other.page, "This link has been used or has expired");
    expect(await other.page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await check(other.page, "used-other-tab");
    await other.context.close();

    // The link works once.
    await page.goto(`${stack.url}${link.pathname}`);
    await heading(page, "This link has been used or has expired");
    await check(page, "used");

    const table = stack.db.forTenant(
      TenantContext.fromVerifiedMembership(
        { personId: "e2e-check", email: "", name: "Test check" },
        { tenantId: TENANT, roles: ["coordinator"] },
        "check",
      ),
    );
    expect((await getMatchRecord(table, matchId)).stage).toBe("agreed");
    await co.page.reload();
    await expect.poll(() => co.page.locator("main").textContent()).toContain("Agreed");
    expect(describeConsole(errors).filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
