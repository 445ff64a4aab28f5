import { createRoute, type RouteConfig, type z } from "@hono/zod-openapi";
import { Problem, type ProblemCode } from "@tandem/domain/problems";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../deps.js";
import { type ReadsAhead, requireAccess } from "../middleware/require-access.js";
import { logger } from "../observability/logger.js";
import { type Access, published, type ReadAhead } from "./access.js";
import { errorResponses } from "./problems.js";

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

/** Each defined route's full access rule, kept out of the OpenAPI document (see `newRouter`). */
export const accessOf = new WeakMap<object, Access>();

/** The refusals that follow from the access rule, so that a route declares only its own. */
function refusalsOf(access: Access): ProblemCode[] {
  switch (access.kind) {
    case "public":
      return [];
    case "public-tenant":
      return [
        "not_found",
        ...(access.writing ? (["tenant_suspended"] as const) : []),
        ...(access.rate ? (["rate_limited"] as const) : []),
      ];
    case "signed-in":
      return ["unauthenticated", "token_expired"];
    case "platform":
      return ["unauthenticated", "token_expired", "forbidden"];
    case "tenant":
      return ["unauthenticated", "token_expired", "choose_tenant", "forbidden", "no_membership", "tenant_suspended"];
  }
}

/**
 * A route with its access rule and the refusals its handler can raise (`refuses`, beyond those of
 * validation and access). Access is enforced by middleware attached here, so declaring a route
 * without deciding who may call it is impossible; the OpenAPI document shows the rule and documents
 * every refusal with ErrorBody. Handlers return only success: a refusal is a thrown Problem.
 */
// `const R` keeps each route's literal path and method in its type, which the SPA's typed client reads (ADR 11).
export function defineRoute<const R extends Omit<RouteConfig, "middleware" | "security">>(
  config: R & { access: Access; refuses?: readonly ProblemCode[]; reads?: ReadAhead },
) {
  const { access, refuses = [], reads, ...route } = config;
  const secured = !["public", "public-tenant"].includes(access.kind);
  const codes: ProblemCode[] = ["validation_failed", "payload_too_large", ...refusalsOf(access), ...refuses];
  const defined = createRoute({
    ...route,
    responses: { ...errorResponses(codes), ...route.responses },
    security: secured ? [{ bearer: [] }] : [],
    middleware: [
      watchRefusals(`${route.method.toUpperCase()} ${route.path}`, codes),
      requireAccess(access, reads && { reads, params: route.request?.params as ReadsAhead["params"] }),
    ] as const,
    "x-tandem-access": published(access),
  } as unknown as R & Pick<RouteConfig, "middleware" | "security">);
  accessOf.set(defined, access);
  return defined;
}

type RouteSpec = Omit<RouteConfig, "method" | "path" | "middleware" | "security"> & {
  access?: Access;
  refuses?: readonly ProblemCode[];
  /** The items a tenant route reads by key, fetched with the access check's (see `ReadAhead`). */
  reads?: ReadAhead;
};
type Declared<M, P, R> = Omit<R, "access"> & { method: M; path: P; access: Access };

/**
 * Declares a router's routes with what they share said once: their tags, and the access rule and
 * refusals most of them have (a route may name its own tags and access; its refusals add to the shared ones).
 */
export function routesFor(shared: { tags: string[]; access?: Access; refuses?: readonly ProblemCode[] }) {
  return <M extends RouteConfig["method"], P extends string, R extends RouteSpec>(method: M, path: P, spec: R) => {
    const access = spec.access ?? shared.access;
    if (!access) throw new Error(`${method.toUpperCase()} ${path} declares no access`);
    const refuses = [...(shared.refuses ?? []), ...(spec.refuses ?? [])];
    const tags = spec.tags ?? shared.tags;
    return defineRoute({ ...spec, method, path, tags, access, refuses } as Declared<M, P, R>);
  };
}

/**
 * Logs a refusal its route does not declare: it is still answered by the status table, but the
 * OpenAPI document does not tell clients about it. The API suite's log should show none.
 */
function watchRefusals(route: string, declared: readonly ProblemCode[]): MiddlewareHandler<AppEnv> {
  const codes = new Set<ProblemCode>(declared.includes("conflict") ? [...declared, "busy"] : declared);
  return async (c, next) => {
    await next();
    if (c.error instanceof Problem && !codes.has(c.error.code)) {
      const { code } = c.error;
      logger.warn("undeclared refusal", { route, code, requestId: c.var.requestId });
    }
  };
}
