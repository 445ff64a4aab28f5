import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUNDLE_BUDGET_BYTES, type LambdaEntry, lambdaEntries, lambdaEntryFile } from "@tandem/api/bundling";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle } from "./bundles.js";

/**
 * The functions that still miss the 250 KB budget (ADR 23), each held to its size when the split was measured
 * (plus a little): none may grow, and one that comes under the budget must leave this list. Size is not speed
 * (`pnpm bench` measures init), but a size that only grows is a cold start that only grows.
 */
const STILL_OVER: Partial<Record<LambdaEntry, number>> = {
  // Empty since issue 20's seventh pass: every function is within 250 KB (ADR 23's addenda). A function that goes
  // over is a cold start that grew; the way back is in those addenda, not a ceiling here.
};

let out: string;
const sizes = new Map<string, number>();
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "tandem-bundle-budget-"));
  for (const name of lambdaEntries) {
    const file = join(out, name, "index.mjs");
    await bundle(name, lambdaEntryFile(name), file);
    sizes.set(name, (await stat(file)).size);
  }
}, 300_000);
afterAll(() => rm(out, { recursive: true, force: true }));

describe("each Lambda bundle, bundled as the bench and CDK bundle it", () => {
  it.each([...lambdaEntries])("%s is within its budget", (name) => {
    const bytes = sizes.get(name) ?? Number.NaN;
    const ceiling = STILL_OVER[name];
    if (ceiling === undefined) {
      expect(bytes, `${name}: ${(bytes / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
    } else {
      expect(bytes, `${name} grew: ${(bytes / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(ceiling);
      expect(bytes, `${name} is within 250 KB now: take it off STILL_OVER`).toBeGreaterThan(BUNDLE_BUDGET_BYTES);
    }
  });
});
