import { randomUUID } from "node:crypto";
import { keys, matchEntity, type StoredVisit, TenantContext, visitEntity, volunteerEntity } from "@tandem/data";
import { addDays, todayInLondon, visitWhenInWords } from "@tandem/domain";
import { demoRecordId, type LocalStack } from "@tandem/local";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxAt, textOf } from "../support/mailbox.js";
import { checkScreen, describeConsole, fillSignIn, heading, openPage, startE2e } from "./browser.js";

/**
 * A senior manager's "Visits to approve" (Leicestershire: over 8 hours or overnight "only in exceptional
 * circumstances ... agreed by the Assistant Director or their nominated person"): the Riverford demo
 * manager sees the count on their home, the visits soonest first, approves one and refuses the other
 * with a reason (the reason is asked for first, through the error summary), and the volunteer is
 * e-mailed each decision. Keyboard only; every page axe-clean at 320px, and the list at 200% zoom.
 * The two visits are written straight into the table (as the demo data is): planning one over HTTP
 * is test/api/visit-approvals.int.test.ts's, at a council whose policy allows it.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 170;

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;
let volunteerEmail = "";
const tomorrow = addDays(todayInLondon(), 1);
const overnight = { on: tomorrow, startsAt: "18:00", endsAt: "10:00", overnight: true };
const longDay = { on: addDays(tomorrow, 2), startsAt: "08:00", endsAt: "18:30", overnight: false };

async function seedAwaitingVisits(): Promise<void> {
  const table = stack.db.forTenant(TenantContext.forPublicForm("riverford", `seed-${randomUUID()}`));
  const found = await table.get(keys.match("riverford", demoRecordId("riverford", 2, 1)));
  if (!found) throw new Error("riverford has no demo match");
  const match = matchEntity.parse(found);
  const volunteer = await volunteerEntity.get(table, { id: match.volunteerId });
  if (!volunteer) throw new Error("the demo match has no volunteer record");
  volunteerEmail = volunteer.email;
  const visit = (when: typeof overnight, reason: string): StoredVisit => ({
    matchId: match.matchId,
    id: randomUUID(),
    volunteerId: match.volunteerId,
    volunteerName: volunteer.name,
    status: "awaiting_approval",
    plan: { ...when, activity: "Park and playground", place: "Riverside Park", namedPerson: { name: "Sam Friend" } },
    approvalReason: reason,
    decision: null,
    record: null,
    recordedAt: null,
    cancellation: null,
    cancelledAt: null,
    homeSafeAt: null,
    claimedPence: 0,
    createdAt: new Date().toISOString(),
    version: 1,
  });
  await table.transact([
    visitEntity.put(
      "riverford",
      visit(overnight, "An overnight visit needs a senior manager's agreement before it takes place"),
      "absent",
    ),
    visitEntity.put(
      "riverford",
      visit(
        longDay,
        "A visit of 10 hours 30 minutes is longer than the 8 hours allowed, and needs a senior manager's agreement before it takes place",
      ),
      "absent",
    ),
  ]);
}

// A stack of its own with the demo data: on a busy machine that takes longer than the suite's default hook time.
beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("visit-approvals", PORT));
  await seedAwaitingVisits();
}, 480_000);

afterAll(async () => {
  await stopAll?.();
});

/** Keyboard only: move focus to the control and press Enter (a link or button). */
async function press(target: Locator): Promise<void> {
  await target.focus();
  await target.press("Enter");
}

async function type(target: Locator, text: string): Promise<void> {
  await target.focus();
  await target.pressSequentially(text);
}

const mainText = async (page: Page) => (await page.locator("main").textContent()) ?? "";
const banner = async (page: Page) => (await page.locator(".govuk-notification-banner").textContent()) ?? "";

