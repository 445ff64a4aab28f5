import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat, symlink } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleFunction } from "@tandem/api/bundle-function";
import { lambdaEntries, lambdaEntryFile } from "@tandem/api/bundling";
import type { Metafile } from "esbuild";
import { atMost, kb, median, ms, type Row, ratio, table } from "./stats.js";

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(benchDir, "..");
const apiDir = join(repoRoot, "services", "api");

export { lambdaEntries };

const BASELINE = "baseline";

/** What a handler reads from its environment at module initialisation, with harmless values. */
export const handlerEnv: Record<string, string> = {
  TABLE_NAME: "tandem",
  JWT_ISSUER: "http://localhost:1/pool",
  JWT_AUDIENCE: "x",
  USER_POOL_ID: "eu-west-2_bench",
  PUBLIC_BASE_URL: "https://tandem.example",
  TENANT_ROLE_ARN: "arn:aws:iam::123456789012:role/x",
  AWS_REGION: "eu-west-2",
  EMAIL_FROM: "a@b.c",
  ORIGIN_SECRET: "bench-origin-secret",
  ADDRESS_HASH_KEY: "bench-address-hash-key",
};

export interface BundleResult {
  name: string;
  isBaseline: boolean;
  bytes: number;
  /** The five packages (or source folders) that add most bytes to the output. */
  largest: { name: string; bytes: number }[];
  /** Modules shipped beside the bundle and imported only when a request needs them (not in `bytes`). */
  side: { name: string; bytes: number }[];
  initMs: number[];
}

export interface BundleReport {
  bundles: BundleResult[];
  /** The @aws-sdk packages the bundles import at run time, and where node finds each. */
  externals: { name: string; from: string }[];
  outDir: string;
}

/**
 * Bundles a Lambda entry as infra/lib/lambda.ts deploys it: services/api's bundleFunction, which infra runs during
 * synth (the aliases and defines of services/api/src/bundling.ts, our unused top-level schemas dropped, with the
 * files and side modules beside it). `outfile` is the bundle's `index.mjs`; its folder is the function's asset.
 */
export async function bundle(
  name: string,
  entry: string,
  outfile: string,
): Promise<{ meta: Metafile; side: { name: string; bytes: number }[] }> {
  if (basename(outfile) !== "index.mjs") throw new Error(`A function's bundle is index.mjs, not ${outfile}`);
  const { meta, side } = await bundleFunction({ name, entry, outDir: dirname(outfile) });
  return { meta, side };
}

