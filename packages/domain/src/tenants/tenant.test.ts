import { describe, expect, it } from "vitest";
import { type TenantStatus, tenantAcceptsChanges, tenantStatusChangesFrom } from "./tenant.js";

describe("tenant lifecycle", () => {
  it.each<[TenantStatus, TenantStatus, boolean]>([
    ["active", "suspended", true],
    ["suspended", "active", true],
    ["active", "leaving", true],
    ["suspended", "leaving", true],
    ["leaving", "closed", true],
    ["leaving", "active", true],
    ["active", "closed", false],
    ["suspended", "closed", false],
    ["closed", "active", false],
    ["closed", "leaving", false],
  ])("%s → %s allowed: %s", (from, to, allowed) => {
    expect(tenantStatusChangesFrom(from).includes(to)).toBe(allowed);
  });

  it.each<[TenantStatus, boolean]>([
    ["active", true],
    ["suspended", false],
    ["leaving", false],
    ["closed", false],
  ])("a %s tenant accepts changes: %s", (status, accepts) => {
    expect(tenantAcceptsChanges(status)).toBe(accepts);
  });
});
