import { describe, expect, it } from "vitest";
import {
  chooseActiveMembership,
  decodeMemberships,
  encodeMemberships,
  holdsAnyRole,
  type Membership,
} from "./roles.js";

const east: Membership = { tenantId: "eastmere", roles: ["coordinator"] };
const king: Membership = { tenantId: "kingsholt", roles: ["coordinator", "manager"] };

describe("membership claims", () => {
  it("round-trip through the token's compact form", () => {
    expect(decodeMemberships(encodeMemberships([east, king]))).toEqual([east, king]);
  });

  it.each([
    ["absent", undefined],
    ["empty", ""],
    ["not JSON", "{oops"],
    ["an unknown role", JSON.stringify([{ t: "eastmere", r: ["superuser"] }])],
    ["a bad tenant id", JSON.stringify([{ t: "T#evil", r: ["coordinator"] }])],
    ["not a string", 42],
  ])("yield no memberships when the claim is %s", (_name, claim) => {
    expect(decodeMemberships(claim)).toEqual([]);
  });
});

describe("choosing the tenant to act in", () => {
  it.each([
    {
      name: "the only membership when none is named",
      list: [east],
      requested: undefined,
      expect: { ok: true, membership: east },
    },
    {
      name: "the named one of several",
      list: [east, king],
      requested: "kingsholt",
      expect: { ok: true, membership: king },
    },
    {
      name: "ask to choose when several and none named",
      list: [east, king],
      requested: undefined,
      expect: { ok: false, reason: "choose_tenant" },
    },
    {
      name: "refuse a tenant not in the list",
      list: [east],
      requested: "riverford",
      expect: { ok: false, reason: "no_membership" },
    },
    {
      name: "refuse when there are no memberships",
      list: [],
      requested: undefined,
      expect: { ok: false, reason: "no_membership" },
    },
    {
      name: "refuse a prefix of a member tenant",
      list: [east],
      requested: "eastmer",
      expect: { ok: false, reason: "no_membership" },
    },
  ])("$name", ({ list, requested, expect: expected }) => {
    expect(chooseActiveMembership(list, requested)).toEqual(expected);
  });

  it("checks roles within the chosen membership only", () => {
    expect(holdsAnyRole(king, ["manager"])).toBe(true);
    expect(holdsAnyRole(east, ["manager"])).toBe(false);
  });
});
