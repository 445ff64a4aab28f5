import { randomUUID } from "node:crypto";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { REQUEST_DEADLINE_MS } from "@tandem/api";
import { exampleReferralAnswers } from "@tandem/domain/referrals";
import { DEMO_PASSWORD, type LocalStack, signIn, TABLE_NAME } from "@tandem/local";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mailboxAt } from "../support/mailbox.js";
import { startOwnStack } from "../support/own-stack.js";

/**
 * What a person sees when a dependency fails under them, on a stack of this file's own: DynamoDB Local and
 * the SES emulator are paused (SIGSTOP: a dependency that hangs) and killed (SIGKILL: one that is gone)
 * mid-run. Every answer must be a success, a refusal, or a 503 with Retry-After and a message to act on,
 * within the API's deadline; nothing a person sent may be lost or doubled.
 */

let stack: LocalStack & { dispose(): Promise<void> };
let coordinator: string;
/** Every answer the API gave in this file, checked for 5xx other than 503 at the end. */
const answers: { what: string; status: number; ms: number }[] = [];
/** The deadline, and a margin for a loaded machine to deliver the answer. */
const LONGEST_ANSWER_MS = REQUEST_DEADLINE_MS + 1_500;

beforeAll(async () => {
  stack = await startOwnStack("faults");
  coordinator = await signIn(stack.identity, "coordinator@riverford.example", DEMO_PASSWORD);
}, 180_000);

afterEach(() => {
  // A failed test must not leave an emulator paused for the next.
  for (const e of [stack.emulators.dynamodb, stack.emulators.email]) {
    try {
      process.kill(e.pid, "SIGCONT");
    } catch {}
  }
});

afterAll(async () => {
  await stack?.dispose();
  const serverErrors = answers.filter((a) => a.status >= 500 && a.status !== 503);
  expect(serverErrors, "5xx answers other than 503").toEqual([]);
}, 60_000);

