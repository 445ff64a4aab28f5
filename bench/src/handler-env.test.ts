import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { handlerEnv } from "./bundles.js";

/**
 * The bench imports each Lambda bundle with `handlerEnv` set; a variable the handlers require at start-up
 * and the bench does not set crashes the whole bench (it did when ORIGIN_SECRET arrived).
 */
const awsDeps = readFileSync(new URL("../../services/api/src/lambda/aws-deps.ts", import.meta.url), "utf8");
const required = [...awsDeps.matchAll(/\benv\("([A-Z_]+)"\)/g)].map(([, name]) => name as string);

describe("the bench's handler environment", () => {
  it("finds the variables the handlers require", () => {
    expect(required).toContain("TABLE_NAME");
  });

  it.each([...new Set(required)])("sets %s", (name) => {
    expect(handlerEnv[name]).toBeTruthy();
  });
});
