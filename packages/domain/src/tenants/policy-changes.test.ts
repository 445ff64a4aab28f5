import { describe, expect, it } from "vitest";
import { policyChanges } from "./policy-changes.js";

describe("policyChanges", () => {
  it.each([
    ["no change", { a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 2] } }, []],
    ["a top-level number", { a: 1 }, { a: 2 }, [{ path: "a", from: 1, to: 2 }]],
    [
      "a nested value",
      { r: { maxAge: 18, minAge: 5 } },
      { r: { maxAge: 21, minAge: 5 } },
      [{ path: "r.maxAge", from: 18, to: 21 }],
    ],
    [
      "a list as one value",
      { d: ["a.gov.uk"] },
      { d: ["a.gov.uk", "b.gov.uk"] },
      [{ path: "d", from: ["a.gov.uk"], to: ["a.gov.uk", "b.gov.uk"] }],
    ],
    ["an added setting", { a: 1 }, { a: 1, b: true }, [{ path: "b", from: undefined, to: true }]],
    ["null to a value", { cap: null }, { cap: 4000 }, [{ path: "cap", from: null, to: 4000 }]],
  ])("%s", (_name, before, after, expected) => {
    expect(policyChanges(before, after)).toEqual(expected);
  });
});
