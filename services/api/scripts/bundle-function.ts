import { resolve } from "node:path";
import { bundleFunction } from "../src/bundle-function.js";
import { type LambdaEntry, lambdaEntries, lambdaEntryFile } from "../src/bundling.js";

/**
 * `tsx scripts/bundle-function.ts <function> <out dir> [file beside...]`: bundles one Lambda function into a
 * folder, as infra/lib/lambda.ts deploys it (its `Code.fromCustomCommand` runs this during synth).
 */
const [name, outDir, ...filesBeside] = process.argv.slice(2);
if (!name || !outDir || !lambdaEntries.includes(name as LambdaEntry)) {
  process.stderr.write(`usage: bundle-function <${lambdaEntries.join("|")}> <out dir> [file beside...]\n`);
  process.exit(2);
}
await bundleFunction({
  name,
  entry: lambdaEntryFile(name),
  outDir: resolve(outDir),
  filesBeside: filesBeside.map((f) => resolve(f)),
});
