import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type ProcessGroup, waitForPort } from "../processes.js";

const require = createRequire(import.meta.url);

/** What the emulator's GetAccount answers (it reads it from this variable); the health check calls it. */
const LOCAL_ACCOUNT = {
  DedicatedIpAutoWarmupEnabled: false,
  Details: {
    AdditionalContactEmailAddresses: [],
    ContactLanguage: "EN",
    MailType: "TRANSACTIONAL",
    ReviewDetails: { CaseId: "local", Status: "GRANTED" },
    UseCaseDescription: "Tandem local development",
    WebsiteURL: "http://localhost",
  },
  EnforcementStatus: "HEALTHY",
  ProductionAccessEnabled: true,
  SendingEnabled: true,
  SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 0 },
  SuppressionAttributes: { SuppressedReasons: [] },
};

/**
 * The emulator runs as its own process (its command-line entry), like DynamoDB Local and cognito-local, so it
 * can be stopped, paused or killed on its own: the fault tests do that to show e-mails wait in the outbox.
 */
export async function startSesEmulator(group: ProcessGroup, opts: { host: string; port: number; quiet: boolean }) {
  const pkg = dirname(require.resolve("aws-ses-v2-local/package.json"));
  const child = group.start(
    "email",
    process.execPath,
    [join(pkg, "dist", "cli.js"), "--host", opts.host, "--port", String(opts.port)],
    { cwd: pkg, env: { AWS_SES_ACCOUNT: JSON.stringify(LOCAL_ACCOUNT) }, quiet: opts.quiet },
  );
  await waitForPort(opts.port, "the SES emulator (aws-ses-v2-local)");
  return child;
}
