import { OpenAPIHono } from "@hono/zod-openapi";
import { secureHeaders } from "hono/secure-headers";
import type { OpenAPIObject } from "openapi3-ts/oas31";
import { platformRoutes } from "./contexts/platform/routes.js";
import { publicRoutes } from "./contexts/public/routes.js";
import { referralPublicRoutes } from "./contexts/referrals/public-routes.js";
import { referralTenantRoutes } from "./contexts/referrals/tenant-routes.js";
import { tenantRoutes } from "./contexts/tenants/routes.js";
import { volunteerPublicRoutes } from "./contexts/volunteers/public-routes.js";
import { volunteerTenantRoutes } from "./contexts/volunteers/tenant-routes.js";
import type { AppEnv, Deps } from "./deps.js";
import { renderApiReference } from "./http/api-reference.js";
import { onError, onNotFound } from "./middleware/errors.js";
import { limitBody, noStore, requestBasics, requireJson } from "./middleware/request-basics.js";

export const API_INFO = {
  openapi: "3.1.0",
  info: {
    title: "Tandem API",
    version: "0.1.0",
    description:
      "Independent Visitor schemes for councils and the charities they commission. Every tenant-scoped route acts in " +
      "the council named by the X-Tandem-Tenant header, which must be one of the memberships in the caller's token.",
  },
} as const;

/** The API's routers, by bounded context; the Lambda functions each mount the ones they serve. */
export const routers = {
  public: publicRoutes,
  tenant: tenantRoutes,
  platform: platformRoutes,
  referralsPublic: referralPublicRoutes,
  referrals: referralTenantRoutes,
  volunteersPublic: volunteerPublicRoutes,
  volunteers: volunteerTenantRoutes,
} as const;
export type RouterName = keyof typeof routers;

/**
 * Which routers each Lambda function serves, matching API Gateway's routes in infra/lib/api.ts:
 * `/api/public/*` (and health, docs) → public, `/api/platform/*` → platform, the rest of `/api/*` → tenant.
 */
export const functionParts = {
  public: ["public", "referralsPublic", "volunteersPublic"],
  tenant: ["tenant", "referrals", "volunteers"],
  platform: ["platform"],
} as const satisfies Record<string, readonly RouterName[]>;

/** Builds the whole API (locally) or the part one Lambda function serves. */
export function createApi(deps: Deps, parts: readonly RouterName[] = Object.keys(routers) as RouterName[]) {
  const app = new OpenAPIHono<AppEnv>();
  app.use("*", requestBasics(deps));
  app.use("/api/*", secureHeaders({ crossOriginResourcePolicy: "same-origin" }), noStore, limitBody, requireJson);
  for (const part of parts) app.route("/", routers[part]);
  app.get("/api/openapi.json", (c) => c.json(openApiDocument(), 200, { "cache-control": "public, max-age=300" }));
  app.get("/api/docs", (c) =>
    c.html(renderApiReference(openApiDocument()), 200, {
      "cache-control": "public, max-age=300",
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
    }),
  );
  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}

let cached: OpenAPIObject | undefined;

/** The OpenAPI document of every route, whichever part this process serves. */
export function openApiDocument(): OpenAPIObject {
  if (cached) return cached;
  const all = new OpenAPIHono<AppEnv>();
  all.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "A Cognito ID token (locally, from cognito-local: `pnpm token <email>`)",
  });
  for (const r of Object.values(routers)) all.route("/", r);
  cached = all.getOpenAPI31Document(API_INFO);
  return cached;
}
