import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../deps.js";
import { publicTenant } from "../middleware/require-access.js";
import { accessOf } from "./define-route.js";
import { zodProblem } from "./problems.js";

const where: Record<string, string> = {
  json: "request body",
  query: "query string",
  param: "address",
  header: "request headers",
  form: "form",
  cookie: "cookies",
};

/**
 * A router whose validation failures answer 400 with our field-by-field error shape, and whose
 * council's public pages find their council once the request is valid: route middleware runs before
 * the validators, so that part of `requireAccess` runs here, just before the handler.
 */
export function newRouter() {
  const router = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw zodProblem(result.error, where[result.target] ?? String(result.target));
    },
  });
  const register = router.openapi;
  router.openapi = ((route, handler, hook) => {
    const access = accessOf.get(route);
    if (access?.kind !== "public-tenant") return register(route, handler, hook);
    const inCouncil = async (c: Context<AppEnv>, next: () => Promise<void>) => {
      await publicTenant(c, access);
      return (handler as (c: Context<AppEnv>, next: () => Promise<void>) => unknown)(c, next);
    };
    return register(route, inCouncil as typeof handler, hook);
  }) as typeof register;
  return router;
}
