import { describe, expect, it } from "vitest";
import * as zod from "zod";
// @ts-expect-error: plain JavaScript with no declarations, only ever reached through the bundler's alias
import * as lean from "./index.js";

/** What the module leaves out on purpose (see the comment in ./external.js); everything else must be zod's. */
const omittedFromZ = ["compile", "withParser", "INVALID", "ZodCompileAsyncError", "ZodCompileUnsupportedError"];
const omittedFromCore = [...omittedFromZ, "compileFn"];
const without = (keys: string[], omitted: string[]) => keys.filter((k) => !omitted.includes(k)).sort();

describe("zod without locales (what Lambda bundles use for `zod`)", () => {
  it("exports what zod exports, at the top level, on `z` and on `z.core`, but the parts it omits", () => {
    expect(Object.keys(lean).sort()).toEqual(without(Object.keys(zod), [...omittedFromZ, "fromJSONSchema"]));
    expect(Object.keys(lean.z).sort()).toEqual(without(Object.keys(zod.z), [...omittedFromZ, "fromJSONSchema"]));
    expect(Object.keys(lean.z.core).sort()).toEqual(without(Object.keys(zod.z.core), omittedFromCore));
  });

  it("is zod itself (the same schema classes), with English as its only locale", () => {
    expect(lean.z.ZodObject).toBe(zod.z.ZodObject);
    expect(lean.z.core.$ZodType).toBe(zod.z.core.$ZodType);
    expect(Object.keys(lean.z.locales)).toEqual(["en"]);
    expect(Object.keys(lean.z.core.locales)).toEqual(["en"]);
    const message = (z: typeof zod.z) => z.string().safeParse(1).error?.issues[0]?.message;
    expect(message(lean.z)).toBe(message(zod.z));
  });
});
