import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * What every Lambda function's bundle is made of, shared by infra/lib/lambda.ts and bench/src/bundles.ts through
 * bundle-function.ts (which bundles), so the bench measures what is deployed. Paths are absolute.
 */
const apiDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const lambdaDir = join(apiDir, "src", "lambda");

/** The Lambda entries (`src/lambda/<name>.ts`, each exporting `handler`). */
export const lambdaEntries = [
  "public",
  "public-forms",
  "public-referrals",
  "public-volunteers",
  "public-links",
  "platform",
  "tenant",
  "referrals",
  "referral-entry",
  "volunteers",
  "scheme",
  "expenses",
  "matches",
  "reviews",
  "endings",
  "complaints",
  "concerns",
  "reporting",
  "figures",
  "cohort",
  "imports",
  "email-outbox",
  "scheduled-job",
  "benchmark",
] as const;
export type LambdaEntry = (typeof lambdaEntries)[number];

export const lambdaEntryFile = (name: string) => join(lambdaDir, `${name}.ts`);

/**
 * Packages replaced in every bundle: `zod` without its other locales (./lambda/zod-without-locales), and
 * `@hono/zod-openapi` by its routing and validation without the OpenAPI registry (./lambda/zod-openapi-runtime).
 */
export const bundleAliases: Record<string, string> = {
  zod: join(lambdaDir, "zod-without-locales", "index.js"),
  "@hono/zod-openapi": join(lambdaDir, "zod-openapi-runtime", "index.ts"),
};

/** Files a function reads at run time, copied beside its bundle (`index.mjs`) under the same name. */
export const besideBundle: Partial<Record<LambdaEntry, string[]>> = {
  // The OpenAPI document (brotli JSON), read on the first /api/openapi.json or /api/docs request.
  public: [join(apiDir, "src", "generated", "openapi.json.br")],
};

const CATALOGUE_MODULE = "tandem-catalogue";

/**
 * The public pages' catalogues (web/src/i18n/en.ts, cy.ts) as side modules named `tandem-catalogue-<lang>`.
 * web/src/i18n/index.ts imports them by that name where the bundle defines TANDEM_CATALOGUES (`bundleDefines`)
 * and bundles them itself everywhere else (the SPA's chunks, the local server, the tests).
 */
function catalogueModules(): SideModule[] {
  return (["en", "cy"] as const).map((lang) => ({
    name: `${CATALOGUE_MODULE}-${lang}`,
    entry: join(apiDir, "..", "..", "web", "src", "i18n", `${lang}.ts`),
  }));
}

/** A package a function imports only on some requests, bundled on its own beside the function's bundle. */
export interface SideModule {
  /** The package's name, left external in the function's bundle. */
  readonly name: string;
  /** The file bundled into `node_modules/<name>/index.mjs`. */
  readonly entry: string;
  /** The subpath the code imports (`csv-parse/sync`: "sync"), when it is not the package itself. */
  readonly subpath?: string;
}

/**
 * Packages a function loads only on some requests, left out of its bundle and bundled on their own into
 * `node_modules/<name>/index.mjs` beside it, where the bundle's `await import(name)` finds them (ADR 23):
 * exceljs (~850 KB minified with its dependencies) only when an XLSX file is read or a template written;
 * csv-parse (30 KB) only when a CSV file is read (an import's upload, the reporting cohort's list).
 */
const csvParse: SideModule = {
  name: "csv-parse",
  subpath: "sync",
  entry: join(apiDir, "node_modules", "csv-parse", "lib", "sync.js"),
};
export const sideModules: Partial<Record<LambdaEntry, SideModule[]>> = {
  imports: [{ name: "exceljs", entry: join(apiDir, "node_modules", "exceljs", "excel.js") }, csvParse],
  cohort: [csvParse],
  // The pages drawn without JavaScript (ADR 15; the referral form's in public-forms, the volunteer
  // application's in public-volunteers) need one language's words (English 28 KB, Welsh 53 KB
  // minified), and only when a page is drawn: the forms' JSON requests need neither (ADR 23).
  "public-forms": catalogueModules(),
  "public-volunteers": catalogueModules(),
};

/** Constants replaced in a function's bundle (esbuild's `define`; values are JavaScript source). */
export const bundleDefines: Partial<Record<LambdaEntry, Record<string, string>>> = {
  "public-forms": { TANDEM_CATALOGUES: JSON.stringify(CATALOGUE_MODULE) },
  "public-volunteers": { TANDEM_CATALOGUES: JSON.stringify(CATALOGUE_MODULE) },
};

/** The package.json written beside a side module's `index.mjs`, so Node resolves the import the code makes. */
export const sideModulePackageJson = (m: SideModule) =>
  JSON.stringify({ name: m.name, type: "module", exports: { [m.subpath ? `./${m.subpath}` : "."]: "./index.mjs" } });

/** Bundles larger than this miss the bench's target and fail bench/src/bundle-budget.test.ts. */
export const BUNDLE_BUDGET_BYTES = 250 * 1024;

/**
 * The command that bundles the named functions into `<outRoot>/<name>` (scripts/bundle-function.ts under tsx, with
 * the node running this), for infra/lib/lambda.ts: synth is synchronous and esbuild's synchronous API takes no
 * plugin, so the bundling runs in a process of its own.
 */
export function bundleCommand(outRoot: string, names: readonly LambdaEntry[]): string[] {
  const tsx = pathToFileURL(createRequire(join(apiDir, "package.json")).resolve("tsx/esm")).href;
  return [process.execPath, "--import", tsx, join(apiDir, "scripts", "bundle-function.ts"), outRoot, ...names];
}
