import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalStack } from "@tandem/local";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    stack: { url: string; identityPort: number; userPoolId: string; clientId: string; dataDir: string };
  }
}

/**
 * Connected tests share one real local stack (DynamoDB Local, SES emulator, cognito-local) on a
 * fresh data folder, started once for the run and stopped at the end.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), "tandem-int-"));
  const stack = await startLocalStack({
    port: Number(process.env.TANDEM_TEST_PORT ?? 3200),
    dataDir,
    quiet: true,
    reportCapacity: true,
    // Tests run the scheduled job themselves (scheduled-job.int.test.ts), never behind another test's back.
    scheduledJobEveryMs: 0,
  });
  project.provide("stack", {
    url: stack.url,
    identityPort: stack.ports.identity,
    userPoolId: stack.identity.userPoolId,
    clientId: stack.identity.clientId,
    dataDir,
  });
  return async () => {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
