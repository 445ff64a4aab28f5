import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./app.js";
import { routeAccessModule } from "./route-access.js";

describe("web/src/generated/route-access.ts", () => {
  it("is the roles of every route as the code declares them now (else run `pnpm docs:routes`)", () => {
    const onDisk = readFileSync(join(import.meta.dirname, "../../../web/src/generated/route-access.ts"), "utf8");
    expect(onDisk).toBe(routeAccessModule(openApiDocument()));
  });

  it("gives each route needing a role exactly the roles it declares", () => {
    const text = routeAccessModule(openApiDocument());
    expect(text).toContain('"GET /api/referrals": ["coordinator", "manager"],');
    expect(text).toContain('"PUT /api/tenant/policy": ["tenant_admin"],');
    expect(text).toContain('"GET /api/platform/signup-requests": ["platform_operator"],');
    expect(text).not.toContain("/api/public/");
    expect(text).not.toContain('"GET /api/me"');
  });
});
