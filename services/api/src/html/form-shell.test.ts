import { describe, expect, it } from "vitest";
import { createApp } from "../create-app.js";
import { gatewayRouteFor } from "../function-routes.js";
import { ORIGIN_HEADER } from "../middleware/origin-check.js";
import { publicFormRouters } from "../parts/public-forms.js";
import { publicVolunteerRouters } from "../parts/public-volunteers.js";

/** A stand-in for the SPA's built index.html: its scripts must reach the browser untouched. */
const SHELL =
  '<!doctype html><html lang="en-GB"><head><title>Tandem</title><script type="module" src="/assets/index-3f9a.js"></script></head><body><main id="main-content"><noscript>Turn on JavaScript</noscript></main></body></html>';
const SECRET = "origin-secret-from-cloudfront";

/** The functions that draw the forms, as deployed: their routers only, behind CloudFront's origin secret. */
const functions = { "public-forms": publicFormRouters, "public-volunteers": publicVolunteerRouters } as const;
const appFor = (fn: keyof typeof functions, pageShell: string | null) =>
  createApp({ originSecret: SECRET, pageShell } as never, { routers: Object.values(functions[fn]) });
/** The referral form's function. */
const app = (pageShell: string | null) => appFor("public-forms", pageShell);
const viaCloudFront = { [ORIGIN_HEADER]: SECRET };

describe("a public form's address asked for with GET in AWS (CloudFront sends it with the form's POSTs)", () => {
  it.each([
    ["/riverford/refer", "public-forms"],
    ["/riverford/refer/child", "public-forms"],
    ["/riverford/refer/myself/about-you", "public-forms"],
    ["/riverford/refer/resume/abc123", "public-forms"],
    ["/riverford/volunteer", "public-volunteers"],
    ["/riverford/volunteer/about-you", "public-volunteers"],
  ] as const)(
    "%s is the SPA's own page, scripts and all, reached through API Gateway's route to %s",
    async (path, fn) => {
      expect(gatewayRouteFor("GET", path)?.fn).toBe(fn);
      const res = await appFor(fn, SHELL).request(path, { headers: viaCloudFront });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await res.text()).toBe(SHELL);
      // Not the drawn pages' no-script CSP: the SPA's own comes from CloudFront (infra/lib/web.ts).
      expect(res.headers.get("content-security-policy")).toBeNull();
      expect(res.headers.get("cache-control")).toBe("no-cache");
    },
  );

  it("answers HEAD as GET, without the page", async () => {
    const res = await app(SHELL).request("/riverford/refer", { method: "HEAD", headers: viaCloudFront });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });

  it("refuses a request that did not come through CloudFront", async () => {
    const res = await app(SHELL).request("/riverford/refer/child");
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain("<script");
  });

  it("says the site is not built when deployed without the SPA", async () => {
    const res = await app(null).request("/riverford/refer", { headers: viaCloudFront });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("not built");
  });

  it("leaves the POSTs to the form pages, with their own no-script CSP", async () => {
    expect(gatewayRouteFor("POST", "/riverford/refer/child")?.fn).toBe("public-forms");
    expect(gatewayRouteFor("POST", "/riverford/volunteer/about-you")?.fn).toBe("public-volunteers");
    // From another site: refused by the form pages before any council is looked up.
    const res = await app(SHELL).request("/riverford/refer/child", {
      method: "POST",
      headers: {
        ...viaCloudFront,
        "sec-fetch-site": "cross-site",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "first=Alex",
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});
