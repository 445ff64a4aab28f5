import type * as C from "@tandem/contracts";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { type Body, type Output, url } from "./client";
import type { Referral } from "./referrals";
import type { Me, PolicyChange, TenantView } from "./types";
import type { Volunteer } from "./volunteers";

describe("the typed client's types are the routes' schemas", () => {
  // Checked by `pnpm typecheck` (tsc reads this file); vitest only runs the empty bodies.
  it("answers with what the route's response schema declares", () => {
    expectTypeOf<Output<"get", "/api/me">>().toEqualTypeOf<z.output<typeof C.Me>>();
    expectTypeOf<Me>().toEqualTypeOf<z.output<typeof C.Me>>();
    expectTypeOf<TenantView>().toEqualTypeOf<z.output<typeof C.TenantView>>();
    expectTypeOf<Referral>().toEqualTypeOf<z.output<typeof C.Referral>>();
    expectTypeOf<Volunteer>().toEqualTypeOf<z.output<typeof C.Volunteer>>();
  });

  it("sends what the route's request schema accepts", () => {
    expectTypeOf<PolicyChange>().toEqualTypeOf<z.input<typeof C.PolicyChange>>();
    expectTypeOf<Body<"post", "/api/referrals/:id/actions">>().toEqualTypeOf<z.input<typeof C.TakeReferralAction>>();
  });
});

describe("url", () => {
  it.each([
    ["/api/referrals/:id", { param: { id: "R-1" } }, "/api/referrals/R-1"],
    [
      "/api/public/tenants/:slug/references/:token",
      { param: { slug: "riverford", token: "a/b?c" } },
      "/api/public/tenants/riverford/references/a%2Fb%3Fc",
    ],
    [
      "/api/volunteers/:id/references/:index/request",
      { param: { id: "V 1", index: 0 } },
      "/api/volunteers/V%201/references/0/request",
    ],
    [
      "/api/referrals",
      { query: { sort: "oldest", status: undefined, q: "", cursor: null } },
      "/api/referrals?sort=oldest",
    ],
    ["/api/members", { query: { limit: "100", cursor: "next page" } }, "/api/members?limit=100&cursor=next+page"],
    ["/api/tenant", {}, "/api/tenant"],
  ])("%s with %j is %s", (path, input, expected) => {
    expect(url(path, input)).toBe(expected);
  });
});