describe("a manager's visits to approve", () => {
  it("approves one visit and refuses another with a reason, keyboard only on a phone", {
    timeout: 240_000,
  }, async () => {
    const { page, errors, pageErrors } = await openPage(browser);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${stack.url}/sign-in`);
    await fillSignIn(page, "manager@riverford.example");
    await page.waitForURL(`${stack.url}/workspace`);
    await heading(page, "Workspace");
    await expect
      .poll(() => page.locator("#visits-to-approve").textContent(), { timeout: 10_000 })
      .toContain("2 visits over the hours or overnight, waiting for a senior manager's agreement.");
    await checkScreen(page, "visit-approvals-home");

    await press(page.locator("#visits-to-approve").getByRole("link", { name: "Visits to approve" }));
    await heading(page, "Visits to approve");
    const list = await mainText(page);
    // Soonest first, each with the planned date and times in words and why it needs agreement.
    const first = list.indexOf(visitWhenInWords(overnight));
    const second = list.indexOf(visitWhenInWords(longDay));
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(list).toContain("An overnight visit needs a senior manager's agreement before it takes place");
    expect(list).toContain("A visit of 10 hours 30 minutes is longer than the 8 hours allowed");
    await checkScreen(page, "visit-approvals-list");

    await press(
      page.getByRole("button", { name: new RegExp(`^Approve the visit of .+ on ${visitWhenInWords(overnight)}$`) }),
    );
    await heading(page, "Approve this visit");
    await checkScreen(page, "visit-approvals-approve");
    await press(page.getByRole("button", { name: "Approve visit" }));
    await heading(page, "Visits to approve");
    expect(await banner(page)).toContain(`Visit approved: `);
    // The banner names the visit decided; the list no longer offers it.
    expect(await banner(page)).toContain(visitWhenInWords(overnight));
    expect(await page.getByRole("button", { name: new RegExp(`on ${visitWhenInWords(overnight)}$`) }).count()).toBe(0);
    expect(await page.locator("section[aria-labelledby^='visit-']").count()).toBe(1);
    await checkScreen(page, "visit-approvals-approved");

    await press(
      page.getByRole("button", { name: new RegExp(`^Refuse the visit of .+ on ${visitWhenInWords(longDay)}$`) }),
    );
    await heading(page, "Refuse this visit");
    await press(page.getByRole("button", { name: "Refuse visit" }));
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Say why you are refusing this visit");
    // The summary's link takes focus to the field, as GOV.UK's error summary does.
    await press(summary.getByRole("link", { name: "Say why you are refusing this visit" }));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("reason");
    await checkScreen(page, "visit-approvals-refuse-error");
    const reason = "Ten and a half hours is too long: plan a morning instead";
    await type(page.getByLabel("Why are you refusing this visit?"), reason);
    await press(page.getByRole("button", { name: "Refuse visit" }));
    await heading(page, "Visits to approve");
    expect(await banner(page)).toContain("Visit refused: ");
    expect(await mainText(page)).toContain("No visits are waiting for approval.");
    await checkScreen(page, "visit-approvals-empty");

    const mail = mailboxAt(stack.mailboxUrl);
    const approved = textOf(await mail.waitForMail(volunteerEmail, /^Your visit has been approved$/));
    expect(approved).toContain(visitWhenInWords(overnight));
    const refused = textOf(await mail.waitForMail(volunteerEmail, /^Your visit has not been approved$/));
    expect(refused).toContain(`The reason: ${reason}`);

    expect(describeConsole(errors)).toEqual([]);
    expect(pageErrors.map(String)).toEqual([]);
  });

  it("lays the list out without sideways scrolling at 200% zoom", { timeout: 120_000 }, async () => {
    // 200% zoom: a 640 × 800 window with two device pixels per CSS pixel lays the page out at 320px.
    const context = await browser.newContext({ viewport: { width: 320, height: 400 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    try {
      await page.goto(`${stack.url}/sign-in`);
      await fillSignIn(page, "manager@riverford.example");
      await page.waitForURL(`${stack.url}/workspace`);
      await page.goto(`${stack.url}/workspace/visits-to-approve`);
      await heading(page, "Visits to approve");
      await checkScreen(page, "visit-approvals-zoom");
    } finally {
      await context.close();
    }
  });
});
