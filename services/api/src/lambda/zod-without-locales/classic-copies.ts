import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * zod's classic `schemas.js` imports its JSON Schema generator (`core/json-schema-processors.js` and
 * `core/to-json-schema.js`, about 18 KB minified) by relative path, so no bundler alias reaches it. The API
 * never generates JSON Schema at run time (the OpenAPI document is generated at build time, ADR 23), so the
 * Lambda bundles' `zod` (./external.js) uses copies of `schemas.js` and of the classic modules that import it
 * (`./classic/*.js`), made from the installed zod by `pnpm --filter @tandem/api zod:classic`: the same
 * text with every relative import pointed back at zod's own files, but the generator's two imports pointed
 * at ./no-json-schema.js. zod-without-locales.test.ts checks the copies are what this makes today.
 */
export const copiedFiles = ["schemas.js", "coerce.js", "iso.js", "in-out.js", "deep-partial.js"] as const;

const here = dirname(fileURLToPath(import.meta.url));
export const copiesDir = join(here, "classic");
const zodClassic = join(here, "..", "..", "..", "node_modules", "zod", "v4", "classic");
/** zod's v4 folder as the copies (one folder below this module's) import it. */
const zodFromCopies = "../../../../node_modules/zod/v4";

/**
 * zod's `import { util } from "../core/index.js"` (and one `core.util.constantCatch`) take util's namespace as a
 * value, so the bundler keeps every one of its ~70 helpers (base64, hex, slugify...) and the object listing
 * them; the same namespace imported from its module (`import * as util`) and called as `util.x` lets it keep
 * only the helpers the schemas call.
 */
const utilImport = ['import { util } from "../core/index.js";', 'import * as util from "../core/util.js";'] as const;
const utilThroughCore = "core.util.constantCatch(";

/**
 * The string formats a `z.string()` offers as methods that no Lambda function's code calls. Each method names
 * its format's schema class, so while ZodString has them every bundle keeps every format's class, check and
 * pattern (JWT, emoji, CUID, ULID, IP and CIDR ranges, E.164...): about 8 KB a function. The copy answers each
 * with an error that says what to do instead; `unusedStringFormatsStayUnused` in the test fails the build first
 * if the code ever calls one. The formats Tandem uses (`email`, `url`, `uuid`, ISO dates and times) stay, and
 * `z.iso.*` and the top-level `z.<format>()` functions are untouched.
 */
export const droppedStringFormats = [
  "jwt",
  "emoji",
  "guid",
  "uuidv4",
  "uuidv6",
  "uuidv7",
  "nanoid",
  "cuid",
  "cuid2",
  "ulid",
  "base64",
  "base64url",
  "xid",
  "ksuid",
  "ipv4",
  "ipv6",
  "cidrv4",
  "cidrv6",
  "e164",
] as const;

function withoutStringFormats(text: string): string {
  let out = text;
  for (const name of droppedStringFormats) {
    const method = new RegExp(
      `\\n    ${name}\\(params\\) \\{\\n        return this\\.check\\(core\\._[A-Za-z0-9]+\\(Zod[A-Za-z0-9]+, params\\)\\);\\n    \\},`,
    );
    if (!method.test(out))
      throw new Error(`zod's classic/schemas.js no longer has ZodString's ${name}(params) as expected`);
    out = out.replace(
      method,
      `\n    ${name}() {\n        throw new Error("z.string().${name}() is left out of the Lambda functions' zod (services/api/src/lambda/zod-without-locales/classic-copies.ts): keep it there to use it");\n    },`,
    );
  }
  return out;
}

const generatorImports = [
  'import * as processors from "../core/json-schema-processors.js";',
  'import { createStandardJSONSchemaMethod, createToJSONSchemaMethod } from "../core/to-json-schema.js";',
];

const header =
  "// Made by services/api/src/lambda/zod-without-locales/classic-copies.ts from zod's file of the same name: do not edit.\n";

/** The copy of one of zod's classic files, as `zod:classic` writes it. */
export function classicCopy(file: (typeof copiedFiles)[number]): string {
  let text = readFileSync(join(zodClassic, file), "utf8");
  if (file === "schemas.js") {
    if (!text.includes(utilImport[0])) throw new Error(`zod's classic/schemas.js no longer has: ${utilImport[0]}`);
    text = text.replace(utilImport[0], utilImport[1]);
    if (!text.includes(utilThroughCore)) throw new Error(`zod's classic/schemas.js no longer has: ${utilThroughCore}`);
    text = text.replaceAll(utilThroughCore, "util.constantCatch(");
    for (const line of generatorImports) {
      if (!text.includes(line)) throw new Error(`zod's classic/schemas.js no longer has: ${line}`);
      text = text.replace(line, line.replace(/"\.\.\/core\/[a-z-]+\.js"/, '"../no-json-schema.js"'));
    }
    text = withoutStringFormats(text);
  }
  text = text.replace(/ from "(\.\.?\/[^"]+)";/g, (whole, path: string) => {
    if (path === "../no-json-schema.js") return whole;
    if (path.startsWith("./") && (copiedFiles as readonly string[]).includes(path.slice(2))) return whole;
    const target = path.startsWith("./")
      ? `${zodFromCopies}/classic/${path.slice(2)}`
      : `${zodFromCopies}/${path.slice(3)}`;
    return ` from "${target}";`;
  });
  return header + text;
}
