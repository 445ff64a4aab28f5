import { describe, expect, it } from "vitest";
import { createApp } from "./create-app.js";
import type { AppEnv, Deps } from "./deps.js";
import { trieApp } from "./http/trie-app.js";
import { API_CSP } from "./middleware/request-basics.js";

/** Only what the app's own middleware reads: no route here touches a dependency. */
const onlyRead: Partial<Deps> = { reportCapacity: false, originSecret: null };
const deps = onlyRead as Deps;

const slow = trieApp<AppEnv>().get("/api/slow", async (c) => {
  await new Promise((resolve) => setTimeout(resolve, 400));
  return c.json({ late: true });
});

describe("the API's app", () => {
  it("answers a request past its deadline 503 with every answer header, as any other answer", async () => {
    const app = createApp(deps, { routers: [slow], deadlineMs: 40 });
    const res = await app.request("/api/slow");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).not.toBeNull();
    expect(res.headers.get("content-security-policy")).toBe(API_CSP);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9-]{8,64}$/);
  });

  it("answers within the deadline as the handler does", async () => {
    const app = createApp(deps, { routers: [slow], deadlineMs: 5_000 });
    const res = await app.request("/api/slow");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ late: true });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
