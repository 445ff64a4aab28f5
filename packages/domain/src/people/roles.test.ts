import { describe, expect, it } from "vitest";
import { Problem } from "../problems/index.js";
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
    { name: "the only membership when none is named", list: [east], requested: undefined, chosen: east },
    { name: "the named one of several", list: [east, king], requested: "kingsholt", chosen: king },
  ])("$name", ({ list, requested, chosen }) => {
    expect(chooseActiveMembership(list, requested)).toEqual(chosen);
  });

  it.each([
    {
      name: "ask to choose when several and none named",
      list: [east, king],
      requested: undefined,
      code: "choose_tenant",
    },
    { name: "refuse a tenant not in the list", list: [east], requested: "riverford", code: "no_membership" },
    { name: "refuse when there are no memberships", list: [], requested: undefined, code: "no_membership" },
    { name: "refuse a prefix of a member tenant", list: [east], requested: "eastmer", code: "no_membership" },
  ])("$name", ({ list, requested, code }) => {
    const refusal = (() => {
      try {
        chooseActiveMembership(list, requested);
      } catch (e) {
        return e;
      }
    })();
    expect(refusal).toBeInstanceOf(Problem);
    expect(refusal).toMatchObject({ code });
  });

  it("lists the councils to choose from", () => {
    expect(() => chooseActiveMembership([east, king], undefined)).toThrow(
      expect.objectContaining({ allowed: ["eastmere", "kingsholt"] }),
    );
  });

  it("checks roles within the chosen membership only", () => {
    expect(holdsAnyRole(king, ["manager"])).toBe(true);
    expect(holdsAnyRole(east, ["manager"])).toBe(false);
  });
});