/** Groups the output's bytes by npm package (or by source folder for workspace code). */
function largestInputs(meta: Metafile): { name: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const output of Object.values(meta.outputs)) {
    for (const [path, info] of Object.entries(output.inputs)) {
      const nm = path.lastIndexOf("node_modules/");
      let name: string;
      if (nm >= 0) {
        const parts = path.slice(nm + "node_modules/".length).split("/");
        name = parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1] ?? ""}` : (parts[0] ?? path);
      } else {
        const parts = relative(repoRoot, resolve(repoRoot, path)).split("/");
        name = parts.slice(0, 2).join("/");
      }
      totals.set(name, (totals.get(name) ?? 0) + info.bytesInOutput);
    }
  }
  return [...totals.entries()]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
}

function externalImports(meta: Metafile): string[] {
  const names = new Set<string>();
  for (const output of Object.values(meta.outputs)) {
    for (const imp of output.imports) if (imp.external && imp.path.startsWith("@aws-sdk/")) names.add(imp.path);
  }
  return [...names];
}

/** The package name of an import path (`@aws-sdk/x/sub` -> `@aws-sdk/x`). */
const packageOf = (path: string) => path.split("/").slice(0, 2).join("/");

/**
 * Makes the SDK packages the bundles leave external resolvable from the output folder, as the
 * Lambda runtime provides them. bench/node_modules only has the DynamoDB clients; the others
 * (client-sts, client-sesv2) are linked from services/api/node_modules into `<out>/node_modules`.
 * NODE_PATH would not do: node ignores it when resolving ESM `import`s.
 */
async function linkExternals(outDir: string, imports: string[]): Promise<{ name: string; from: string }[]> {
  const found: { name: string; from: string }[] = [];
  for (const name of [...new Set(imports.map(packageOf))].sort()) {
    const fromBench = join(benchDir, "node_modules", name);
    if (existsSync(fromBench)) {
      found.push({ name, from: "bench/node_modules" });
      continue;
    }
    const fromApi = join(apiDir, "node_modules", name);
    if (!existsSync(fromApi))
      throw new Error(`${name} is imported by a bundle but installed neither in bench nor in services/api`);
    const link = join(outDir, "node_modules", name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(fromApi, link, "dir");
    found.push({ name, from: "services/api/node_modules (linked into the output folder)" });
  }
  return found;
}

const probe = `
const t0 = performance.now();
await import(process.argv[1]);
const t1 = performance.now();
process.stdout.write(JSON.stringify({ ms: t1 - t0 }));
`;

/** Imports a bundle in a fresh node process (cold module cache) and returns how long the import took. */
function measureInit(bundlePath: string): Promise<number> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", probe, pathToFileURL(bundlePath).href], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...handlerEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new Error(`Importing ${bundlePath} failed (exit ${code}): ${err.trim()}`));
        return;
      }
      const parsed = JSON.parse(out) as { ms: unknown };
      if (typeof parsed.ms !== "number") reject(new Error(`Unexpected probe output: ${out}`));
      else resolveRun(parsed.ms);
    });
  });
}

export async function runBundles(opts: { repeats: number; log: (s: string) => void }): Promise<BundleReport> {
  const outRoot = join(benchDir, ".out");
  await mkdir(outRoot, { recursive: true });
  const outDir = await mkdtemp(join(outRoot, "bundles-"));
  try {
    const entries: { name: string; entry: string; isBaseline: boolean }[] = [
      ...lambdaEntries.map((name) => ({ name, entry: lambdaEntryFile(name), isBaseline: false })),
      { name: BASELINE, entry: join(benchDir, "src", "baseline-lambda.ts"), isBaseline: true },
    ];
    const built: (BundleResult & { path: string; imports: string[] })[] = [];
    for (const e of entries) {
      // Each in its own folder, as each function is its own asset (files and side modules beside it).
      const path = join(outDir, e.name, "index.mjs");
      const { meta, side } = await bundle(e.name, e.entry, path);
      built.push({
        side,
        name: e.name,
        isBaseline: e.isBaseline,
        path,
        bytes: (await stat(path)).size,
        largest: largestInputs(meta),
        imports: externalImports(meta),
        initMs: [],
      });
    }
    const externals = await linkExternals(
      outDir,
      built.flatMap((b) => b.imports),
    );
    opts.log(`bundled ${built.length} entries into ${relative(repoRoot, outDir)}; measuring module init`);

    // One discarded import each warms the file cache; then rounds alternate between bundles so drift hits all alike.
    for (const b of built) await measureInit(b.path);
    for (let i = 0; i < opts.repeats; i++) {
      for (const b of built) b.initMs.push(await measureInit(b.path));
    }
    return {
      bundles: built.map(({ path: _p, imports: _i, ...b }) => b),
      externals,
      outDir: relative(repoRoot, outDir),
    };
  } finally {
    if (process.env.BENCH_KEEP_BUNDLES !== "1") await rm(outDir, { recursive: true, force: true });
  }
}

export const baselineOf = (r: BundleReport) => r.bundles.find((b) => b.isBaseline);
export const initMedian = (b: BundleResult) => median(b.initMs);

const TARGETS = { bundleKb: 250, initRatio: 2 };
export const INIT_REPEATS = 15;

/** The report's section 2 (printed by run.ts, and alone by bundles-run.ts). */
export function bundleSection(r: BundleReport): { text: string; rows: Row[] } {
  const base = baselineOf(r);
  const baseInit = base ? initMedian(base) : Number.NaN;
  const rows: Row[] = [];
  const cells: string[][] = [];
  for (const b of r.bundles) {
    const sizeKb = b.bytes / 1024;
    const init = initMedian(b);
    const initRatio = init / baseInit;
    const sizeRow: Row = {
      measure: `${b.name} size`,
      value: kb(b.bytes),
      target: `<= ${TARGETS.bundleKb} KB`,
      result: b.isBaseline ? "info" : atMost(sizeKb, TARGETS.bundleKb),
    };
    const initRow: Row = {
      measure: `${b.name} init vs baseline`,
      value: ratio(initRatio),
      target: `<= ${TARGETS.initRatio}x`,
      result: b.isBaseline ? "info" : atMost(initRatio, TARGETS.initRatio),
    };
    rows.push(sizeRow, initRow);
    cells.push([
      b.isBaseline ? `${b.name} (Hono + DynamoDB doc client)` : `${b.name}.ts`,
      kb(b.bytes),
      b.isBaseline ? "-" : `${sizeRow.target} ${sizeRow.result}`,
      ms(init),
      `${ms(Math.min(...b.initMs))} / ${ms(Math.max(...b.initMs))}`,
      b.isBaseline ? "1.00x (reference)" : `${initRow.value}`,
      b.isBaseline ? "-" : `${initRow.target} ${initRow.result}`,
    ]);
  }
  const contributors = r.bundles.map(
    (b) => `   ${b.name.padEnd(13)} ${b.largest.map((l) => `${l.name} ${kb(l.bytes)}`).join(", ")}`,
  );
  const text = [
    "2. LAMBDA BUNDLES: services/api's bundleFunction, as infra deploys them (bundle, minify, node24, ESM,",
    "   @aws-sdk/* external, zod without locales, @hono/zod-openapi without its registry, unused top-level consts dropped)",
    `   Init = performance.now() around \`await import(bundle)\` in a fresh node process, median of ${INIT_REPEATS}`,
    `   (one discarded warm-up import each; rounds alternate between bundles). Node ${process.version} here, not Lambda's nodejs24.x.`,
    "",
    table(
      ["Bundle", "Minified", "Size target", "Init median", "Init min / max", "Init vs baseline", "Init target"],
      cells,
    ),
    "",
    "   Largest contributors to each bundle (bytes in output):",
    ...contributors,
    "",
    "   Beside a bundle, imported only by the requests that need them (not in its size or init; ADR 23):",
    ...r.bundles.flatMap((b) => b.side.map((m) => `   ${b.name.padEnd(13)} node_modules/${m.name} ${kb(m.bytes)}`)),
    "",
    "   @aws-sdk packages left external, and where node resolved them for the init measurement:",
    ...r.externals.map((e) => `   ${e.name.padEnd(26)} ${e.from}`),
  ].join("\n");
  return { text, rows };
}
