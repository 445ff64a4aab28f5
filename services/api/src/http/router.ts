import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../deps.js";
import { validationError } from "./api-error.js";

const where: Record<string, string> = {
  json: "request body",
  query: "query string",
  param: "address",
  header: "request headers",
  form: "form",
  cookie: "cookies",
};

/** A router whose validation failures answer 400 with our field-by-field error shape. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, where[result.target] ?? String(result.target));
    },
  });
}
