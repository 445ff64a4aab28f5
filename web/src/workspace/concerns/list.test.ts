import { describe, expect, it } from "vitest";
import type { Concern } from "../../api/concerns";
import { inListOrder } from "./list";

const concern = (reference: string, submittedAt: string, acknowledged: boolean): Concern =>
  ({
    id: reference,
    reference,
    submittedAt,
    acknowledged: acknowledged ? { at: submittedAt, by: { personId: "p", name: "Sam" }, minutes: 5 } : null,
  }) as Concern;

describe("the concerns list's order", () => {
  it("puts the unacknowledged first, each group newest first", () => {
    const items = [
      concern("A", "2026-12-01T10:00:00Z", true),
      concern("B", "2026-12-02T10:00:00Z", false),
      concern("C", "2026-12-03T10:00:00Z", true),
      concern("D", "2026-11-30T10:00:00Z", false),
    ];
    expect(inListOrder(items).map((c) => c.reference)).toEqual(["B", "D", "C", "A"]);
  });
});
