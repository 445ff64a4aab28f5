import { describe, expect, it } from "vitest";
import { functionParts, openApiDocument, routers } from "../app.js";
import { createApp } from "../create-app.js";
import { publicRouters } from "../parts/public.js";
import { apiDocs } from "./api-reference.js";
import { bundledOpenApiDocument } from "./bundled-openapi.js";

describe("the OpenAPI document the public function serves", () => {
  // Building the whole document takes seconds on a loaded machine (over 5 s with 2 cores shared by eight).
  it("is the document of every router as the code defines it now (else run `pnpm docs:routes`)", () => {
    expect(bundledOpenApiDocument()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  }, 30_000);

  it("is what /api/openapi.json answers in an app with only the public routers", async () => {
    const app = createApp({ originSecret: null } as never, {
      routers: Object.values(publicRouters),
      openApi: apiDocs(bundledOpenApiDocument),
    });
    const res = await app.request("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(bundledOpenApiDocument());
    expect((await app.request("/api/docs")).status).toBe(200);
  });
});

describe("the functions' parts", () => {
  it("together are every router, each served by exactly one function", () => {
    const parts: string[] = Object.values(functionParts).flat();
    expect(parts.sort()).toEqual(Object.keys(routers).sort());
  });
});
