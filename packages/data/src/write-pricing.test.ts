import { describe, expect, it } from "vitest";
import { itemSize, putUnits, transactionUnits } from "./write-pricing.js";

describe("item size, as DynamoDB counts it", () => {
  it.each([
    { item: { pk: "T#a" }, size: 2 + 3 },
    { item: { name: "Zoë" }, size: 4 + 4 },
    { item: { n: 12345 }, size: 1 + 4 },
    { item: { n: 0 }, size: 1 + 2 },
    { item: { ok: true, none: null }, size: 2 + 1 + 4 + 1 },
    { item: { list: ["ab", "c"] }, size: 4 + 3 + (1 + 2) + (1 + 1) },
    { item: { map: { a: "xy" } }, size: 3 + 3 + (1 + 1 + 2) },
    { item: { gone: undefined, pk: "x" }, size: 2 + 1 },
  ])("$item is $size bytes", ({ item, size }) => {
    expect(itemSize(item)).toBe(size);
  });
});

describe("write units", () => {
  const kb = (n: number) => ({ pk: "T#a", sk: "x", body: "x".repeat(n * 1024 - 20) });

  it.each([
    { name: "a small put", item: { pk: "T#a", sk: "x" }, transactional: false, units: 1 },
    { name: "a small put in a transaction", item: { pk: "T#a", sk: "x" }, transactional: true, units: 2 },
    { name: "just under 2 KB in a transaction", item: kb(2), transactional: true, units: 4 },
    { name: "just over 2 KB in a transaction", item: { ...kb(2), more: "xxxxxxxxxx" }, transactional: true, units: 6 },
    {
      name: "a small indexed item in a transaction (its index entry at the standard rate)",
      item: { pk: "T#a", sk: "x", gsi1pk: "T#a#AUDIT", gsi1sk: "1" },
      transactional: true,
      units: 3,
    },
  ])("$name: $units", ({ item, transactional, units }) => {
    expect(putUnits(item, transactional)).toBe(units);
  });

  it("adds up a transaction, pricing counter updates as small items and condition checks as reads", () => {
    const units = transactionUnits({
      TransactItems: [
        { Put: { TableName: "t", Item: kb(2) } },
        { Put: { TableName: "t", Item: { pk: "T#a#AUDIT", sk: "1", gsi1pk: "T#a#AUDIT#r#1", gsi1sk: "1" } } },
        { Update: { TableName: "t", Key: { pk: "T#a", sk: "COUNTERS" }, UpdateExpression: "ADD n :one" } },
        {
          ConditionCheck: { TableName: "t", Key: { pk: "T#a", sk: "y" }, ConditionExpression: "attribute_exists(pk)" },
        },
      ],
    });
    expect(units).toBe(4 + 3 + 2 + 0);
  });
});
