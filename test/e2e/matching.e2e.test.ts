import { randomBytes } from "node:crypto";
import {
  exampleReferral,
  exampleVolunteer,
  listEntryItem,
  listEntryItems,
  referralItem,
  TenantContext,
  volunteerEmailEntity,
  volunteerItem,
} from "@tandem/data";
import {
  exampleReferralAnswers,
  exampleVolunteerApplication,
  formatReferralReference,
  matchableRecord,
} from "@tandem/domain";
import { demoRecordId, type LocalStack } from "@tandem/local";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkScreen, describeConsole, fillSignIn, heading, openPage, signInToWorkspace, startE2e } from "./browser.js";

/**
 * Matching in a browser at Riverford: the coordinator sets the council's areas and interests (the
 * weights labelled as Tandem's suggestion), completes a waiting child's matching profile and two
 * volunteers' profiles on GOV.UK forms with an error summary, and finds the child in the Matching
 * area. Each page state is checked with axe-core, and at 320px nothing scrolls sideways.
 */
// Its own stack, clear of the other browser tests' and of `pnpm start` (3000).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 180;
const TENANT = "riverford";
/** Chris Lane, Riverford's demo volunteer user's record (services/local/src/demo-matching.ts). */
const CHRIS = demoRecordId(TENANT, 1, 1);

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;
let child = "";
const volunteers: string[] = [];

/** Approved volunteers and a waiting child, written as the demo data writes records (not walked through recruitment). */
async function seed() {
  const table = stack.db.forTenant(
    TenantContext.fromVerifiedMembership(
      { personId: "e2e-seed", email: "", name: "Test data" },
      { tenantId: TENANT, roles: ["tenant_admin"] },
      "seed",
    ),
  );
  const policy = (await import("@tandem/domain")).findPreset("from-5-care-leavers-to-25")?.policy;
  if (!policy) throw new Error("no preset");
  // Robin can be matched; Sasha has not done the training due before matching, so is not listed.
  for (const [i, first] of ["Robin", "Sasha"].entries()) {
    const application = exampleVolunteerApplication();
    application.contact.firstName = first;
    application.contact.email = `${first.toLowerCase()}.matching@example.net`;
    application.background.drives = false;
    const id = `0000000${i}-1111-4111-8111-111111111111`;
    const v = exampleVolunteer({
      id,
      reference: `V-0000000${i}`,
      name: `${first} Fairweather`,
      email: application.contact.email,
      application,
      ...matchableRecord(policy),
      ...(first === "Sasha" ? { training: [] } : {}),
      stage: "approved",
      references: [],
    });
    await table.transact([
      { kind: "put", item: volunteerItem(TENANT, v), expect: "absent" },
      { kind: "put", item: listEntryItem(TENANT, v), expect: "absent" },
      {
        kind: "put",
        item: volunteerEmailEntity.item(TENANT, { volunteerId: id, version: 1 }, { id: { email: v.email } }),
        expect: "absent",
      },
    ]);
    volunteers.push(id);
  }
  // The demo volunteer (volunteer@riverford.example), approved and linked to their sign-in.
  volunteers.push(CHRIS);
  const answers = exampleReferralAnswers();
  answers.child.firstName = "Juno";
  delete answers.child.preferredName;
  answers.child.dateOfBirth = "2015-06-01";
  answers.wishes = { childAsked: true, childAgrees: "yes", anyoneTheyWouldNotWant: "", childSigned: false };
  child = formatReferralReference("RIV", randomBytes(8));
  const r = exampleReferral({
    reference: child,
    kind: "professional",
    status: "waiting_for_match",
    answers,
    verified: true,
    verificationMethod: "email",
    acceptedOn: "2026-01-05",
    penPicture: "Loves drawing dragons and football.",
    contactEmail: answers.referrer.workEmail,
  });
  await table.transact(
    [referralItem(TENANT, r), ...listEntryItems(TENANT, r)].map((item) => ({ kind: "put", item, expect: "any" })),
  );
}

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("matching", PORT));
  await seed();
});

afterAll(async () => {
  await stopAll?.();
});

const check = (page: Page, name: string) => checkScreen(page, `matching-${name}`);

