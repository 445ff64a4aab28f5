import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { atMost, kb, type Row, table } from "./stats.js";

/**
 * The SPA's JavaScript as a browser downloads it for a first visit, from the built `web/dist`
 * (build it first: `pnpm --filter @tandem/web build`). A page's first load is the entry script
 * named in index.html plus, for a route whose page is a dynamic import, that chunk, each with
 * every chunk it imports statically (Vite preloads them together). Sizes are gzip (level 9), as
 * served compressed.
 */

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = resolve(benchDir, "..", "web", "dist");

/** The public referral form's first load, in gzipped KB: issue 4 allowed 100; issue 11 keeps it at its size then. */
export const REFERRAL_FORM_TARGET_KB = 55.5;

export interface WebLoad {
  name: string;
  route: string;
  files: { file: string; gzip: number }[];
  gzip: number;
  target: number | null;
}

export interface WebBundleReport {
  loads: WebLoad[];
  /** True when the workspace chunk is not part of the referral form's first load. */
  workspaceSeparate: boolean;
  /** The chunks the workspace's first load adds to the entry that carry the public forms' pages (none, since issue 11). */
  publicFormInWorkspace: string[];
  /** The modules of `src/public` the workspace's first load carries: the referral's definition, shared by design. */
  publicModulesInWorkspace: string[];
  zodInEntry: boolean;
}

const read = (file: string) => readFileSync(join(dist, "assets", file), "utf8");

/** `import{…}from"./x.js"`, `import"./x.js"` and `export{…}from"./x.js"`: the chunks loaded with this one. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[^"';()]*?\bfrom\s*)?["']\.\/([\w.-]+\.js)["']/g)) {
    if (m[1]) found.add(m[1]);
  }
  return [...found];
}

function closure(start: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(read(file)));
  }
  return [...seen];
}

/** The first chunk whose name (before Vite's hash) is `name`: `refer` finds `refer-D2rEDh4P.js`. */
function chunk(files: readonly string[], name: string): string {
  const found = files.find((f) => new RegExp(`^${name}-[\\w-]{8}\\.js$`).test(f));
  if (!found) throw new Error(`No ${name}-*.js chunk in web/dist/assets: has the SPA changed shape?`);
  return found;
}

/**
 * The referral form's questions, checks, refusal messages and draft reading: the workspace's "enter a referral
 * received on paper" page asks the same questions with the same rules, so it loads them by design.
 * Every other module under src/public/refer and src/public/volunteer is a public form's pages.
 */
const SHARED_DEFINITIONS = [
  "public/refer/questions.ts",
  "public/refer/validate.ts",
  "public/refer/refusal.ts",
  "public/refer/drafted.ts",
];

/** The SPA's own modules a chunk was built from (from its source map), as paths under web/src. */
function webSources(file: string): string[] {
  const mapFile = join(dist, "assets", `${file}.map`);
  if (!existsSync(mapFile)) throw new Error(`No source map for ${file}: the bench reads chunks' modules from them`);
  const map = JSON.parse(readFileSync(mapFile, "utf8")) as { sources: string[] };
  return map.sources.flatMap((s) => {
    const at = s.indexOf("/src/");
    return at >= 0 && !s.includes("node_modules") && !s.includes("packages/") ? [s.slice(at + "/src/".length)] : [];
  });
}

const isFormPage = (module: string) =>
  /^public\/(refer|volunteer)\//.test(module) && !SHARED_DEFINITIONS.includes(module);

function load(name: string, route: string, files: string[], target: number | null): WebLoad {
  const sized = files.map((file) => ({ file, gzip: gzipSync(read(file), { level: 9 }).length }));
  return { name, route, files: sized, gzip: sized.reduce((n, f) => n + f.gzip, 0), target };
}

export function measureWebBundles(): WebBundleReport {
  const html = join(dist, "index.html");
  if (!existsSync(html)) throw new Error("web/dist is missing: run `pnpm --filter @tandem/web build` first");
  const entry = /<script[^>]+src="\/assets\/([^"]+\.js)"/.exec(readFileSync(html, "utf8"))?.[1];
  if (!entry) throw new Error("No entry script in web/dist/index.html");
  const all = (readFileSync(join(dist, "assets", entry), "utf8").match(/assets\/[\w.-]+\.js/g) ?? []).map((p) =>
    p.slice("assets/".length),
  );
  const entryFiles = closure([entry]);
  const referFiles = closure([entry, chunk(all, "refer")]);
  const workspaceOnly = closure([chunk(all, "workspace")]).filter((f) => !entryFiles.includes(f));
  const loads = [
    load("council's referral start page", "/{slug}/refer", entryFiles, null),
    load("public referral form", "/{slug}/refer/child", referFiles, REFERRAL_FORM_TARGET_KB * 1024),
    load("workspace chunks (after sign-in)", "/workspace/referrals", workspaceOnly, null),
  ];
  return {
    loads,
    workspaceSeparate: !referFiles.includes(chunk(all, "workspace")),
    // After sign-in the entry is already loaded (the council's start pages are in it by design).
    publicFormInWorkspace: workspaceOnly.filter((f) => webSources(f).some(isFormPage)),
    publicModulesInWorkspace: workspaceOnly.flatMap((f) => webSources(f).filter((m) => m.startsWith("public/"))),
    zodInEntry: entryFiles.some((f) => read(f).includes("zod")),
  };
}

export function webBundleSection(r: WebBundleReport): { text: string; rows: Row[] } {
  const rows: Row[] = r.loads.map((l) => ({
    measure: `${l.name} JS gzip`,
    value: kb(l.gzip),
    target: l.target === null ? "" : `<= ${kb(l.target)}`,
    result: l.target === null ? "info" : atMost(l.gzip, l.target),
  }));
  rows.push({
    measure: "workspace is a separate chunk",
    value: r.workspaceSeparate ? "yes" : "no",
    target: "yes",
    result: r.workspaceSeparate ? "PASS" : "MISS",
  });
  const formFree = r.publicFormInWorkspace.length === 0;
  rows.push({
    measure: "workspace first load without the public form chunk",
    value: formFree ? "yes" : "no",
    target: "yes",
    result: formFree ? "PASS" : "MISS",
  });
  const text = [
    "SPA FIRST LOAD: gzipped JavaScript a browser fetches for a route's first visit (web/dist, gzip -9)",
    "   entry script from index.html + the route's dynamic chunk, each with its static imports.",
    "",
    table(
      ["Load", "Route", "Chunks", "JS gzip", "Target", "Result"],
      r.loads.map((l, i) => [
        l.name,
        l.route,
        l.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(", "),
        kb(l.gzip),
        rows[i]?.target ?? "",
        rows[i]?.result ?? "",
      ]),
    ),
    "",
    `   workspace chunk outside the referral form's first load: ${r.workspaceSeparate ? "yes" : "NO"}`,
    `   workspace's first load includes the public form chunk: ${formFree ? "no" : `YES (${r.publicFormInWorkspace.join(", ")})`}`,
    `     (from src/public it carries only: ${r.publicModulesInWorkspace.join(", ") || "nothing"})`,
    `   zod in the entry chunk (the council's other public pages): ${r.zodInEntry ? "YES" : "no"}`,
  ].join("\n");
  return { text, rows };
}

// `tsx src/web-bundles.ts`: this section alone, without the local stack.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${webBundleSection(measureWebBundles()).text}\n`);
}
