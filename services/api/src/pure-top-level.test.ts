import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { isOwnSource } from "./bundle-function.js";
import { KEEP_MARKER, markPureTopLevel } from "./pure-top-level.js";

const W = (expr: string) => `/* @__PURE__ */ (() => (${expr}))()`;

describe("markPureTopLevel", () => {
  it.each([
    [
      "an exported schema",
      "export const A = z.object({ a: z.string() });",
      `export const A = ${W("z.object({ a: z.string() })")};`,
    ],
    [
      "a chained call",
      "const B = A.extend({ b: z.number() }).strict();",
      `const B = ${W("A.extend({ b: z.number() }).strict()")};`,
    ],
    [
      "a `new`",
      "export const cache = new Map<string, number>();",
      `export const cache = ${W("new Map<string, number>()")};`,
    ],
    ["a tagged template", "const q = sql`select 1`;", `const q = ${W("sql`select 1`")};`],
    ["a call inside a literal", "const M = { a: f(1) } as const;", `const M = ${W("{ a: f(1) } as const")};`],
    ["a typed declaration", "const T: Schema = s.object();", `const T: Schema = ${W("s.object()")};`],
    [
      "each declarator of one statement",
      "const a = f(), b = 2, c = g();",
      `const a = ${W("f()")}, b = 2, c = ${W("g()")};`,
    ],
    ["a function", "export const f = (x: number) => g(x);", null],
    ["a function expression", "const f = function () { return g(); };", null],
    ["a literal", 'export const LIMIT = 250; const NAMES = ["a", "b"];', null],
    ["a `let`", "export let counter = start();", null],
    ["a `var`", "var legacy = start();", null],
    ["a destructuring", "const { a, b } = split();", null],
    ["an array destructuring", "const [first] = list();", null],
    ["an `await`", "const mod = await import('./x.js');", null],
    ["an `await` beside a call", "const v = f(await g());", null],
    ["`this` at the top", "const t = f(this);", null],
    ["a declaration inside a function", "function f() { const a = g(); return a; }", null],
    ["a declaration inside a block", "if (x) { const a = g(); }", null],
    ["a `declare const`", "declare const A: string;", null],
    ["an identifier alias", "export const B = A;", null],
    [`a declaration marked ${KEEP_MARKER}`, `// ${KEEP_MARKER}: fills the registry\nconst r = register(x);`, null],
  ])("%s", (_label, source, expected) => {
    expect(markPureTopLevel(source)).toBe(expected ?? source);
  });

  it("wraps a call whose arguments hold a function, but looks no further into the function", () => {
    const source = "export const r = route('get', '/x', { handler: async () => { await h(); } });";
    expect(markPureTopLevel(source)).toBe(source);
    const plain = "export const r = route('get', '/x', { handler: () => h() });";
    expect(markPureTopLevel(plain)).toBe(`export const r = ${W("route('get', '/x', { handler: () => h() })")};`);
  });
});

/** Bundles `main` importing `lib`, both rewritten as the plugin does, and runs the result, returning its log. */
async function bundleAndRun(files: Record<string, string>): Promise<{ code: string; log: string[] }> {
  const result = await build({
    stdin: { contents: markPureTopLevel(files.main ?? ""), loader: "ts", resolveDir: "/", sourcefile: "main.ts" },
    bundle: true,
    format: "esm",
    minify: true,
    write: false,
    logLevel: "silent",
    plugins: [
      {
        name: "virtual",
        setup(b) {
          b.onResolve({ filter: /^\.\/lib$/ }, () => ({ path: "lib.ts", namespace: "virtual" }));
          b.onLoad({ filter: /.*/, namespace: "virtual" }, () => ({
            contents: markPureTopLevel(files.lib ?? ""),
            loader: "ts",
          }));
        },
      },
    ],
  });
  const code = result.outputFiles[0]?.text ?? "";
  const log: string[] = [];
  new Function("log", code.replace(/export\s*\{[^}]*\};?/g, ""))((s: string) => log.push(s));
  return { code, log };
}

describe("bundled with the rewrite", () => {
  const lib = `
    const step = (name: string) => { log(name); return { name, of: (x: string) => ({ name: name + x }) }; };
    export const A = step("A");
    export const Unused = step("Unused");
    export const B = A.of("B");
    export let L = step("L");
  `;

  it("drops an unused const, and evaluates each used one once, in declaration order", async () => {
    const { code, log } = await bundleAndRun({
      lib,
      main: `import { A, B } from "./lib"; log("main " + A.name + " " + B.name);`,
    });
    expect(code).not.toContain("Unused");
    // A once (B's initialiser reads it, not a second evaluation), then the `let`, which is never dropped.
    expect(log).toEqual(["A", "L", "main A AB"]);
  });

  it("keeps an unused const's call without the rewrite (what esbuild does on its own)", async () => {
    const result = await build({
      stdin: { contents: lib.replace(/export /g, ""), loader: "ts" },
      bundle: true,
      format: "esm",
      minify: true,
      write: false,
    });
    expect(result.outputFiles[0]?.text).toContain("Unused");
  });
});

describe("the plugin's reach", () => {
  it.each([
    ["/repo/packages/contracts/src/referral.ts", true],
    ["/repo/services/api/src/http/router.ts", true],
    ["/repo/web/src/i18n/index.ts", true],
    ["/repo/web/src/forms/page.tsx", true],
    ["/repo/packages/contracts/src/referral.d.ts", false],
    ["/repo/node_modules/zod/v4/classic/schemas.ts", false],
    ["/repo/services/api/node_modules/hono/dist/index.ts", false],
    ["/repo/services/api/scripts/bundle-function.ts", false],
    ["/repo/bench/src/baseline-lambda.ts", false],
    ["/repo/services/api/src/lambda/zod-without-locales/core.js", false],
  ])("%s: %s", (path, own) => {
    expect(isOwnSource(path, "/repo")).toBe(own);
  });
});
