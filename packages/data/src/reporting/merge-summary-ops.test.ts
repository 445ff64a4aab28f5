import { describe, expect, it } from "vitest";
import { mergeSummaryOps } from "./summaries.js";

const key = (sk: string) => ({ pk: "T#riverford#RS", sk });

describe("summary changes of several records in one transaction", () => {
  it("sum the ADDs on one item into one, keep other items apart, and keep only counters still coming down to tidy", () => {
    const merged = mergeSummaryOps([
      { kind: "increment", key: key("money#OPEN"), counters: { a: 2, b: -1 }, tidy: ["b"] },
      { kind: "increment", key: key("money#OPEN"), counters: { a: 3, b: 1 } },
      { kind: "increment", key: key("money#2026-12"), counters: { pd: 1350 } },
      { kind: "put", item: { pk: "T#riverford", sk: "CLAIM#1" }, expect: "any" },
    ]);
    expect(merged).toEqual([
      { kind: "put", item: { pk: "T#riverford", sk: "CLAIM#1" }, expect: "any" },
      { kind: "increment", key: key("money#OPEN"), counters: { a: 5, b: 0 } },
      { kind: "increment", key: key("money#2026-12"), counters: { pd: 1350 } },
    ]);
  });

  it("leave a guarded increment as it is", () => {
    const guarded = {
      kind: "increment" as const,
      key: key("VOLPROFILE#1"),
      counters: { placesHeld: 1 },
      guard: { counter: "placesHeld", belowAttribute: "capacity", message: "full" },
    };
    expect(mergeSummaryOps([guarded, guarded])).toEqual([guarded, guarded]);
  });
});
