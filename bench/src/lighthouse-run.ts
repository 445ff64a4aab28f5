import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
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
const port = Number(process.env.BENCH_PORT ?? 3600);
const dataDir = await mkdtemp(join(tmpdir(), "tandem-bench-lighthouse-"));
const stack = await startLocalStack({ port, dataDir, quiet: true, scheduledJobEveryMs: 0 });
try {
  const pages = await runLighthouse({ baseUrl: stack.url, mailboxUrl: stack.mailboxUrl }, log);
  process.stdout.write(`${lighthouseSection(pages).text}\n`);
} finally {
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
