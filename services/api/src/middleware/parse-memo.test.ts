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

  it("parses every time an item JSON cannot carry", () => {
    const { calls, memo } = counting();
    memo(member({ big: 1n }));
    memo(member({ big: 1n }));
    expect(calls).toHaveLength(2);
  });
});
