import { REFERENCE_SOURCE } from "@tandem/domain";
import { DEMO_PASSWORD, type LocalStack, signIn } from "@tandem/local";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxAt, textOf } from "../support/mailbox.js";
import { heading, openPage, signInToWorkspace, startE2e } from "./browser.js";
import { noScriptTabs } from "./no-script.js";

/**
 * Issue 19, item 3 (ADR 15): with JavaScript off, a social worker refers a child through the public
 * function's HTML pages, on a 320px-wide screen and at 200% zoom, fixes a problem from the error
 * summary, changes an answer from check your answers, confirms with the e-mailed code, and the
 * coordinator finds the referral in their list. Every page is checked with axe-core.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 220;

const SLUG = "riverford";
const CHILD = { first: "Rowan", last: "Quillfeather" };
const EMAIL = "sam.thistle@riverford.gov.example";
/** Markup typed into the form is text on every page, never HTML. */
const INTERESTS = "<b>Climbing</b> & chess <script>alert(1)</script>";

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("no-javascript", PORT));
});

afterAll(async () => {
  await stopAll?.();
});

const { open: noScriptPage, check } = noScriptTabs(() => browser, "no-javascript");

describe("the referral form without JavaScript (issue 19, item 3)", () => {
  it("answers every page with JavaScript off, fixing a problem from the error summary", {
    timeout: 300_000,
  }, async () => {
    const { context, page } = await noScriptPage({ width: 320, height: 800 });
    const group = (name: string) => page.getByRole("group", { name });
    const date = async (name: string, [day, month, year]: [string, string, string]) => {
      await group(name).getByLabel("Day").fill(day);
      await group(name).getByLabel("Month").fill(month);
      await group(name).getByLabel("Year").fill(year);
    };
    const next = () => page.getByRole("button", { name: "Continue", exact: true }).click();
    try {
      await page.goto(`${stack.url}/${SLUG}/refer`);
      // Without script the SPA cannot draw the start page; its notice offers the form as plain pages.
      await heading(page, "This page works best with JavaScript");
      await check(page, "notice");
      await page.getByRole("button", { name: "Continue without JavaScript" }).click();

      // About the child, with a date of birth in the future: refused with the SPA's own message.
      await heading(page, "About the child");
      expect(await page.locator("script").count()).toBe(0);
      await check(page, "child");
      await page.getByLabel("First name").fill(CHILD.first);
      await page.getByLabel("Last name").fill(CHILD.last);
      await date("Date of birth", ["27", "3", "2030"]);
      await page.getByLabel("Gender").fill("Boy");
      await page.getByLabel("Ethnicity").fill("White British");
      await page.getByLabel("First language").fill("English");
      await next();
      await heading(page, "About the child");
      const futureBirth = "The date of birth must be today or in the past";
      expect(await page.locator(".govuk-error-summary").textContent()).toContain(futureBirth);
      expect(await page.locator("title").textContent()).toMatch(/^Error: About the child/);
      expect(await page.locator("#child-dateOfBirth-error").textContent()).toContain(futureBirth);
      // What was typed stays on the page.
      expect(await page.getByLabel("First name").inputValue()).toBe(CHILD.first);
      await check(page, "child-error");
      await page.getByRole("link", { name: futureBirth }).click();
      expect(new URL(page.url()).hash).toBe("#child-dateOfBirth-day");
      await group("Date of birth").getByLabel("Year").fill("2014");
      await next();

      await heading(page, "Care status");
      await group("Legal status").getByLabel("Care order", { exact: true }).check();
      await date("Date the child came into care", ["15", "1", "2022"]);
      await check(page, "care");
      await next();
      // The placement has a page of its own (one thing per page, issue 19 item 17).
      await heading(page, "Placement");
      await group("Type of placement").getByLabel("Foster care").check();
      await group("Is the child placed in Riverford City Council's area?").getByLabel("Yes").check();
      await page.getByLabel("How far is the placement from the child's home, in miles? (optional)").fill("35");
      await group("Is a placement move expected?").getByLabel("No").check();
      await check(page, "placement");
      await next();

      await heading(page, "Family contact");
      await group("How much contact does the child have with their birth family?").getByLabel("A little").check();
      await next();
      await heading(page, "Why an Independent Visitor");
      await page
        .getByLabel("Why would an Independent Visitor be in the child's interest?")
        .fill("Rowan has no visits from family and would enjoy a trusted adult friend.");
      await next();
      await heading(page, "Interests and hobbies");
      await page.getByLabel("What does the child enjoy doing?").fill(INTERESTS);
      await next();
      await heading(page, "The child's wishes");
      await group("Has the child been asked whether they want an Independent Visitor?").getByLabel("Yes").check();
      await group("Does the child want an Independent Visitor?").getByLabel("Yes", { exact: true }).check();
      await group("Has the child signed the referral?").getByLabel("No").check();
      await next();
      await heading(page, "Risks and safeguarding");
      await page.getByLabel("Risks a volunteer should know about").fill("None known.");
      await group("Are there serious safeguarding concerns?").getByLabel("No").check();
      await next();
      await heading(page, "About you");
      await page.getByLabel("Your full name").fill("Sam Thistle");
      await group("Your role").getByLabel("The child's social worker").check();
      await page.getByLabel("Your team").fill("Children Looked After Team 1");
      await page.getByLabel("Your work e-mail address").fill(EMAIL);
      await page.getByLabel("Your work phone number").fill("01632 960321");
      await check(page, "referrer");
      await next();

      // Check your answers: every answer given on earlier pages came back through the hidden fields.
      await heading(page, "Check your answers before sending the referral");
      const answers = (await page.locator("main").textContent()) ?? "";
      for (const text of [CHILD.first, "27 March 2014", "Care order", "35 miles", "A little", INTERESTS, EMAIL]) {
        expect(answers).toContain(text);
      }
      expect(await page.locator("main b, main script").count()).toBe(0);
      await check(page, "check");
    } finally {
      await context.close();
    }
  });
});

