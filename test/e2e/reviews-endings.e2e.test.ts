import { getTenant, reviewScheduleEntity, TenantContext, withNextReview } from "@tandem/data";
import { getMatchRecord, matchEntity } from "@tandem/data/matches";
import { addDays, addMonths, todayInLondon } from "@tandem/domain";
import { demoRecordId, type LocalStack } from "@tandem/local";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, mailboxAt } from "../support/mailbox.js";
import { checkScreen, describeConsole, heading, openPage, signInToWorkspace, startE2e } from "./browser.js";

/**
 * Reviews and endings at Riverford (issue 15): the demo match, its young person two months from the
 * end age (21), gets its review schedule. The coordinator sees the alert, asks four adults and the
 * child for feedback; the carer answers on a phone (320px), the conditional concern question
 * revealed by its answer; the child's own form is short and plain (headings up to 7 words,
 * questions up to 12); the coordinator records a review with the child's words, then a planned
 * ending with a closure review, and the child goes back on the waiting list. Every page axe-clean.
 */
// Its own stack, clear of the other browser tests' and of `pnpm start` (3000).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 190;
const TENANT = "riverford";
const MATCH = demoRecordId(TENANT, 2, 1);
const today = todayInLondon();

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

/** The demo match, active for 60 days, its young person 21 in about two months, with its review schedule. */
async function seedApproachingEndAge(): Promise<void> {
  const table = stack.db.forTenant(
    TenantContext.fromVerifiedMembership(
      { personId: "e2e-seed", email: "", name: "Test seed" },
      { tenantId: TENANT, roles: ["coordinator"] },
      "seed",
    ),
  );
  const m = await getMatchRecord(table, MATCH);
  const activatedOn = addDays(today, -60);
  const dateOfBirth = addMonths(addDays(today, 60), -21 * 12);
  const next = {
    ...m,
    stageSince: activatedOn,
    stageDates: { ...m.stageDates, active: activatedOn },
    child: { ...m.child, dateOfBirth },
  };
  const policy = (await getTenant(table))?.policy;
  if (!policy) throw new Error("no Riverford policy");
  const entry = withNextReview(
    {
      matchId: MATCH,
      referralId: m.referralId,
      volunteerId: m.volunteerId,
      activatedOn,
      firstVisitOn: null,
      endingBeganOn: null,
      label: `${m.child.firstName} and ${m.volunteer.firstName}`,
      childDateOfBirth: dateOfBirth,
      vulnerableCareLeaver: false,
      version: 1,
    },
    [],
    policy,
  );
  await table.transact([
    { kind: "put", item: matchEntity.item(TENANT, next), expect: "any" },
    { kind: "put", item: reviewScheduleEntity.item(TENANT, entry), expect: "any" },
  ]);
}

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("reviews-endings", PORT));
  await seedApproachingEndAge();
});

afterAll(async () => {
  await stopAll?.();
});

const check = (page: Page, name: string) => checkScreen(page, `reviews-${name}`);
const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;
const ADULTS = [
  ["carer", "Pat Carer", "carer.e2e@example.org"],
  ["social_worker", "Sam Worker", "sw.e2e@example.org"],
  ["iro", "Ira Officer", "iro.e2e@example.org"],
  ["volunteer", "Robin Visitor", "volunteer.e2e@example.org"],
] as const;

async function feedbackLink(to: string, subject: RegExp): Promise<string> {
  const mail = await mailboxAt(stack.mailboxUrl).waitForMail(to, subject);
  return new URL(linkIn(mail, "/feedback/")).pathname;
}

/** Fills a GOV.UK date input (three fields) by its id prefix. */
async function fillDate(page: Page, id: string, iso: string): Promise<void> {
  const [year = "", month = "", day = ""] = iso.split("-");
  await page.locator(`#${id}-day`).fill(String(Number(day)));
  await page.locator(`#${id}-month`).fill(String(Number(month)));
  await page.locator(`#${id}-year`).fill(year);
}

