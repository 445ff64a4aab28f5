import { SlugParam } from "@tandem/contracts/common";
import { Health, PublicConfig, PublicTenant } from "@tandem/contracts/public";
import { publicScheme } from "@tandem/domain/tenants";
import { publicReading } from "../../http/access.js";
import { jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";
import { onboardingRoutes } from "./onboarding-routes.js";

const route = routesFor({ tags: ["public"] });

const health = route("get", "/api/health", {
  summary: "State of each dependency: 200 when all are up, 503 when one is down",
  tags: ["platform"],
  access: { kind: "public" },
  responses: {
    200: jsonResponse(Health, "Every dependency is up"),
    503: jsonResponse(Health, "At least one dependency is down"),
  },
});

const config = route("get", "/api/public/config", {
  summary: "Where the SPA signs people in",
  access: { kind: "public" },
  responses: { 200: jsonResponse(PublicConfig, "Sign-in settings") },
});

const tenantBySlug = route("get", "/api/public/tenants/{slug}", {
  summary: "A council's public name and branding, for its public pages",
  access: publicReading,
  request: { params: SlugParam },
  responses: { 200: jsonResponse(PublicTenant, "The council") },
});

export const publicRoutes = newRouter()
  .route("/", onboardingRoutes)
  .openapi(health, async (c) => {
    const checks = c.var.deps.health;
    const [table, email, identity, receipts] = await Promise.all([
      settle(checks.table),
      settle(checks.email),
      settle(checks.identity),
      checks.receipts ? settle(checks.receipts) : undefined,
    ]);
    const dependencies = { table, email, identity, ...(receipts ? { receipts } : {}) };
    const allUp = Object.values(dependencies).every((d) => d.status === "up");
    return c.json({ status: allUp ? ("ok" as const) : ("degraded" as const), dependencies }, allUp ? 200 : 503);
  })
  .openapi(config, (c) => c.json(c.var.deps.publicConfig, 200))
  .openapi(tenantBySlug, (c) => {
    const { tenant } = c.var;
    return c.json(PublicTenant.parse({ ...tenant, scheme: publicScheme(tenant.policy) }), 200);
  });

/**
 * The health check answers quickly whatever its dependencies do (a load balancer or a person is waiting):
 * a check that has not answered within this is reported down rather than waited for.
 */
export const HEALTH_CHECK_TIMEOUT_MS = 1_500;

async function settle(check: () => Promise<{ status: "up" | "down"; detail?: string }>) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<{ status: "down"; detail: string }>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: "down", detail: `No answer within ${HEALTH_CHECK_TIMEOUT_MS / 1000} s` }),
      HEALTH_CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([check(), timedOut]);
  } catch (e) {
    return { status: "down" as const, detail: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}
