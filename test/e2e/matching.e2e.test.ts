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
import type { LocalStack } from "@tandem/local";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkScreen, describeConsole, heading, openPage, signInToWorkspace, startE2e } from "./browser.js";

/**
 * Matching in a browser at Riverford: the coordinator sets the council's areas and interests (the
 * weights labelled as Tandem's suggestion), completes a waiting child's matching profile and two
 * volunteers' profiles on GOV.UK forms with an error summary, and finds the child in the Matching
 * area. Each page state is checked with axe-core, and at 320px nothing scrolls sideways.
 */
// Its own stack, clear of the other browser tests' and of `pnpm start` (3000).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 180;
const TENANT = "riverford";

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
  for (const [i, first] of ["Robin", "Alex"].entries()) {
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
  const answers = exampleReferralAnswers();
  answers.child.firstName = "Mika";
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
    await page.getByRole("link", { name: "Matching", exact: true }).click();
    await heading(page, "Matching");
    expect(await page.locator("main").textContent()).toContain("Mika");
    await check(page, "home");

    // 1. The council's areas, interests and weights; each weight labelled as Tandem's suggestion.
    await page.getByRole("link", { name: "Matching settings" }).click();
    await heading(page, "Matching settings");
    expect(await page.locator("main").textContent()).toContain("Tandem's suggestion");
    await page.getByLabel("Areas children live in and volunteers travel to").fill("North Riverford\nSouth Riverford");
    await page.getByLabel("Interests to match on").fill("Football\nArt\nBaking\nSwimming");
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
    await page.getByRole("link", { name: "Matching", exact: true }).click();
    await heading(page, "Matching");
    await page.getByRole("link", { name: "Matching profile for Mika" }).click();
    await heading(page, "Mika's matching profile");
    await tick(page, "Interests", "Football", "Art");
    await page.getByRole("button", { name: "Save the matching profile" }).click();
    await expect.poll(() => summary.textContent()).toContain("Choose where the child lives");
    await check(page, "child-profile-error");
    await page.getByLabel("North Riverford").check();
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
      await heading(page, /Fairweather/);
      await page.getByRole("link", { name: "Matching profile" }).click();
      await heading(page, /matching profile$/);
      await tick(page, "Interests", ...(i === 0 ? ["Football", "Art"] : ["Football"]));
      await tick(page, "Areas they travel to", "North Riverford");
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
    }
    expect(describeConsole(errors).filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
