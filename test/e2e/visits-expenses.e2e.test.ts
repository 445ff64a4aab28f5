import { readFile } from "node:fs/promises";
import { DEMO_PASSWORD, type LocalStack, signIn } from "@tandem/local";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxAt, textOf } from "../support/mailbox.js";
import { checkScreen, describeConsole, fillSignIn, heading, openPage, signInToWorkspace, startE2e } from "./browser.js";

/**
 * Issue 14's acceptance on a phone (320px): the Riverford demo volunteer (active match with Mika,
 * £40 a visit, receipts required, overnight never, a named safeguarding contact and out-of-hours
 * number) plans and records a visit, and reports a concern whose e-mail reaches the safeguarding
 * contact; the coordinator acknowledges it and records what was done. The volunteer's journey is by
 * keyboard only (focus and keys, never a click); every page is axe-clean with no sideways scroll.
 */
// Its own stack, clear of the other browser tests' and of `pnpm start` (3000).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 100;

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;
/** The volunteer's £38 claim, approved by the coordinator and then finance in the later tests. */
let claimReference = "";

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("visits-expenses", PORT));
});

afterAll(async () => {
  await stopAll?.();
});

/** Keyboard only: move focus to the control and press Enter (a link or button). */
async function press(target: Locator): Promise<void> {
  await target.focus();
  await target.press("Enter");
}

/** Keyboard only: focus the field and type, as a person would. */
async function type(target: Locator, text: string): Promise<void> {
  await target.focus();
  await target.press("ControlOrMeta+a");
  await target.press("Delete");
  await target.pressSequentially(text);
}

/** Keyboard only: a radio or checkbox is chosen with the space bar. */
async function choose(target: Locator): Promise<void> {
  await target.focus();
  await target.press("Space");
}

/** Today in London, read when it is typed (a run can cross midnight). */
async function enterToday(page: Page): Promise<void> {
  const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  await type(page.getByLabel("Day", { exact: true }), String(day));
  await type(page.getByLabel("Month", { exact: true }), String(month));
  await type(page.getByLabel("Year", { exact: true }), String(year));
}

/** The smallest file the API takes for a JPEG photo: its first bytes are JPEG's. */
const receiptPhoto = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

/**
 * A photo as a phone's camera makes it: 4,000 by 3,000 pixels, over the API's 4 MB limit (about 5 MB), drawn
 * in the page and handed back as a file.
 */
async function cameraPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 4000;
    canvas.height = 3000;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D canvas");
    const image = context.createImageData(canvas.width, canvas.height);
    let seed = 7;
    const noise = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let i = 0; i < image.data.length; i += 4) {
      const v = 120 + (((i / 4) % canvas.width) % 200) / 4 + noise() * 60;
      image.data.set([v, v * 0.9, v * 0.8, 255], i);
    }
    context.putImageData(image, 0, 0);
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, "image/jpeg", 0.9));
    const bytes = new Uint8Array(await (blob ?? new Blob()).arrayBuffer());
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  });
  return Buffer.from(base64, "base64");
}

/** From the match page: a claim for the visit just recorded, with one item and its receipt (keyboard only). */
async function claimForVisit(page: Page, what: string, pounds: string, photo: Buffer = receiptPhoto): Promise<boolean> {
  await press(page.getByRole("link", { name: "Claim expenses" }));
  await heading(page, "What are you claiming for?");
  await choose(page.getByLabel(/^The visit on /));
  await checkScreen(page, "claim-for");
  await press(page.getByRole("button", { name: "Continue" }));
  await heading(page, "Add an item");
  await choose(page.getByLabel("Tickets and entry"));
  await type(page.getByLabel("What was it?"), what);
  await type(page.getByLabel("Amount", { exact: true }), pounds);
  // The file input opens the phone's chooser from the keyboard (space bar); the test answers it with a photo.
  const chooser = page.waitForEvent("filechooser");
  await page.getByLabel("Photo or PDF of the receipt").focus();
  await page.keyboard.press("Space");
  await (await chooser).setFiles({ name: "receipt.jpg", mimeType: "image/jpeg", buffer: photo });
  await checkScreen(page, "claim-item");
  await press(page.getByRole("button", { name: "Add the item" }));
  return true;
}

