import type { LocalStack } from "@tandem/local";
import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxAt, textOf } from "../support/mailbox.js";
import {
  checkScreen,
  describeConsole,
  fillSignIn,
  heading,
  openPage,
  screenshot,
  setUpAuthenticator,
  signInToWorkspace,
  startE2e,
} from "./browser.js";

/**
 * Someone applies to be an Independent Visitor at Riverford on a 320px-wide screen: role
 * information, one topic per page, an under-18 date of birth refused and fixed through the error
 * summary, check your answers, the confirmation with a reference and the acknowledgement e-mail.
 * The coordinator records the initial visit and sends both reference requests; each referee answers
 * through the link in their e-mail (read from the local SES mailbox) and a used link says so. The
 * coordinator records the phone confirmations and every required check, the interview and the
 * assessment, and moves the applicant to panel. The panel member recommends, the manager approves,
 * the decision e-mail arrives and the certificate downloads as a page to print, with the name as written. The public pages are
 * checked with axe-core and never scroll sideways.
 */
// Its own stack, clear of the other browser tests' and of `pnpm start` (3000).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 60;

const SLUG = "riverford";
const COUNCIL = "Riverford City Council";
// A surname outside Latin-1: the old PDF certificate printed it as "?ukasiewicz" (issue 19).
const APPLICANT = { first: "Robin", last: "Łukasiewicz", email: "robin.lukasiewicz@example.org" };
const NAME = `${APPLICANT.first} ${APPLICANT.last}`;
const REFEREES = [
  {
    name: "Dana Whitlock",
    email: "dana.whitlock@library.example",
    phone: "01632 960118",
    relationship: "Line manager at the library for 4 years",
    professional: "Yes",
  },
  {
    name: "Owen Pryce",
    email: "owen.pryce@example.net",
    phone: "07700 900377",
    relationship: "Friend and neighbour for 8 years",
    professional: "No",
  },
] as const;

const AGAIN_NOTE = "The referee could not find the first e-mail";

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("volunteers", PORT));
});

afterAll(async () => {
  await stopAll?.();
});

const _shot = (page: Page, name: string) => screenshot(page, `volunteers-${name}`);
const checkPage = (page: Page, name: string) => checkScreen(page, `volunteers-${name}`);

/** The newest e-mail to `address` whose subject matches, as the text a person reads. */
async function waitForMail(address: string, subject: RegExp): Promise<string> {
  return textOf(await mailboxAt(stack.mailboxUrl).waitForMail(address, subject));
}

/** The path of a council's single-use link (`reference`, `invitation`) in an e-mail's text. */
function pathOf(text: string, kind: "invitation" | "reference"): string {
  const link = new RegExp(`(?:https?://[^\\s"'<>/]+)?/${SLUG}/${kind}/[A-Za-z0-9_-]{32,64}`).exec(text)?.[0];
  expect(link, `no ${kind} link in: ${text}`).toBeTruthy();
  return new URL(link ?? "", stack.url).pathname;
}

const referenceLinkIn = (text: string) => pathOf(text, "reference");

/** Chromium logs each 4xx answer as a console error: the ones provoked on purpose are expected. */
function unexpectedErrors(errors: ConsoleMessage[], expected: { path: RegExp; status: number }[]): string[] {
  return describeConsole(
    errors.filter((m) => {
      const url = m.location().url;
      const path = url ? new URL(url).pathname : "";
      return !expected.some((e) => e.path.test(path) && m.text().includes(`status of ${e.status}`));
    }),
  );
}

async function continueOn(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Continue" }).click();
}

async function choose(page: Page, legend: string | RegExp, option: string): Promise<void> {
  await page.getByRole("group", { name: legend }).getByLabel(option, { exact: true }).check();
}

async function fillDate(
  page: Page,
  legend: string | RegExp,
  [day, month, year]: [string, string, string],
): Promise<void> {
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(day);
  await group.getByLabel("Month").fill(month);
  await group.getByLabel("Year").fill(year);
}

async function signIn(email: string): Promise<Page> {
  const { page } = await openPage(browser);
  await signInToWorkspace(page, stack.url, email);
  return page;
}

async function openVolunteer(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Volunteers", exact: true }).first().click();
  await heading(page, "Volunteers");
  await page.getByRole("link", { name: NAME }).click();
  await heading(page, NAME);
}

