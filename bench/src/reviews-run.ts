import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalStack } from "@tandem/local";
import { ApiClient } from "./api-client.js";
import { reviewSection, runReviewBench } from "./reviews.js";

/** Only the reviews section (`pnpm --filter @tandem/bench bench:reviews`), on its own stack. */
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const port = Number(process.env.BENCH_PORT ?? 3580);
const dataDir = await mkdtemp(join(tmpdir(), "tandem-bench-reviews-"));
const stack = await startLocalStack({ port, dataDir, quiet: true, reportCapacity: true });
try {
  const result = await runReviewBench(stack, new ApiClient(stack), log);
  process.stdout.write(`${reviewSection(result).text}\n`);
} finally {
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
