import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../deps.js";
import { SDK_CALL_BUDGET_MS } from "../faults/sdk-client-config.js";
import { dependencyUnavailable } from "../http/problems.js";

/**
 * The longest the API lets a person wait: one dependency call's full budget (every SDK attempt timing out)
 * plus a margin for the calls before it. Under the Lambda timeout (10 s), so an answer always comes from us.
 */
export const REQUEST_DEADLINE_MS = SDK_CALL_BUDGET_MS + 1_500;

/**
 * Imports (ADR 21) read a whole spreadsheet and write rows for a few seconds a request: they answer within
 * 25 s, under API Gateway's 29 s (the tenant function's timeout is 28 s; every other route keeps the above).
 */
export const IMPORT_DEADLINE_MS = 25_000;

/**
 * Answers 503 when a request runs past the deadline, whatever it is waiting on (a token's keys, a dependency
 * whose client has no timeout of its own). The handler is not stopped: a write that still completes is found
 * by the person's retry through its Idempotency-Key, which is why the answer says nothing was lost.
 */
export function deadline(ms = REQUEST_DEADLINE_MS): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = c.req.path.startsWith("/api/imports/") ? IMPORT_DEADLINE_MS : ms;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(dependencyUnavailable(c.req.method)), limit);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
