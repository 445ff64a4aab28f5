import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalStack, type StackOptions, startLocalStack } from "@tandem/local";

/**
 * A stack of the test file's own, for tests that break it (pausing or killing an emulator) and so must not
 * share the run's stack, or that read its logs. It sits 40 ports above the shared one, clear of that stack's ports.
 */
export async function startOwnStack(
  prefix: string,
  opts: Pick<StackOptions, "apiLogs" | "scheduledJobEveryMs"> = {},
): Promise<LocalStack & { dispose(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), `tandem-${prefix}-`));
  const port = Number(process.env.TANDEM_TEST_PORT ?? 3200) + 40;
  const stack = await startLocalStack({ port, dataDir, quiet: true, scheduledJobEveryMs: 0, ...opts });
  return Object.assign(stack, {
    async dispose() {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}
