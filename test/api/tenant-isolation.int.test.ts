import { beforeAll, describe, expect, it } from "vitest";
import { call, users } from "../support/client.js";
import { concretePath, publishedRoutes, type RouteInfo, validBody } from "../support/routes.js";

/**
 * A token for one council must not read or change anything of another, through any route.
 * The routes come from the published OpenAPI document, so a route added later is covered too.
 */
let routes: RouteInfo[];
let riverfordMemberId: string;
let riverfordAdminEmail: string;

beforeAll(async () => {
  routes = await publishedRoutes();
  const list = await call("GET", "/api/members", { as: users.riverfordAdmin, tenant: "riverford" });
  const items = (list.json as { items: { personId: string; email: string }[] }).items;
  const first = items[0];
  if (!first) throw new Error("demo data has no Riverford members");
  riverfordMemberId = first.personId;
  riverfordAdminEmail = users.riverfordAdmin;
});

const tenantRoutes = () => routes.filter((r) => r.access.kind === "tenant");

describe("a council's token in another council", () => {
  it("covers every tenant-scoped route", () => {
    expect(tenantRoutes().length).toBeGreaterThanOrEqual(7);
  });

  it("is refused on every tenant route when it names a council it is not a member of", async () => {
    for (const route of tenantRoutes()) {
      const path = concretePath(route.path, { personId: riverfordMemberId, version: "1" });
      const res = await call(route.method, path, {
        as: users.eastmereAdmin,
        tenant: "riverford",
        ...(route.hasBody ? { body: validBody(route) } : {}),
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
      expect(res.json.error?.code).toBe("no_membership");
    }
  });

  it("finds nothing of another council's records when acting in its own", async () => {
    for (const route of tenantRoutes().filter((r) => r.path.includes("{personId}"))) {
      const res = await call(route.method, concretePath(route.path, { personId: riverfordMemberId }), {
        as: users.eastmereAdmin,
        tenant: "eastmere",
        ...(route.hasBody ? { body: validBody(route) } : {}),
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(404);
    }
    const after = await call("GET", `/api/members/${riverfordMemberId}`, {
      as: users.riverfordAdmin,
      tenant: "riverford",
    });
    expect(after.json.name).not.toBe("Changed Name");
  });

  it("lists only its own council's members and audit trail", async () => {
    const members = await call("GET", "/api/members?limit=100", { as: users.eastmereAdmin, tenant: "eastmere" });
    expect(members.status).toBe(200);
    expect(members.text).not.toContain(riverfordAdminEmail);
    expect(members.text).not.toContain("riverford");
    const audit = await call("GET", "/api/audit?limit=100", { as: users.eastmereAdmin, tenant: "eastmere" });
    expect(audit.status).toBe(200);
    expect(audit.text).not.toContain(riverfordMemberId);
    const byId = await call("GET", `/api/audit?subjectType=member&subjectId=${riverfordMemberId}`, {
      as: users.eastmereAdmin,
      tenant: "eastmere",
    });
    expect((byId.json as { items: unknown[] }).items).toEqual([]);
  });

  it("sees its own tenant in /api/tenant, never the one it did not choose", async () => {
    const own = await call("GET", "/api/tenant", { as: users.eastmereAdmin });
    expect(own.json.id).toBe("eastmere");
    const header = await call("GET", "/api/tenant", { as: users.riverfordCoordinator, tenant: "eastmere" });
    expect(header.status).toBe(403);
  });
});

describe("a provider's coordinator working for two councils", () => {
  it("must choose a council, then sees only that council", async () => {
    const none = await call("GET", "/api/tenant", { as: users.brightpathCoordinator });
    expect(none.status).toBe(400);
    expect(none.json.error?.code).toBe("choose_tenant");

    const east = await call("GET", "/api/members?limit=100", { as: users.brightpathCoordinator, tenant: "eastmere" });
    const king = await call("GET", "/api/members?limit=100", { as: users.brightpathCoordinator, tenant: "kingsholt" });
    expect(east.text).toContain(users.eastmereAdmin);
    expect(east.text).not.toContain(users.kingsholtAdmin);
    expect(king.text).toContain(users.kingsholtAdmin);
    expect(king.text).not.toContain(users.eastmereAdmin);

    const other = await call("GET", "/api/tenant", { as: users.brightpathCoordinator, tenant: "riverford" });
    expect(other.status).toBe(403);
  });
});

describe("the platform operator", () => {
  it("can list tenants but is refused on every tenant-scoped route", async () => {
    const list = await call("GET", "/api/platform/tenants", { as: users.operator });
    expect(list.status).toBe(200);
    for (const route of tenantRoutes()) {
      const res = await call(route.method, concretePath(route.path, { personId: riverfordMemberId, version: "1" }), {
        as: users.operator,
        tenant: "riverford",
        ...(route.hasBody ? { body: validBody(route) } : {}),
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
    }
  });

  it("is the only one who may use platform routes", async () => {
    for (const route of routes.filter((r) => r.access.kind === "platform")) {
      const res = await call(route.method, route.path, {
        as: users.riverfordAdmin,
        ...(route.hasBody ? { body: validBody(route) } : {}),
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
    }
  });
});
