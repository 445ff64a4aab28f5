import { bundleSection, INIT_REPEATS, runBundles } from "./bundles.js";

/** Only the Lambda bundles section (`pnpm --filter @tandem/bench bench:bundles`): no stack, no SPA build. */
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const report = await runBundles({ repeats: INIT_REPEATS, log });
const { text, rows } = bundleSection(report);
const count = (r: string) => rows.filter((row) => row.result === r).length;
process.stdout.write(`${text}\n\n   ${count("PASS")} PASS, ${count("MISS")} MISS\n`);
