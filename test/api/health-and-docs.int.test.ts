import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createApi, openApiDocument } from "@tandem/api";
import { routeTable } from "@tandem/api/route-table";
import { describe, expect, inject, it } from "vitest";
import { call } from "../support/client.js";

describe("GET /api/health", () => {
  it("answers 200 with each dependency up", async () => {
    const res = await call("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: "ok",
      dependencies: {
        table: { status: "up" },
        email: { status: "up" },
        identity: { status: "up" },
        receipts: { status: "up" },
      },
    });
  });

  it("and every API answer, refusals too, carries a CSP that lets nothing load, run or frame it", async () => {
    for (const res of [
      await call("GET", "/api/health"),
      await call("GET", "/api/members"),
      await call("GET", "/api/nope"),
    ]) {
      expect(res.headers.get("content-security-policy")).toBe(
        "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      );
    }
  });

  it("answers 503 naming the dependency that is down", async () => {
    // The same API with its e-mail check pointed at a port where nothing listens: a real failure.
    const up = async () => ({ status: "up" as const });
    const api = createApi({
      db: undefined as never,
      verifyToken: async () => ({ ok: false, reason: "invalid" }),
      identity: undefined as never,
      receipts: undefined as never,
      publicBaseUrl: "",
      health: {
        table: up,
        identity: up,
        email: async () => {
          await fetch("http://127.0.0.1:9/");
          return { status: "up" };
        },
      },
      publicConfig: { auth: { endpoint: "", clientId: "", region: "eu-west-2" } },
      trustedProxyHops: 1,
      originSecret: null,
      addressHashKey: "test",
      reportCapacity: false,
    });
    const res = await api.request("/api/health");
    expect(res.status).toBe(503);
    const body = (await res.json()) as { dependencies: { email: { status: string } } };
    expect(body.dependencies.email.status).toBe("down");
  });
});

describe("the OpenAPI document", () => {
  it("is served, covers every route the API answers, and gives each its security", async () => {
    const res = await call("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.json as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[]; "x-tandem-access"?: { kind: string } }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    const app = createApi({} as never);
    const served = app.routes
      .filter(
        (r) => r.method !== "ALL" && r.path.startsWith("/api/") && !["/api/openapi.json", "/api/docs"].includes(r.path),
      )
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(new Set(documented)).toEqual(new Set(served));
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        const kind = op["x-tandem-access"]?.kind;
        expect(kind, `${m} ${p}`).toBeDefined();
        expect(op.security, `${m} ${p}`).toEqual(kind === "public" ? [] : [{ bearer: [] }]);
      }
    }
  });

  it("renders as an API reference page", async () => {
    const res = await fetch(`${inject("stack").url}/api/docs`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Tandem API reference</h1>");
    expect(html).toContain("GET /api/members/{personId}");
    // The reference page keeps its own CSP (its inline styles), not the data answers' one.
    expect(res.headers.get("content-security-policy")).toContain("style-src 'unsafe-inline'");
  });
});

describe("docs/routes.md", () => {
  it("is the routes × roles table generated from the code (run `pnpm docs:routes` after changing a route)", () => {
    const onDisk = readFileSync(join(import.meta.dirname, "../../docs/routes.md"), "utf8");
    expect(onDisk).toBe(routeTable(openApiDocument()));
  });
});
