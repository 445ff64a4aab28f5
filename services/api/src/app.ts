import { OpenAPIHono } from "@hono/zod-openapi";
import type { OpenAPIObject } from "openapi3-ts/oas31";
import { API_INFO, createApp } from "./create-app.js";
import type { AppEnv, Deps } from "./deps.js";
import { platformRouters } from "./parts/platform.js";
import { publicRouters } from "./parts/public.js";
import { tenantRouters } from "./parts/tenant.js";

export { API_INFO };

/**
 * The API's routers, by bounded context, for the local runner, tests and the generated documents.
 * The Lambda entries do not import this module: each imports only its own part (services/api/src/parts/*).
 */
export const routers = {
  public: publicRouters.public,
  tenant: tenantRouters.tenant,
  platform: platformRouters.platform,
  referralsPublic: publicRouters.referralsPublic,
  referrals: tenantRouters.referrals,
  volunteersPublic: publicRouters.volunteersPublic,
  volunteers: tenantRouters.volunteers,
  pipeline: tenantRouters.pipeline,
  reviewsPublic: publicRouters.reviewsPublic,
  reviews: tenantRouters.reviews,
  reviewMatches: tenantRouters.reviewMatches,
  concerns: tenantRouters.concerns,
  visits: tenantRouters.visits,
  matchProfiles: tenantRouters.matchProfiles,
  matches: tenantRouters.matches,
  matchesPublic: publicRouters.matchesPublic,
  formPages: publicRouters.formPages,
  reporting: tenantRouters.reporting,
  expenses: tenantRouters.expenses,
  receipts: tenantRouters.receipts,
  cohort: tenantRouters.cohort,
  benchmark: tenantRouters.benchmark,
  imports: tenantRouters.imports,
} as const;
export type RouterName = keyof typeof routers;

/**
 * Which routers each Lambda function serves, matching API Gateway's routes in infra/lib/api.ts:
 * `/api/public/*` (and health, docs) → public, `/api/platform/*` → platform, the rest of `/api/*` → tenant.
 */
export const functionParts = {
  public: Object.keys(publicRouters) as (keyof typeof publicRouters)[],
  tenant: Object.keys(tenantRouters) as (keyof typeof tenantRouters)[],
  platform: Object.keys(platformRouters) as (keyof typeof platformRouters)[],
} as const satisfies Record<string, readonly RouterName[]>;

/** Builds the whole API (locally) or the given part of it, serving the OpenAPI document built from every router. */
export function createApi(deps: Deps, parts: readonly RouterName[] = Object.keys(routers) as RouterName[]) {
  return createApp(deps, { routers: parts.map((p) => routers[p]), openApi: openApiDocument });
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
