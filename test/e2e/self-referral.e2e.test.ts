import { REFERENCE_SOURCE } from "@tandem/domain";
import { DEMO_PASSWORD, type LocalStack, signIn } from "@tandem/local";
import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxAt, textOf } from "../support/mailbox.js";
import { checkScreen, describeConsole, heading, openPage, signInToWorkspace, startE2e } from "./browser.js";

/**
 * A young person refers themselves at Riverford, on a 320px-wide screen, once the council admin has
 * switched self-referrals on: a short form in plain words, a validation error fixed through the error
 * summary, "check what you have told us", and the confirmation. Without an e-mail address the request
 * reaches the coordinator at once, who finds it in the list; with one, the code from the e-mail (read
 * from the local SES mailbox) confirms it. Every page is checked with axe-core and never scrolls sideways.
 */
// Its own stack, clear of the other browser tests' and of `pnpm start` (3000).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 80;

const SLUG = "riverford";
const COUNCIL = "Riverford City Council";
const REFER_TITLE = "Ask for an Independent Visitor for yourself";
const CHECK_TITLE = "Check what you have told us";
const DONE_TITLE = "We have your request";
/** The question pages a young person sees, in order. */
const PAGES = ["About you", "What you would like", "How we can reach you"];
/** Words a twelve-year-old should not meet on their own pages. */
const JARGON = /\b(referrals?|referrer|eligib\w*|safeguarding|looked after|section 20|placement|IRO)\b/i;

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("self-referral", PORT));
  // No demo council takes self-referrals: Riverford's admin switches them on, as in the settings page.
  const token = await signIn(stack.identity, "admin@riverford.example", DEMO_PASSWORD);
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${stack.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, text, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const tenant = await api("GET", "/api/tenant");
  expect(tenant.status, tenant.text).toBe(200);
  const policy = structuredClone(tenant.json.policy) as { referrals: Record<string, unknown> };
  expect(policy.referrals.selfReferralsAccepted).toBe(false);
  policy.referrals.selfReferralsAccepted = true;
  const changed = await api("PUT", "/api/tenant/policy", {
    policy,
    version: tenant.json.version,
    reason: "Young people can now ask for an Independent Visitor themselves",
  });
  expect(changed.status, changed.text).toBe(200);
});

afterAll(async () => {
  await stopAll?.();
});

const checkPage = (page: Page, name: string) => checkScreen(page, `self-referral-${name}`);

/** The newest e-mail to `address` whose subject matches, as the text a person reads. */
async function waitForMail(address: string, subject: RegExp): Promise<string> {
  return textOf(await mailboxAt(stack.mailboxUrl).waitForMail(address, subject));
}

/** Chromium logs each 4xx answer as a console error: none is expected on these pages. */
function consoleErrors(errors: ConsoleMessage[]): string[] {
  return describeConsole(errors);
}

/** The questions on the page, as a person reads them: each label and legend. */
async function questionsOn(page: Page): Promise<string[]> {
  return page
    .locator("main label.govuk-label--s, main legend")
    .evaluateAll((els) => els.map((el) => (el.textContent ?? "").trim()));
}

/** A young person's page: short heading, short questions, no professional jargon, axe clean, no sideways scroll. */
async function plainPage(page: Page, title: string, name: string): Promise<void> {
  await heading(page, title);
  expect(title.split(/\s+/).length, `heading "${title}"`).toBeLessThanOrEqual(7);
  for (const q of await questionsOn(page)) {
    // The question itself (before any "(if you have one)") is one short sentence.
    const question = q.replace(/\s*\(.*\)$/, "");
    expect(question.split(/\s+/).length, `question "${q}"`).toBeLessThanOrEqual(10);
  }
  expect((await page.locator("main").textContent()) ?? "", `jargon on ${name}`).not.toMatch(JARGON);
  await checkPage(page, name);
}

