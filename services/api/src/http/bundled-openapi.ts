import { brotliDecompressSync } from "node:zlib";
import type { OpenAPIObject } from "openapi3-ts/oas31";
import { OPENAPI_DOCUMENT_BR } from "../generated/openapi-document.js";

let doc: OpenAPIObject | undefined;

/**
 * The OpenAPI document of every route as generated at build time (`pnpm --filter @tandem/api openapi`),
 * decompressed on first use. The public function serves it, so it need not import the other functions' routers.
 */
export function bundledOpenApiDocument(): OpenAPIObject {
  doc ??= JSON.parse(
    brotliDecompressSync(Buffer.from(OPENAPI_DOCUMENT_BR, "base64")).toString("utf8"),
  ) as OpenAPIObject;
  return doc;
}