describe("reviews and endings", () => {
  it("a match's review with feedback, the end-age alert and a planned ending with a closure review", {
    timeout: 300_000,
  }, async () => {
    const { page, errors } = await openPage(browser);
    await signInToWorkspace(page, stack.url, "coordinator@riverford.example");
    await page.getByRole("link", { name: "Reviews and supervision" }).first().click();
    await heading(page, "Reviews and supervision");
    await check(page, "due-lists");
    const label = (await page.locator("main table").first().locator("tbody tr a").first().textContent())?.trim() ?? "";
    expect(label).toMatch(/ and /);
    await page.getByRole("link", { name: label }).first().click();
    await heading(page, label);
    // The alert: 21 in about two months.
    await expect.poll(() => page.locator("#end-age-alert").textContent()).toMatch(/ends at 21, within 3 months/);
    await check(page, "match");

    // Feedback from the four adults, and the child's own link.
    await page.getByRole("link", { name: "Ask for feedback" }).click();
    await heading(page, "Ask for feedback");
    for (const [respondent, name, email] of ADULTS) {
      await page.locator(`#${respondent}-name`).fill(name);
      await page.locator(`#${respondent}-email`).fill(email);
    }
    await page.getByLabel("Their own link, by e-mail").check();
    await page.locator("#child-name").fill("Mika");
    await page.locator("#child-email").fill("child.e2e@example.org");
    await check(page, "ask-for-feedback");
    await page.getByRole("button", { name: "Ask for feedback" }).click();
    await heading(page, label);
    await expect.poll(() => page.locator("main").textContent()).toContain("Feedback asked from 5 people");

    // The carer answers on a phone.
    const carer = await openPage(browser);
    await carer.page.setViewportSize({ width: 320, height: 800 });
    await carer.page.goto(`${stack.url}${await feedbackLink("carer.e2e@example.org", /Feedback for/)}`);
    await heading(carer.page, "Feedback on a match");
    const concern = carer.page.getByLabel("Tell us about your concern");
    await expect(concern.isVisible()).resolves.toBe(false);
    await check(carer.page, "carer-form");
    await carer.page.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => carer.page.locator(".govuk-error-summary").textContent()).toContain("There is a problem");
    await check(carer.page, "carer-form-errors");
    await carer.page.getByLabel("Well", { exact: true }).check();
    await carer.page.getByLabel("Yes", { exact: true }).check();
    // The conditional question shows once "Yes" is chosen (GOV.UK conditional reveal).
    await expect.poll(() => concern.isVisible()).toBe(true);
    await concern.fill("Visits are sometimes cut short");
    await check(carer.page, "carer-form-concern");
    await carer.page.getByRole("button", { name: "Send" }).click();
    await heading(carer.page, "Feedback sent");
    await check(carer.page, "carer-sent");

    // The child's own form: short and plain, readable on a phone.
    const child = await openPage(browser);
    await child.page.setViewportSize({ width: 320, height: 800 });
    await child.page.goto(`${stack.url}${await feedbackLink("child.e2e@example.org", /Tell us about your visits/)}`);
    await heading(child.page, "Tell us about your visits");
    await check(child.page, "child-form");
    for (const h of await child.page.locator("main h1, main h2").allTextContents())
      expect(words(h), `heading "${h}"`).toBeLessThanOrEqual(7);
    const questions = await child.page.locator("main legend, main label.govuk-label--s").allTextContents();
    expect(questions.length).toBeGreaterThanOrEqual(4);
    for (const q of questions) expect(words(q), `question "${q}"`).toBeLessThanOrEqual(12);
    await child.page.getByLabel("Happy", { exact: true }).check();
    await child.page.getByLabel("What do you like doing together?").fill("Baking cakes");
    await child.page.getByLabel("Yes", { exact: true }).check();
    await child.page.getByRole("button", { name: "Send" }).click();
    await heading(child.page, "Thank you for telling us");

    // The coordinator records the review with the child's own words.
    await page.getByRole("link", { name: "Back to reviews and supervision" }).click();
    await heading(page, "Reviews and supervision");
    await page.getByRole("link", { name: label }).first().click();
    await heading(page, label);
    await expect.poll(() => page.locator("main").textContent()).toContain("Visits are sometimes cut short");
    await page.getByRole("link", { name: "Record a review" }).click();
    await heading(page, "Record a review");
    await page.getByLabel("First formal review").check();
    await page.getByLabel("On a visit").check();
    await page.getByLabel("The child's view, in their own words").fill("I like baking with my visitor, it is fun");
    await page.getByLabel("The match continues", { exact: true }).check();
    await check(page, "record-review");
    await page.getByRole("button", { name: "Record a review" }).click();
    await heading(page, label);
    await expect.poll(() => page.locator("main").textContent()).toContain("I like baking with my visitor, it is fun");
    await check(page, "match-reviewed");

    // A planned ending, the plan agreed with the social worker, confirmed before it is sent.
    await page.getByRole("link", { name: "Begin the ending" }).click();
    await heading(page, "Begin the ending");
    await page.getByLabel("Planned", { exact: true }).check();
    await check(page, "ending-kind");
    await page.getByRole("button", { name: "Continue" }).click();
    await heading(page, "Begin a planned ending");
    await page.getByLabel("The young person reached the age support ends").check();
    await page.getByLabel("The ending plan").fill("A last baking afternoon and a goodbye card");
    await page.getByLabel("The social worker who agreed the plan").fill("Sam Worker");
    await check(page, "ending-form");
    await page.getByRole("button", { name: "Continue" }).click();
    await heading(page, "Check and confirm the ending");
    await check(page, "ending-confirm");
    await page.getByRole("button", { name: "Confirm and begin the ending" }).click();
    await heading(page, label);
    await expect.poll(() => page.locator("main").textContent()).toContain("The ending has begun");

    // The closure review, with feedback, then the end: the child back on the waiting list.
    await page.getByRole("link", { name: "Record the closure review" }).click();
    await heading(page, "Record the closure review");
    await page.getByLabel("By a phone or video call").check();
    await page.getByLabel("The child's view, in their own words").fill("I will miss baking but I am ready");
    await page.getByLabel("The match should end").check();
    await page.getByRole("button", { name: "Record the closure review" }).click();
    await heading(page, label);
    await page.getByRole("link", { name: "End the match" }).click();
    await heading(page, "End the match");
    await fillDate(page, "endedOn", today);
    await page.getByLabel("Back on the waiting list").check();
    await check(page, "end-form");
    await page.getByRole("button", { name: "Continue" }).click();
    await heading(page, "Check and confirm the end of the match");
    await check(page, "end-confirm");
    await page.getByRole("button", { name: "Confirm and end the match" }).click();
    await heading(page, label);
    await expect.poll(() => page.locator("main").textContent()).toContain("The child returned to the waiting list");
    await check(page, "ended");
    expect(describeConsole(errors)).toEqual([]);
    expect(describeConsole(carer.errors)).toEqual([]);
  });
});
