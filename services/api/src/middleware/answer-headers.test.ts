import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../deps.js";
import { API_CSP, apiAnswerHeaders, SECURE_HEADERS } from "./request-basics.js";

const headersOf = (res: Response) => {
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (name !== "content-type") out[name] = value;
  });
  return out;
};

describe("the API's answer headers", () => {
  it("are the secure headers hono's secureHeaders middleware sets for the API, plus no-store and the API's CSP", async () => {
    const hono = new Hono()
      .use(secureHeaders({ crossOriginResourcePolicy: "same-origin" }))
      .get("/", (c) => c.json({}));
    const ours = new Hono<AppEnv>().use(apiAnswerHeaders).get("/", (c) => c.json({}));
    const expected = headersOf(await hono.request("/"));
    expect(Object.keys(expected)).toHaveLength(SECURE_HEADERS.length);
    expect(headersOf(await ours.request("/"))).toEqual({
      ...expected,
      "cache-control": "no-store",
      "content-security-policy": API_CSP,
    });
  });

  it("keep a route's own caching and CSP, replace its secure headers and drop X-Powered-By", async () => {
    const app = new Hono<AppEnv>().use(apiAnswerHeaders).get("/", (c) =>
      c.json({}, 200, {
        "cache-control": "public, max-age=300",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
        "x-frame-options": "ALLOWALL",
        "x-powered-by": "something",
      }),
    );
    const res = await app.request("/");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.has("x-powered-by")).toBe(false);
  });

  it("are on an answer made from a thrown refusal too", async () => {
    const app = new Hono<AppEnv>()
      .use(apiAnswerHeaders)
      .get("/", () => {
        throw new Error("refused");
      })
      .onError((_e, c) => c.json({ error: "refused" }, 403));
    const res = await app.request("/");
    expect(res.status).toBe(403);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
