import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "../deps.js";
import { logger, type RequestLogKeys } from "./logger.js";

/** The declared route that answered (not a middleware's `*`), so a line never holds the ids in the path. */
function routeOf(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const route = matchedRoutes(c).findLast((r) => r.method !== "ALL");
  return route?.path ?? "(no route)";
}

/** A request that acted in no council says so in words, so the key is always a string to group by. */
export const NO_TENANT = "(none)";

/** One line for every request when it has been answered: who it was for, what answered it, how and how fast. */
export const accessLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  // Below INFO (the local stack when quiet, the bench) the line is not written, so it is not built either.
  if (!logger.enabled("INFO")) return;
  const line: RequestLogKeys = {
    requestId: c.get("requestId"),
    tenant: c.get("tenant")?.id ?? NO_TENANT,
    route: routeOf(c),
    method: c.req.method,
    status: c.res.status,
    latencyMs: Math.round((performance.now() - started) * 10) / 10,
  };
  logger.info("request", { ...line });
};
