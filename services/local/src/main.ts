import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { DEMO_PASSWORD, demoUsers } from "./demo-data.js";
import { startLocalStack } from "./stack.js";

/** `pnpm start`: runs Tandem on this machine until Ctrl-C. */
const java = spawnSync("java", ["-version"], { encoding: "utf8" });
const version = /version "(\d+)/.exec(`${java.stderr ?? ""}${java.stdout ?? ""}`)?.[1];
if (java.error || !version || Number(version) < 17) {
  console.error(
    "Tandem needs Java 17 or newer for DynamoDB Local.\n" +
      "  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n" +
      "  macOS: brew install openjdk@17\n" +
      "  Windows: winget install Microsoft.OpenJDK.17",
  );
  process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.TANDEM_DATA_DIR ?? resolve(import.meta.dirname, "../../../.data"));
// The benchmark across councils is built daily in AWS; every minute here, like the scheduled job.
const stack = await startLocalStack({ port, dataDir, benchmarkEveryMs: 60_000 });
console.log(`
Tandem is running.
  App:             ${stack.url}/
  API reference:   ${stack.url}/api/docs   (OpenAPI: ${stack.url}/api/openapi.json)
  Health:          ${stack.url}/api/health
  E-mail mailbox:  ${stack.mailboxUrl}/
  Receipts (S3):   s3rver on port ${stack.ports.receipts}, bucket tandem-receipts
  Data kept in:    ${dataDir}
Demo users (password ${DEMO_PASSWORD}): ${demoUsers.map((u) => u.email).join(", ")}
Press Ctrl-C to stop.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping Tandem and its emulators...");
    await stack.stop();
    process.exit(0);
  });
}
