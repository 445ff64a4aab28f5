import { describe, expect, it } from "vitest";
import { parseMemo } from "./parse-memo.js";

const counting = () => {
  const calls: unknown[] = [];
  const parse = (item: Record<string, unknown>) => {
    calls.push(item);
    return { status: String(item.status), roles: [...((item.roles as string[] | undefined) ?? [])] };
  };
  return { calls, memo: parseMemo(parse, 2) };
};

const member = (over: Record<string, unknown> = {}) => ({
  pk: "T#riverford",
  sk: "MEMBER#p1",
  status: "active",
  roles: ["coordinator"],
  ...over,
});

describe("parseMemo", () => {
  it("parses the same stored text once and answers the same record again", () => {
    const { calls, memo } = counting();
    expect(memo(member())).toEqual({ status: "active", roles: ["coordinator"] });
    expect(memo(member())).toEqual({ status: "active", roles: ["coordinator"] });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ["a member deactivated", member({ status: "inactive" }), { status: "inactive", roles: ["coordinator"] }],
    ["a role removed", member({ roles: [] }), { status: "active", roles: [] }],
    [
      "a role added",
      member({ roles: ["coordinator", "manager"] }),
      { status: "active", roles: ["coordinator", "manager"] },
    ],
  ])("parses afresh after a change to the stored item (%s)", (_why, changed, expected) => {
    const { calls, memo } = counting();
    memo(member());
    expect(memo(changed)).toEqual(expected);
    expect(calls).toHaveLength(2);
  });

  it("tells apart items whose only difference is inside a DynamoDB set", () => {
    const { calls, memo } = counting();
    memo(member({ tags: new Set(["a"]) }));
    memo(member({ tags: new Set(["b"]) }));
    expect(calls).toHaveLength(2);
  });

  it("keeps records of different keys apart", () => {
    const { memo } = counting();
    memo(member());
    expect(memo(member({ sk: "MEMBER#p2", status: "invited" }))).toEqual({ status: "invited", roles: ["coordinator"] });
    expect(memo(member())).toEqual({ status: "active", roles: ["coordinator"] });
  });

  it("answers a frozen record, first time and remembered, so no request can change another's", () => {
    const { memo } = counting();
    const first = memo(member());
    expect(() => first.roles.push("tenant_admin")).toThrow(TypeError);
    expect(() => Object.assign(memo(member()), { status: "inactive" })).toThrow(TypeError);
    expect(memo(member())).toEqual({ status: "active", roles: ["coordinator"] });
  });

  it("remembers at most its bound, forgetting the oldest", () => {
    const { calls, memo } = counting();
    memo(member({ sk: "MEMBER#p1" }));
    memo(member({ sk: "MEMBER#p2" }));
    memo(member({ sk: "MEMBER#p3" }));
    memo(member({ sk: "MEMBER#p1" }));
    expect(calls).toHaveLength(4);
  });

  it.each([
    [
      "a value deep inside a map",
      member({ policy: { limits: { visits: 12 } } }),
      member({ policy: { limits: { visits: 13 } } }),
    ],
    ["a key added to a map", member({ policy: {} }), member({ policy: { extra: "x" } })],
    ["a list's order", member({ roles: ["coordinator", "manager"] }), member({ roles: ["manager", "coordinator"] })],
    ["a number set", member({ days: new Set([1, 2]) }), member({ days: new Set([1, 3]) })],
    ["binary data", member({ blob: Uint8Array.of(1, 2) }), member({ blob: Uint8Array.of(1, 3) })],
    ["a number stored as text", member({ count: 1 }), member({ count: "1" })],
  ])("parses afresh when only %s differs", (_why, before, after) => {
    const { calls, memo } = counting();
    memo(before);
    memo(after);
    expect(calls).toHaveLength(2);
  });

  it("remembers an item with sets, maps and binary data when it comes back the same", () => {
    const { calls, memo } = counting();
    const item = () =>
      member({ days: new Set([1, 2]), tags: new Set(["a"]), blob: Uint8Array.of(7), policy: { a: [1, { b: null }] } });
    memo(item());
    memo(item());
    expect(calls).toHaveLength(1);
  });

  it("is not fooled by a caller changing the item it passed in", () => {
    const { calls, memo } = counting();
    const item = member();
    memo(item);
    item.status = "inactive";
    expect(memo(member({ status: "inactive" }))).toEqual({ status: "inactive", roles: ["coordinator"] });
    expect(calls).toHaveLength(2);
  });

  it("parses every time an item JSON cannot carry", () => {
    const { calls, memo } = counting();
    memo(member({ big: 1n }));
    memo(member({ big: 1n }));
    expect(calls).toHaveLength(2);
  });
});
