// What a Lambda bundle gets for `@hono/zod-openapi` (infra/lib/lambda.ts and bench/src/bundles.ts alias it here):
// the routing and validation of its `OpenAPIHono.openapi()` and `createRoute()`, without the OpenAPI registry.
// The functions serve the document generated at build time (http/bundled-openapi.ts), so the registry, the
// document generator (@asteasolutions/zod-to-openapi, ~30 KB minified) and the `z.openapi()` extension it
// installs on every zod schema (which keeps all of zod's `z` in the bundle, ~45 KB more) never run there.
//
// The code below follows @hono/zod-openapi 1.6 (MIT, https://github.com/honojs/middleware) and
// @hono/zod-validator 0.9 line for line for the parts the API uses; the local server and the tests use the
// real package, and ./zod-openapi-runtime.test.ts answers the same requests through both, so a difference shows.
import type { MiddlewareHandler } from "hono";
import { HonoBase } from "hono/hono-base";
import { HTTPException } from "hono/http-exception";
import { TrieRouter } from "hono/router/trie-router";
import { validator } from "hono/validator";

type Target = "query" | "param" | "header" | "cookie" | "json" | "form";
type SafeParse = { success: boolean; data?: unknown; error?: unknown };
type Schema = { safeParseAsync: (v: unknown) => Promise<SafeParse>; shape?: Record<string, unknown> };
// biome-ignore lint/suspicious/noExplicitAny: an adapter standing in for a library's loosely typed API (the types callers see are the real package's)
type Any = any;
type Hook = (result: SafeParse & { data: unknown; target: Target }, c: Any) => unknown;
type RouteConfig = {
  method: string;
  path: string;
  middleware?: MiddlewareHandler | MiddlewareHandler[];
  hide?: boolean;
  request?: {
    query?: Schema;
    params?: Schema;
    headers?: Schema;
    cookies?: Schema;
    body?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
  };
};

const isZod = (x: unknown): x is Schema =>
  typeof x === "object" &&
  x !== null &&
  ["parse", "safeParse", "parseAsync", "safeParseAsync"].every(
    (m) => typeof (x as Record<string, unknown>)[m] === "function",
  );

/** @hono/zod-validator's `zValidator` (header names matched case-insensitively to the schema's keys). */
function zValidator(target: Target, schema: Schema, hook: Hook | undefined): MiddlewareHandler {
  const shape = target === "header" ? (("in" in schema ? (schema as Any).in.shape : schema.shape) ?? {}) : undefined;
  const keymap = shape ? Object.fromEntries(Object.keys(shape).map((k) => [k.toLowerCase(), k])) : undefined;
  return validator(target, async (value: Record<string, unknown>, c: Any) => {
    const input = keymap ? Object.fromEntries(Object.entries(value).map(([k, v]) => [keymap[k] ?? k, v])) : value;
    const result = await schema.safeParseAsync(input);
    if (hook) {
      const hookResult = (await hook({ data: input, ...result, target }, c)) as Any;
      if (hookResult) {
        if (hookResult instanceof Response) return hookResult;
        if ("response" in hookResult) return hookResult.response;
      }
    }
    if (!result.success) return c.json(result, 400);
    return result.data;
  }) as MiddlewareHandler;
}

