import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { ErrorBody } from "@tandem/contracts";
import { requireAccess } from "../middleware/require-access.js";
import type { Access } from "./access.js";

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBody } },
});

const commonErrors = {
  400: errorResponse("The request is malformed or fails validation; `fields` lists each problem"),
  413: errorResponse("The body is larger than the API accepts"),
};

const securedErrors = {
  401: errorResponse("No token, or a token that is forged, expired or for another service"),
  403: errorResponse("The caller has no membership or role that allows this"),
};

/**
 * A route with its access rule. Access is enforced by middleware attached here, so declaring a
 * route without deciding who may call it is impossible, and the OpenAPI document shows the rule.
 */
export function defineRoute<R extends Omit<RouteConfig, "middleware" | "security">>(config: R & { access: Access }) {
  const { access, ...route } = config;
  const secured = access.kind !== "public";
  return createRoute({
    ...route,
    responses: { ...commonErrors, ...(secured ? securedErrors : {}), ...route.responses },
    security: secured ? [{ bearer: [] }] : [],
    middleware: [requireAccess(access)] as const,
    "x-tandem-access": access,
  } as unknown as R & Pick<RouteConfig, "middleware" | "security">);
}
