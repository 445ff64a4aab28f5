import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { lambdaEntryFile } from "@tandem/api/bundling";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle } from "./bundles.js";

/**
 * The public-forms function ships the pages' catalogues beside its bundle (services/api/src/bundling.ts,
 * ADR 23) and web/src/i18n/index.ts imports the one a page needs. The local server and the browser tests
 * run the unbundled source, which bundles them, so only this test runs the bundled way: a function
 * bundled as CDK and the bench bundle public-forms still draws a page in either language.
 */
const i18nEntry = join(resolve(dirname(fileURLToPath(import.meta.url)), "..", ".."), "web", "src", "i18n", "index.ts");

type I18n = typeof import("../../web/src/i18n/index.js");

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "tandem-catalogues-"));
  await bundle("public-forms", lambdaEntryFile("public-forms"), join(out, "function", "index.mjs"));
  // The same module the function's pages call, bundled with the function's settings (its define and side modules).
  await bundle("public-forms", i18nEntry, join(out, "i18n", "index.mjs"));
}, 120_000);
afterAll(() => rm(out, { recursive: true, force: true }));

describe("public-forms' catalogues, beside its bundle", () => {
  it("are not in the bundle itself, but each in its own module beside it", async () => {
    const code = await readFile(join(out, "function", "index.mjs"), "utf8");
    const welsh = await readFile(join(out, "function", "node_modules", "tandem-catalogue-cy", "index.mjs"), "utf8");
    const english = await readFile(join(out, "function", "node_modules", "tandem-catalogue-en", "index.mjs"), "utf8");
    // A sentence from each catalogue (the link that skips to the page's content).
    expect(welsh).toContain("Neidio i'r prif gynnwys");
    expect(english).toContain("Skip to main content");
    expect(code).not.toContain("Neidio i'r prif gynnwys");
    expect(code).not.toContain("Skip to main content");
  });

  it("give a bundled page its words in the language asked for", async () => {
    const i18n = (await import(pathToFileURL(join(out, "i18n", "index.mjs")).href)) as I18n;
    await i18n.useLanguage("cy");
    expect(i18n.t("form.continue")).toBe("Parhau");
    await i18n.useLanguage("en");
    expect(i18n.t("form.continue")).toBe("Continue");
  });
});
