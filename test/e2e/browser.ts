import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_PASSWORD, type LocalStack, startLocalStack, totpCode, totpSecretFor } from "@tandem/local";
import { type Browser, type BrowserContext, type ConsoleMessage, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** A page in a fresh context (nothing shared with other tests) that records console errors. */
export async function openPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; errors: ConsoleMessage[]; pageErrors: Error[] }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  const errors: ConsoleMessage[] = [];
  const pageErrors: Error[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg);
  });
  page.on("pageerror", (error) => pageErrors.push(error));
  return { context, page, errors, pageErrors };
}

export function describeConsole(messages: ConsoleMessage[]): string[] {
  return messages.map((m) => `${m.text()} (${m.location().url})`);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page for WCAG 2.0, 2.1 and 2.2 A/AA rules. The SPA's CSP forbids inline
 * scripts, so axe goes in through the DevTools protocol (`evaluate`) rather than a <script> tag;
 * that leaves the page's CSP fully in force during the test.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(" ")),
    }));
  });
}

const here = dirname(fileURLToPath(import.meta.url));
const webDist = resolve(here, "../../web/dist/index.html");
/** Screenshots and other artefacts of the browser suite (CI keeps the folder). */
export const artefacts = resolve(here, "../test-results");

/**
 * What each browser test file starts: its own local stack on its own port (clear of the others and
 * of a developer's `./tandem start`) on a fresh data folder, and one Chromium. `stop` ends both.
 */
export async function startE2e(
  name: string,
  port: number,
): Promise<{ stack: LocalStack; browser: Browser; stop(): Promise<void> }> {
  if (!existsSync(webDist)) throw new Error("web/dist is missing: run `pnpm --filter @tandem/web build` first");
  const dataDir = await mkdtemp(join(tmpdir(), `tandem-e2e-${name}-`));
  const stack = await startLocalStack({ port, dataDir, quiet: true });
  const browser = await launchChromium();
  await mkdir(artefacts, { recursive: true });
  return {
    stack,
    browser,
    async stop() {
      await browser.close();
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The page's one h1 reads `text` (waiting for the SPA to render it). */
export async function heading(page: Page, text: string | RegExp): Promise<void> {
  const h1 = () => page.locator("h1").textContent();
  if (typeof text === "string") await expect.poll(h1, { timeout: 10_000 }).toBe(text);
  else await expect.poll(h1, { timeout: 10_000 }).toMatch(text);
  expect(await page.locator("h1").count()).toBe(1);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artefacts, `${name}.png`), fullPage: true });
}

/** A screenshot, axe-core finds nothing, and (on a phone-sized page) nothing scrolls sideways. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  const width = page.viewportSize()?.width ?? 0;
  if (width <= 320) {
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `horizontal scroll on ${name}`,
    ).toBeLessThanOrEqual(width);
  }
}

/**
 * Fills the sign-in form on the page and sends it (a demo user's password unless given). When the identity
 * provider then asks for the authenticator code (every account has MFA, as in AWS), it is entered as the
 * person would, computed from the secret the account was enrolled with (the demo users' published one).
 */
export async function fillSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const answered = page.waitForResponse((r) => /\.InitiateAuth$/.test(r.request().headers()["x-amz-target"] ?? ""));
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const body = (await (await answered).json().catch(() => ({}))) as { ChallengeName?: string };
  if (body.ChallengeName === "SOFTWARE_TOKEN_MFA") await enterAuthenticatorCode(page, totpSecretFor(email));
}

/** On the authenticator-code page: types the current code for `secret` and continues. */
export async function enterAuthenticatorCode(page: Page, secret: string): Promise<void> {
  await page.waitForURL(/\/sign-in\/code$/);
  await page.getByLabel("Enter the code from your authenticator app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Continue" }).click();
}

/**
 * On the authenticator set-up page (a first sign-in): reads the key as a person would type it into an app,
 * enters the app's current code, and answers the secret, for later sign-ins.
 */
export async function setUpAuthenticator(page: Page): Promise<string> {
  await page.waitForURL(/\/sign-in\/set-up-authenticator$/);
  await heading(page, "Set up an authenticator app");
  const secret = ((await page.locator("#authenticator-key").textContent()) ?? "").replace(/\s/g, "");
  await page.getByLabel("Enter the 6-digit code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Continue" }).click();
  return secret;
}

/** Signs a demo user in from the sign-in page and waits for their workspace. */
export async function signInToWorkspace(page: Page, siteUrl: string, email: string): Promise<void> {
  await page.goto(`${siteUrl}/sign-in`);
  await fillSignIn(page, email);
  await page.waitForURL(`${siteUrl}/workspace`);
  await heading(page, "Workspace");
}
