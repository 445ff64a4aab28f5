import { CrossTenantKeyError } from "@tandem/data/core";
import { Problem } from "@tandem/domain/problems";
import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ZodError } from "zod";
import type { AppEnv } from "../deps.js";
import { isDependencyFault } from "../faults/dependency-fault.js";
import { answerTo, dependencyUnavailable, zodProblem } from "../http/problems.js";
import { errorSummary, logger } from "../observability/logger.js";

/** Turns every failure into the JSON error shape; anything unexpected is logged and answered 500. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const answer = answerTo(toProblem(err, c.req.method));
  if (answer.status === 503) {
    logger.warn("dependency unavailable", { requestId: c.var.requestId, error: errorSummary(err) });
  } else if (answer.status >= 500) {
    // The stack says where the bug is; the message is left out, as it can quote what was sent.
    logger.error("unhandled error", { requestId: c.var.requestId, error: errorSummary(err), stack: err.stack });
  }
  return c.json(answer.body, answer.status, answer.headers);
};

function toProblem(err: Error, method: string): Problem {
  if (err instanceof Problem) return err;
  if (isDependencyFault(err)) return dependencyUnavailable(method);
  if (err instanceof ZodError) return zodProblem(err, "request");
  if (err instanceof CrossTenantKeyError) return new Problem("internal_error", "Something went wrong on our side");
  if (err instanceof HTTPException) {
    if (err.status === 400) {
      return new Problem("malformed_json", "The body is not valid JSON; check quotes, commas and brackets");
    }
    if (err.status === 413) return new Problem("payload_too_large", "The request body is too large");
    return new Problem("bad_request", err.message || "Bad request");
  }
  return new Problem("internal_error", "Something went wrong on our side; it has been logged");
}

export const onNotFound: NotFoundHandler<AppEnv> = (c) => {
  const { status, body, headers } = answerTo(
    new Problem("route_not_found", `There is no ${c.req.method} ${new URL(c.req.url).pathname} in this API`),
  );
  return c.json(body, status, headers);
};
