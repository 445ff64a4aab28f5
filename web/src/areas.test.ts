import { describe, expect, it } from "vitest";
import { areas, mayCall } from "./areas";

type AreaName = keyof typeof areas;
const open = (roles: readonly string[]): AreaName[] =>
  (Object.keys(areas) as AreaName[]).filter((name) => mayCall(areas[name].route, roles));

describe("which areas a person's roles open (from the routes' own access)", () => {
  it.each<[string[], AreaName[]]>([
    [
      ["tenant_admin"],
      [
        "settings",
        "policyHistory",
        "policyPresets",
        "pipeline",
        "branding",
        "users",
        "provider",
        "audit",
        "data",
        "reporting",
        "benchmark",
        "imports",
      ],
    ],
    // Issue 16: coordinators see the dashboard for their own caseload.
    [
      ["coordinator"],
      ["policyHistory", "referrals", "volunteers", "reporting", "reviews", "matching", "claims", "concerns"],
    ],
    // Issue 19: the API lets managers read the audit trail, so the SPA opens it to them.
    [
      ["manager"],
      [
        "policyHistory",
        "audit",
        "referrals",
        "volunteers",
        "reporting",
        "benchmark",
        "reviews",
        "matching",
        "claims",
        "visitApprovals",
        "concerns",
      ],
    ],
    [["panel_member"], ["volunteers"]],
    [["finance"], ["claims", "finance"]],
    [["volunteer"], ["portal"]],
    [
      ["tenant_admin", "coordinator"],
      [
        "settings",
        "policyHistory",
        "policyPresets",
        "pipeline",
        "branding",
        "users",
        "provider",
        "audit",
        "data",
        "referrals",
        "volunteers",
        "reporting",
        "benchmark",
        "reviews",
        "matching",
        "claims",
        "concerns",
        "imports",
      ],
    ],
    [["platform_operator"], ["operator"]],
  ])("%j opens %j", (roles, expected) => {
    expect(open(roles)).toEqual(expected);
  });

  it("lets only coordinators act on referrals and only volunteers open their own profile", () => {
    expect(mayCall("POST /api/referrals/:id/actions", ["coordinator"])).toBe(true);
    expect(mayCall("POST /api/referrals/:id/actions", ["manager"])).toBe(false);
    expect(mayCall("GET /api/volunteers/me", ["volunteer"])).toBe(true);
    expect(mayCall("GET /api/volunteers/me", ["coordinator"])).toBe(false);
  });
});
