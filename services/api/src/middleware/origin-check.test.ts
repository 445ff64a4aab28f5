import { Problem } from "@tandem/domain/problems";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv, Deps } from "../deps.js";
import { ORIGIN_HEADER, requireOrigin } from "./origin-check.js";

function appWith(originSecret: string | null) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("deps", { originSecret } as Deps);
    await next();
  });
  app.use(requireOrigin);
  app.get("/api/x", (c) => c.text("ok"));
  app.onError((e, c) => c.text(e instanceof Problem ? e.code : "bug", 403));
  return app;
}

describe("requests that did not come through CloudFront", () => {
  it.each([
    ["the secret", { [ORIGIN_HEADER]: "s3cret-value" }, 200],
    ["no header (straight to execute-api)", {}, 403],
    ["a wrong secret", { [ORIGIN_HEADER]: "guess" }, 403],
    ["the secret with a prefix", { [ORIGIN_HEADER]: "xs3cret-value" }, 403],
  ])("with %s answer %i", async (_what, headers: Record<string, string>, status) => {
    expect((await appWith("s3cret-value").request("/api/x", { headers })).status).toBe(status);
  });

  it("are all let through locally, where there is no CDN and no secret", async () => {
    expect((await appWith(null).request("/api/x")).status).toBe(200);
  });
});
