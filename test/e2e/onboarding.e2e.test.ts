import { join } from "node:path";
import { DEMO_PASSWORD, type LocalStack, totpCode } from "@tandem/local";
import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxAt } from "../support/mailbox.js";
import { artefacts, axeViolations, describeConsole, fillSignIn, heading, openPage, startE2e } from "./browser.js";

/**
 * A council comes to Tandem: it asks for an account, the platform operator approves it, its first
 * administrator follows the invitation e-mail from the local SES mailbox, sets a password, signs in,
 * changes a policy setting and the accent colour, and its public referral page shows the new
 * branding. Bad input on the way (a taken address, a weak password, a contradictory policy, an
 * unreadable colour) is refused with a message next to the field.
 */
// Its own stack, clear of the smoke test's (E2E_PORT) and of a developer's `pnpm start` (3000).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 20;

const COUNCIL = "Northwick District Council";
const SLUG = "northwick";
const CONTACT = { name: "Jo Okafor", email: "jo.okafor@northwick.gov.uk", role: "Head of Children in Care" };
const NEW_PASSWORD = "Northwick-scheme-2026!";
const ACCENT = "#6f2c91";
const ACCENT_RGB = "rgb(111, 44, 145)";

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("onboarding", PORT));
});

afterAll(async () => {
  await stopAll?.();
});

async function expectNoViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** The error summary has taken focus and lists `message`; the page title says there is an error. */
async function expectErrorSummary(page: Page, message: string): Promise<void> {
  const summary = page.locator(".govuk-error-summary");
  await summary.waitFor();
  await expect.poll(() => summary.textContent()).toContain(message);
  expect(await page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
  expect(await page.title()).toMatch(/^Error: /);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artefacts, `onboarding-${name}.png`), fullPage: true });
}

/**
 * Chromium logs every 4xx answer as a console error. The ones this test provokes on purpose (bad
 * input) are expected; anything else is a failure.
 */
function unexpectedErrors(errors: ConsoleMessage[], expected: { path: RegExp; status: number }[]): string[] {
  return describeConsole(
    errors.filter((m) => {
      const url = m.location().url;
      const path = url ? new URL(url).pathname : "";
      return !expected.some((e) => e.path.test(path) && m.text().includes(`status of ${e.status}`));
    }),
  );
}

/**
 * Nothing scrolls sideways at 320 px wide nor at 200% zoom (a 1280 px window zoomed to 200% lays the page
 * out 640 CSS px wide), and axe-core finds nothing at either; then back to the usual size.
 */
async function expectReflow(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [320, 640],
    [640, 400],
  ] as const) {
    await page.setViewportSize({ width, height });
    // The elements that stick out, named, so a failure says what to fix.
    const wide = await page.evaluate((w) => {
      const out: string[] = [];
      for (const el of Array.from(document.body.querySelectorAll("*"))) {
        const r = el.getBoundingClientRect();
        if (r.right > w + 1 && !el.closest(".tandem-table-scroll > *"))
          out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.right)}`);
      }
      return out.slice(-5);
    }, width);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} at ${width} px: ${wide.join(", ")}`,
    ).toBeLessThanOrEqual(width);
    expect(await axeViolations(page), `axe on ${name} at ${width} px`).toEqual([]);
    await shot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1024, height: 800 });
}

async function mailTo(address: string) {
  return mailboxAt(stack.mailboxUrl).to(address);
}

const signIn = fillSignIn;

