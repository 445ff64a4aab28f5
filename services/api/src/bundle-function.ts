import { copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";
import {
  besideBundle,
  bundleAliases,
  bundleDefines,
  type LambdaEntry,
  sideModulePackageJson,
  sideModules,
} from "./bundling.js";
import { markPureTopLevel } from "./pure-top-level.js";

/**
 * How every Lambda function is bundled: infra/lib/lambda.ts runs it through scripts/bundle-function.ts (CDK's
 * NodejsFunction runs the esbuild CLI, which takes no plugin) and bench/src/bundles.ts calls it, so the bench
 * measures what is deployed by construction. No AWS import here.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** Our own TypeScript, where `markPureTopLevel` applies: the packages, the API's source, the SPA's (forms, i18n). */
export const isOwnSource = (path: string, root = repoRoot) =>
  /\.tsx?$/.test(path) &&
  !path.endsWith(".d.ts") &&
  !path.split(sep).includes("node_modules") &&
  [join(root, "packages"), join(root, "services", "api", "src"), join(root, "web", "src")].some((dir) =>
    path.startsWith(dir + sep),
  );

const rewritten = new Map<string, string>();

/** esbuild plugin: our modules' unused top-level `const X = <call>` declarations leave the bundle (pure-top-level.ts). */
export const pureTopLevelPlugin: Plugin = {
  name: "tandem-pure-top-level",
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.namespace !== "file" || !isOwnSource(args.path)) return undefined;
      const source = await readFile(args.path, "utf8");
      // Every function imports much the same modules: parse each version of a file once per process.
      let contents = rewritten.get(source);
      if (contents === undefined) {
        contents = markPureTopLevel(source, args.path);
        rewritten.set(source, contents);
      }
      return { contents, loader: args.path.endsWith(".tsx") ? "tsx" : "ts" };
    });
  },
};

/** CommonJS inside a bundle may call require(); an ES module has none, so every bundle provides one. */
const BANNER =
  "import { createRequire as __tandemCreateRequire } from 'node:module';const require = __tandemCreateRequire(import.meta.url);";

export interface BundleOptions {
  /** The function's name (`lambdaEntries`), which picks its aliases' defines, side modules and files beside. */
  readonly name: string;
  /** The entry file (it exports `handler`). */
  readonly entry: string;
  /** The asset folder: `index.mjs`, `index.mjs.map`, files beside and `node_modules/<side module>`. */
  readonly outDir: string;
  /** More files of this deployment copied beside the bundle (the SPA's index.html for public-forms). */
  readonly filesBeside?: readonly string[];
}

export interface BundleOutput {
  readonly meta: Metafile;
  /** Bytes of `index.mjs`. */
  readonly bytes: number;
  /** Each side module's `index.mjs` and its bytes (not in `bytes`). */
  readonly side: { name: string; bytes: number }[];
}

/**
 * Bundles one function into `outDir` as deployed: a minified ES module for node24 with a source map (no sources
 * content), `@aws-sdk/*` left to the runtime, the aliases and defines of bundling.ts, our unused top-level
 * schemas dropped, its side modules bundled under `node_modules/<name>/index.mjs`, and its files beside.
 */
export async function bundleFunction(opts: BundleOptions): Promise<BundleOutput> {
  const name = opts.name as LambdaEntry;
  const sides = sideModules[name] ?? [];
  const outfile = join(opts.outDir, "index.mjs");
  await mkdir(opts.outDir, { recursive: true });
  const result = await build({
    entryPoints: [opts.entry],
    outfile,
    bundle: true,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    platform: "node",
    target: "node24",
    format: "esm",
    mainFields: ["module", "main"],
    external: ["@aws-sdk/*", ...sides.map((s) => s.name)],
    alias: bundleAliases,
    define: bundleDefines[name] ?? {},
    banner: { js: BANNER },
    plugins: [pureTopLevelPlugin],
    metafile: true,
    absWorkingDir: repoRoot,
    logLevel: "warning",
  });
  for (const file of [...(besideBundle[name] ?? []), ...(opts.filesBeside ?? [])]) {
    await copyFile(file, join(opts.outDir, basename(file)));
  }
  const side: { name: string; bytes: number }[] = [];
  for (const s of sides) {
    const dir = join(opts.outDir, "node_modules", s.name);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "package.json"), sideModulePackageJson(s));
    // Third-party code or our catalogues, loaded whole when loaded at all: nothing for the plugin to drop.
    await build({
      entryPoints: [s.entry],
      outfile: join(dir, "index.mjs"),
      bundle: true,
      minify: true,
      platform: "node",
      target: "node24",
      format: "esm",
      banner: { js: BANNER },
      absWorkingDir: repoRoot,
      logLevel: "warning",
    });
    side.push({ name: s.name, bytes: (await stat(join(dir, "index.mjs"))).size });
  }
  return { meta: result.metafile, bytes: (await stat(outfile)).size, side };
}