const isJSONContentType = (t: string) => /^application\/([a-z-.]+\+)?json/i.test(t);
const isFormContentType = (t: string) => {
  const lower = t.toLowerCase();
  return lower.startsWith("multipart/form-data") || lower.startsWith("application/x-www-form-urlencoded");
};
const jsonRequest = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;
const multipartRequest = /^multipart\/form-data(;\s?boundary=[a-zA-Z0-9'"()+_,\-./:=?]+)?$/i;
const urlencodedRequest = /^application\/x-www-form-urlencoded(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

function matchesMediaType(contentType: string, mediaType: string): boolean {
  if (mediaType === "*/*") return true;
  if (isJSONContentType(mediaType)) return jsonRequest.test(contentType);
  if (isFormContentType(mediaType)) return multipartRequest.test(contentType) || urlencodedRequest.test(contentType);
  const essence = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  if (mediaType.endsWith("/*")) return essence.startsWith(mediaType.slice(0, -1).toLowerCase());
  return essence === mediaType.toLowerCase();
}

async function hasRequestBody(c: Any): Promise<boolean> {
  const raw = c.req.raw as Request;
  if (raw.body === null) return false;
  if (raw.bodyUsed) return (await c.req.arrayBuffer()).byteLength > 0;
  const body = raw.clone().body;
  if (body === null) return false;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** A body validator that lets a request without that content type through with `{}` (an optional body). */
const optional =
  (check: (t: string) => boolean, target: Target, v: MiddlewareHandler): MiddlewareHandler =>
  async (c: Any, next) => {
    const type = c.req.header("content-type");
    if (type && check(type)) return v(c, next);
    c.req.addValidatedData(target, {});
    await next();
  };

// Extends Hono's base with the trie router rather than `Hono` (whose default router brings two more into the
// bundle): a router's own routes are only collected here, and matched by the app it is mounted on (create-app.ts).
export class OpenAPIHono extends HonoBase<Any, Any, Any> {
  defaultHook: Hook | undefined;
  #parentApp: OpenAPIHono | undefined;

  constructor(init?: { defaultHook?: Hook } & Record<string, unknown>) {
    super({ router: new TrieRouter(), ...init } as Any);
    this.defaultHook = init?.defaultHook;
  }

  #resolveDefaultHook(): Hook | undefined {
    if (this.defaultHook) return this.defaultHook;
    const seen = new Set<OpenAPIHono>([this]);
    let parent = this.#parentApp;
    while (parent && !seen.has(parent)) {
      if (parent.defaultHook) return parent.defaultHook;
      seen.add(parent);
      parent = parent.#parentApp;
    }
    return undefined;
  }

  openapi = ({ middleware: routeMiddleware, hide: _hide, ...route }: RouteConfig, handler: Any, hook?: Hook) => {
    const effectiveHook: Hook =
      hook ??
      ((result, c) => {
        const resolved = this.#resolveDefaultHook();
        return resolved ? resolved(result, c) : undefined;
      });
    const validators: MiddlewareHandler[] = [];
    const request = route.request;
    if (request?.query) validators.push(zValidator("query", request.query, effectiveHook));
    if (request?.params) validators.push(zValidator("param", request.params, effectiveHook));
    if (request?.headers) validators.push(zValidator("header", request.headers, effectiveHook));
    if (request?.cookies) validators.push(zValidator("cookie", request.cookies, effectiveHook));
    const bodyContent = request?.body?.content;
    if (bodyContent) {
      const declared = Object.keys(bodyContent);
      const validated = declared.some(
        (t) => isZod(bodyContent[t]?.schema) && (isJSONContentType(t) || isFormContentType(t)),
      );
      if (validated) {
        validators.push(async (c, next) => {
          const contentType = c.req.header("content-type");
          if (contentType) {
            if (!declared.some((t) => matchesMediaType(contentType, t)))
              throw new HTTPException(415, { message: "Unsupported Media Type" });
          } else if (await hasRequestBody(c)) throw new HTTPException(415, { message: "Unsupported Media Type" });
          await next();
        });
      }
      for (const mediaType of declared) {
        const schema = bodyContent[mediaType]?.schema;
        if (!isZod(schema)) continue;
        const required = request?.body?.required;
        if (isJSONContentType(mediaType)) {
          const v = zValidator("json", schema, effectiveHook);
          validators.push(required ? v : optional(isJSONContentType, "json", v));
        }
        if (isFormContentType(mediaType)) {
          const v = zValidator("form", schema, effectiveHook);
          validators.push(required ? v : optional(isFormContentType, "form", v));
        }
      }
    }
    const middleware = routeMiddleware ? (Array.isArray(routeMiddleware) ? routeMiddleware : [routeMiddleware]) : [];
    this.on([route.method], [route.path.replaceAll(/\/{(.+?)}/g, "/:$1")], ...middleware, ...validators, handler);
    return this;
  };

  override route(path: string, app: Any): Any {
    super.route(path, app);
    if (app instanceof OpenAPIHono) app.#parentApp ??= this;
    return this;
  }
}

export const createRoute = <R extends RouteConfig>(routeConfig: R) => {
  const route = {
    ...routeConfig,
    getRoutingPath() {
      return routeConfig.path.replaceAll(/\/{(.+?)}/g, "/:$1");
    },
  };
  return Object.defineProperty(route, "getRoutingPath", { enumerable: false });
};
