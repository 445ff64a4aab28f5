import { readFileSync } from "node:fs";
import { brotliCompressSync, brotliDecompressSync, constants } from "node:zlib";
import type { OpenAPIObject } from "openapi3-ts/oas31";

/** Where `pnpm docs:routes` writes the document (the public function's bundle carries a copy beside it). */
export const generatedOpenApiFile = new URL("../generated/openapi.json.br", import.meta.url);

/**
 * The whole API's OpenAPI document as brotli-compressed JSON (about 31 KB instead of 460 KB of JSON), written by
 * `pnpm --filter @tandem/api openapi` (scripts/write-openapi.ts); a unit test fails while it is stale.
 */
export function packOpenApi(doc: OpenAPIObject): Buffer {
  return brotliCompressSync(JSON.stringify(doc), {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  });
}

const read = new Map<string, OpenAPIObject>();

/**
 * The OpenAPI document of every route as generated at build time, read and decompressed on first use. The
 * public function serves it from the copy beside its bundle (src/bundling.ts, `besideBundle`), so it
 * neither imports the other functions' routers nor carries the document in the code it loads at every cold start.
 */
export function bundledOpenApiDocument(file: URL = generatedOpenApiFile): OpenAPIObject {
  let doc = read.get(file.href);
  if (!doc) {
    doc = JSON.parse(brotliDecompressSync(readFileSync(file)).toString("utf8")) as OpenAPIObject;
    read.set(file.href, doc);
  }
  return doc;
}
