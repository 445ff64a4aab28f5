import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as zod from "zod";
import { classicCopy, copiedFiles, copiesDir, droppedStringFormats } from "./classic-copies.js";
// @ts-expect-error: plain JavaScript with no declarations, only ever reached through the bundler's alias
import * as lean from "./index.js";

/** What the module leaves out on purpose (see the comment in ./external.js); everything else must be zod's. */
const omittedFromZ = ["compile", "withParser", "INVALID", "ZodCompileAsyncError", "ZodCompileUnsupportedError"];
/** JSON Schema generation: `z.toJSONSchema`, and in `z.core` the generator's modules' exports. */
const jsonSchemaGeneration = [
  "toJSONSchema",
  "JSONSchema",
  "JSONSchemaGenerator",
  "createStandardJSONSchemaMethod",
  "createToJSONSchemaMethod",
  "extractDefs",
  "finalize",
  "handleUnrepresentable",
  "initializeContext",
  "process",
  "processSchema",
];
const omittedFromCore = [...omittedFromZ, "compileFn", ...jsonSchemaGeneration];
const without = (keys: string[], omitted: string[]) => keys.filter((k) => !omitted.includes(k)).sort();

describe("zod without locales (what Lambda bundles use for `zod`)", () => {
  it("exports what zod exports, at the top level, on `z` and on `z.core`, but the parts it omits", () => {
    expect(Object.keys(lean).sort()).toEqual(
      without(Object.keys(zod), [...omittedFromZ, "fromJSONSchema", "toJSONSchema"]),
    );
    expect(Object.keys(lean.z).sort()).toEqual(
      without(Object.keys(zod.z), [...omittedFromZ, "fromJSONSchema", "toJSONSchema"]),
    );
    expect(Object.keys(lean.z.core).sort()).toEqual(without(Object.keys(zod.z.core), omittedFromCore));
  });

  it("is zod's core itself, and its classic schemas are copies of zod's made from the installed zod", () => {
    expect(lean.z.core.$ZodType).toBe(zod.z.core.$ZodType);
    expect(lean.z.ZodObject).not.toBe(zod.z.ZodObject);
    for (const file of copiedFiles) {
      expect(readFileSync(join(copiesDir, file), "utf8"), `${file}: run pnpm --filter @tandem/api zod:classic`).toBe(
        classicCopy(file),
      );
    }
  });

  it("parses, refines and reports as zod does, and says JSON Schema generation is not here", () => {
    const schema = (z: typeof zod.z) =>
      z
        .object({
          name: z.string().trim().min(2).max(5),
          when: z.iso.date(),
          count: z.coerce.number().int().positive(),
          tags: z.array(z.enum(["a", "b"])).optional(),
          // `.catch(value)` and `.extend`, `.pick`: the copy reaches zod's util helpers by its own import.
          mode: z.enum(["on", "off"]).catch("off"),
        })
        .extend({ note: z.string().default("") })
        .pick({ name: true, when: true, count: true, tags: true, mode: true, note: true });
    const inputs = [
      { name: " Ann ", when: "2026-12-07", count: "3", tags: ["a"], mode: "maybe" },
      { name: "A", when: "07/12/2026", count: "-1.5", tags: ["c"] },
      { name: 1 },
    ];
    for (const input of inputs) expect(schema(lean.z).safeParse(input)).toEqual(schema(zod.z).safeParse(input));
    expect(lean.z.string().min(2).max(9).maxLength).toBe(9);
    expect(() => lean.z.string().toJSONSchema()).toThrow(/OpenAPI document is made at build time/);
  });

  it("has English as its only locale", () => {
    expect(Object.keys(lean.z.locales)).toEqual(["en"]);
    expect(Object.keys(lean.z.core.locales)).toEqual(["en"]);
    const message = (z: typeof zod.z) => z.string().safeParse(1).error?.issues[0]?.message;
    expect(message(lean.z)).toBe(message(zod.z));
  });

  it("keeps the string formats Tandem uses and refuses, with what to do, the ones it leaves out", () => {
    const input = "volunteer@example.org";
    expect(lean.z.string().email().safeParse(input)).toEqual(zod.z.string().email().safeParse(input));
    const id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    expect(lean.z.string().uuid().safeParse(id)).toEqual(zod.z.string().uuid().safeParse(id));
    expect(lean.z.string().url().safeParse("https://tandem.example")).toEqual(
      zod.z.string().url().safeParse("https://tandem.example"),
    );
    expect(lean.z.iso.datetime().safeParse("2026-12-07T13:00:00Z").success).toBe(true);
    for (const name of droppedStringFormats) {
      expect(() => lean.z.string()[name](), name).toThrow(/left out of the Lambda functions' zod/);
    }
  });

  it("unusedStringFormatsStayUnused: no code a function bundles calls a string format the copy leaves out", () => {
    const root = fileURLToPath(new URL("../../../../..", import.meta.url));
    const source = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        if (entry.name === "node_modules" || entry.name === "generated" || entry.name === "zod-without-locales")
          return [];
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return source(path);
        return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
      });
    const files = [
      ...["data", "domain", "contracts"].map((p) => join(root, "packages", p, "src")),
      join(root, "services", "api", "src"),
      join(root, "web", "src"),
    ].flatMap(source);
    expect(files.length).toBeGreaterThan(100);
    const call = new RegExp(`\\.\\s*(${droppedStringFormats.join("|")})\\s*\\(`);
    const calling = files.filter((f) => call.test(readFileSync(f, "utf8"))).map((f) => relative(root, f));
    expect(
      calling,
      "keep the format in classic-copies.ts (droppedStringFormats), then pnpm --filter @tandem/api zod:classic",
    ).toEqual([]);
  });
});
