import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalStack } from "@tandem/local";
import { lighthouseSection, runLighthouse } from "./lighthouse.js";
import { measureWebBundles, webBundleSection } from "./web-bundles.js";

/**
 * Only the SPA's figures (`pnpm --filter @tandem/bench bench:lighthouse`): its first-load JavaScript and
 * Lighthouse on the public pages, on a stack of its own. Build the SPA first (the script does).
 */
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
process.stdout.write(`${webBundleSection(measureWebBundles()).text}\n\n`);
const loadBefore = loadavg()[0] ?? 0;
const port = Number(process.env.BENCH_PORT ?? 3600);
const dataDir = await mkdtemp(join(tmpdir(), "tandem-bench-lighthouse-"));
const stack = await startLocalStack({ port, dataDir, quiet: true, scheduledJobEveryMs: 0 });
try {
  const pages = await runLighthouse({ baseUrl: stack.url, mailboxUrl: stack.mailboxUrl }, log, 3);
  process.stdout.write(
    `${lighthouseSection(pages).text}\n   1-minute load average (uptime) before ${loadBefore.toFixed(2)}, after ${(loadavg()[0] ?? 0).toFixed(2)}, on ${cpus().length} cores\n`,
  );
} finally {
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
