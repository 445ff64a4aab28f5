import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { handlerEnv } from "./bundles.js";

/**
 * The bench imports each Lambda bundle with `handlerEnv` set; a variable the handlers require at start-up
 * and the bench does not set crashes the whole bench (it did when ORIGIN_SECRET arrived).
 */
// The dependencies every function builds, and those a function opts into (AwsDepsOptions).
const sources = ["aws-deps.ts", "aws-identity.ts", "tenant-receipts.ts"].map((file) =>
  readFileSync(new URL(`../../services/api/src/lambda/${file}`, import.meta.url), "utf8"),
);
const required = sources.flatMap((source) =>
  [...source.matchAll(/\benv\("([A-Z_]+)"\)/g)].map(([, name]) => name as string),
);

describe("the bench's handler environment", () => {
  it("finds the variables the handlers require", () => {
    expect(required).toContain("TABLE_NAME");
    expect(required).toContain("USER_POOL_ID");
  });

  it.each([...new Set(required)])("sets %s", (name) => {
    expect(handlerEnv[name]).toBeTruthy();
  });
});
