import { join, resolve } from "node:path";
import { bundleFunction } from "../src/bundle-function.js";
import { type LambdaEntry, lambdaEntries, lambdaEntryFile } from "../src/bundling.js";

/**
 * `tsx scripts/bundle-function.ts <out root> <function>...`: bundles each named Lambda function into
 * `<out root>/<function>`, as infra/lib/lambda.ts deploys it (it runs this once per synth, for every function).
 */
const [outRoot, ...names] = process.argv.slice(2);
const unknown = names.filter((n) => !lambdaEntries.includes(n as LambdaEntry));
if (!outRoot || names.length === 0 || unknown.length > 0) {
  process.stderr.write(`usage: bundle-function <out root> <${lambdaEntries.join("|")}>...\n`);
  process.exit(2);
}
// esbuild builds them side by side; the plugin's rewrites are shared (each module parsed once).
await Promise.all(
  names.map((name) => bundleFunction({ name, entry: lambdaEntryFile(name), outDir: join(resolve(outRoot), name) })),
);
