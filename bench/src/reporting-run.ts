import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalStack } from "@tandem/local";
import { ApiClient } from "./api-client.js";
import { reportingSection, runReportingBench } from "./reporting.js";

/** Only the reporting section (`pnpm --filter @tandem/bench bench:reporting`), on its own stack. */
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const port = Number(process.env.BENCH_PORT ?? 3580);
const dataDir = await mkdtemp(join(tmpdir(), "tandem-bench-reporting-"));
const stack = await startLocalStack({ port, dataDir, quiet: true, reportCapacity: true });
try {
  const result = await runReportingBench(stack, new ApiClient(stack), log);
  process.stdout.write(`${reportingSection(result).text}\n`);
} finally {
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