async function send(method: string, path: string, opts: { token?: string; body?: unknown; key?: string } = {}) {
  const headers: Record<string, string> = { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.key) headers["idempotency-key"] = opts.key;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const started = performance.now();
  const res = await fetch(`${stack.url}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  answers.push({ what: `${method} ${path}`, status: res.status, ms });
  expect(ms, `${method} ${path} took ${Math.round(ms)} ms`).toBeLessThan(LONGEST_ANSWER_MS);
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  return { status: res.status, ms, retryAfter: res.headers.get("retry-after"), json };
}

/** The answer a person gets while a dependency is down: 503, when to come back, and what to do. */
function expectUnavailable(res: Awaited<ReturnType<typeof send>>, saving: boolean) {
  expect(res.status).toBe(503);
  expect(Number(res.retryAfter)).toBeGreaterThan(0);
  const error = res.json.error as { code: string; message: string };
  expect(error.code).toBe("service_unavailable");
  expect(error.message).toMatch(/try again in a minute/);
  if (saving) expect(error.message).toMatch(/Nothing you entered was lost/);
}

function referral(workEmail: string) {
  const answers = exampleReferralAnswers();
  answers.referrer.workEmail = workEmail;
  return { kind: "professional", answers };
}

const submitReferral = (workEmail: string, key: string) =>
  send("POST", "/api/public/tenants/riverford/referrals", { body: referral(workEmail), key });

/** The stored referrals whose referrer is `workEmail`, read from the table itself. */
async function storedReferralsFrom(workEmail: string): Promise<number> {
  const client = await stack.db.clientForProvisioning();
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: TABLE_NAME, ExclusiveStartKey: start }));
    count += (page.Items ?? []).filter(
      (i) => String(i.sk).startsWith("REFERRAL#") && JSON.stringify(i).includes(workEmail),
    ).length;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

/**
 * What a person does with a 503: comes back when Retry-After says, with the same Idempotency-Key. A
 * restarted JVM can answer its first calls slower than the SDK's 2 s timeout on a loaded machine, so the
 * first tries after a recovery may still be 503s; the record must still be made exactly once.
 */
async function submitUntilServed(workEmail: string, key: string, tries = 6) {
  let res = await submitReferral(workEmail, key);
  for (let i = 1; i < tries && res.status === 503; i++) {
    expectUnavailable(res, true);
    await new Promise((r) => setTimeout(r, Math.min(Number(res.retryAfter) || 1, 5) * 1_000));
    res = await submitReferral(workEmail, key);
  }
  return res;
}

const pause = (pid: number) => process.kill(pid, "SIGSTOP");
const resume = (pid: number) => process.kill(pid, "SIGCONT");
const kill = (pid: number) => process.kill(pid, "SIGKILL");

describe("the table hangs (DynamoDB Local paused)", () => {
  it("answers reads, the health check and a referral with 503 in time; the retry after it creates one referral", async () => {
    const workEmail = `sw-paused-${randomUUID().slice(0, 8)}@riverford.gov.example`;
    const key = randomUUID();
    const dynamodb = stack.emulators.dynamodb.pid;
    pause(dynamodb);
    try {
      const [health, tenant, submitted] = await Promise.all([
        send("GET", "/api/health"),
        send("GET", "/api/tenant", { token: coordinator }),
        submitReferral(workEmail, key),
      ]);
      expect(health.status).toBe(503);
      expect(health.ms).toBeLessThan(3_000);
      expect((health.json.dependencies as { table: { status: string } }).table.status).toBe("down");
      expectUnavailable(tenant, false);
      expectUnavailable(submitted, true);
    } finally {
      resume(dynamodb);
    }

    const retried = await submitUntilServed(workEmail, key);
    expect(retried.status).toBe(202);
    const again = await submitReferral(workEmail, key);
    expect(again.json.reference).toBe(retried.json.reference);
    expect(await storedReferralsFrom(workEmail)).toBe(1);
    expect((await send("GET", "/api/health")).status).toBe(200);
  }, 120_000);
});

describe("the table is gone (DynamoDB Local killed)", () => {
  it("answers 503 at once, and after a restart the same request creates exactly one referral", async () => {
    const workEmail = `sw-killed-${randomUUID().slice(0, 8)}@riverford.gov.example`;
    const key = randomUUID();
    kill(stack.emulators.dynamodb.pid);
    try {
      const tenant = await send("GET", "/api/tenant", { token: coordinator });
      expectUnavailable(tenant, false);
      const submitted = await submitReferral(workEmail, key);
      expectUnavailable(submitted, true);
      expect((await send("GET", "/api/health")).status).toBe(503);
    } finally {
      await stack.emulators.dynamodb.restart();
    }

    const retried = await submitUntilServed(workEmail, key);
    expect(retried.status).toBe(202);
    expect((await submitReferral(workEmail, key)).json.reference).toBe(retried.json.reference);
    expect(await storedReferralsFrom(workEmail)).toBe(1);
    expect((await send("GET", "/api/tenant", { token: coordinator })).status).toBe(200);
    // A restart waits for the JVM (up to two minutes on a busy box), then the retries above.
  }, 240_000);
});

describe("e-mail is down (the SES emulator paused, then killed)", () => {
  it("still takes referrals, and delivers the e-mails queued meanwhile once it is back", async () => {
    const duringPause = `sw-mail-paused-${randomUUID().slice(0, 8)}@riverford.gov.example`;
    const duringOutage = `sw-mail-killed-${randomUUID().slice(0, 8)}@riverford.gov.example`;
    const email = stack.emulators.email.pid;
    pause(email);
    try {
      // A 503 here would come from the table (still warming up after the test before), never from e-mail:
      // retrying cannot turn an e-mail outage into a 202, because the pause lasts the whole block.
      expect((await submitUntilServed(duringPause, randomUUID())).status).toBe(202);
      const health = await send("GET", "/api/health");
      expect(health.status).toBe(503);
      expect((health.json.dependencies as { email: { status: string } }).email.status).toBe("down");
      // Let the relay try (and fail) to send it while the emulator hangs.
      await new Promise((r) => setTimeout(r, 3_000));
    } finally {
      kill(email);
    }
    expect((await submitUntilServed(duringOutage, randomUUID())).status).toBe(202);
    await new Promise((r) => setTimeout(r, 2_000));
    await stack.emulators.email.restart();

    const box = mailboxAt(stack.mailboxUrl);
    for (const address of [duringPause, duringOutage]) {
      await box.waitForMail(address, /./, 60_000);
    }
  }, 150_000);
});
