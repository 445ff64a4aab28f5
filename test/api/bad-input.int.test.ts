import { beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor, users } from "../support/client.js";
import { concretePath, publishedRoutes, type RouteInfo } from "../support/routes.js";
import { mintToken } from "../support/tokens.js";

/**
 * However malformed, no request gets a 500: each gets a 4xx JSON error with a stable code and a
 * message a person can act on. Routes come from the OpenAPI document, so new ones are covered.
 */
let routes: RouteInfo[];
let memberId: string;

beforeAll(async () => {
  routes = await publishedRoutes();
  const list = await call("GET", "/api/members", { as: users.riverfordAdmin });
  memberId = (list.json as { items: { personId: string }[] }).items[0]?.personId ?? "";
});

const secured = () => routes.filter((r) => r.access.kind !== "public");
// JSON bodies; a file upload's refusals (type, size) are tested with the route (receipts.int.test.ts).
const withBody = () => routes.filter((r) => r.hasBody && r.jsonBody);
/** A Riverford demo user holding the role a route needs, so a refusal is about the request, not the caller. */
const riverfordUserFor: Record<string, string> = {
  tenant_admin: users.riverfordAdmin,
  coordinator: users.riverfordCoordinator,
  manager: users.riverfordManager,
  volunteer: users.riverfordVolunteer,
  panel_member: "panel@riverford.example",
  finance: "finance@riverford.example",
};
const asAllowed = (r: RouteInfo) =>
  r.access.kind === "platform"
    ? users.operator
    : r.access.kind === "tenant"
      ? (riverfordUserFor[r.access.roles?.[0] ?? "tenant_admin"] ?? users.riverfordAdmin)
      : users.riverfordAdmin;
// Path parameters well-formed enough to pass their own checks, so the body is what gets refused.
const pathOf = (r: RouteInfo) =>
  concretePath(r.path, {
    personId: memberId,
    version: "1",
    slug: "riverford",
    token: "t".repeat(43),
    providerId: "brightpath",
    tenantId: "riverford",
    id: "00000000-0000-4000-8000-000000000000",
    matchId: "00000000-0000-4000-8000-000000000000",
    volunteerId: "00000000-0000-4000-8000-000000000000",
    month: "2026-03",
  });

function expectError(res: Awaited<ReturnType<typeof call>>, status: number, code: string, label: string) {
  expect(res.status, `${label}: ${res.text}`).toBe(status);
  expect(res.json.error?.code, label).toBe(code);
  expect(res.json.error?.message.length, label).toBeGreaterThan(10);
}

describe("tokens", () => {
  const cases: { name: string; token: () => string; code: string }[] = [
    { name: "missing", token: () => "", code: "unauthenticated" },
    { name: "not a JWT", token: () => "Bearer not-a-token-at-all", code: "unauthenticated" },
    {
      name: "signed with a key the provider does not publish",
      token: () => `Bearer ${mintToken({ signer: "stranger" })}`,
      code: "unauthenticated",
    },
    { name: "expired", token: () => `Bearer ${mintToken({ expiresInSeconds: -120 })}`, code: "token_expired" },
    {
      name: "for another app client",
      token: () => `Bearer ${mintToken({ audience: "someone-elses-client" })}`,
      code: "unauthenticated",
    },
    {
      name: "from another issuer",
      token: () => `Bearer ${mintToken({ issuer: "http://localhost:1/evil" })}`,
      code: "unauthenticated",
    },
    {
      name: "an access token, not an ID token",
      token: () => `Bearer ${mintToken({ claims: { token_use: "access" } })}`,
      code: "unauthenticated",
    },
  ];
  for (const c of cases) {
    // One request per secured route (matching added 17) and, for some cases, a token signed for each.
    it(`refuses a token that is ${c.name} on every secured route`, { timeout: 120_000 }, async () => {
      for (const route of secured()) {
        const auth = c.token();
        const res = await call(route.method, pathOf(route), {
          headers: auth ? { authorization: auth } : {},
          ...(route.hasBody ? { body: {} } : {}),
        });
        expectError(res, 401, c.code, `${route.method} ${route.path}`);
      }
    });
  }

  it("accepts a genuine token (the refusals above are about the token)", async () => {
    const res = await call("GET", "/api/me", { as: users.riverfordAdmin });
    expect(res.status).toBe(200);
    expect(await tokenFor(users.riverfordAdmin)).toMatch(/^ey/);
  });
});