async function tick(page: Page, group: string | RegExp, ...labels: string[]) {
  for (const label of labels) await page.getByRole("group", { name: group }).getByLabel(label, { exact: true }).check();
}

describe("matching", () => {
  it("settings and profiles: the council's lists and weights, a child's and volunteers' profiles", {
    timeout: 240_000,
  }, async () => {
    const { page, errors } = await openPage(browser);
    await signInToWorkspace(page, stack.url, "coordinator@riverford.example");
    await page.getByRole("main").getByRole("link", { name: "Matching", exact: true }).click();
    await heading(page, "Matching");
    expect(await page.locator("main").textContent()).toContain("Juno");
    await check(page, "home");

    // 1. The council's areas, interests and weights; each weight labelled as Tandem's suggestion.
    await page.getByRole("link", { name: "Matching settings" }).click();
    await heading(page, "Matching settings");
    expect(await page.locator("main").textContent()).toContain("Tandem's suggestion");
    // Areas and interests of the test's own, so no demo volunteer shares them.
    await page.getByLabel("Areas children live in and volunteers travel to").fill("Test Vale North\nTest Vale South");
    await page.getByLabel("Interests to match on").fill("Kite flying\nChess club\nPottery\nRowing");
    await page.getByLabel("Each shared interest").fill("30");
    await page.getByRole("button", { name: "Save the matching settings" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect
      .poll(() => summary.textContent())
      .toContain("Enter each shared interest as a whole number from 0 to 20");
    await check(page, "settings-error");
    await page.getByLabel("Each shared interest").fill("3");
    await page.getByRole("button", { name: "Save the matching settings" }).click();
    await expect.poll(() => page.locator(".govuk-notification-banner").textContent()).toContain("saved");
    await check(page, "settings-saved");

    // 2. The child's matching profile, pre-filled from the referral; a missing area is refused.
    await page.getByRole("main").getByRole("link", { name: "Matching", exact: true }).click();
    await heading(page, "Matching");
    await page.getByRole("link", { name: "Matching profile for Juno" }).click();
    await heading(page, "Juno's matching profile");
    await tick(page, "Interests", "Kite flying", "Chess club");
    await page.getByRole("button", { name: "Save the matching profile" }).click();
    await expect.poll(() => summary.textContent()).toContain("Choose where the child lives");
    await check(page, "child-profile-error");
    await page.getByLabel("Test Vale North").check();
    await tick(page, "When the child can be visited", "Saturdays");
    await page.getByRole("button", { name: "Save the matching profile" }).click();
    await expect.poll(() => page.locator(".govuk-notification-banner").textContent()).toContain("is saved");
    await check(page, "child-profile-saved");

    // 3. Each volunteer's matching profile, reached from their record, on a phone.
    await page.setViewportSize({ width: 320, height: 800 });
    for (const [i, id] of volunteers.entries()) {
      await page.evaluate((path) => {
        history.pushState(null, "", path);
        dispatchEvent(new PopStateEvent("popstate"));
      }, `/workspace/volunteers/${id}`);
      await heading(page, /Fairweather|Chris Lane/);
      await page.getByRole("link", { name: "Matching profile" }).click();
      await heading(page, /matching profile$/);
      await tick(page, "Interests", ...(i === 0 ? ["Kite flying", "Chess club"] : ["Kite flying"]));
      // volunteers: Robin, Sasha, then Chris (the demo volunteer).
      await tick(page, "Areas they travel to", "Test Vale North");
      await tick(page, "When they can visit", "Saturdays");
      await page.getByRole("group", { name: "Ages they feel able to support" }).getByLabel("Youngest").fill("12");
      await page.getByRole("group", { name: "Ages they feel able to support" }).getByLabel("Oldest").fill("8");
      await page.getByRole("button", { name: "Save the matching profile" }).click();
      await expect.poll(() => summary.textContent()).toContain("The youngest age cannot be above the oldest");
      if (i === 0) await check(page, "volunteer-profile-error");
      await page.getByRole("group", { name: "Ages they feel able to support" }).getByLabel("Youngest").fill("5");
      await page.getByRole("group", { name: "Ages they feel able to support" }).getByLabel("Oldest").fill("16");
      await page.getByRole("button", { name: "Save the matching profile" }).click();
      await expect.poll(() => page.locator(".govuk-notification-banner").textContent()).toContain("is saved");
      if (i === 0) await check(page, "volunteer-profile-saved");
      // The risk checklist, completed with them before matching.
      await page.getByRole("link", { name: /risk checklist/ }).click();
      await heading(page, /risk checklist$/);
      await page.getByRole("group", { name: "Is their home suitable for visits?" }).getByLabel("Yes").check();
      await page.getByRole("group", { name: "Will they drive the child?" }).getByLabel("No").check();
      await page.getByRole("group", { name: "Do they have pets?" }).getByLabel("No").check();
      await page
        .getByRole("group", { name: /Do they have a dog/ })
        .getByLabel("No")
        .check();
      if (i === 0) await check(page, "risk-checklist");
      await page.getByRole("button", { name: "Save the risk checklist" }).click();
      await expect
        .poll(() => page.locator(".govuk-notification-banner").textContent())
        .toContain("risk checklist is saved");
    }
    await page.setViewportSize({ width: 1024, height: 800 });
    expect(describeConsole(errors).filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });

  it("a coordinator proposes the second suggestion with a reason and takes the match to trial; a manager ratifies; the volunteer sees it", {
    timeout: 300_000,
  }, async () => {
    const co = await openPage(browser);
    const page = co.page;
    await signInToWorkspace(page, stack.url, "coordinator@riverford.example");
    await page.getByRole("main").getByRole("link", { name: "Matching", exact: true }).click();
    await heading(page, "Matching");
    // The waiting child with their top suggestions, then their ranked suggestions with reasons.
    await expect.poll(() => page.locator("main").textContent()).toContain("Robin, Chris");
    await page.getByRole("link", { name: new RegExp(`^Juno \\(${child}\\)`) }).click();
    await heading(page, "Suggested volunteers for Juno");
    const cards = page.locator(".govuk-summary-card");
    expect(await cards.nth(0).locator("h3").textContent()).toBe("1. Robin");
    expect(await cards.nth(1).locator("h3").textContent()).toBe("2. Chris");
    expect(await cards.nth(0).textContent()).toMatch(/kite flying/i);
    expect(await cards.nth(0).textContent()).toMatch(/Test Vale North/);
    await check(page, "suggestions");
    // Why is someone not listed: each excluded volunteer's reasons, behind a details summary.
    await page.getByText("Why is Sasha not listed?").click();
    expect(await page.locator("details[open]").textContent()).toContain("Safeguarding e-learning");
    await check(page, "suggestions-not-listed");

    // 1. Propose the second suggestion, keyboard only: a reason is needed for not the first.
    await tabTo(page, "Propose Chris");
    await page.keyboard.press("Enter");
    await heading(page, "Propose Chris for Juno");
    await tabTo(page, "Propose the match");
    await page.keyboard.press("Enter");
    const summary = page.locator(".govuk-error-summary");
    await expect
      .poll(() => summary.textContent())
      .toContain("Enter why you chose Chris rather than the first suggestion");
    await check(page, "propose-error");
    await tabTo(page, /Why Chris rather than the first suggestion/);
    await page.keyboard.type("Chris lives closer to Juno's school and Juno met Chris at the open day and liked him.");
    await tabTo(page, "Propose the match");
    await page.keyboard.press("Enter");
    await heading(page, "Juno and Chris");
    expect(await page.locator("main").textContent()).toContain("Proposed");
    await check(page, "record-proposed");

    // 2. The social worker's agreement with the child's wishes, recorded by the coordinator.
    await page.getByRole("link", { name: "Record the social worker's agreement" }).click();
    await heading(page, "Record the social worker's agreement");
    await page.getByRole("button", { name: "Record the social worker's agreement" }).click();
    await expect.poll(() => summary.textContent()).toContain("Enter the social worker's name");
    await check(page, "agreement-error");
    await page.getByLabel("The social worker's name").fill("Dee Harrow");
    await page.getByLabel(/Juno's wishes about this match/).fill("Juno says Chris seems fun and wants to try.");
    await page.getByRole("button", { name: "Record the social worker's agreement" }).click();
    await heading(page, "Juno and Chris");

    // 3. The introduction: date, place (the child's home by default) and who attended.
    await page.getByRole("link", { name: "Record the introduction meeting" }).click();
    await heading(page, "Record the introduction meeting");
    await page.getByLabel("Who attended?").fill("Juno\nChris Lane\nSam Okoro\nJan Mercer (foster carer)");
    await check(page, "introduction");
    await page.getByRole("button", { name: "Record the introduction meeting" }).click();
    await heading(page, "Juno and Chris");
    expect(await page.locator("main").textContent()).toContain("Jan Mercer (foster carer)");

    // 4. Each trial visit the policy asks for.
    for (let guard = 0; guard < 8; guard++) {
      const link = page.getByRole("link", { name: "Record a trial visit" });
      const text = (await page.locator("main").textContent()) ?? "";
      const m = /Trial visits\s*(\d+) of at least (\d+)/.exec(text);
      if (m && Number(m[1]) >= Number(m[2])) break;
      await link.click();
      await heading(page, "Record a trial visit");
      await page.getByLabel("Notes (optional)").fill(`Trial visit ${guard + 1}: the park and a cafe.`);
      await page.getByRole("button", { name: "Record a trial visit" }).click();
      await heading(page, "Juno and Chris");
    }
    expect(await page.locator("main").textContent()).toMatch(/Trial visits\s*(\d+) of at least \1/);
    // A coordinator cannot ratify.
    expect(await page.getByRole("link", { name: "Ratify the match" }).count()).toBe(0);
    await check(page, "record-trial");

    // 5. A manager ratifies after the three-way meeting, from the board of matches by stage.
    const mg = await openPage(browser);
    await signInToWorkspace(mg.page, stack.url, "manager@riverford.example");
    await mg.page.getByRole("main").getByRole("link", { name: "Matching", exact: true }).click();
    await heading(mg.page, "Matching");
    await mg.page.getByRole("link", { name: "Matches by stage" }).first().click();
    await heading(mg.page, "Matches by stage");
    expect(await mg.page.locator("main").textContent()).toMatch(/Trial visits \(1\)/);
    await check(mg.page, "board");
    await mg.page.getByRole("link", { name: "Juno and Chris" }).click();
    await heading(mg.page, "Juno and Chris");
    await mg.page.getByRole("link", { name: "Ratify the match" }).click();
    await heading(mg.page, "Ratify the match");
    await mg.page.getByRole("button", { name: "Ratify the match" }).click();
    await expect
      .poll(() => mg.page.locator(".govuk-error-summary").textContent())
      .toContain("Both the child and the volunteer must wish to proceed");
    await check(mg.page, "ratify-error");
    await mg.page.getByLabel("Juno wishes to proceed").check();
    await mg.page.getByLabel("Chris wishes to proceed").check();
    await mg.page.getByRole("button", { name: "Ratify the match" }).click();
    await heading(mg.page, "Juno and Chris");
    expect(await mg.page.locator("main").textContent()).toContain("Ratified");
    await check(mg.page, "record-ratified");

    // 6. The volunteer sees the match in their portal, on a phone: the child's first name and age only.
    const vol = await openPage(browser);
    await vol.page.setViewportSize({ width: 320, height: 800 });
    await vol.page.goto(`${stack.url}/sign-in`);
    await fillSignIn(vol.page, "volunteer@riverford.example");
    await vol.page.waitForURL(`${stack.url}/portal`);
    await heading(vol.page, "Your volunteering");
    const portal = (await vol.page.locator("main").textContent()) ?? "";
    expect(portal).toMatch(/Juno, aged \d+/);
    expect(portal).toContain("Ratified");
    expect(portal).not.toContain(child);
    await check(vol.page, "portal-match");
    for (const p of [co, mg, vol]) {
      expect(describeConsole(p.errors).filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    }
  });
});

/** Presses Tab until the focused element's text or label matches, as a keyboard user would. */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return "";
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return `${el.textContent ?? ""} ${label ?? ""}`.replace(/\s+/g, " ").trim();
    });
    if (typeof name === "string" ? focused.includes(name) : name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}
