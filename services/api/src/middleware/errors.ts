import { CrossTenantKeyError, DataError } from "@tandem/data/core";
import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ZodError } from "zod";
import type { AppEnv } from "../deps.js";
import { ApiError, fromDataError, validationError } from "../http/api-error.js";

/** Turns every failure into the JSON error shape; anything unexpected is logged and answered 500. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const api = toApiError(err);
  if (api.status >= 500) {
    console.error(JSON.stringify({ level: "error", requestId: c.var.requestId, error: String(err), stack: err.stack }));
  }
  return c.json(api.body(), api.status, { "cache-control": "no-store" });
};

function toApiError(err: Error): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof DataError) return fromDataError(err);
  if (err instanceof ZodError) return validationError(err, "request");
  if (err instanceof CrossTenantKeyError)
    return new ApiError(500, "internal_error", "Something went wrong on our side");
  if (err instanceof HTTPException) {
    if (err.status === 400) {
      return new ApiError(400, "malformed_json", "The body is not valid JSON; check quotes, commas and brackets");
    }
    if (err.status === 413) return new ApiError(413, "payload_too_large", "The request body is too large");
    return new ApiError(err.status === 401 ? 401 : 400, "bad_request", err.message || "Bad request");
  }
  return new ApiError(500, "internal_error", "Something went wrong on our side; it has been logged");
}

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(
    {
      error: {
        code: "route_not_found",
        message: `There is no ${c.req.method} ${new URL(c.req.url).pathname} in this API`,
      },
    },
    404,
    { "cache-control": "no-store" },
  );