describe("bodies", () => {
  it("answers malformed JSON with 400 malformed_json", async () => {
    for (const route of withBody()) {
      const res = await call(route.method, pathOf(route), {
        as: asAllowed(route),
        rawBody: '{"name": "unterminated',
        // Some creates require an Idempotency-Key; with one, the body is what gets refused.
        headers: { "content-type": "application/json", "idempotency-key": "bad-input-probe-1" },
      });
      expectError(res, 400, "malformed_json", `${route.method} ${route.path}`);
    }
  });

  it("answers wrong types and unknown fields with a field-by-field list", async () => {
    for (const route of withBody()) {
      const res = await call(route.method, pathOf(route), {
        as: asAllowed(route),
        body: { name: 42, version: "one", surprise: true },
      });
      expectError(res, 400, "validation_failed", `${route.method} ${route.path}`);
      const fields = (res.json.error as unknown as { fields: { path: string }[] }).fields;
      expect(fields.length, `${route.method} ${route.path}`).toBeGreaterThan(0);
    }
  });

  it("answers JSON of the wrong shape at its root (null, a list, a string, a number, 5000 levels deep) with 400", async () => {
    const roots = ["null", "[]", '"x"', "1", `${'{"a":'.repeat(5000)}{}${"}".repeat(5000)}`];
    for (const route of withBody()) {
      for (const rawBody of roots) {
        const res = await call(route.method, pathOf(route), {
          as: asAllowed(route),
          rawBody,
          headers: { "content-type": "application/json", "idempotency-key": "bad-input-probe-2" },
        });
        expectError(res, 400, "validation_failed", `${route.method} ${route.path} ${rawBody.slice(0, 10)}`);
      }
    }
  });

  it("answers text with half of a surrogate pair (which DynamoDB cannot store) or a control character with 400 naming where it is", async () => {
    // A lone surrogate, then C0 control characters (NUL, bell, escape) that nobody types.
    const bodies = [
      '{"note":"Ann\\ud800"}',
      '{"note":"Ann\\u0000"}',
      '{"a":{"note":"\\u0007"}}',
      '{"note":"\\u001b[31m"}',
    ];
    for (const route of withBody()) {
      for (const rawBody of bodies) {
        const label = `${route.method} ${route.path} ${rawBody}`;
        const res = await call(route.method, pathOf(route), {
          as: asAllowed(route),
          rawBody,
          headers: { "content-type": "application/json", "idempotency-key": "bad-input-probe-3" },
        });
        expectError(res, 400, "validation_failed", label);
        expect(JSON.stringify(res.json), label).toContain("broken character");
        expect(res.json.error?.fields?.[0]?.path, label).toBe(rawBody.startsWith('{"a"') ? "a.note" : "note");
      }
    }
  });

  it("refuses a body over the size limit with 413", async () => {
    // An import's spreadsheet may be 16 MB as JSON (ADR 21): a body over that is refused before it is read,
    // so the client sees a broken pipe, not the answer; test/api/import.int.test.ts checks its own 413.
    for (const route of withBody().filter((r) => !r.path.startsWith("/api/imports/"))) {
      const res = await call(route.method, pathOf(route), {
        as: asAllowed(route),
        // Larger than any other route's limit (the list of looked-after children allows the most: 1 MB).
        body: { name: "x".repeat(1100 * 1024) },
      });
      expectError(res, 413, "payload_too_large", `${route.method} ${route.path}`);
    }
  });

  it("refuses a body that is not JSON with 415", async () => {
    for (const route of withBody()) {
      const res = await call(route.method, pathOf(route), {
        as: asAllowed(route),
        rawBody: "name=x",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expectError(res, 415, "unsupported_media_type", `${route.method} ${route.path}`);
    }
  });

  it("leaves nothing half-written when a create is refused", async () => {
    const before = await call("GET", "/api/members?limit=100", { as: users.riverfordAdmin });
    await call("POST", "/api/members", {
      as: users.riverfordAdmin,
      body: { name: "No Email", roles: ["coordinator"] },
    });
    const after = await call("GET", "/api/members?limit=100", { as: users.riverfordAdmin });
    expect((after.json.items as unknown[]).length).toBe((before.json.items as unknown[]).length);
  });
});

describe("addresses and parameters", () => {
  it("answers an unknown route with a JSON 404", async () => {
    for (const path of ["/api/nope", "/api/members/x/y", "/api/tenant/nope"]) {
      const res = await call("GET", path, { as: users.riverfordAdmin });
      expect(res.status, path).toBe(404);
      expect(res.json.error?.code, path).toBe("route_not_found");
    }
  });

  it("refuses out-of-range paging and malformed ids", async () => {
    const cases: [string, string][] = [
      ["/api/members?limit=0", "validation_failed"],
      ["/api/members?limit=100000", "validation_failed"],
      ["/api/members?limit=abc", "validation_failed"],
      ["/api/members?cursor=not-a-cursor", "invalid_cursor"],
      ["/api/members/not-a-uuid", "validation_failed"],
      ["/api/tenant/policy/versions/0", "validation_failed"],
      ["/api/audit?subjectType=member", "validation_failed"],
    ];
    for (const [path, code] of cases) {
      const res = await call("GET", path, { as: users.riverfordAdmin });
      expectError(res, 400, code, path);
    }
    const badSlug = await call("GET", "/api/public/tenants/NOT_A_SLUG");
    expectError(badSlug, 400, "validation_failed", "bad slug");
    const unknownSlug = await call("GET", "/api/public/tenants/no-such-council");
    expectError(unknownSlug, 404, "not_found", "unknown slug");
  });

  it("refuses a route to a role that may not use it, naming the roles that may", async () => {
    const res = await call("POST", "/api/members", {
      as: users.riverfordCoordinator,
      body: { name: "X", email: "x@example.org", roles: ["coordinator"] },
    });
    expectError(res, 403, "forbidden", "coordinator adding a member");
    expect(res.json.error?.message).toContain("tenant_admin");
  });
});