/** A button on the record that opens a page with one form, submitted with `submit`. */
async function act(
  page: Page,
  button: string,
  title: string,
  submit: string,
  fill?: () => Promise<void>,
): Promise<void> {
  await page.getByRole("button", { name: button, exact: true }).click();
  await heading(page, title);
  await fill?.();
  await page.getByRole("button", { name: submit, exact: true }).click();
  await heading(page, NAME);
  await page.locator(".govuk-notification-banner").waitFor();
}

describe("volunteer recruitment, end to end", () => {
  it("an applicant applies on a phone, both referees answer by e-mailed link, and the coordinator, panel and manager take them to approval", {
    timeout: 300_000,
  }, async () => {
    // 1. The applicant, on a 320px-wide screen.
    const applicant = await openPage(browser);
    const { page } = applicant;
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${stack.url}/${SLUG}/volunteer`);
    await heading(page, "Become an Independent Visitor");
    expect(await page.locator("header").textContent()).toContain(COUNCIL);
    expect(await page.locator("main").textContent()).toContain("What an Independent Visitor does");
    await checkPage(page, "start");
    await page.getByRole("button", { name: "Start now" }).click();

    // Your details, first as a 16-year-old: refused, fixed from the error summary.
    await heading(page, "Your details");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await checkPage(page, "details");
    await page.getByLabel("First name").fill(APPLICANT.first);
    await page.getByLabel("Last name").fill(APPLICANT.last);
    const year = new Date().getFullYear();
    await fillDate(page, "Date of birth", ["14", "5", String(year - 16)]);
    await continueOn(page);
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain("must be 18 or over");
    expect(await page.title()).toMatch(/^Error: Your details/);
    await checkPage(page, "details-error");
    await summary.getByRole("link").first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("contact-dateOfBirth-day");
    await page.getByLabel("Year").fill("1984");
    await continueOn(page);

    await heading(page, "How can we contact you?");
    await page.getByLabel("E-mail address").fill(APPLICANT.email);
    await page.getByLabel("Phone number").fill("07700 900555");
    await checkPage(page, "contact");
    await continueOn(page);

    await heading(page, "What is your address?");
    await page.getByLabel("Address line 1").fill("3 Mill Lane");
    await page.getByLabel("Town or city").fill("Riverford");
    await page.getByLabel("Postcode").fill("rf2 4qt");
    await checkPage(page, "address");
    await continueOn(page);

    await heading(page, "Your work");
    await page.getByLabel(/What do you do for work/).fill("Library assistant");
    await choose(page, /children's services/, "No");
    await checkPage(page, "work");
    await continueOn(page);

    await heading(page, "Your experience, interests and skills");
    await page.getByLabel(/experience do you have/).fill("I coach an under-12s football team on Saturdays.");
    await page.getByLabel(/interests and skills/).fill("Football, board games and baking.");
    await checkPage(page, "experience");
    await continueOn(page);

    await heading(page, "Languages, availability and travel");
    await page.getByLabel(/Which languages/).fill("English\nItalian");
    await page.getByLabel(/When are you usually free/).fill("Weekends, and Wednesday evenings.");
    await choose(page, "Do you drive?", "No");
    await checkPage(page, "availability");
    await continueOn(page);

    await heading(page, "Health and criminal record");
    await choose(page, /health condition/, "No");
    await choose(page, /convictions/, "No");
    await checkPage(page, "health");
    await continueOn(page);

    for (const [i, r] of REFEREES.entries()) {
      await heading(page, i === 0 ? "Your first referee" : "Your second referee");
      await page.getByLabel("Full name").fill(r.name);
      await page.getByLabel("E-mail address").fill(r.email);
      await page.getByLabel("Phone number").fill(r.phone);
      await page.getByLabel("How do they know you?").fill(r.relationship);
      await choose(page, "Do they know you professionally?", r.professional);
      await checkPage(page, `referee-${i + 1}`);
      await continueOn(page);
    }

    await heading(page, "Declarations");
    await checkPage(page, "declarations");
    for (const box of await page.locator("input[type=checkbox]").all()) await box.check();
    await continueOn(page);

    await heading(page, "Check your answers before sending your application");
    const answers = (await page.locator("main").textContent()) ?? "";
    expect(answers).toContain("3 Mill Lane");
    expect(answers).toContain(REFEREES[1].name);
    await checkPage(page, "check");
    await page.getByRole("button", { name: "Send application" }).click();

    await heading(page, "Application sent");
    const reference = ((await page.locator(".govuk-panel__body strong").textContent()) ?? "").trim();
    expect(reference).not.toBe("");
    await checkPage(page, "done");
    const acknowledgement = await waitForMail(APPLICANT.email, /Your application to be an Independent Visitor/);
    expect(acknowledgement).toContain(reference);

    // 2. The coordinator finds the applicant on the board, records the home visit and asks the referees.
    const co = await signIn("coordinator@riverford.example");
    await co.getByRole("link", { name: "Volunteers", exact: true }).first().click();
    await heading(co, "Volunteers");
    const row = co.locator("section", { hasText: "Application (" }).locator("tr", { hasText: NAME });
    await row.waitFor();
    expect(await row.textContent()).toContain("0 days");
    await checkPage(co, "board");
    await row.getByRole("link", { name: NAME }).click();
    await heading(co, NAME);
    await checkPage(co, "record-new");
    await act(co, "Record the initial visit", "Record the initial visit", "Record the initial visit");
    for (const r of REFEREES) {
      const card = co.locator(".govuk-summary-card", { hasText: r.name });
      await card.getByRole("button", { name: "Send the request" }).click();
      await heading(co, NAME);
      await expect.poll(() => co.locator(".govuk-notification-banner").textContent()).toContain(r.name);
    }
    // Sending again kills the link sent before, so it asks first, with notes; by keyboard alone.
    const [again] = REFEREES;
    const firstLink = referenceLinkIn(await waitForMail(again.email, /Reference request/));
    await co
      .locator(".govuk-summary-card", { hasText: again.name })
      .getByRole("button", { name: /Send the request again/ })
      .focus();
    await co.keyboard.press("Enter");
    await heading(co, `Send the reference request to ${again.name} again`);
    expect(await co.locator("main").textContent()).toContain("stops working");
    await checkPage(co, "request-again");
    await co.getByLabel("Notes (optional)").focus();
    await co.keyboard.type(AGAIN_NOTE);
    await co.keyboard.press("Tab");
    await co.keyboard.press("Enter");
    await heading(co, NAME);
    await expect.poll(() => co.locator(".govuk-notification-banner").textContent()).toContain("no longer works");
    expect(await co.locator("main").textContent()).toContain(AGAIN_NOTE);
    await expect
      .poll(async () => referenceLinkIn(await waitForMail(again.email, /Reference request/)))
      .not.toBe(firstLink);

    // 3. Each referee answers through the e-mailed link; a used link says so.
    for (const [i, r] of REFEREES.entries()) {
      const mail = await waitForMail(r.email, /Reference request/);
      const path = referenceLinkIn(mail);
      const referee = await openPage(browser);
      const rp = referee.page;
      await rp.setViewportSize({ width: 320, height: 800 });
      await rp.goto(`${stack.url}${path}`);
      await heading(rp, `Give a reference for ${NAME}`);
      await checkPage(rp, `reference-${i + 1}`);
      await rp.getByLabel(/How long have you known/).fill(r.relationship);
      await rp.getByLabel(/How suitable/).fill("Reliable, patient and good with young people.");
      await rp.getByLabel(/Do you know of any reason/).fill("None");
      await rp.getByRole("button", { name: "Send reference" }).click();
      const refSummary = rp.locator(".govuk-error-summary");
      await refSummary.waitFor();
      await expect.poll(() => refSummary.textContent()).toContain("recommend");
      await checkPage(rp, `reference-${i + 1}-error`);
      await choose(rp, /Would you recommend/, "Yes");
      await rp.getByRole("button", { name: "Send reference" }).click();
      await heading(rp, "Reference sent");
      await checkPage(rp, `reference-${i + 1}-sent`);
      await rp.goto(`${stack.url}${path}`);
      await heading(rp, "This reference link has expired or been used");
      await checkPage(rp, `reference-${i + 1}-used`);
      expect(unexpectedErrors(referee.errors, [{ path: /\/references\//, status: 410 }])).toEqual([]);
      await referee.context.close();
    }

    // 4. The coordinator confirms the references by phone and records every required check.
    // The SPA keeps the session in memory only: back to the record through its links, not a reload.
    await openVolunteer(co);
    for (const r of REFEREES) {
      await co.getByRole("link", { name: `Record the phone confirmation from ${r.name}` }).click();
      await heading(co, `Record the phone confirmation from ${r.name}`);
      await co.getByRole("button", { name: "Save the confirmation" }).click();
      await heading(co, NAME);
    }
    const today = new Date();
    const d = [String(today.getDate()), String(today.getMonth() + 1), String(today.getFullYear())] as [
      string,
      string,
      string,
    ];
    for (let guard = 0; guard < 10; guard++) {
      const links = co
        .locator("table")
        .first()
        .getByRole("link", { name: /^Record / });
      const rows = co
        .locator("table")
        .first()
        .locator("tbody tr", { hasNot: co.getByText("Valid", { exact: true }) });
      const pending = rows.getByRole("link", { name: /^Record / });
      if ((await pending.count()) === 0) break;
      expect(await links.count()).toBeGreaterThan(0);
      await pending.first().click();
      await heading(co, /^Record the /);
      // Acronyms keep their capitals mid-sentence: "Record the enhanced DBS check", never "dbs".
      expect(await co.locator("h1").textContent()).not.toMatch(/\b(dbs|mot|uk)\b/);
      await choose(co, "Outcome", "Passed");
      await fillDate(co, "Date requested", d);
      await fillDate(co, /Date the outcome was known/, d);
      if ((await co.getByLabel("DBS certificate number").count()) > 0) {
        await co.getByLabel("DBS certificate number").fill("001234567890");
        await fillDate(co, "Date of issue", d);
      }
      await co.getByRole("button", { name: "Save the check" }).click();
      await heading(co, NAME);
    }
    const checks = (await co.locator("table").first().textContent()) ?? "";
    expect(checks).toContain("Enhanced DBS check");
    expect(checks).toContain("Certificate 001234567890");
    expect(checks).not.toMatch(/Missing|Pending/);
    await checkPage(co, "record-checked");

    // 5. Checks, interview, assessment, panel.
    await act(co, "Move on to checks", "Move on to checks", "Move on to checks");
    await act(co, "Record the interview", "Record the interview", "Record the interview", () =>
      co.getByLabel("Notes (optional)").fill("Warm, thoughtful; strong safeguarding answers."),
    );
    await act(co, "Record the assessment", "Record the assessment", "Record the assessment");
    await act(co, "Move on to panel", "Move on to panel", "Move on to panel");
    expect(await co.locator("main").textContent()).toContain("Panel");
    // A coordinator cannot record the panel's recommendation or the decision.
    expect(await co.getByRole("button", { name: "Record the panel's recommendation" }).count()).toBe(0);

    // 6. The panel member recommends; the manager approves.
    const panel = await signIn("panel@riverford.example");
    // A panel member's board lists only the applicants put to the panel.
    await openVolunteer(panel);
    await act(
      panel,
      "Record the panel's recommendation",
      "Record the panel's recommendation",
      "Record the recommendation",
      () => choose(panel, "What does the panel recommend?", "Approve"),
    );
    const manager = await signIn("manager@riverford.example");
    await openVolunteer(manager);
    await act(manager, "Record the decision", "Record the decision", "Record the decision", () =>
      choose(manager, "What is your decision?", "Approve as an Independent Visitor"),
    );
    expect(await manager.locator("main").textContent()).toContain("Approved");
    await checkPage(manager, "record-approved");

    // 7. The decision e-mail, and the certificate: a page that prints the name as written, axe-clean.
    const decision = await waitForMail(APPLICANT.email, /has been approved/);
    expect(decision).toContain(APPLICANT.first);
    const download = manager.waitForEvent("download");
    await manager.getByRole("button", { name: "Download the approval certificate" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^certificate-V-[0-9A-F]{8}\.html$/);
    const { page: certificate } = await openPage(browser);
    // The saved download has no extension, so it is shown as the HTML it is rather than opened by path.
    const { readFile: readSaved } = await import("node:fs/promises");
    await certificate.setContent(await readSaved(await file.path(), "utf8"));
    await heading(certificate, "Certificate of Approval");
    expect(await certificate.locator("main").textContent()).toContain(NAME);
    await checkPage(certificate, "certificate");

    // 8. Approval invited the volunteer: they set a password from the e-mailed link, sign in on their
    // phone and land on their portal, linked to their record, with the certificate to download.
    const invitation = await waitForMail(APPLICANT.email, /Set up your Tandem account/);
    const invitationPath = pathOf(invitation, "invitation");
    const vol = await openPage(browser);
    await vol.page.setViewportSize({ width: 320, height: 800 });
    await vol.page.goto(`${stack.url}${invitationPath}`);
    await heading(vol.page, "Set your password");
    const password = "Robin-volunteers-2026!";
    await vol.page.getByLabel("New password").fill(password);
    await vol.page.getByLabel("Type the password again").fill(password);
    await vol.page.getByRole("button", { name: "Set password" }).click();
    await heading(vol.page, "Your password is set");
    await vol.page.goto(`${stack.url}/sign-in`);
    await fillSignIn(vol.page, APPLICANT.email, password);
    // A first sign-in sets up the authenticator app the pool requires (issue 17).
    await setUpAuthenticator(vol.page);
    await vol.page.waitForURL(`${stack.url}/portal`);
    await heading(vol.page, "Your volunteering");
    const portal = (await vol.page.locator("main").textContent()) ?? "";
    expect(portal).toContain(NAME);
    expect(portal).toContain("Enhanced DBS check");
    await checkPage(vol.page, "portal-approved");
    const mine = vol.page.waitForEvent("download");
    await vol.page.getByRole("button", { name: "Download your certificate" }).click();
    const own = await mine;
    expect(own.suggestedFilename()).toMatch(/\.html$/);
    const { readFile } = await import("node:fs/promises");
    expect(await readFile(await own.path(), "utf8")).toContain(NAME);
    expect(unexpectedErrors(applicant.errors, [])).toEqual([]);
    expect(describeConsole(vol.errors)).toEqual([]);
  });

  it("a signed-in volunteer updates their own profile and reports a change of circumstances", {
    timeout: 120_000,
  }, async () => {
    // Chris Lane (volunteer@riverford.example) is an approved volunteer whose sign-in is linked to their
    // record; signing in lands on their portal, and their profile is one link away.
    const { page } = await openPage(browser);
    await page.goto(`${stack.url}/sign-in`);
    await fillSignIn(page, "volunteer@riverford.example");
    await page.waitForURL(`${stack.url}/portal`);
    await heading(page, "Your volunteering");
    await page.setViewportSize({ width: 320, height: 800 });
    // Volunteers do not see the recruitment board, only their own profile.
    expect(await page.getByRole("link", { name: "Volunteers", exact: true }).count()).toBe(0);
    await page.getByRole("link", { name: "Update your profile" }).click();
    await heading(page, "My profile");
    await checkPage(page, "my-profile");
    await page.getByLabel("Interests").fill("chess, hill walking, baking");
    await page.getByLabel("Languages you speak").fill("English, Yoruba");
    await page.getByLabel(/first half of your postcode/).fill("RF2 4QT");
    await page.getByLabel(/How far will you travel/).fill("10");
    await page.getByRole("button", { name: "Save my profile" }).click();
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain("first half of your postcode");
    await checkPage(page, "my-profile-error");
    await page.getByLabel(/first half of your postcode/).fill("RF2");
    await page.getByRole("button", { name: "Save my profile" }).click();
    await expect
      .poll(() => page.locator(".govuk-notification-banner").textContent())
      .toContain("Your profile is saved");
    expect(await page.getByLabel(/first half of your postcode/).inputValue()).toBe("RF2");

    await page.getByLabel("What has changed?").fill("I have moved house within Riverford, to RF3.");
    await page.getByRole("button", { name: "Tell the coordinator" }).click();
    // Telling the coordinators writes an e-mail to each of them: slower on a busy machine.
    await expect
      .poll(() => page.locator(".govuk-notification-banner").textContent(), { timeout: 15_000 })
      .toContain("Your coordinator has been told");
    expect(await page.locator("main").textContent()).toContain("I have moved house within Riverford");
    await checkPage(page, "my-profile-saved");
  });
});
