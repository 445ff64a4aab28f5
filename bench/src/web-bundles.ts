import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { atMost, kb, type Row, table } from "./stats.js";

/**
 * The SPA's JavaScript as a browser downloads it for a first visit, from the built `web/dist`
 * (build it first: `pnpm --filter @tandem/web build`). A page's first load is the entry script
 * named in index.html, the message catalogue of its language (each is a chunk of its own, ADR 22)
 * and, for a route whose page is a dynamic import, that chunk, each with every chunk it imports
 * statically (Vite preloads them together). A signed-in area's load is what it adds to the entry
 * and catalogue, which sign-in has already fetched. Sizes are gzip (level 9), as served compressed.
 */

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = resolve(benchDir, "..", "web", "dist");

/** The public referral form's first load, in gzipped KB: issue 4 allowed 100; issue 11 keeps it at its size then. */
export const REFERRAL_FORM_TARGET_KB = 55.5;

/** The reporting dashboard's chunks, in gzipped KB (issue 16, item 3). */
export const DASHBOARD_TARGET_KB = 60;

/**
 * The workspace's areas, each a chunk of its own (web/src/app.ts), found by a page module it holds.
 * The dashboard is the one with a target; the others are printed so a growing area shows.
 */
const WORKSPACE_AREAS = [
  { name: "workspace home", route: "/workspace", module: "workspace/home.ts" },
  { name: "reporting dashboard", route: "/workspace/reporting", module: "workspace/reporting/dashboard.ts" },
  { name: "referrals", route: "/workspace/referrals", module: "workspace/referrals/list.ts" },
  { name: "volunteers", route: "/workspace/volunteers", module: "workspace/volunteers/board.ts" },
  { name: "matching", route: "/workspace/matching", module: "workspace/matching/home.ts" },
  { name: "reviews", route: "/workspace/reviews", module: "workspace/reviews/record.ts" },
  { name: "expenses", route: "/workspace/claims", module: "workspace/expenses/claims.ts" },
  { name: "concerns", route: "/workspace/concerns", module: "workspace/concerns/list.ts" },
  { name: "settings", route: "/workspace/settings", module: "workspace/settings/policy-overview.ts" },
  { name: "imports", route: "/workspace/settings/import", module: "workspace/imports/index.ts" },
] as const;

export interface WebLoad {
  name: string;
  route: string;
  files: { file: string; gzip: number }[];
  gzip: number;
  target: number | null;
}

export interface WebBundleReport {
  loads: WebLoad[];
  /** The entry chunk alone: every page, public or signed in, loads it. */
  entry: WebLoad;
  /** Each workspace area's chunks after sign-in (the reporting dashboard's against its target). */
  areas: WebLoad[];
  /** True when no workspace chunk is part of the referral form's first load. */
  workspaceSeparate: boolean;
  /** The chunks the workspace's first load adds to the entry that carry the public forms' pages (none, since issue 11). */
  publicFormInWorkspace: string[];
  /** The modules of `src/public` the workspace's first load carries: the referral's definition, shared by design. */
  publicModulesInWorkspace: string[];
  zodInEntry: boolean;
  /** Catalogues in the entry chunk (none: each language is loaded only when it is in use). */
  cataloguesInEntry: string[];
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

/** The chunk built from `module` (a path under web/src), read from the chunks' source maps. */
function chunkWith(files: readonly string[], module: string): string {
  const found = files.find((f) => webSources(f).includes(module));
  if (!found) throw new Error(`No chunk in web/dist/assets holds src/${module}: has the SPA changed shape?`);
  return found;
}

export function measureWebBundles(): WebBundleReport {
  const html = join(dist, "index.html");
  if (!existsSync(html)) throw new Error("web/dist is missing: run `pnpm --filter @tandem/web build` first");
  const entry = /<script[^>]+src="\/assets\/([^"]+\.js)"/.exec(readFileSync(html, "utf8"))?.[1];
  if (!entry) throw new Error("No entry script in web/dist/index.html");
  const all = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js"));
  const entryFiles = closure([entry]);
  const english = chunkWith(all, "i18n/en.ts");
  const welsh = chunkWith(all, "i18n/cy.ts");
  const startFiles = closure([entry, english]);
  const referFiles = closure([entry, english, chunk(all, "refer")]);
  const checkFiles = closure([entry, english, chunk(all, "refer"), chunkWith(all, "public/refer/validate.ts")]);
  const signedIn = closure([entry, english]);
  const areas = WORKSPACE_AREAS.map((a) =>
    load(
      `${a.name} (after sign-in)`,
      a.route,
      closure([chunkWith(all, a.module)]).filter((f) => !signedIn.includes(f)),
      a.module === "workspace/reporting/dashboard.ts" ? DASHBOARD_TARGET_KB * 1024 : null,
    ),
  );
  const workspaceFiles = [...new Set(areas.flatMap((a) => a.files.map((f) => f.file)))];
  const loads = [
    load("council's referral start page", "/{slug}/refer", startFiles, null),
    // index.html preloads English for every page (web/vite.config.ts): a Welsh reader fetches it, unrun.
    load("council's referral start page in Welsh", "/{slug}/refer?lang=cy", closure([entry, english, welsh]), null),
    load("public referral form", "/{slug}/refer/child", referFiles, REFERRAL_FORM_TARGET_KB * 1024),
    load("check your answers (with the form's checks)", "/{slug}/refer/check", checkFiles, null),
  ];
  return {
    loads,
    entry: load("entry chunk (every page)", "index.html", entryFiles, null),
    areas,
    // Each area's own chunk; the small modules areas share with the public forms (words, dates) may be shared.
    workspaceSeparate: !WORKSPACE_AREAS.some((a) => referFiles.includes(chunkWith(all, a.module))),
    // After sign-in the entry is already loaded (the council's start pages are in it by design).
    publicFormInWorkspace: workspaceFiles.filter((f) => webSources(f).some(isFormPage)),
    publicModulesInWorkspace: [
      ...new Set(workspaceFiles.flatMap((f) => webSources(f).filter((m) => m.startsWith("public/")))),
    ],
    zodInEntry: entryFiles.some((f) => read(f).includes("zod")),
    cataloguesInEntry: entryFiles.flatMap((f) => webSources(f).filter((m) => /^i18n\/(en|cy)\.ts$/.test(m))),
  };
}

