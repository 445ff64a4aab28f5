import type { LocalStack } from "@tandem/local";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxAt, textOf } from "../support/mailbox.js";
import { heading, openPage, signInToWorkspace, startE2e } from "./browser.js";
import { noScriptTabs } from "./no-script.js";

/**
 * Issue 19, item 3 (ADR 15): with JavaScript off, someone applies to be an Independent Visitor through
 * the public function's HTML pages on a 320px-wide screen, fixes a problem from the error summary,
 * changes an answer from check your answers, sends, and the coordinator finds them on the volunteers
 * board. An address that names no page of the form says so instead of starting again, and a post too
 * large for the form is answered with a page that says what to do. Every page is checked with axe-core.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 240;

const SLUG = "riverford";
const APPLICANT = { first: "Morwenna", last: "Tallowby", email: "morwenna.tallowby@example.org" };
const NAME = `${APPLICANT.first} ${APPLICANT.last}`;

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("no-javascript-volunteer", PORT));
});

afterAll(async () => {
  await stopAll?.();
});

const { open: noScriptPage, check } = noScriptTabs(() => browser, "no-javascript-volunteer");

describe("the volunteer application without JavaScript (issue 19, item 3)", () => {
  it("applies with JavaScript off at 320px, and the coordinator finds the applicant on the board", {
    timeout: 300_000,
  }, async () => {
    const { context, page } = await noScriptPage({ width: 320, height: 800 });
    const group = (name: string) => page.getByRole("group", { name });
    const choose = (legend: string, option: string) => group(legend).getByLabel(option, { exact: true }).check();
    const next = () => page.getByRole("button", { name: "Continue", exact: true }).click();
    const birth = async ([day, month, year]: [string, string, string]) => {
      await group("Date of birth").getByLabel("Day").fill(day);
      await group("Date of birth").getByLabel("Month").fill(month);
      await group("Date of birth").getByLabel("Year").fill(year);
    };
    try {
      await page.goto(`${stack.url}/${SLUG}/volunteer`);
      await heading(page, "This page works best with JavaScript");
      await page.getByRole("button", { name: "Continue without JavaScript" }).click();

      // Too young for the council's minimum age: refused with the domain's own message, and what was typed stays.
      await heading(page, "Your details");
      expect(await page.locator("script").count()).toBe(0);
      await page.getByLabel("First name").fill(APPLICANT.first);
      await page.getByLabel("Last name").fill(APPLICANT.last);
      await birth(["4", "6", "2015"]);
      await next();
      await heading(page, "Your details");
      expect(await page.locator("title").textContent()).toMatch(/^Error: Your details/);
      const summary = page.locator(".govuk-error-summary");
      const problem = ((await summary.getByRole("link").first().textContent()) ?? "").trim();
      expect(problem).toMatch(/18/);
      expect(await page.locator("#contact-dateOfBirth-error").textContent()).toContain(problem);
      expect(await page.getByLabel("First name").inputValue()).toBe(APPLICANT.first);
      await check(page, "details-error");
      await summary.getByRole("link", { name: problem }).click();
      expect(new URL(page.url()).hash).toBe("#contact-dateOfBirth-day");
      await birth(["4", "6", "1985"]);
      await next();

      await heading(page, "How can we contact you?");
      await page.getByLabel("E-mail address").fill(APPLICANT.email);
      await page.getByLabel("Phone number").fill("07700 900461");
      await check(page, "contact");
      await next();
      await heading(page, "What is your address?");
      await page.getByLabel("Address line 1").fill("12 Wharf Lane");
      await page.getByLabel("Town or city").fill("Riverford");
      await page.getByLabel("Postcode").fill("RV1 2AB");
      await next();
      await heading(page, "Your work");
      await choose("Do you work in the council's children's services?", "No");
      await next();
      await heading(page, "Your experience, interests and skills");
      await page.getByLabel("What experience do you have with children or young people?").fill("Scout leader.");
      await page.getByLabel("What are your interests and skills?").fill("Canoeing & <b>chess</b>");
      await next();
      await heading(page, "Languages, availability and travel");
      await page.getByLabel("Which languages do you speak?").fill("English\nCornish");
      await page.getByLabel("When are you usually free to visit?").fill("Saturdays");
      await choose("Do you drive?", "Yes");
      await next();
      await heading(page, "Health and criminal record");
      await choose("Do you have a health condition that may affect the role?", "No");
      await choose("Do you have any convictions, cautions, reprimands or warnings that are not protected?", "No");
      await check(page, "health");
      await next();
      for (const [title, r] of [
        ["Your first referee", { name: "Ada Penhallow", email: "ada.penhallow@school.example", pro: "Yes" }],
        ["Your second referee", { name: "Jory Trelawn", email: "jory.trelawn@example.net", pro: "No" }],
      ] as const) {
        await heading(page, title);
        await page.getByLabel("Full name").fill(r.name);
        await page.getByLabel("E-mail address").fill(r.email);
        await page.getByLabel("Phone number").fill("01632 960555");
        await page.getByLabel("How do they know you?").fill("For 5 years");
        await choose("Do they know you professionally?", r.pro);
        await next();
      }
      // Declarations left unticked: every one is named in the summary at once.
      await heading(page, "Declarations");
      await next();
      await heading(page, "Declarations");
      expect(await page.locator(".govuk-error-summary li").count()).toBe(3);
      await check(page, "declarations-error");
      for (const box of await page.getByRole("checkbox").all()) await box.check();
      await next();

      await heading(page, "Check your answers before sending your application");
      const answers = (await page.locator("main").textContent()) ?? "";
      for (const text of [APPLICANT.first, "4 June 1985", "RV1 2AB", "Canoeing & <b>chess</b>", "Jory Trelawn"]) {
        expect(answers).toContain(text);
      }
      expect(await page.locator("main b, main script").count()).toBe(0);
      await check(page, "check");
      await page.getByRole("button", { name: "Change phone number", exact: true }).click();
      await heading(page, "How can we contact you?");
      await page.getByLabel("Phone number").fill("07700 900462");
      await page.getByRole("button", { name: "Save and go back to your answers" }).click();
      await heading(page, "Check your answers before sending your application");
      expect(await page.locator("main").textContent()).toContain("07700 900462");

      const sending = Object.fromEntries(
        await Promise.all(
          (await page.locator('main form input[type="hidden"]').all()).map(
            async (x) => [(await x.getAttribute("name")) ?? "", (await x.getAttribute("value")) ?? ""] as const,
          ),
        ),
      );
      await page.getByRole("button", { name: "Send application" }).click();
      await heading(page, "Application sent");
      const reference = ((await page.locator(".govuk-panel__body strong").textContent()) ?? "").trim();
      expect(reference).not.toBe("");
      expect(await page.locator("main").textContent()).toContain(APPLICANT.email);
      await check(page, "done");
      const acknowledgement = textOf(
        await mailboxAt(stack.mailboxUrl).waitForMail(APPLICANT.email, /Your application to be an Independent Visitor/),
      );
      expect(acknowledgement).toContain(reference);

      // Sending the same page again (a resubmitted post) files one application, not a second.
      const again = await context.request.post(`${stack.url}/${SLUG}/volunteer/check`, {
        form: { ...sending, _send: "1" },
      });
      expect(again.status()).toBe(200);
      expect(await again.text()).toContain(reference);

      const coordinator = await openPage(browser);
      const co = coordinator.page;
      try {
        await signInToWorkspace(co, stack.url, "coordinator@riverford.example");
        await co.getByRole("link", { name: "Volunteers", exact: true }).first().click();
        await heading(co, "Volunteers");
        const board = co.locator("section", { hasText: "Application (" });
        await board.locator("tr", { hasText: NAME }).waitFor();
        expect(await board.locator("tr", { hasText: NAME }).count()).toBe(1);
        expect(coordinator.pageErrors.map(String)).toEqual([]);
      } finally {
        await coordinator.context.close();
      }
    } finally {
      await context.close();
    }
  });

  it("says an address names no page of the form, with the way back to the answers or the start", {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await noScriptPage({ width: 320, height: 800 });
    try {
      // A stale address opened without script: its notice's button does not start the form silently.
      const response = page.waitForResponse((r) => r.request().method() === "POST");
      await page.goto(`${stack.url}/${SLUG}/volunteer/your-hobbies`);
      await page.getByRole("button", { name: "Continue without JavaScript" }).click();
      expect((await response).status()).toBe(404);
      await heading(page, "Page not found");
      await check(page, "not-found");
      await page.getByRole("link", { name: "Start the form from the beginning" }).click();
      await heading(page, "This page works best with JavaScript");
      expect(new URL(page.url()).pathname).toBe(`/${SLUG}/volunteer`);

      // With answers in the post (a page's form sent to an address that no longer exists): back to them.
      await page.goto(`${stack.url}/${SLUG}/volunteer/your-details`);
      await page.getByRole("button", { name: "Continue without JavaScript" }).click();
      const key = (await page.locator('input[name="_key"]').getAttribute("value")) ?? "";
      const staleUrl = `${stack.url}/${SLUG}/volunteer/no-such-step`;
      const stale = await context.request.post(staleUrl, { form: { _key: key, "contact.firstName": "Kerensa" } });
      expect(stale.status()).toBe(404);
      const html = await stale.text();
      // The page the browser would show for that post, opened in the tab to follow its button.
      await page.route(staleUrl, (route) => route.fulfill({ status: 404, contentType: "text/html", body: html }));
      await page.goto(staleUrl);
      await heading(page, "Page not found");
      await page.getByRole("button", { name: "Go back to your answers" }).click();
      await heading(page, "Check your answers before sending your application");
      expect(await page.locator("main").textContent()).toContain("Kerensa");
    } finally {
      await context.close();
    }
  });

  it("answers a post too large for the form with a page that says what to do", async () => {
    for (const path of [`/${SLUG}/volunteer/experience`, `/${SLUG}/refer/child`]) {
      const res = await fetch(`${stack.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
        body: `_key=k&background.experienceWithChildren=${"a".repeat(70 * 1024)}`,
      });
      expect(res.status).toBe(413);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain("<main");
      expect(html).toContain("What you sent is too large");
      expect(html).not.toContain("<script");
    }
  });
});