describe("a council signs up and sets its scheme up", () => {
  it("from the sign-up page through approval and the invitation to its own branded referral page", {
    timeout: 480_000,
  }, async () => {
    // 1. The council asks for an account.
    const council = await openPage(browser);
    const { page } = council;
    await page.goto(`${stack.url}/`);
    await heading(page, "Independent Visitor schemes");
    await page.getByRole("link", { name: "Ask for an account for your council" }).click();
    await page.waitForURL(`${stack.url}/sign-up`);
    await heading(page, "Ask for a Tandem account for your council");
    await expectNoViolations(page);

    // A personal address is refused before anything is sent, with the values kept.
    await page.getByLabel("Name of the council").fill(COUNCIL);
    await page.getByLabel("Your full name").fill(CONTACT.name);
    await page.getByLabel("Your council e-mail address").fill("jo@example.com");
    await page.getByRole("button", { name: "Continue" }).click();
    await expectErrorSummary(page, "Use your council e-mail address: it ends in .gov.uk");
    expect(await page.getByLabel("Name of the council").inputValue()).toBe(COUNCIL);
    await expectNoViolations(page);
    await shot(page, "sign-up-error");
    await page.getByRole("link", { name: "Use your council e-mail address: it ends in .gov.uk" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("contactEmail");

    // Corrected with the keyboard, from the field the error summary focused.
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(CONTACT.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(CONTACT.role);
    await page.keyboard.press("Tab");
    await page.keyboard.type("40");
    await page.getByLabel("Anything else we should know (optional)").fill("We would like to start in April.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${stack.url}/sign-up/check`);
    await heading(page, "Check your answers before sending your request");
    expect(await page.locator(".govuk-summary-list").textContent()).toContain(CONTACT.email);
    await expectNoViolations(page);
    // A reload keeps the answers (issue 19, item 6): it used to empty the whole form.
    await page.reload();
    await heading(page, "Check your answers before sending your request");
    expect(await page.locator(".govuk-summary-list").textContent()).toContain(CONTACT.email);
    await page.getByRole("button", { name: "Send request" }).click();
    await page.waitForURL(`${stack.url}/sign-up/done`);
    await heading(page, "Request sent");
    expect(await page.locator(".govuk-panel").textContent()).toMatch(/Your reference\s*TAN-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    await expectNoViolations(page);
    await shot(page, "sign-up-done");

    // 2. The platform operator approves it, first trying an address another council has.
    const operator = await openPage(browser);
    const op = operator.page;
    await op.goto(`${stack.url}/sign-in`);
    await signIn(op, "operator@tandem.example", DEMO_PASSWORD);
    await op.waitForURL(`${stack.url}/operator`);
    await heading(op, "Operator console");
    const card = op.locator(".govuk-summary-card", { hasText: COUNCIL });
    await card.waitFor();
    expect(await card.textContent()).toContain(CONTACT.email);
    expect(await op.locator("table").textContent()).toContain("Riverford City Council");
    await expectNoViolations(op);
    await shot(op, "operator-console");

    await card.getByRole("link", { name: `Approve the request from ${COUNCIL}` }).click();
    await heading(op, `Approve ${COUNCIL}`);
    expect(await op.getByLabel("Address of the council's public pages").inputValue()).toBe(SLUG);
    await op.getByLabel("Address of the council's public pages").fill("riverford");
    await op.getByLabel(/From age 5/).check();
    await op.getByRole("button", { name: "Approve and send the invitation" }).click();
    await expectErrorSummary(op, "");
    expect(await op.locator("#slug-error").count()).toBe(1);
    await expectNoViolations(op);
    await shot(op, "operator-approve-conflict");

    await op.getByLabel("Address of the council's public pages").fill(SLUG);
    await op.getByRole("button", { name: "Approve and send the invitation" }).click();
    await op.waitForURL(`${stack.url}/operator`);
    await expect.poll(() => op.locator(".govuk-notification-banner").textContent()).toContain(`set up at /${SLUG}`);
    expect(await op.locator(".govuk-summary-card", { hasText: COUNCIL }).count()).toBe(0);
    const row = op.locator("tr", { hasText: COUNCIL });
    expect(await row.textContent()).toContain("Active");
    // Counts and health only: the new council's contact never appears in the operator's list.
    expect(await op.locator("table").textContent()).not.toContain(CONTACT.email);
    await expectNoViolations(op);
    expect(operator.pageErrors.map(String)).toEqual([]);
    expect(
      unexpectedErrors(operator.errors, [{ path: /^\/api\/platform\/signup-requests\/[^/]+\/approve$/, status: 409 }]),
    ).toEqual([]);
    await operator.context.close();

    // 3. The invitation e-mail, read from the local SES mailbox.
    // The first e-mail acknowledges the request; the invitation follows the approval.
    const invitations = async () => (await mailTo(CONTACT.email)).filter((m) => m.subject.startsWith("Set up your"));
    await expect.poll(async () => (await invitations()).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const [mail] = await invitations();
    const text = `${mail?.body.text ?? ""} ${mail?.body.html ?? ""}`;
    const link = new RegExp(`https?://[^\\s"'<>]+/${SLUG}/invitation/[A-Za-z0-9_-]{32,64}`).exec(text)?.[0];
    expect(link, `no invitation link in: ${text}`).toBeTruthy();
    const invitationPath = new URL(link ?? "").pathname;

    await page.goto(`${stack.url}${invitationPath}`);
    await heading(page, "Set your password");
    expect(await page.locator("header").textContent()).toContain(COUNCIL);
    expect(await page.locator("main").textContent()).toContain(CONTACT.email);
    expect(await page.locator("main").textContent()).toContain("at least 12 characters");
    await expectNoViolations(page);
    await shot(page, "invitation");

    await page.getByLabel("New password").fill("password");
    await page.getByLabel("Type the password again").fill("password");
    await page.getByRole("button", { name: "Set password" }).click();
    await expectErrorSummary(
      page,
      "Your password needs at least 12 characters, an upper case letter, a number and a symbol, like ! or ?",
    );
    await expectNoViolations(page);
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByLabel("Type the password again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Set password" }).click();
    await heading(page, "Your password is set");
    await expectNoViolations(page);

    // The link works once only.
    await page.goto(`${stack.url}${invitationPath}`);
    await heading(page, "This invitation link has expired or been used");
    await expectNoViolations(page);

    // 4. The new administrator signs in, with the keyboard.
    await page.goto(`${stack.url}/sign-in`);
    await heading(page, "Sign in");
    await page.getByLabel("E-mail address").focus();
    await page.keyboard.type(CONTACT.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press("Enter");
    // Their first sign-in sets up an authenticator app (MFA is required, as in AWS): the key is shown as
    // text beside the QR code, and the app's first code, typed with the keyboard, finishes the set-up.
    await page.waitForURL(`${stack.url}/sign-in/set-up-authenticator`);
    await heading(page, "Set up an authenticator app");
    await expectNoViolations(page);
    await shot(page, "set-up-authenticator");
    const key = ((await page.locator("#authenticator-key").textContent()) ?? "").replace(/\s/g, "");
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel("Enter the 6-digit code from the app").focus();
    await page.keyboard.type(totpCode(key));
    await page.keyboard.press("Enter");
    await page.waitForURL(`${stack.url}/workspace`);
    await heading(page, "Workspace");
    expect(await page.locator("header").textContent()).toContain(COUNCIL);
    expect(await page.locator("#tandem-account").textContent()).toContain("(scheme administrator)");

    // 5. A policy setting: a contradiction is refused with the reason, then a coherent change is saved.
    await page.getByRole("link", { name: "Scheme settings" }).click();
    await heading(page, "Scheme settings");
    await expectNoViolations(page);
    await page.getByRole("link", { name: "Policy", exact: true }).first().click();
    await heading(page, "Policy");
    await expectNoViolations(page);
    await shot(page, "policy");
    // Beside each value, where it comes from: the Leeds guide's words, or our suggestion where it says nothing.
    const settingRow = (label: string) => page.locator(".govuk-summary-list__row", { hasText: label });
    const provenance = (label: string) => settingRow(label).locator(".tandem-provenance").textContent();
    expect(await provenance("Youngest age a child can be referred")).toBe(
      "From Leeds 'One minute guide: Independent Visitors' (2021): “The scheme generally provides volunteers for children and young people over five years of age”",
    );
    expect(await provenance("How soon does the referrer hear back?")).toBe(
      "Tandem's suggested default: check against your procedure",
    );
    await page.getByRole("link", { name: "Change care leavers can be referred until they turn" }).click();
    await heading(page, "Who can be referred");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("policy-referrals-careLeavers-acceptedUpToAge");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("16");
    // Every problem in one round (issue 19, item 16): a setting the page itself refuses, a contradiction the
    // policy's rules find, and the missing reason, each naming its setting and linking to it, in page order.
    await page.getByLabel("Youngest age a child can be referred").fill("four");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expectErrorSummary(page, "Say why you are changing the policy");
    const summaryLinks = page.locator(".govuk-error-summary__list a");
    expect(await summaryLinks.allTextContents()).toEqual([
      "Enter the youngest referral age as a whole number, like 5",
      "The care-leaver end age must be above the oldest referral age",
      "Say why you are changing the policy",
    ]);
    expect(await summaryLinks.evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual([
      "#policy-referrals-minAge",
      "#policy-referrals-careLeavers-acceptedUpToAge",
      "#reason",
    ]);
    expect(await page.locator("#policy-referrals-careLeavers-acceptedUpToAge-error").textContent()).toContain(
      "The care-leaver end age must be above the oldest referral age",
    );
    expect(await page.getByLabel("Care leavers can be referred until they turn").inputValue()).toBe("16");
    await expectNoViolations(page);
    await expectReflow(page, "policy-every-problem");
    await shot(page, "policy-contradiction");
    await page.getByLabel("Youngest age a child can be referred").fill("5");

    await page.getByLabel("Care leavers can be referred until they turn").fill("21");
    await page.getByLabel("Youngest age a child can be referred").fill("4");
    await page.getByLabel("Why are you making this change?").fill("Panel agreed on 3 March to take children from 4");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(`${stack.url}/workspace/settings/policy`);
    await expect.poll(() => page.locator(".govuk-notification-banner").textContent()).toContain("version 2");
    const youngest = settingRow("Youngest age a child can be referred");
    expect(await youngest.locator(".govuk-summary-list__value > span").textContent()).toBe("4 years");
    expect(await provenance("Youngest age a child can be referred")).toBe("Set by your council");

    // A suggested default changed with the keyboard alone is the council's own afterwards.
    const change = page.getByRole("link", { name: "Change how soon does the referrer hear back?" });
    await change.focus();
    await page.keyboard.press("Enter");
    await heading(page, "Who can be referred");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("policy-referrals-responseWorkingDays");
    const responseGroup = page.locator(".govuk-form-group", {
      has: page.locator("#policy-referrals-responseWorkingDays"),
    });
    expect(await responseGroup.locator(".tandem-provenance").textContent()).toBe(
      "Tandem's suggested default: check against your procedure",
    );
    await expectNoViolations(page);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("15");
    await page.getByLabel("Why are you making this change?").focus();
    await page.keyboard.type("Our procedure promises an answer within 15 working days");
    await page.getByRole("button", { name: "Save changes" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`${stack.url}/workspace/settings/policy`);
    await expect.poll(() => page.locator(".govuk-notification-banner").textContent()).toContain("version 3");
    expect(
      await settingRow("How soon does the referrer hear back?")
        .locator(".govuk-summary-list__value > span")
        .textContent(),
    ).toBe("15 working days");
    expect(await provenance("How soon does the referrer hear back?")).toBe("Set by your council");
    // Values it left alone keep where they came from.
    expect(await provenance("Care leavers can be referred until they turn")).toContain(
      "care leavers up to the age of 21",
    );
    await expectNoViolations(page);
    await shot(page, "policy-provenance");
    await page.getByRole("link", { name: "See the history of changes" }).click();
    await heading(page, "History of policy changes");
    const history = (await page.locator("main").textContent()) ?? "";
    expect(history).toContain("Panel agreed on 3 March to take children from 4");
    expect(history).toContain(CONTACT.name);
    expect(history).toContain("from 5 years to 4 years");
    await expectNoViolations(page);
    await shot(page, "policy-history");

    // A preset whose source names a budget without its amount: nothing is suggested, the council is told to enter it.
    await page.getByRole("link", { name: "Policy", exact: true }).first().click();
    await heading(page, "Policy");
    await page.getByRole("link", { name: "Start again from a preset policy" }).click();
    await heading(page, "Start again from a preset policy");
    await page.getByLabel(/A year in care with a long-term plan/).check();
    await page.getByLabel("Why are you making this change?").fill("Trying the year-in-care rules");
    await page.getByRole("button", { name: "Replace the policy" }).click();
    await page.waitForURL(`${stack.url}/workspace/settings/policy`);
    const toEnter = (await page.locator(".tandem-values-to-enter").textContent()) ?? "";
    expect(toEnter).toContain("Your council must enter these");
    expect(toEnter).toContain("Monthly activity budget for each match");
    const budget = settingRow("Monthly activity budget for each match");
    expect(await budget.locator(".govuk-summary-list__value > span").textContent()).toBe("Not entered yet");
    expect(await provenance("Monthly activity budget for each match")).toBe(
      "Not entered yet: your council must enter this. Northamptonshire 'Information for Professionals' names it without an amount: “an Independent Visitor will be given a monthly budget to cover the cost of activities”",
    );
    expect(await provenance("Must the child have little or no contact with their birth family?")).toContain(
      "little or no contact with their birth family",
    );
    await expectNoViolations(page);
    await shot(page, "policy-to-enter");

    // 6. Branding: an unreadable colour is refused as it is typed and on saving; a dark one is saved.
    await page.getByRole("link", { name: "Branding and public pages" }).click();
    await heading(page, "Branding and public pages");
    await expectNoViolations(page);
    const accent = page.getByLabel("Accent colour");
    await accent.fill("#ffdd00");
    await expect.poll(() => page.locator(".tandem-contrast").textContent()).toContain("choose a darker colour");
    await page.getByRole("button", { name: "Save branding" }).click();
    await expectErrorSummary(page, "choose a darker colour");
    await expectNoViolations(page);
    await accent.fill(ACCENT);
    await expect.poll(() => page.locator(".tandem-contrast").textContent()).toContain("meets WCAG AA");
    await page.getByRole("button", { name: "Save branding" }).click();
    await expect.poll(() => page.locator(".govuk-notification-banner").textContent()).toContain("Branding saved");
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector("header") as Element).backgroundColor),
    ).toBe(ACCENT_RGB);
    await expectNoViolations(page);
    await shot(page, "branding");

    // 7. The public referral page, as a referrer sees it: the council's name and its new colour.
    const referrer = await openPage(browser);
    const pub = referrer.page;
    await pub.goto(`${stack.url}/${SLUG}/refer`);
    await heading(pub, "Refer a child or young person for an Independent Visitor");
    expect(await pub.locator("header").textContent()).toContain(COUNCIL);
    expect(
      await pub.evaluate(() => getComputedStyle(document.querySelector("header") as Element).backgroundColor),
    ).toBe(ACCENT_RGB);
    expect(await pub.title()).toBe(`Refer a child or young person – ${COUNCIL}`);
    await expectNoViolations(pub);
    await shot(pub, "refer");
    await pub.setViewportSize({ width: 320, height: 640 });
    expect(await pub.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shot(pub, "refer-320");
    await pub.setViewportSize({ width: 1024, height: 800 });

    // Another council's address shows that council, never this one; an unknown one is not found.
    await pub.getByRole("link", { name: "Volunteer" }).click();
    await heading(pub, "Become an Independent Visitor");
    await pub.goto(`${stack.url}/riverford/refer`);
    await heading(pub, "Refer a child or young person for an Independent Visitor");
    expect(await pub.locator("header").textContent()).not.toContain(COUNCIL);
    await pub.goto(`${stack.url}/no-such-council/refer`);
    await heading(pub, "Page not found");
    expect(await pub.locator("header").textContent()).not.toContain("Riverford");
    await expectNoViolations(pub);

    expect([...council.pageErrors, ...referrer.pageErrors].map(String)).toEqual([]);
    expect(
      unexpectedErrors(council.errors, [
        { path: /^\/api\/tenant\/policy$/, status: 400 },
        { path: new RegExp(`^/api/public/tenants/${SLUG}/invitations/`), status: 410 },
      ]),
    ).toEqual([]);
    expect(
      unexpectedErrors(referrer.errors, [{ path: /^\/api\/public\/tenants\/no-such-council$/, status: 404 }]),
    ).toEqual([]);
    await referrer.context.close();
    await council.context.close();
  });

  // Issue 19, item 11: the same charity became two providers because a council could not see it was registered.
  it("a council adding a provider finds the one other councils registered and chooses it", {
    timeout: 180_000,
  }, async () => {
    const { context, page, errors, pageErrors } = await openPage(browser);
    try {
      await page.goto(`${stack.url}/sign-in`);
      await signIn(page, "admin@riverford.example", DEMO_PASSWORD);
      await page.waitForURL(`${stack.url}/workspace`);
      await page.goto(`${stack.url}/workspace/settings/provider`);
      await heading(page, "Commissioned provider");
      expect(await page.locator("main").textContent()).toContain("No provider has been commissioned.");
      // Nothing to fill in for a new provider before the registered ones have been searched.
      expect(await page.getByLabel("Short name for the provider").count()).toBe(0);
      await expectReflow(page, "provider");

      await page.getByLabel("Search by the provider's name").fill("b");
      await page.getByRole("button", { name: "Search registered providers" }).click();
      await expectErrorSummary(page, "Enter at least 2 letters of the provider's name");
      await expectNoViolations(page);

      // With the keyboard: the search, then the answer is where focus goes.
      await page.getByLabel("Search by the provider's name").focus();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type("visiting trust");
      await page.keyboard.press("Enter");
      await page.waitForURL(`${stack.url}/workspace/settings/provider?name=visiting%20trust`);
      const results = page.locator("#provider-results");
      await expect.poll(() => results.textContent()).toBe("1 provider registered on Tandem matches “visiting trust”");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("provider-results");
      const registered = page.getByLabel("Brightpath Visiting Trust");
      expect(await page.locator(".govuk-radios__hint").first().textContent()).toBe("Short name: brightpath");
      // Only a name and a short name: which councils commission it is theirs.
      expect(await page.locator("main").textContent()).not.toMatch(/Eastmere|Kingsholt/);
      await expectReflow(page, "provider-matches");

      // Adding it again as new is refused, naming the registered one.
      await page.getByLabel("None of these: a provider new to Tandem").check();
      expect(await page.locator("#new-provider").isVisible()).toBe(true);
      await page.locator("#new-provider").getByLabel("Provider's name").fill("Brightpath Visiting Trust");
      await page.getByLabel("Day").fill("1");
      await page.getByLabel("Month").fill("4");
      await page.getByLabel("Year").fill("2026");
      await page.getByRole("button", { name: "Record the commission" }).click();
      await expectErrorSummary(page, "already registered on Tandem with the short name brightpath");
      await expectReflow(page, "provider-already-registered");

      await registered.check();
      expect(await page.locator("#new-provider").isVisible()).toBe(false);
      await page.getByRole("button", { name: "Record the commission" }).click();
      await page.waitForURL(`${stack.url}/workspace/settings/provider`);
      await expect
        .poll(() => page.locator(".govuk-notification-banner").textContent())
        .toContain("Brightpath Visiting Trust is recorded as running the scheme from 1 April 2026");
      expect(await page.locator("#commissions").textContent()).toContain("Brightpath Visiting Trust");
      await expectReflow(page, "provider-recorded");

      expect(pageErrors.map(String)).toEqual([]);
      expect(
        unexpectedErrors(errors, [
          { path: /^\/api\/tenant\/provider-directory$/, status: 400 },
          { path: /^\/api\/tenant\/commissions$/, status: 409 },
        ]),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a provider's coordinator switches council, and nothing of the first stays on the page", async () => {
    const { context, page, errors, pageErrors } = await openPage(browser);
    try {
      await page.goto(`${stack.url}/sign-in`);
      await signIn(page, "coordinator@brightpath.example", DEMO_PASSWORD);
      await page.waitForURL(`${stack.url}/choose-tenant`);
      await page.getByLabel("Eastmere County Council").check();
      await page.getByRole("button", { name: "Continue" }).click();
      await page.waitForURL(`${stack.url}/workspace`);
      await expect
        .poll(() => page.locator("#tandem-account").textContent())
        .toContain("Working in Eastmere County Council");

      await page.getByRole("link", { name: "Switch council" }).click();
      await page.getByLabel("Kingsholt Borough Council").check();
      await page.keyboard.press("Enter");
      await page.waitForURL(`${stack.url}/workspace`);
      await expect
        .poll(() => page.locator(".govuk-notification-banner").textContent())
        .toContain("You are now working in Kingsholt Borough Council");
      expect(await page.locator("#tandem-account").textContent()).toContain("Working in Kingsholt Borough Council");
      expect(await page.locator("header").textContent()).toContain("Kingsholt Borough Council");
      expect(await page.locator("body").textContent()).not.toContain("Eastmere");
      // A coordinator is not an administrator: the settings refuse them, typed into the address bar (a new
      // page load keeps the session and the council they chose).
      await page.goto(`${stack.url}/workspace/settings/policy`);
      await heading(page, "You cannot use this page");
      expect(await page.locator("#tandem-account").textContent()).toContain("Working in Kingsholt Borough Council");
      await expectNoViolations(page);

      expect(pageErrors.map(String)).toEqual([]);
      expect(unexpectedErrors(errors, [])).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