/** From the council's refer page to the first question, as a young person finds it. */
async function startSelfReferral(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(`${stack.url}/${SLUG}/refer`);
  await heading(page, "Refer a child or young person for an Independent Visitor");
  expect(await page.locator("header").textContent()).toContain(COUNCIL);
  const link = page.getByRole("link", { name: REFER_TITLE });
  await link.waitFor();
  expect(await page.getByRole("heading", { name: "If you are a young person in care" }).count()).toBe(1);
  await checkPage(page, `${name}-refer`);
  await link.click();
  await plainPage(page, REFER_TITLE, `${name}-start`);
  expect(await page.locator("main").textContent()).toContain("It takes about 5 minutes");
  await page.getByRole("button", { name: "Start" }).click();
}

const next = (page: Page) => page.getByRole("button", { name: "Continue" }).click();

async function fillBirthday(page: Page, [day, month, year]: [string, string, string]): Promise<void> {
  const group = page.getByRole("group", { name: "When is your birthday?" });
  await group.getByLabel("Day").fill(day);
  await group.getByLabel("Month").fill(month);
  await group.getByLabel("Year").fill(year);
}

describe("self-referrals, end to end", () => {
  it("a young person without e-mail asks for a visitor on a phone; the coordinator sees it at once", {
    timeout: 240_000,
  }, async () => {
    const young = await openPage(browser);
    const { page } = young;
    await startSelfReferral(page, "no-email");

    // About you, without a birthday: refused on the page, fixed from the error summary.
    await plainPage(page, PAGES[0] as string, "about-you");
    expect(await questionsOn(page)).toEqual(["What is your name?", "When is your birthday?"]);
    await page.getByLabel("What is your name?").fill("Sam Tideway");
    await next(page);
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    const missing = "Enter your birthday";
    await expect.poll(() => summary.textContent()).toContain(missing);
    expect(await page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    expect(await page.title()).toMatch(/^Error: About you/);
    expect(await page.locator("#dateOfBirth-error").textContent()).toContain(missing);
    await plainPage(page, PAGES[0] as string, "about-you-error");
    await summary.getByRole("link", { name: missing }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("dateOfBirth-day");
    await fillBirthday(page, ["14", "2", "2013"]);
    await next(page);

    await plainPage(page, PAGES[1] as string, "ideas");
    await page
      .getByLabel("What would you like to do with a visitor?")
      .fill("Go to football matches and the skate park.");
    await next(page);

    await plainPage(page, PAGES[2] as string, "contact");
    await page.getByLabel("How can we get in touch with you?").fill("Through my foster carer, Mrs Ellery.");
    await page.getByLabel("Your social worker's name (if you know it)").fill("Priya Lund");
    await next(page);

    // Check what you have told us, then send.
    await plainPage(page, CHECK_TITLE, "check");
    const answers = (await page.locator("main").textContent()) ?? "";
    for (const text of ["Sam Tideway", "14 February 2013", "skate park", "Mrs Ellery", "Priya Lund"]) {
      expect(answers).toContain(text);
    }
    expect(answers).toContain("we will contact your social worker");
    await page.getByRole("button", { name: "Send", exact: true }).click();

    await plainPage(page, DONE_TITLE, "no-email-done");
    const panel = (await page.locator(".govuk-panel").textContent()) ?? "";
    const reference = new RegExp(`Your reference\\s*(${REFERENCE_SOURCE})`).exec(panel)?.[1] ?? "";
    expect(reference, panel).toMatch(new RegExp(`^${REFERENCE_SOURCE}$`));
    expect(await page.locator("main").textContent()).toContain(
      `A coordinator from ${COUNCIL}'s Independent Visitor scheme will contact your social worker`,
    );

    // The coordinator signs in and finds it at once, though no e-mail was confirmed.
    const coordinator = await openPage(browser);
    const co = coordinator.page;
    await signInToWorkspace(co, stack.url, "coordinator@riverford.example");
    await co.getByRole("main").getByRole("link", { name: "Referrals", exact: true }).click();
    await heading(co, "Referrals");
    const row = co.locator("tr", { hasText: reference });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? "";
    expect(rowText).toContain("Self-referral");
    expect(rowText).toContain("no e-mail address confirmed");
    expect(rowText).toContain("Sam");
    expect(rowText).toContain("Submitted");
    await checkScreen(co, "self-referral-list");

    await row.getByRole("link", { name: reference }).click();
    await heading(co, `Referral ${reference}`);
    const facts = (await co.locator(".govuk-summary-list").first().textContent()) ?? "";
    expect(facts).toContain("The young person, with no e-mail address to confirm: contact their social worker");
    const main = (await co.locator("main").textContent()) ?? "";
    for (const text of ["Sam Tideway", "skate park", "Mrs Ellery", "Priya Lund"]) expect(main).toContain(text);
    await checkScreen(co, "self-referral-referral");

    expect([...young.pageErrors, ...coordinator.pageErrors].map(String)).toEqual([]);
    expect(consoleErrors(young.errors)).toEqual([]);
    expect(consoleErrors(coordinator.errors)).toEqual([]);
    await coordinator.context.close();
    await young.context.close();
  });

  it("a young person with e-mail confirms it with the code from the e-mail", { timeout: 180_000 }, async () => {
    const { context, page, errors, pageErrors } = await openPage(browser);
    const email = "robin.ashdown@example.com";
    try {
      await startSelfReferral(page, "email");
      await plainPage(page, PAGES[0] as string, "email-about-you");
      await page.getByLabel("What is your name?").fill("Robin Ashdown");
      await fillBirthday(page, ["3", "9", "2011"]);
      await next(page);
      await plainPage(page, PAGES[1] as string, "email-ideas");
      await page.getByLabel("What would you like to do with a visitor?").fill("Drawing, and going to the cinema.");
      await next(page);
      await plainPage(page, PAGES[2] as string, "email-contact");
      await page.getByLabel("How can we get in touch with you?").fill("By e-mail, please.");
      await page.getByLabel("Your e-mail address (if you have one)").fill(email);
      await next(page);

      await plainPage(page, CHECK_TITLE, "email-check");
      const answers = (await page.locator("main").textContent()) ?? "";
      expect(answers).toContain(email);
      expect(answers).toContain(`We will send a code to ${email} to check it is yours.`);
      await page.getByRole("button", { name: "Send", exact: true }).click();

      await heading(page, "Check your e-mail");
      const inset = (await page.locator(".govuk-inset-text").textContent()) ?? "";
      const reference = new RegExp(`(${REFERENCE_SOURCE})`).exec(inset)?.[1] ?? "";
      expect(reference, inset).not.toBe("");
      await plainPage(page, "Check your e-mail", "email-check-email");
      expect(await page.locator("main").textContent()).toContain(
        "We will see your request once you show us the e-mail address is yours",
      );

      const mail = await waitForMail(email, new RegExp(`^Confirm your request ${reference}`));
      // Worded for the young person too: no "referral", no "coordinators".
      expect(mail).not.toMatch(/referral|coordinator/i);
      // E-mail is not a secure channel: nothing the young person wrote is in it.
      expect(mail).not.toContain("Robin");
      expect(mail).not.toContain("cinema");
      const code = /code where the page asks for it: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(mail)?.[1];
      expect(code, mail).toBeTruthy();
      await page.getByLabel("Code from the e-mail").fill(code ?? "");
      await page.getByRole("button", { name: "Confirm" }).click();

      await plainPage(page, DONE_TITLE, "email-done");
      const main = (await page.locator("main").textContent()) ?? "";
      expect(await page.locator(".govuk-panel").textContent()).toMatch(new RegExp(`Your reference\\s*${reference}`));
      expect(main).toContain(`your request is with ${COUNCIL}'s Independent Visitor team`);
      expect(main).toMatch(/We will be in touch by \d{1,2} [A-Z][a-z]+ 20\d\d/);

      expect(pageErrors.map(String)).toEqual([]);
      expect(consoleErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
