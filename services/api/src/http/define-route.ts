import { createRoute, type RouteConfig, type z } from "@hono/zod-openapi";
import { ErrorBody } from "@tandem/contracts/common";
import { requireAccess } from "../middleware/require-access.js";
import type { Access } from "./access.js";

/** A JSON response for a route's `responses`. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

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
export function defineRoute<const R extends Omit<RouteConfig, "middleware" | "security">>(
  config: R & { access: Access },
) {
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