const targetOf = (l: WebLoad) => (l.target === null ? "" : `<= ${kb(l.target)}`);
const resultOf = (l: WebLoad) => (l.target === null ? "info" : atMost(l.gzip, l.target));

export function webBundleSection(r: WebBundleReport): { text: string; rows: Row[] } {
  const shown = [r.entry, ...r.loads, ...r.areas];
  const rows: Row[] = shown.map((l) => ({
    measure: `${l.name} JS gzip`,
    value: kb(l.gzip),
    target: targetOf(l),
    result: resultOf(l),
  }));
  rows.push({
    measure: "workspace areas are separate chunks",
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
  const cataloguesOut = r.cataloguesInEntry.length === 0;
  rows.push({
    measure: "entry chunk without a message catalogue",
    value: cataloguesOut ? "yes" : `no (${r.cataloguesInEntry.join(", ")})`,
    target: "yes",
    result: cataloguesOut ? "PASS" : "MISS",
  });
  const chunks = (l: WebLoad) =>
    l.files.length > 6
      ? `${l.files.length} chunks, largest ${[...l.files]
          .sort((a, b) => b.gzip - a.gzip)
          .slice(0, 3)
          .map((f) => `${f.file} ${kb(f.gzip)}`)
          .join(", ")}`
      : l.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(", ");
  const text = [
    "SPA FIRST LOAD: gzipped JavaScript a browser fetches for a route's first visit (web/dist, gzip -9)",
    "   entry script from index.html + the language's catalogue + the route's dynamic chunk, each with its",
    "   static imports; a workspace area's line is what it adds after sign-in (entry and English already loaded).",
    "",
    table(
      ["Load", "Route", "Chunks", "JS gzip", "Target", "Result"],
      shown.map((l) => [l.name, l.route, chunks(l), kb(l.gzip), targetOf(l), resultOf(l)]),
    ),
    "",
    `   workspace areas outside the referral form's first load: ${r.workspaceSeparate ? "yes" : "NO"}`,
    `   workspace's first loads include the public form chunk: ${formFree ? "no" : `YES (${r.publicFormInWorkspace.join(", ")})`}`,
    `     (from src/public they carry only: ${r.publicModulesInWorkspace.join(", ") || "nothing"})`,
    `   zod in the entry chunk (the council's other public pages): ${r.zodInEntry ? "YES" : "no"}`,
    `   message catalogues in the entry chunk: ${cataloguesOut ? "none (each language is its own chunk)" : r.cataloguesInEntry.join(", ")}`,
  ].join("\n");
  return { text, rows };
}

// `tsx src/web-bundles.ts`: this section alone, without the local stack.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${webBundleSection(measureWebBundles()).text}\n`);
}
