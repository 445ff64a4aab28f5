import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LambdaEntry, lambdaEntries, lambdaEntryFile } from "@tandem/api/bundling";
import { bundle } from "./bundles.js";

/**
 * Why a function's bundle is the size it is: bundles the named functions as section 2 does (no init rounds,
 * no stack) and prints each one's size and its largest input modules, all of them into a file beside.
 * `pnpm --filter @tandem/bench bench:inputs matches reviews` (no names: every function).
 */
const names = process.argv.slice(2).length ? process.argv.slice(2) : [...lambdaEntries];
const dir = await mkdtemp(join(tmpdir(), "tandem-inputs-"));
try {
  for (const name of names) {
    if (!lambdaEntries.includes(name as LambdaEntry))
      throw new Error(`No function named ${name}: ${lambdaEntries.join(", ")}`);
    const { meta } = await bundle(name, lambdaEntryFile(name), join(dir, name, "index.mjs"));
    // The bundle, not its source map (an output of its own).
    const output = Object.entries(meta.outputs).find(([path]) => path.endsWith("index.mjs"))?.[1];
    if (!output) throw new Error(`esbuild wrote nothing for ${name}`);
    const rows = Object.entries(output.inputs)
      .map(([path, info]) => ({ path: path.replace(/.*node_modules\//, "node_modules/"), bytes: info.bytesInOutput }))
      .filter((r) => r.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes);
    const lines = rows.map((r) => `${(r.bytes / 1024).toFixed(1).padStart(7)} KB  ${r.path}`);
    const listing = join(tmpdir(), `tandem-inputs-${name}.txt`);
    await writeFile(listing, `${lines.join("\n")}\n`);
    console.log(
      `${name}: ${(output.bytes / 1024).toFixed(1)} KB from ${rows.length} modules (all listed in ${listing})`,
    );
    console.log(lines.slice(0, 25).join("\n"));
    console.log("");
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
