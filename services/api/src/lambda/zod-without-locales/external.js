// zod's `zod/v4/classic/external.js` (the `z` namespace) for Lambda bundles, which alias `zod` to ./index.js
// (bench/src/bundles.ts and infra/lib/lambda.ts). @hono/zod-openapi uses `z` as a value (it extends it), so
// the bundler must keep everything `z` (and `z.core`) exports, used or not. This module leaves out what the
// API never uses, about 300 KB minified:
// - `locales` (here and in `z.core`) holds only English, the default; zod's other ~40 locales are ~260 KB;
// - the opt-in `z.compile` JIT (`compile`, `withParser`, `INVALID`, `ZodCompile*Error`; ~29 KB) and
//   `z.fromJSONSchema` (~12 KB) are not exported;
// - nor is JSON Schema generation (`z.toJSONSchema`, and in `z.core` the generator's modules; ~18 KB): the
//   OpenAPI document is generated at build time. zod's classic schemas.js imports the generator by relative
//   path, so this module uses copies of it and of the classic modules that import it (./classic/*.js, made by
//   ./classic-copies.ts), whose `toJSONSchema()` method throws (./no-json-schema.js).
// Keep it in step with zod's file: a unit test (zod-without-locales.test.ts) compares the exports.

export * from "../../../node_modules/zod/v4/classic/checks.js";
export * from "../../../node_modules/zod/v4/classic/compat.js";
export * from "../../../node_modules/zod/v4/classic/errors.js";
export * from "../../../node_modules/zod/v4/classic/parse.js";
export * as coerce from "./classic/coerce.js";
export { deepPartial } from "./classic/deep-partial.js";
// Types and values both, from one module — re-exporting the types from core would collide.
export { input, output } from "./classic/in-out.js";
export * as iso from "./classic/iso.js";
// iso must be exported from top-level https://github.com/colinhacks/zod/issues/4491
export { ZodISODate, ZodISODateTime, ZodISODuration, ZodISOTime } from "./classic/iso.js";
export * from "./classic/schemas.js";
export * as core from "./core.js";
export {
  $brand,
  $input,
  $output,
  clone,
  config,
  flattenError,
  formatError,
  getDiscriminatedOption,
  globalRegistry,
  memoizer,
  NEVER,
  prettifyError,
  regexes,
  registry,
  TimePrecision,
  toZod,
  treeifyError,
  util,
} from "./core.js";
export * as locales from "./locales.js";
