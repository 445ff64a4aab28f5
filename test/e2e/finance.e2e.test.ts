import { readFile } from "node:fs/promises";
import { DEMO_PASSWORD, type LocalStack, signIn } from "@tandem/local";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkScreen, heading, openPage, signInToWorkspace, startE2e } from "./browser.js";

/**
 * A claim from the volunteer's phone to the payment file (issue 14): Riverford's coordinator approves
 * it, finance approves it, downloads the month's payment file (the demo volunteer's payee reference,
 * the amount with the demo claim already waiting, both references) and marks the batch paid. On a
 * 320px screen, by keyboard where a person would use one, each screen checked with axe-core.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 190;

let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;
let reference = "";

async function api(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, text, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

const month = new Date().toISOString().slice(0, 7);

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("finance", PORT));
  // The volunteer's claim, as their portal sends it: 20 miles at Riverford's 45p is £9.00.
  const volunteer = await signIn(stack.identity, "volunteer@riverford.example", DEMO_PASSWORD);
  const matches = await api(volunteer, "GET", "/api/volunteers/me/matches");
  const active = (matches.json.items as { matchId: string; stage: string }[]).find((m) => m.stage === "active");
  // The demo match has no visit recorded, so a month's claim is over Riverford's £40 a visit: the
  // volunteer asks for the coordinator's approval in advance, which the coordinator gives.
  const claim = await api(volunteer, "POST", `/api/matches/${active?.matchId}/claims`, {
    month,
    spentOn: new Date().toISOString().slice(0, 10),
    items: [{ kind: "mileage", description: "Drove to the bowling alley", miles: 20 }],
    requestApproval: true,
  });
  expect(claim.status, claim.text).toBe(201);
  reference = claim.json.reference as string;
  const coordinator = await signIn(stack.identity, "coordinator@riverford.example", DEMO_PASSWORD);
  const agreed = await api(coordinator, "POST", `/api/matches/${active?.matchId}/claims/${claim.json.id}/actions`, {
    action: "approve",
    version: claim.json.version,
  });
  expect(agreed.status, agreed.text).toBe(200);
  expect(agreed.json.status).toBe("submitted");
});

afterAll(async () => {
  await stopAll?.();
});

async function phone(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
}

/** Presses Enter on a control found by its accessible name, as a keyboard user would after tabbing to it. */
async function pressEnterOn(page: Page, role: "button" | "link", name: string | RegExp) {
  // Inside the page's content: the workspace navigation above it offers the same sections by name.
  const control = page.getByRole("main").getByRole(role, { name });
  await control.focus();
  await page.keyboard.press("Enter");
}

describe("a claim through approval to payment", () => {
  it("the coordinator approves it, after a refusal without a reason is stopped", async () => {
    const { context, page, pageErrors } = await openPage(browser);
    await phone(page);
    await signInToWorkspace(page, stack.url, "coordinator@riverford.example");
    await pressEnterOn(page, "link", "Claims");
    await heading(page, "Claims");
    await checkScreen(page, "finance-coordinator-claims");
    const card = page.locator("section", { has: page.getByRole("heading", { name: new RegExp(reference) }) });
    expect(await card.getByText("£9.00").count()).toBeGreaterThan(0);

    // A refusal needs a reason the volunteer can act on.
    await pressEnterOn(page, "button", `Refuse claim ${reference}`);
    await heading(page, `Refuse claim ${reference}`);
    await pressEnterOn(page, "button", "Refuse claim");
    await expect.poll(() => page.locator(".govuk-error-summary").isVisible()).toBe(true);
    expect(await page.locator(".govuk-error-summary").textContent()).toContain("Say why you are refusing this claim");
    await checkScreen(page, "finance-refuse-errors");
    await page.goBack();
    await heading(page, "Claims");

    await pressEnterOn(page, "button", `Approve claim ${reference}`);
    await heading(page, `Approve claim ${reference}`);
    await checkScreen(page, "finance-approve");
    await page.getByLabel("Notes (optional)").fill("Mileage matches the visit log");
    await pressEnterOn(page, "button", "Approve claim");
    await heading(page, "Claims");
    await expect.poll(() => page.getByText(`Claim ${reference} approved`).count()).toBe(1);
    expect(await page.getByRole("heading", { name: new RegExp(reference) }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("finance approves it, downloads the month's payment file and marks the batch paid", async () => {
    const { context, page, pageErrors } = await openPage(browser);
    await phone(page);
    await signInToWorkspace(page, stack.url, "finance@riverford.example");
    await pressEnterOn(page, "link", "Finance");
    await heading(page, "Finance");
    await checkScreen(page, "finance-home");
    await pressEnterOn(page, "button", `Approve claim ${reference}`);
    await heading(page, `Approve claim ${reference}`);
    // Finance sees the child's initial only.
    expect(await page.locator(".govuk-caption-l").textContent()).toMatch(/^[A-Z]\. and Chris$/);
    await pressEnterOn(page, "button", "Approve claim");
    await heading(page, "Finance");
    await expect.poll(() => page.getByText(`Claim ${reference} approved`).count()).toBe(1);

    await page.getByLabel("Month").selectOption(month);
    await pressEnterOn(page, "button", "Show the month end");
    await heading(page, /^Month end: [A-Z][a-z]+ \d{4}$/);
    await checkScreen(page, "finance-month-end");

    // The file: the demo volunteer's payee reference, £9.00 plus the demo's £3.60 already to pay.
    const download = page.waitForEvent("download");
    await pressEnterOn(page, "button", "Download the payment file");
    const file = await readFile((await (await download).path()) ?? "");
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.toString("utf8").replace(/^\uFEFF/, "");
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(`"Payee reference","Amount","Claim references"`);
    expect(lines[1]).toMatch(/^"RIV-SUP-0417","12\.60","EXP-\w+ EXP-\w+"$/);
    expect(lines[1]).toContain(reference);
    await expect.poll(() => page.locator("#download-status").textContent()).toMatch(/recorded in the audit trail/);

    await pressEnterOn(page, "button", "Mark as paid");
    await heading(page, /^Mark [A-Z][a-z]+ \d{4}'s claims as paid$/);
    await checkScreen(page, "finance-mark-paid");
    await pressEnterOn(page, "button", "Mark 2 claims as paid");
    await heading(page, /^Month end: /);
    await expect.poll(() => page.getByText("2 claims marked as paid (£12.60)").count()).toBe(1);
    expect(await page.locator("#nothing-to-pay").count()).toBe(1);
    await checkScreen(page, "finance-month-end-paid");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
