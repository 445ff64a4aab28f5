import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import type { Server } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { GetAccountCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import {
  apiLogger,
  cognitoIdentityAdmin,
  createApi,
  createTokenVerifier,
  type Deps,
  outboxPorts,
  resilientClientConfig,
  runScheduledJob,
  s3ReceiptStore,
  withoutSdkLogger,
} from "@tandem/api";
import { Database, keys } from "@tandem/data";
import { publishBenchmarks } from "@tandem/data/reporting";
import { todayInLondon } from "@tandem/domain/calendar";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { secureHeaders } from "hono/secure-headers";
import { ensureBucket, LOCAL_RECEIPTS_BUCKET, localS3Client, startS3Emulator } from "./adapters/s3-emulator.js";
import { startSesEmulator } from "./adapters/ses-emulator.js";
import { isApiPath } from "./api-path.js";
import { demoUsers, seedDemoData } from "./demo-data.js";
import { ensureTable, localDynamoClient, startDynamoDbLocal } from "./dynamodb-local.js";
import { callBackend } from "./identity-guard.js";
import {
  cognitoClient,
  endpointFor,
  ensureUserPool,
  type IdentityConfig,
  issuerFor,
  startIdentityProvider,
} from "./identity-local.js";
import { MfaChallenges, MfaEnrolments } from "./identity-mfa.js";
import { PasswordResets, resetCodeEmail } from "./identity-password-reset.js";
import { startOutboxRelay } from "./outbox-relay.js";
import { ProcessGroup, portIsFree } from "./processes.js";
import { DEMO_TOTP_SECRET } from "./totp.js";

export const TABLE_NAME = "tandem";

export interface StackOptions {
  port?: number;
  dataDir: string;
  quiet?: boolean;
  /** Adds the x-tandem-capacity header to API responses (bench, tests). */
  reportCapacity?: boolean;
  /**
   * What the API logs on stdout, as it would in Lambda: "all" (a JSON line per request, and the business
   * metrics' EMF lines) or "problems" (warnings and errors only). Default: "problems" when quiet.
   */
  apiLogs?: "all" | "problems";
  /**
   * How often the scheduled job (timers, reminders: services/api/src/jobs) runs, as EventBridge Scheduler
   * starts it in AWS. Default every minute (each run in the same quarter hour finds its run key and does
   * nothing); 0 turns it off, as the shared test stack does, so tests run the job when they choose.
   */
  scheduledJobEveryMs?: number;
  /**
   * How often the benchmark across councils is rebuilt (ADR 20; daily in AWS, by its own EventBridge
   * rule). `pnpm start` rebuilds it every minute, so a council that opts in on a developer's machine
   * sees the figures soon after (a rebuild is idempotent: every kind written afresh). Default 0 (off):
   * tests and the bench build it when they choose, as a rebuild replaces what a test put there.
   */
  benchmarkEveryMs?: number;
}

export interface LocalStack {
  url: string;
  ports: { http: number; dynamodb: number; email: number; receipts: number; identity: number };
  identity: IdentityConfig;
  db: Database;
  mailboxUrl: string;
  /** The emulators the fault tests pause (SIGSTOP), kill and restart; data survives a restart. */
  emulators: { dynamodb: EmulatorControl; email: EmulatorControl; receipts: EmulatorControl };
  stop(): Promise<void>;
}

export interface EmulatorControl {
  /** The running process's id, for `process.kill(pid, "SIGSTOP")` and the like. */
  readonly pid: number;
  /** Kills the process if it still runs (paused or not) and starts it again on the same port and data. */
  restart(): Promise<void>;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const webDist = join(repoRoot, "web", "dist");

/** Port layout: everything hangs off the HTTP port so several stacks (tests, a dev run) can coexist. */
export function portsFor(http: number) {
  return {
    http,
    dynamodb: http + 1,
    email: http + 5,
    receipts: http + 6,
    identityBackend: http + 8,
    identity: http + 9,
  };
}

/**
 * Starts Tandem on one machine: DynamoDB Local, the SES v2 emulator, s3rver and cognito-local, the table
 * and demo data on first start, then the API and SPA on one port. Everything it started is
 * stopped by `stop()`.
 */
export async function startLocalStack(opts: StackOptions): Promise<LocalStack> {
  const ports = portsFor(opts.port ?? 3000);
  const quiet = opts.quiet ?? false;
  const dataDir = resolve(opts.dataDir);
  const apiLogs = opts.apiLogs ?? (quiet ? "problems" : "all");
  apiLogger.setLogLevel(apiLogs === "all" ? "INFO" : "WARN");
  // Read each time the API counts a metric (services/api/src/observability/metrics.ts).
  process.env.POWERTOOLS_METRICS_DISABLED = apiLogs === "all" ? "false" : "true";
  for (const [name, port] of Object.entries(ports)) {
    if (!(await portIsFree(port))) {
      throw new Error(`Port ${port} (${name}) is in use: stop what uses it or set PORT to another number`);
    }
  }
  await mkdir(join(dataDir, "dynamodb"), { recursive: true });
  await mkdir(join(dataDir, "identity"), { recursive: true });
  await mkdir(join(dataDir, "receipts"), { recursive: true });

  const group = new ProcessGroup();
  const identityDir = join(dataDir, "identity");
  // The API's health check and the outbox relay send through it, so it is built as aws-deps.ts builds theirs.
  const emailClient = withoutSdkLogger(
    new SESv2Client({
      ...resilientClientConfig,
      endpoint: `http://127.0.0.1:${ports.email}`,
      region: "eu-west-2",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    }),
  );
  // Cognito's MFA-required sign-in and its password reset, which cognito-local lacks (identity-guard.ts).
  const enrolments = new MfaEnrolments(join(identityDir, "mfa.json"));
  let userPoolId = "";
  const admin = (target: string, body: Record<string, unknown>) =>
    callBackend(ports.identityBackend, `AWSCognitoIdentityProviderService.${target}`, {
      UserPoolId: userPoolId,
      ...body,
    });
  const resets = new PasswordResets({
    userExists: async (username) => (await admin("AdminGetUser", { Username: username })).ok,
    setPassword: (username, password) =>
      admin("AdminSetUserPassword", { Username: username, Password: password, Permanent: true }),
    sendCode: async (username, code) => {
      await emailClient.send(resetCodeEmail(username, code));
    },
  });
  let identityGuard: Server | undefined;
  let http: ReturnType<typeof serve> | undefined;
  let relay: { stop(): Promise<void> } | undefined;
  let jobTimer: { stop(): Promise<void> } | undefined;
  let benchmarkTimer: { stop(): Promise<void> } | undefined;
  const stop = async () => {
    await jobTimer?.stop();
    await benchmarkTimer?.stop();
    await new Promise<void>((r) => (http ? http.close(() => r()) : r()));
    await relay?.stop();
    await new Promise<void>((r) => (identityGuard ? identityGuard.close(() => r()) : r()));
    await group.stopAll();
  };
  try {
    const [dynamodb, guard, email, receipts] = await Promise.all([
      controlled(() => startDynamoDbLocal(group, { port: ports.dynamodb, dbPath: join(dataDir, "dynamodb"), quiet })),
      startIdentityProvider(group, {
        port: ports.identity,
        backendPort: ports.identityBackend,
        dataDir: identityDir,
        quiet,
        mfa: { challenges: new MfaChallenges(enrolments), enrolments },
        resets,
      }),
      controlled(() => startSesEmulator(group, { host: "127.0.0.1", port: ports.email, quiet })),
      controlled(() => startS3Emulator(group, { port: ports.receipts, directory: join(dataDir, "receipts"), quiet })),
    ]);
    // The API's receipts go through it (creating the bucket is its only setup call), so no SDK logger either.
    const s3 = withoutSdkLogger(localS3Client(ports.receipts));
    await ensureBucket(s3, LOCAL_RECEIPTS_BUCKET);
    identityGuard = guard;

    const setupClient = localDynamoClient(ports.dynamodb);
    await ensureTable(setupClient, TABLE_NAME);
    // DynamoDB Local does not enforce IAM, so one client serves every tenant; in AWS each tenant's is scoped.
    const databaseOf = (client: DynamoDBClient) => {
      const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
      return {
        doc,
        db: new Database(
          TABLE_NAME,
          async () => doc,
          async () => doc,
        ),
      };
    };
    // Setup, seeding and the tests' own writes wait as long as a cold JVM needs; the API and the relay get
    // the timeouts and retries they have in AWS.
    const { db } = databaseOf(setupClient);
    // Built as aws-deps.ts builds the functions' clients: the SDK's timeouts and retries, without its logger.
    const raw = withoutSdkLogger(localDynamoClient(ports.dynamodb, { resilient: true }));
    const { doc, db: apiDb } = databaseOf(raw);
    const identity = await ensureUserPool(identityDir, ports.identity);
    userPoolId = identity.userPoolId;
    await seedDemoData(db, identity);
    // The demo users have set up an authenticator app with the published demo secret (README).
    for (const u of demoUsers) await enrolments.enrolIfAbsent(u.email, DEMO_TOTP_SECRET);

    const sesClient = emailClient;
    // Lambda's stream trigger, played locally: outbox items become e-mails in the SES emulator.
    relay = startOutboxRelay({
      raw,
      endpoint: `http://127.0.0.1:${ports.dynamodb}`,
      tableName: TABLE_NAME,
      ports: outboxPorts({ doc, tableName: TABLE_NAME, ses: sesClient, from: "no-reply@tandem.localhost" }),
    });
    const jwksUrl = `${issuerFor(identity)}/.well-known/jwks.json`;
    const deps: Deps = {
      db: apiDb,
      // s3rver enforces no IAM: the store's own prefix check is what confines a council locally.
      receipts: s3ReceiptStore({ bucket: LOCAL_RECEIPTS_BUCKET, clientFor: async () => s3 }),
      verifyToken: createTokenVerifier({ issuer: issuerFor(identity), audience: identity.clientId }),
      identity: cognitoIdentityAdmin(
        withoutSdkLogger(cognitoClient(ports.identity, { resilient: true })),
        identity.userPoolId,
      ),
      publicBaseUrl: process.env.TANDEM_PUBLIC_URL ?? `http://localhost:${ports.http}`,
      health: {
        table: async () => {
          await doc.send(new GetCommand({ TableName: TABLE_NAME, Key: { pk: keys.platformPartition, sk: "HEALTH" } }));
          return { status: "up" };
        },
        email: async () => {
          await sesClient.send(new GetAccountCommand({}));
          return { status: "up" };
        },
        identity: async () => {
          const res = await fetch(jwksUrl, { signal: AbortSignal.timeout(2000) });
          return res.ok ? { status: "up" } : { status: "down", detail: `JWKS answered ${res.status}` };
        },
        receipts: async () => {
          await s3.send(new HeadBucketCommand({ Bucket: LOCAL_RECEIPTS_BUCKET }));
          return { status: "up" };
        },
      },
      publicConfig: {
        auth: { endpoint: endpointFor(ports.identity), clientId: identity.clientId, region: "eu-west-2" },
      },
      // Tests play many addresses through X-Forwarded-For; nothing sits in front of the local server.
      trustedProxyHops: 1,
      // No CDN locally, so no origin secret to require; a fixed key is enough for a developer's machine.
      originSecret: null,
      addressHashKey: "tandem-local-address-hash-key",
      reportCapacity: opts.reportCapacity ?? process.env.TANDEM_REPORT_CAPACITY === "1",
      pageShell: existsSync(join(webDist, "index.html")) ? readFileSync(join(webDist, "index.html"), "utf8") : null,
    };

    jobTimer = startJobTimer(opts.scheduledJobEveryMs ?? 60_000, () =>
      runScheduledJob({ db: apiDb, publicBaseUrl: deps.publicBaseUrl }),
    );
    benchmarkTimer = startJobTimer(
      opts.benchmarkEveryMs ?? 0,
      () => publishBenchmarks(apiDb, todayInLondon(), randomUUID()),
      "benchmark build failed",
    );
    const api = createApi(deps);
    const app = new Hono();
    // Everything under /api belongs to the API, including its JSON 404; the rest is the SPA.
    app.all("/api/*", (c) => api.fetch(c.req.raw, c.env));
    // The public forms' pages posted without JavaScript are the public function's too (ADR 15).
    for (const form of ["refer", "volunteer"]) {
      app.post(`/:slug/${form}`, (c) => api.fetch(c.req.raw, c.env));
      app.post(`/:slug/${form}/*`, (c) => api.fetch(c.req.raw, c.env));
    }
    app.use("*", spaHeaders(ports.identity));
    // CloudFront compresses the SPA's files in AWS (infra/lib/web.ts); so does this server, so a phone on
    // the local stack (the bench's Lighthouse run) fetches what it would fetch from the real site.
    app.use("*", compress());
    if (existsSync(join(webDist, "index.html"))) {
      app.use("*", serveStatic({ root: webDist }));
      app.get("*", serveStatic({ root: webDist, path: "index.html" }));
    } else {
      app.get("*", (c) => c.text("The SPA is not built yet: run `pnpm --filter @tandem/web build`, then reload.", 503));
    }
    http = await new Promise<ReturnType<typeof serve>>((resolveServe) => {
      // An API request goes straight to the API's app, as API Gateway sends it straight to its function in
      // AWS: routing it through this site's app first cost a second Hono dispatch on every API call (bench 1).
      // The path is read from the request's URL text (after "scheme://host") rather than parsed with new URL.
      const fetch = (req: Request, env: unknown) => (isApiPath(req.url) ? api.fetch(req, env) : app.fetch(req, env));
      const server = serve({ fetch, port: ports.http, hostname: "0.0.0.0" }, () => resolveServe(server));
    });
    return {
      url: `http://localhost:${ports.http}`,
      ports,
      identity,
      db,
      mailboxUrl: `http://localhost:${ports.email}`,
      emulators: { dynamodb, email, receipts },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * EventBridge Scheduler, played locally: the same job on a timer. A run still going when the next is due
 * is not overlapped; a failed run is logged and the next tick tries again (as the scheduler retries).
 */
function startJobTimer(
  everyMs: number,
  run: () => Promise<unknown>,
  failure = "scheduled job failed",
): { stop(): Promise<void> } {
  if (everyMs <= 0) return { stop: async () => {} };
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = run()
      .catch((e) => apiLogger.error(failure, { error: e instanceof Error ? e.message : String(e) }))
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** An emulator's process, started by `start`, that can be killed and started again. */
async function controlled(start: () => Promise<ChildProcess>): Promise<EmulatorControl> {
  let child = await start();
  return {
    get pid() {
      if (child.pid === undefined) throw new Error("The emulator's process has no id (it failed to start)");
      return child.pid;
    },
    async restart() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, "exit");
        child.kill("SIGKILL");
        await exited;
      }
      child = await start();
    },
  };
}

/** The SPA's pages: a strict CSP (no inline script or style) and the usual security headers. */
function spaHeaders(identityPort: number) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", `http://localhost:${identityPort}`],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: "no-referrer",
    xFrameOptions: "DENY",
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}