const mainText = async (page: Page) => (await page.locator("main").textContent()) ?? "";
const banner = async (page: Page) => (await page.locator(".govuk-notification-banner").textContent()) ?? "";

async function errorSummary(page: Page): Promise<string> {
  const summary = page.locator(".govuk-error-summary");
  await summary.waitFor();
  return (await summary.textContent()) ?? "";
}

describe("a volunteer's visit and a concern, on a phone", () => {
  it("plans and records a visit, and reports a concern that reaches the safeguarding contact", {
    timeout: 240_000,
  }, async () => {
    const { page, errors } = await openPage(browser);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${stack.url}/sign-in`);
    await fillSignIn(page, "volunteer@riverford.example");
    await page.waitForURL(`${stack.url}/portal`);
    await heading(page, "Your volunteering");
    const home = (await page.locator("main").textContent()) ?? "";
    expect(home).toMatch(/Mika, aged \d+/);
    expect(home).toMatch(/No visit recorded yet\. Next visit due by \d{1,2} \w+ \d{4}/);
    await checkScreen(page, "visits-portal-home");

    // The match: its visiting against the council's frequency.
    await press(page.getByRole("link", { name: "Visits and expenses with Mika" }));
    await heading(page, "Visits with Mika");
    await checkScreen(page, "visits-match");

    // Plan: an overnight visit is refused in words (Riverford never allows one), then a short one.
    await press(page.getByRole("button", { name: "Plan a visit" }));
    await heading(page, "When is the visit?");
    await enterToday(page);
    await type(page.getByLabel("Start time"), "18:00");
    await type(page.getByLabel("End time"), "10:00");
    await choose(page.getByLabel("The visit ends the next day"));
    await press(page.getByRole("button", { name: "Continue" }));
    expect(await errorSummary(page)).toContain("This scheme does not allow overnight visits");
    await checkScreen(page, "visits-plan-refused");
    await choose(page.getByLabel("The visit ends the next day"));
    await type(page.getByLabel("Start time"), "00:00");
    await type(page.getByLabel("End time"), "00:30");
    await press(page.getByRole("button", { name: "Continue" }));

    await heading(page, "What will you do, and where?");
    await choose(page.getByLabel("Park and playground"));
    await type(page.getByLabel("Where will the visit be?"), "Riverside Park");
    await checkScreen(page, "visits-plan-activity");
    await press(page.getByRole("button", { name: "Continue" }));

    await heading(page, "Who will know about the visit?");
    await type(page.getByLabel("Their name"), "Sam Friend");
    await checkScreen(page, "visits-plan-named-person");
    await press(page.getByRole("button", { name: "Continue" }));

    await heading(page, "Check the visit before you plan it");
    await checkScreen(page, "visits-plan-check");
    await press(page.getByRole("button", { name: "Plan the visit" }));
    await heading(page, "Visits with Mika");
    await expect.poll(() => banner(page), { timeout: 10_000 }).toMatch(/is planned/);

    // Lone working: home safe.
    await press(page.getByRole("button", { name: "I'm home safe" }));
    await expect.poll(() => banner(page), { timeout: 10_000 }).toContain("you are recorded as home safe");

    // Record it: a note naming the child is flagged, with the reason, before anything is saved.
    await press(page.getByRole("link", { name: /Record this visit/ }));
    await heading(page, "Record the visit");
    await type(page.getByLabel("Minutes", { exact: true }), "30");
    await type(page.getByLabel("What did you do?"), "Swings and a picnic");
    await choose(page.getByLabel("Well"));
    await checkScreen(page, "visits-record");
    await press(page.getByRole("button", { name: "Continue" }));
    await heading(page, "Anything else about the visit?");
    await type(page.getByLabel("Notes (optional)"), "Mika was chatty");
    await type(page.getByLabel("The young person's own words (optional)"), "Can we go again?");
    await press(page.getByRole("button", { name: "Continue" }));
    await heading(page, "Check the visit record");
    await press(page.getByRole("button", { name: "Save the record" }));
    expect(await errorSummary(page)).toContain("This note names the child");
    await checkScreen(page, "visits-record-named");
    // The summary's link goes to the answer to change.
    await press(page.locator(".govuk-error-summary a").first());
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("change-notes");
    await press(page.locator("#change-notes"));
    await heading(page, "Anything else about the visit?");
    await type(page.getByLabel("Notes (optional)"), "The young person was chatty");
    await press(page.getByRole("button", { name: "Continue" }));
    await press(page.getByRole("button", { name: "Save the record" }));
    await heading(page, "Visits with Mika");
    await expect.poll(() => banner(page), { timeout: 10_000 }).toContain("The visit is recorded");
    expect(await page.locator("main").textContent()).toMatch(/Last visit\s*\d{1,2} \w+ \d{4}/);

    // Claim for the visit: £38 of Riverford's £40 a visit, with a photo of the receipt chosen from the keyboard,
    // straight from the phone's camera: over the 4 MB the API takes, so the page sends it smaller.
    const photo = await cameraPhoto(page);
    expect(photo.length).toBeGreaterThan(4 * 1024 * 1024);
    const upload = page.waitForResponse(
      (r) => r.request().method() === "POST" && /\/receipts$/.test(new URL(r.url()).pathname),
    );
    const claimed = await claimForVisit(page, "Ice creams and the swings", "38", photo);
    const stored = (await (await upload).json()) as { contentType: string; bytes: number };
    expect(stored.contentType).toBe("image/jpeg");
    expect(stored.bytes).toBeLessThan(4 * 1024 * 1024);
    await heading(page, "Check your claim");
    const check = (await page.locator("main").textContent()) ?? "";
    expect(check).toContain("£38.00");
    expect(check).toContain("receipt.jpg");
    await checkScreen(page, "claim-check");
    await press(page.getByRole("button", { name: "Send the claim" }));
    await heading(page, "Visits with Mika");
    await expect.poll(() => banner(page), { timeout: 10_000 }).toMatch(/Claim EXP-\w+ for £38\.00 is sent/);
    claimReference = /Claim (EXP-\w+)/.exec(await banner(page))?.[1] ?? "";
    expect(await page.locator("main").textContent()).toContain(`${claimReference}: £38.00`);
    expect(claimed).toBe(true);

    // £50 more is over the cap: the volunteer is told what remains, and how to ask for prior approval.
    await claimForVisit(page, "Bowling", "50");
    await heading(page, "Check your claim");
    await press(page.getByRole("button", { name: "Send the claim" }));
    expect(await errorSummary(page)).toContain("You can claim £2.00 more for this visit");
    await expect.poll(() => page.getByRole("button", { name: "Ask for prior approval" }).count()).toBe(1);
    await checkScreen(page, "claim-over-cap");
    await press(page.getByRole("button", { name: "Cancel this claim" }));
    await heading(page, "Visits with Mika");

    // A concern, any time: the out-of-hours number on submission.
    await press(page.getByRole("link", { name: "Report a concern" }));
    await heading(page, "What are you reporting?");
    await choose(page.getByLabel("A safeguarding concern"));
    await checkScreen(page, "concern-type");
    await press(page.getByRole("button", { name: "Continue" }));
    await heading(page, "What happened?");
    // Which child: the council's record links the report to the match.
    await choose(page.getByRole("radio", { name: "Mika", exact: true }));
    const secret = `Mentioned a new adult at home ${Date.now()}`;
    await type(page.getByLabel("Describe what you saw or heard"), secret);
    await type(page.getByLabel("Time (if you know it)"), "00:15");
    await type(page.getByLabel("Who have you told? (optional)"), "Nobody yet");
    await checkScreen(page, "concern-details");
    await press(page.getByRole("button", { name: "Continue" }));
    await heading(page, "Check your report before you send it");
    expect(await page.locator(".govuk-summary-list").textContent()).toContain("AboutMika");
    await checkScreen(page, "concern-check");
    await press(page.getByRole("button", { name: "Send the report" }));
    await heading(page, "Report sent");
    const sent = (await page.locator("main").textContent()) ?? "";
    expect(sent).toContain("01632 960999");
    const reference = (await page.locator(".govuk-panel__body strong").textContent()) ?? "";
    expect(reference).toMatch(/^CON-/);
    await checkScreen(page, "concern-sent");

    const mail = await mailboxAt(stack.mailboxUrl).waitForMailContaining("safeguarding@riverford.example", reference);
    expect(textOf(mail)).not.toContain(secret);

    // Their own report: never edited, only added to.
    await press(page.getByRole("link", { name: "See your report or add to it" }));
    await heading(page, "Your report");
    await type(page.getByLabel("Add to this report"), "They said more on the phone");
    await press(page.getByRole("button", { name: "Add to the report" }));
    await expect.poll(() => mainText(page), { timeout: 10_000 }).toContain("They said more on the phone");
    await checkScreen(page, "concern-mine");
    // The browser logs the two refusals the journey meets on purpose (the note naming the child, the claim over the cap).
    const expected = [/status of 400 .*\/visits\/[^/]+\/record\)$/, /status of 409 .*\/claims\)$/];
    expect(describeConsole(errors).filter((e) => !expected.some((x) => x.test(e)))).toEqual([]);

    // The coordinator: unacknowledged first, acknowledge, record an act that cannot be undone.
    const staff = await openPage(browser);
    await signInToWorkspace(staff.page, stack.url, "coordinator@riverford.example");
    await staff.page.getByRole("main").getByRole("link", { name: "Concerns", exact: true }).click();
    await heading(staff.page, "Concerns");
    expect(await staff.page.locator("tbody tr").first().textContent()).toContain("Not acknowledged");
    await checkScreen(staff.page, "concerns-list");
    await staff.page.getByRole("link", { name: reference }).click();
    await heading(staff.page, `Concern ${reference}`);
    expect(await staff.page.locator("main").textContent()).toContain("They said more on the phone");
    await checkScreen(staff.page, "concern-record");
    await staff.page.getByRole("button", { name: "Acknowledge the concern" }).click();
    await expect.poll(() => mainText(staff.page), { timeout: 10_000 }).toMatch(/Acknowledged by Sam Okoro/);
    await staff.page.getByRole("link", { name: "Record what was done" }).click();
    await heading(staff.page, "What was done?");
    await staff.page.getByLabel("The police were told").check();
    await staff.page.getByLabel("Time", { exact: true }).fill("01:00");
    await checkScreen(staff.page, "concern-action");
    await staff.page.getByRole("button", { name: "Continue" }).click();
    await heading(staff.page, "Are you sure?");
    await checkScreen(staff.page, "concern-action-confirm");
    await staff.page.getByRole("button", { name: "Yes, record it" }).click();
    await heading(staff.page, `Concern ${reference}`);
    await expect.poll(() => mainText(staff.page), { timeout: 10_000 }).toContain("The police were told");
    expect(describeConsole(staff.errors)).toEqual([]);
  });

  it("the coordinator and finance approve the claim, and finance downloads the month's payment file", {
    timeout: 180_000,
  }, async () => {
    expect(claimReference).toMatch(/^EXP-/);
    const coordinator = await openPage(browser);
    await coordinator.page.setViewportSize({ width: 320, height: 800 });
    await signInToWorkspace(coordinator.page, stack.url, "coordinator@riverford.example");
    await coordinator.page.getByRole("main").getByRole("link", { name: "Claims", exact: true }).click();
    await heading(coordinator.page, "Claims");
    await coordinator.page.getByRole("button", { name: `Approve claim ${claimReference}` }).click();
    await heading(coordinator.page, `Approve claim ${claimReference}`);
    await coordinator.page.getByRole("button", { name: "Approve claim" }).click();
    await heading(coordinator.page, "Claims");
    await expect.poll(() => coordinator.page.getByText(`Claim ${claimReference} approved`).count()).toBe(1);
    expect(coordinator.pageErrors).toEqual([]);
    await coordinator.context.close();

    const finance = await openPage(browser);
    await finance.page.setViewportSize({ width: 320, height: 800 });
    await signInToWorkspace(finance.page, stack.url, "finance@riverford.example");
    await finance.page.getByRole("main").getByRole("link", { name: "Finance", exact: true }).click();
    await heading(finance.page, "Finance");
    await finance.page.getByRole("button", { name: `Approve claim ${claimReference}` }).click();
    await heading(finance.page, `Approve claim ${claimReference}`);
    await finance.page.getByRole("button", { name: "Approve claim" }).click();
    await heading(finance.page, "Finance");
    await expect.poll(() => finance.page.getByText(`Claim ${claimReference} approved`).count()).toBe(1);

    const month = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" }).slice(0, 7);
    await finance.page.getByLabel("Month").selectOption(month);
    await finance.page.getByRole("button", { name: "Show the month end" }).click();
    await heading(finance.page, /^Month end: /);
    const download = finance.page.waitForEvent("download");
    await finance.page.getByRole("button", { name: "Download the payment file" }).click();
    const file = await readFile((await (await download).path()) ?? "");
    const lines = file
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]).toBe(`"Payee reference","Amount","Claim references"`);
    // The demo volunteer's payee reference, with the £38.00 claim among the month's approved ones.
    const row = lines.find((l) => l.includes(claimReference)) ?? "";
    expect(row).toMatch(/^"RIV-SUP-0417","\d+\.\d{2}",/);
    expect(Number(/^"[^"]*","([\d.]+)"/.exec(row)?.[1])).toBeGreaterThanOrEqual(38);
    expect(finance.pageErrors).toEqual([]);
    await finance.context.close();
  });
});

describe("a suspended volunteer's portal", () => {
  it("says visits and claims are paused and whom to contact, and offers neither", { timeout: 120_000 }, async () => {
    const tokenOf = (email: string) => signIn(stack.identity, email, DEMO_PASSWORD);
    const api = async (email: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${stack.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await tokenOf(email)}`,
          "x-tandem-tenant": "riverford",
          "content-type": "application/json",
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(res.status, `${method} ${path}`).toBe(200);
      return (await res.json()) as { id: string; version: number };
    };
    const coordinator = "coordinator@riverford.example";
    const { id } = await api("volunteer@riverford.example", "GET", "/api/volunteers/me");
    const act = async (body: Record<string, unknown>) => {
      const { version } = await api(coordinator, "GET", `/api/volunteers/${id}`);
      await api(coordinator, "POST", `/api/volunteers/${id}/actions`, { ...body, version });
    };
    await act({ action: "suspend", reason: "Contact on social media: enquiries under way" });
    const { page, context } = await openPage(browser);
    try {
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto(`${stack.url}/sign-in`);
      await fillSignIn(page, "volunteer@riverford.example");
      await page.waitForURL(`${stack.url}/portal`);
      await press(page.getByRole("link", { name: "Visits and expenses with Mika" }));
      await heading(page, "Visits with Mika");
      expect(await page.locator(".govuk-warning-text").textContent()).toContain(
        "Your volunteering is suspended, so you cannot plan or record visits or claim expenses for now: contact your coordinator",
      );
      expect(await page.getByRole("button", { name: "Plan a visit" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "Claim expenses" }).count()).toBe(0);
      // A concern can still be reported, at any time.
      expect(await page.getByRole("link", { name: "Report a concern" }).count()).toBe(1);
      await checkScreen(page, "portal-suspended");
    } finally {
      await context.close();
      await act({ action: "reinstate" });
    }
  });
});
