import type { LocalStack } from "@tandem/local";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, totpCode } from "@tandem/local";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxAt } from "../support/mailbox.js";
import {
  checkScreen,
  describeConsole,
  enterAuthenticatorCode,
  fillSignIn,
  heading,
  openPage,
  setUpAuthenticator,
  signInToWorkspace,
  startE2e,
} from "./browser.js";

/**
 * Signing in as it works in AWS, and sessions: the authenticator app set up on a first sign-in and asked
 * for after; a reload and a new tab keep the session; signing out in one tab ends the others; an e-mailed
 * deep link returns there after signing in; the idle timeout warns, then signs out; a forgotten password
 * is reset with the code from the mailbox.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 120;
let stack: LocalStack;
let browser: Browser;
let stopAll: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, browser, stop: stopAll } = await startE2e("sessions", PORT));
}, 180_000);

afterAll(async () => {
  await stopAll?.();
});

/** Cognito's JSON protocol on the stack's identity provider, as an administrator's tools call it. */
async function identityAdmin(target: string, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`http://localhost:${stack.ports.identity}/`, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify({ UserPoolId: stack.identity.userPoolId, ...body }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Identity-provider 400s (a wrong code, a wrong password) are answers the pages handle: Chromium logs each. */
function unexpected(errors: Parameters<typeof describeConsole>[0]): string[] {
  return describeConsole(errors).filter((e) => !(e.includes(`localhost:${PORT + 9}`) && e.includes("status of 400")));
}

async function workspace(page: Page): Promise<void> {
  await page.waitForURL(`${stack.url}/workspace`);
  await heading(page, "Workspace");
}

describe("the second factor, as the AWS pool requires it", () => {
  it("a first sign-in sets up an authenticator app; later sign-ins ask for its code", async () => {
    const email = "finance@riverford.example";
    // As after an administrator's reset: the account has no authenticator yet.
    await identityAdmin("AdminSetUserMFAPreference", {
      Username: email,
      SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
    });
    const { context, page, errors, pageErrors } = await openPage(browser);
    try {
      await page.goto(`${stack.url}/sign-in`);
      await fillSignIn(page, email);
      await page.waitForURL(`${stack.url}/sign-in/set-up-authenticator`);
      await heading(page, "Set up an authenticator app");
      expect(await page.locator("svg.tandem-qr-code").count()).toBe(1);
      await checkScreen(page, "mfa-set-up");

      // Nothing typed, then a wrong code: the error summary says what to do.
      await page.getByRole("button", { name: "Continue" }).click();
      await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain("Enter the 6-digit code");
      const key = ((await page.locator("#authenticator-key").textContent()) ?? "").replace(/\s/g, "");
      await page.getByLabel("Enter the 6-digit code from the app").fill(totpCode(key, new Date(Date.now() - 600_000)));
      await page.getByRole("button", { name: "Continue" }).click();
      await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain("The code is not correct");
      expect(await page.title()).toBe("Error: Set up an authenticator app – Tandem");
      await checkScreen(page, "mfa-set-up-error");

      const secret = await setUpAuthenticator(page);
      expect(secret).toBe(key);
      await workspace(page);
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${stack.url}/sign-in`);

      // The next sign-in asks for the code from the app just set up: the demo users' code is not it.
      await page.getByLabel("E-mail address").fill(email);
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${stack.url}/sign-in/code`);
      await heading(page, "Enter the code from your authenticator app");
      await enterAuthenticatorCode(page, DEMO_TOTP_SECRET);
      await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain("The code is not correct");
      await checkScreen(page, "mfa-code-error");
      await page.getByLabel("Enter the code from your authenticator app").fill(totpCode(secret));
      await page.getByRole("button", { name: "Continue" }).click();
      await workspace(page);

      expect(pageErrors.map(String)).toEqual([]);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("sessions", () => {
  it("a reload and a new tab keep the session; signing out in one tab ends the other", async () => {
    const { context, page, errors, pageErrors } = await openPage(browser);
    try {
      await page.goto(`${stack.url}/sign-in`);
      await fillSignIn(page, "coordinator@brightpath.example");
      await page.waitForURL(`${stack.url}/choose-tenant`);
      await page.getByLabel("Kingsholt Borough Council").check();
      await page.getByRole("button", { name: "Continue" }).click();
      await workspace(page);
      await page.getByRole("link", { name: "Referrals", exact: true }).first().click();
      await page.waitForURL(`${stack.url}/workspace/referrals`);
      await heading(page, "Referrals");

      await page.reload();
      await heading(page, "Referrals");
      expect(await page.locator("#tandem-account").textContent()).toContain("Working in Kingsholt Borough Council");

      // A second tab of the same browser carries on the session too.
      const other = await context.newPage();
      await other.goto(`${stack.url}/workspace`);
      await heading(other, "Workspace");
      expect(await other.locator("#tandem-account").textContent()).toContain("Signed in as");

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${stack.url}/sign-in`);
      await other.waitForURL(`${stack.url}/sign-in`);
      expect(await other.locator(".govuk-notification-banner").textContent()).toContain(
        "You signed out in another window",
      );
      await checkScreen(other, "signed-out-elsewhere");
      // The refresh token was revoked (Cognito's global sign-out), so nothing brings the session back.
      await other.goto(`${stack.url}/workspace`);
      await other.waitForURL(`${stack.url}/sign-in`);

      expect(pageErrors.map(String)).toEqual([]);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a deep link opened while signed out returns to that page after signing in", async () => {
    const { context, page, errors, pageErrors } = await openPage(browser);
    try {
      await page.goto(`${stack.url}/workspace/referrals/waiting-list`);
      await page.waitForURL(`${stack.url}/sign-in`);
      expect(await page.locator(".govuk-notification-banner").textContent()).toContain("Sign in to use your workspace");
      await fillSignIn(page, "coordinator@riverford.example");
      await page.waitForURL(`${stack.url}/workspace/referrals/waiting-list`);
      await expect.poll(() => page.locator("h1").textContent()).not.toBe("Sign in");
      expect(pageErrors.map(String)).toEqual([]);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("after a time without activity, a warning, then signed out", async () => {
    const { context, page, errors, pageErrors } = await openPage(browser);
    try {
      await page.clock.install();
      await signInToWorkspace(page, stack.url, "manager@riverford.example");

      await page.clock.fastForward("28:00");
      const dialog = page.getByRole("dialog", { name: "You’re about to be signed out" });
      await dialog.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Stay signed in");
      await checkScreen(page, "timeout-warning");
      await page.getByRole("button", { name: "Stay signed in" }).click();
      await dialog.waitFor({ state: "detached" });

      // Staying signed in starts the time again; this time nobody answers the warning.
      await page.clock.fastForward("28:00");
      await dialog.waitFor();
      await page.clock.fastForward("02:01");
      await page.waitForURL(`${stack.url}/sign-in`);
      expect(await page.locator(".govuk-notification-banner").textContent()).toContain(
        "We signed you out because you had not done anything for 30 minutes",
      );
      await page.goto(`${stack.url}/workspace`);
      await page.waitForURL(`${stack.url}/sign-in`);

      expect(pageErrors.map(String)).toEqual([]);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("a forgotten password", () => {
  it("is reset with the code from the mailbox, and the page never says whether an account exists", async () => {
    const email = "panel@eastmere.example";
    const newPassword = "A-new-Tandem-password-2026!";
    const mailbox = mailboxAt(stack.mailboxUrl);
    const { context, page, errors, pageErrors } = await openPage(browser);
    try {
      await page.goto(`${stack.url}/sign-in`);
      await page.getByRole("link", { name: "I have forgotten my password" }).click();
      await heading(page, "Reset your password");
      await checkScreen(page, "forgotten-password");

      // An address with no account gets the same page as one with an account.
      await page.getByLabel("E-mail address").fill("nobody@eastmere.example");
      await page.getByRole("button", { name: "Send code" }).click();
      await heading(page, "Check your e-mail");
      const unknown = await page.locator("main").textContent();
      await page.getByRole("link", { name: "Back", exact: true }).click();
      await heading(page, "Reset your password");
      await page.getByLabel("E-mail address").fill(email);
      await page.getByRole("button", { name: "Send code" }).click();
      await heading(page, "Check your e-mail");
      expect((await page.locator("main").textContent())?.replace(email, "X")).toBe(
        unknown?.replace("nobody@eastmere.example", "X"),
      );
      await checkScreen(page, "reset-password");

      const mail = await mailbox.waitForMail(email, /verification code/);
      const code = (mail.body.text ?? "").match(/\b(\d{6})\b/)?.[1] ?? "";
      expect((await mailbox.to("nobody@eastmere.example")).length).toBe(0);

      // A wrong code, and passwords that do not match, are explained.
      await page.getByLabel("Code from the e-mail").fill(code === "000000" ? "111111" : "000000");
      await page.getByLabel("New password", { exact: true }).fill(newPassword);
      await page.getByLabel("Confirm new password").fill(`${newPassword}x`);
      await page.getByRole("button", { name: "Reset password" }).click();
      await expect
        .poll(() => page.locator(".govuk-error-summary").textContent())
        .toContain("The passwords do not match");
      await page.getByLabel("Confirm new password").fill(newPassword);
      await page.getByRole("button", { name: "Reset password" }).click();
      await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain("The code is not correct");
      await checkScreen(page, "reset-password-error");

      await page.getByLabel("Code from the e-mail").fill(code);
      await page.getByRole("button", { name: "Reset password" }).click();
      await page.waitForURL(`${stack.url}/sign-in`);
      expect(await page.locator(".govuk-notification-banner").textContent()).toContain("Your password has been reset");
      await fillSignIn(page, email, newPassword);
      await workspace(page);

      expect(pageErrors.map(String)).toEqual([]);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
