import { randomUUID } from "node:crypto";
import { BUSINESS_METRIC_NAMES } from "@tandem/api";
import { exampleReferralAnswers } from "@tandem/domain/referrals";
import { DEMO_PASSWORD, demoUsers, signIn } from "@tandem/local";
import { afterAll, beforeAll, expect, it } from "vitest";
import { mailboxAt } from "../support/mailbox.js";
import { startOwnStack } from "../support/own-stack.js";

/**
 * The API's logs, captured from a representative run of requests against a stack of this file's own (its log
 * lines go to this process's stdout, as in Lambda): every line is one JSON object in the agreed shape, each
 * request has its access line, the business metrics are EMF by the contract's names, and no line holds a
 * person's name or e-mail address, whether a demo user's or one typed into a form.
 */

let stack: Awaited<ReturnType<typeof startOwnStack>>;
const captured: string[] = [];
const restore: (() => void)[] = [];

beforeAll(async () => {
  stack = await startOwnStack("logs", { apiLogs: "all" });
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      captured.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return write(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => {
      stream.write = write;
    });
  }
}, 180_000);

afterAll(async () => {
  for (const r of restore) r();
  await stack?.dispose();
}, 60_000);

it("logs every request as one JSON line with the agreed keys, and nothing personal", async () => {
  const answers = exampleReferralAnswers();
  answers.referrer.workEmail = `sw-logs-${randomUUID().slice(0, 8)}@riverford.gov.example`;
  const coordinator = await signIn(stack.identity, "coordinator@riverford.example", DEMO_PASSWORD);
  const admin = await signIn(stack.identity, "admin@riverford.example", DEMO_PASSWORD);
  const calls: [string, string, { token?: string; body?: unknown; key?: string }][] = [
    ["GET", "/api/health", {}],
    ["GET", "/api/public/tenants/riverford", {}],
    ["POST", "/api/public/tenants/riverford/referrals", { body: { kind: "professional", answers }, key: randomUUID() }],
    // Refused for what was typed: the refusal's message may quote it, the log must not.
    [
      "POST",
      "/api/public/tenants/riverford/referrals",
      {
        body: { kind: "professional", answers: { ...answers, child: { firstName: answers.child.firstName } } },
        key: randomUUID(),
      },
    ],
    ["GET", "/api/tenant", { token: coordinator }],
    ["GET", "/api/members", { token: admin }],
    ["GET", "/api/referrals/RIV-NOSUCH00", { token: coordinator }],
    ["GET", "/api/tenant", { token: "not-a-token" }],
    ["GET", "/api/no-such-route", {}],
  ];
  for (const [method, path, opts] of calls) {
    const headers: Record<string, string> = { "x-forwarded-for": "198.51.100.77" };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.key) headers["idempotency-key"] = opts.key;
    if (opts.body) headers["content-type"] = "application/json";
    const res = await fetch(`${stack.url}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    expect(res.status, `${method} ${path}`).toBeLessThan(500);
  }
  // The verification e-mail's delivery is logged by the relay as a metric.
  await mailboxAt(stack.mailboxUrl).waitForMail(answers.referrer.workEmail, /./, 30_000);
  await new Promise((r) => setTimeout(r, 300));

  const lines = captured
    .join("")
    .split("\n")
    .filter((l) => l.trim());
  const parsed = lines.map((line) => {
    expect(() => JSON.parse(line), `not JSON: ${line}`).not.toThrow();
    return JSON.parse(line) as Record<string, unknown>;
  });
  const metricLines = parsed.filter((l) => "_aws" in l);
  const logLines = parsed.filter((l) => !("_aws" in l));

  for (const line of logLines) {
    expect(Object.keys(line)).toEqual(expect.arrayContaining(["level", "message", "timestamp", "service"]));
  }
  const requests = logLines.filter((l) => l.message === "request");
  expect(requests).toHaveLength(calls.length);
  for (const line of requests) {
    expect(line).toMatchObject({
      requestId: expect.any(String),
      tenant: expect.any(String),
      route: expect.stringMatching(/^(\/api\/|\(no route\)$)/),
      method: expect.any(String),
      status: expect.any(Number),
      latencyMs: expect.any(Number),
    });
  }
  expect(requests.find((l) => l.method === "GET" && l.status === 200 && l.tenant === "riverford")).toBeDefined();
  // The route as declared, not the path with its ids.
  expect(requests.map((l) => l.route)).toContain("/api/referrals/:id");

  const metricNames = metricLines.flatMap((l) =>
    (l._aws as { CloudWatchMetrics: { Namespace: string; Metrics: { Name: string }[] }[] }).CloudWatchMetrics.flatMap(
      (m) => m.Metrics.map((x) => x.Name),
    ),
  );
  expect(metricNames).toEqual(expect.arrayContaining([BUSINESS_METRIC_NAMES.referralsSubmitted, "EmailsSent"]));
  expect(Object.values(BUSINESS_METRIC_NAMES)).toEqual(expect.arrayContaining(metricNames));

  const personal = [
    ...demoUsers.flatMap((u) => [u.name, u.email]),
    answers.child.firstName,
    answers.child.lastName,
    answers.referrer.name,
    answers.referrer.workEmail,
    answers.referrer.phone,
  ];
  const all = lines.join("\n").toLowerCase();
  for (const p of personal) expect(all, `the logs contain "${p}"`).not.toContain(p.toLowerCase());
}, 90_000);
