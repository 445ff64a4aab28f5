import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalStack } from "@tandem/local";
import { ApiClient } from "./api-client.js";
import { LATENCY, latencySection, runLatency } from "./latency.js";

/** Only the read latency section (`pnpm --filter @tandem/bench bench:latency`), on its own stack. */
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const port = Number(process.env.BENCH_PORT ?? 3580);
const dataDir = await mkdtemp(join(tmpdir(), "tandem-bench-latency-"));
const stack = await startLocalStack({ port, dataDir, quiet: true, reportCapacity: true, scheduledJobEveryMs: 0 });
try {
  log(`measuring read latency (${LATENCY.iterations} pairs after ${LATENCY.warmup} warm-up)`);
  const result = await runLatency(stack, new ApiClient(stack), LATENCY);
  process.stdout.write(`${latencySection(result).text}\n`);
} finally {
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
