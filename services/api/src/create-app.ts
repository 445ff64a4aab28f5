import { useMessagesForPeople } from "@tandem/contracts/messages";
import type { HonoBase } from "hono/hono-base";
import type { OpenAPIObject } from "openapi3-ts/oas31";
import type { AppEnv, Deps } from "./deps.js";
import { trieApp } from "./http/trie-app.js";
import { deadline } from "./middleware/deadline.js";
import { onError, onNotFound } from "./middleware/errors.js";
import { requireOrigin } from "./middleware/origin-check.js";
import { apiAnswerHeaders, limitBody, requestBasics, requireJson } from "./middleware/request-basics.js";
import { accessLog } from "./observability/access-log.js";

export const API_INFO = {
  openapi: "3.1.0",
  info: {
    title: "Tandem API",
    version: "0.1.0",
    description:
      "Independent Visitor schemes for councils and the charities they commission. Every tenant-scoped route acts in " +
      "the council named by the X-Tandem-Tenant header, which must be one of the memberships in the caller's token.",
  },
} as const;

export interface AppOptions {
  /**
   * The routers to mount: a bounded context's OpenAPIHono router, or a plain Hono one for routes that are not
   * part of the JSON API (the forms drawn without JavaScript, html/*), whose function then need not carry
   * OpenAPIHono's routing and validation.
   */
  routers: readonly HonoBase<AppEnv>[];
  /**
   * What `/api/openapi.json` and `/api/docs` answer (http/api-reference.ts's `apiDocs`); without it neither
   * route is mounted, and the function's bundle carries no reference page. Locally the document is built
   * from every router; a Lambda function reads the one generated at build time, so it need not import
   * routers it does not serve.
   */
  openApi?: ApiDocs;
  /** The longest a request may take before it is answered 503 (`REQUEST_DEADLINE_MS` unless a test sets it). */
  deadlineMs?: number;
}

/** The OpenAPI document of the whole API and its reference page. */
export interface ApiDocs {
  document: () => OpenAPIObject;
  page: () => string;
}

/**
 * The HTTP app with the API's middleware and error handling, mounting only the routers it is given.
 * Lambda entries call this with their function's routers (services/api/src/parts/*); app.ts calls it
 * with all of them for the local runner and tests.
 */
export function createApp(deps: Deps, opts: AppOptions) {
  useMessagesForPeople();
  const app = trieApp<AppEnv>();
  app.use("*", requestBasics(deps), accessLog);
  // The answer headers outside the deadline, so its 503 carries them too: a middleware inside the deadline is
  // still waiting on the handler when the deadline answers.
  app.use("/api/*", apiAnswerHeaders, deadline(opts.deadlineMs), requireOrigin, limitBody, requireJson);
  for (const router of opts.routers) app.route("/", router);
  const openApi = opts.openApi;
  if (openApi) {
    app.get("/api/openapi.json", (c) => c.json(openApi.document(), 200, { "cache-control": "public, max-age=300" }));
    app.get("/api/docs", (c) =>
      c.html(openApi.page(), 200, {
        "cache-control": "public, max-age=300",
        "content-security-policy":
          "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
      }),
    );
  }
  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
