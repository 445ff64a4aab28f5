import { describe, expect, it } from "vitest";
import { functionParts, routers } from "./app.js";
import { gatewayRouteFor, gatewayRoutes } from "./function-routes.js";

/** Every route of every router, as a request would name it (`:id` becomes a value). */
const requestsOf = (name: keyof typeof routers) => {
  const seen = new Set<string>();
  for (const r of routers[name].routes) {
    if (r.method === "ALL") continue; // middleware, not a route
    seen.add(`${r.method} ${r.path.replaceAll(/:[^/]+/g, "x1")}`);
  }
  return [...seen].map((s) => s.split(" ") as [string, string]);
};

describe("API Gateway's routes (function-routes.ts)", () => {
  it("send every route of every router to the function whose part holds that router", () => {
    const wrong: string[] = [];
    for (const [fn, parts] of Object.entries(functionParts)) {
      for (const part of parts) {
        for (const [method, path] of requestsOf(part)) {
          const route = gatewayRouteFor(method, path);
          if (route?.fn !== fn) wrong.push(`${method} ${path} (${part}) reaches ${route?.fn ?? "nothing"}, not ${fn}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("send the OpenAPI document and reference to the public function", () => {
    expect(gatewayRouteFor("GET", "/api/openapi.json")?.fn).toBe("public");
    expect(gatewayRouteFor("GET", "/api/docs")?.fn).toBe("public");
  });

  it("ask API Gateway for a token on every route but the public functions' (public, public-forms, ...)", () => {
    for (const r of gatewayRoutes) expect(r.auth, r.path).toBe(r.fn.startsWith("public") ? "none" : "jwt");
  });

  it("prefer a literal segment to a parameter, and a parameter to a greedy path", () => {
    expect(gatewayRouteFor("GET", "/api/volunteers/me/matches")?.fn).toBe("matches");
    expect(gatewayRouteFor("GET", "/api/matches/m1")?.fn).toBe("matches");
    expect(gatewayRouteFor("GET", "/api/reporting/benchmark")?.fn).toBe("reporting");
    expect(gatewayRouteFor("PUT", "/api/reporting/looked-after/2026-11")?.fn).toBe("figures");
    expect(gatewayRouteFor("POST", "/api/matches/m1/visits/v1/record")?.fn).toBe("scheme");
    expect(gatewayRouteFor("GET", "/api/visits/awaiting-approval")?.fn).toBe("scheme");
    expect(gatewayRouteFor("POST", "/api/matches/m1/receipts")?.fn).toBe("scheme");
    expect(gatewayRouteFor("POST", "/api/matches/m1/claims/c1/actions")?.fn).toBe("expenses");
    expect(gatewayRouteFor("GET", "/api/expenses/months/2026-11/claims")?.fn).toBe("expenses");
    expect(gatewayRouteFor("POST", "/api/matches/m1/feedback-requests/r1/answer")?.fn).toBe("reviews");
    expect(gatewayRouteFor("POST", "/api/matches/m1/ending")?.fn).toBe("endings");
    expect(gatewayRouteFor("POST", "/api/reviews/schedules/backfill")?.fn).toBe("endings");
    expect(gatewayRouteFor("GET", "/api/reviews/due")?.fn).toBe("reviews");
    expect(gatewayRouteFor("POST", "/api/complaints/c1/response")?.fn).toBe("complaints");
    expect(gatewayRouteFor("GET", "/api/volunteers/me")?.fn).toBe("volunteers");
    expect(gatewayRouteFor("PUT", "/api/tenant/pipeline")?.fn).toBe("volunteers");
    expect(gatewayRouteFor("PUT", "/api/tenant/policy")?.fn).toBe("tenant");
    expect(gatewayRouteFor("GET", "/api/referrals/waiting-list")?.fn).toBe("referrals");
    expect(gatewayRouteFor("GET", "/api/referrals")?.fn).toBe("referrals");
    expect(gatewayRouteFor("POST", "/api/referrals")?.fn).toBe("referral-entry");
    expect(gatewayRouteFor("POST", "/api/referrals/r1/notes")?.fn).toBe("referrals");
    expect(gatewayRouteFor("POST", "/api/public/tenants/riverford/referrals")?.fn).toBe("public-referrals");
    expect(gatewayRouteFor("POST", "/api/public/tenants/riverford/references/t1")?.fn).toBe("public-volunteers");
    expect(gatewayRouteFor("GET", "/api/public/tenants/riverford/match-agreements/t1")?.fn).toBe("public-links");
    expect(gatewayRouteFor("POST", "/riverford/refer/myself/check")?.fn).toBe("public-forms");
    expect(gatewayRouteFor("POST", "/riverford/volunteer/check")?.fn).toBe("public-volunteers");
    expect(gatewayRouteFor("GET", "/api/public/tenants/riverford")?.fn).toBe("public");
    expect(gatewayRouteFor("GET", "/elsewhere")).toBeUndefined();
  });
});