describe("the public forms without JavaScript: sending, confirming, and the coordinator's list", () => {
  it("at 200% zoom: changes an answer from check your answers, confirms with the code, and the coordinator lists it", {
    timeout: 300_000,
  }, async () => {
    // 200% zoom: a 640 × 800 window with two device pixels per CSS pixel lays the page out at 320px.
    const { context, page } = await noScriptPage({ width: 320, height: 400 }, 2);
    const group = (name: string) => page.getByRole("group", { name });
    const date = async (name: string, [day, month, year]: [string, string, string]) => {
      await group(name).getByLabel("Day").fill(day);
      await group(name).getByLabel("Month").fill(month);
      await group(name).getByLabel("Year").fill(year);
    };
    const next = () => page.getByRole("button", { name: "Continue", exact: true }).click();
    try {
      await page.goto(`${stack.url}/${SLUG}/refer/child`);
      await page.getByRole("button", { name: "Continue without JavaScript" }).click();
      await heading(page, "About the child");
      await page.getByLabel("First name").fill(CHILD.first);
      await page.getByLabel("Last name").fill(CHILD.last);
      await date("Date of birth", ["27", "3", "2014"]);
      await page.getByLabel("Gender").fill("Boy");
      await page.getByLabel("Ethnicity").fill("White British");
      await page.getByLabel("First language").fill("English");
      await next();
      await heading(page, "Care status");
      await group("Legal status").getByLabel("Care order", { exact: true }).check();
      await date("Date the child came into care", ["15", "1", "2022"]);
      await next();
      await heading(page, "Placement");
      await group("Type of placement").getByLabel("Foster care").check();
      await group("Is the child placed in Riverford City Council's area?").getByLabel("Yes").check();
      await group("Is a placement move expected?").getByLabel("Yes").check();
      await next();
      await heading(page, "Family contact");
      await group("How much contact does the child have with their birth family?").getByLabel("None").check();
      await next();
      await heading(page, "Why an Independent Visitor");
      await page.getByLabel("Why would an Independent Visitor be in the child's interest?").fill("No family visits.");
      await next();
      await heading(page, "Interests and hobbies");
      await page.getByLabel("What does the child enjoy doing?").fill("Chess.");
      await next();
      await heading(page, "The child's wishes");
      await group("Has the child been asked whether they want an Independent Visitor?").getByLabel("Yes").check();
      await group("Does the child want an Independent Visitor?").getByLabel("Yes", { exact: true }).check();
      await group("Has the child signed the referral?").getByLabel("No").check();
      await next();
      await heading(page, "Risks and safeguarding");
      await page.getByLabel("Risks a volunteer should know about").fill("None known.");
      await group("Are there serious safeguarding concerns?").getByLabel("No").check();
      await next();
      await heading(page, "About you");
      await page.getByLabel("Your full name").fill("Sam Thistle");
      await group("Your role").getByLabel("The child's social worker").check();
      await page.getByLabel("Your team").fill("Children Looked After Team 1");
      await page.getByLabel("Your work e-mail address").fill(EMAIL);
      await page.getByLabel("Your work phone number").fill("01632 960321");
      await next();

      // "Change" goes back to the page with the answer, and "Save and go back" returns here.
      await heading(page, "Check your answers before sending the referral");
      await check(page, "zoom-check");
      await page.getByRole("button", { name: "Change first name" }).click();
      await heading(page, "About the child");
      await page.getByLabel("First name").fill("Robin");
      await page.getByRole("button", { name: "Save and go back to your answers" }).click();
      await heading(page, "Check your answers before sending the referral");
      expect(await page.locator("main").textContent()).toContain("Robin");

      await page.getByRole("button", { name: "Send referral" }).click();
      await heading(page, "Check your e-mail");
      const main = (await page.locator("main").textContent()) ?? "";
      const reference = new RegExp(REFERENCE_SOURCE).exec(main)?.[0] ?? "";
      expect(reference).toMatch(new RegExp(`^${REFERENCE_SOURCE}$`));
      expect(main).toContain(EMAIL);
      await check(page, "zoom-check-email");

      const mailbox = mailboxAt(stack.mailboxUrl);
      const verification = textOf(await mailbox.waitForMail(EMAIL, /^Confirm your referral/));
      expect(verification).toContain(reference);
      const code = /code on the confirmation page: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(verification)?.[1] ?? "";
      expect(code).not.toBe("");
      // A wrong code is refused on the page, with the SPA's words.
      await page.getByLabel("Code from the e-mail").fill("AAAA-AAAA");
      await page.getByRole("button", { name: "Confirm" }).click();
      await heading(page, "Check your e-mail");
      expect(await page.locator(".govuk-error-summary").textContent()).toContain("The code is not right");
      await check(page, "zoom-code-error");
      await page.getByLabel("Code from the e-mail").fill(code);
      await page.getByRole("button", { name: "Confirm" }).click();
      await heading(page, "Referral sent");
      const done = (await page.locator("main").textContent()) ?? "";
      expect(done).toContain(reference);
      expect(done).toMatch(/You will hear from the coordinator by \d{1,2} [A-Z][a-z]+ 20\d\d/);
      await check(page, "zoom-done");

      // The coordinator, in the workspace (with JavaScript), finds it in their list.
      const coordinator = await openPage(browser);
      const co = coordinator.page;
      try {
        await signInToWorkspace(co, stack.url, "coordinator@riverford.example");
        await co.getByRole("main").getByRole("link", { name: "Referrals", exact: true }).click();
        await heading(co, "Referrals");
        const row = co.locator("tr", { hasText: reference });
        await row.waitFor();
        const rowText = (await row.textContent()) ?? "";
        expect(rowText).toContain("Robin");
        expect(rowText).not.toContain(CHILD.first);
        expect(coordinator.pageErrors.map(String)).toEqual([]);
      } finally {
        await coordinator.context.close();
      }
    } finally {
      await context.close();
    }
  });

  it("a young person asks for a visitor with JavaScript off, and the coordinator lists the request", {
    timeout: 300_000,
  }, async () => {
    // Riverford's demo policy takes no requests from young people: its admin turns them on, as the settings do.
    const token = await signIn(stack.identity, "admin@riverford.example", DEMO_PASSWORD);
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${stack.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const tenant = (await (await call("GET", "/api/tenant")).json()) as {
      version: number;
      policy: { referrals: { selfReferralsAccepted: boolean } };
    };
    tenant.policy.referrals.selfReferralsAccepted = true;
    const saved = await call("PUT", "/api/tenant/policy", {
      policy: tenant.policy,
      version: tenant.version,
      reason: "Browser test: young people may ask for a visitor themselves",
    });
    expect(saved.status, await saved.clone().text()).toBe(200);

    const { context, page } = await noScriptPage({ width: 320, height: 800 });
    try {
      await page.goto(`${stack.url}/${SLUG}/refer/myself`);
      await page.getByRole("button", { name: "Continue without JavaScript" }).click();
      await heading(page, "About you");
      await page.getByLabel("What is your name?").fill("Kai Marrow");
      const birthday = page.getByRole("group", { name: "When is your birthday?" });
      await birthday.getByLabel("Day").fill("14");
      await birthday.getByLabel("Month").fill("2");
      await birthday.getByLabel("Year").fill("2013");
      await page.getByRole("button", { name: "Continue", exact: true }).click();
      await heading(page, /./);
      await page.getByLabel("What would you like to do with a visitor?").fill("Skate park.");
      await page.getByRole("button", { name: "Continue", exact: true }).click();
      await page.getByLabel("How can we get in touch with you?").fill("Through my foster carer.");
      await page.getByRole("button", { name: "Continue", exact: true }).click();
      await heading(page, "Check what you have told us");
      await check(page, "self-check");
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await heading(page, "We have your request");
      const panel = (await page.locator(".govuk-panel").textContent()) ?? "";
      const reference = new RegExp(REFERENCE_SOURCE).exec(panel)?.[0] ?? "";
      expect(reference).toMatch(new RegExp(`^${REFERENCE_SOURCE}$`));
      await check(page, "self-done");

      const coordinator = await openPage(browser);
      try {
        await signInToWorkspace(coordinator.page, stack.url, "coordinator@riverford.example");
        await coordinator.page.getByRole("main").getByRole("link", { name: "Referrals", exact: true }).click();
        await heading(coordinator.page, "Referrals");
        await coordinator.page.locator("tr", { hasText: reference }).waitFor();
      } finally {
        await coordinator.context.close();
      }
    } finally {
      await context.close();
    }
  });

  it("refuses a form posted from another site", async () => {
    const res = await fetch(`${stack.url}/${SLUG}/refer/check`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site" },
      body: "_key=x&_send=1",
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("This form can only be sent from its own page");
  });
});
