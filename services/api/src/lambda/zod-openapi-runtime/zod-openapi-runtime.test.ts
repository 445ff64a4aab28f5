import * as real from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import * as lean from "./index.js";

/** The same routes, registered through the real package (local server, tests) and the bundles' stand-in. */
function routerOf(lib: { OpenAPIHono: typeof real.OpenAPIHono; createRoute: typeof real.createRoute }) {
  const router = new lib.OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return c.json({ target: result.target, issues: result.error.issues.length }, 400);
    },
  });
  const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
  const parent = new lib.OpenAPIHono();
  router
    .openapi(
      lib.createRoute({
        method: "post",
        path: "/things/{id}",
        request: {
          params: z.object({ id: z.string().regex(/^t\d+$/) }),
          query: z.object({ dry: z.enum(["yes", "no"]).optional() }),
          headers: z.object({ "Idempotency-Key": z.string().min(8) }),
          body: { required: true, ...json(z.object({ name: z.string().min(1) })) },
        },
        responses: { 200: { description: "ok" } },
      }),
      (c) => c.json({ param: c.req.valid("param"), query: c.req.valid("query"), json: c.req.valid("json") }, 200),
    )
    .openapi(
      lib.createRoute({
        method: "put",
        path: "/optional",
        request: { body: json(z.object({ note: z.string().optional() })) },
        responses: { 200: { description: "ok" } },
      }),
      (c) => c.json({ got: c.req.valid("json") }, 200),
    );
  parent.route("/", router);
  return parent;
}

const requests: [string, RequestInit][] = [
  [
    "/things/t1?dry=yes",
    {
      method: "POST",
      headers: { "idempotency-key": "12345678", "content-type": "application/json" },
      body: '{"name":"a"}',
    },
  ],
  [
    "/things/x1",
    {
      method: "POST",
      headers: { "idempotency-key": "12345678", "content-type": "application/json" },
      body: '{"name":"a"}',
    },
  ],
  [
    "/things/t1?dry=maybe",
    {
      method: "POST",
      headers: { "idempotency-key": "12345678", "content-type": "application/json" },
      body: '{"name":"a"}',
    },
  ],
  ["/things/t1", { method: "POST", headers: { "content-type": "application/json" }, body: '{"name":"a"}' }],
  [
    "/things/t1",
    {
      method: "POST",
      headers: { "idempotency-key": "12345678", "content-type": "application/json" },
      body: '{"name":""}',
    },
  ],
  [
    "/things/t1",
    { method: "POST", headers: { "idempotency-key": "12345678", "content-type": "text/plain" }, body: "name=a" },
  ],
  ["/things/t1", { method: "POST", headers: { "idempotency-key": "12345678" }, body: '{"name":"a"}' }],
  ["/optional", { method: "PUT" }],
  ["/optional", { method: "PUT", headers: { "content-type": "application/json" }, body: '{"note":"n"}' }],
  ["/optional", { method: "PUT", headers: { "content-type": "application/json" }, body: '{"note":1}' }],
  ["/things/t1", { method: "GET" }],
];

describe("the bundles' @hono/zod-openapi (routing and validation without the registry)", () => {
  it.each(requests)("answers %s as the real package does", async (path, init) => {
    const answer = async (app: ReturnType<typeof routerOf>) => {
      const res = await app.request(path, init);
      return { status: res.status, body: await res.text() };
    };
    const expected = await answer(routerOf(real));
    expect(await answer(routerOf(lean as unknown as typeof real))).toEqual(expected);
  });

  it("turns an OpenAPI path into Hono's, as createRoute does", () => {
    const config = { method: "get", path: "/a/{id}/b/{key}", responses: {} } as const;
    expect(lean.createRoute(config).getRoutingPath()).toBe(real.createRoute(config).getRoutingPath());
  });
});
