import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { CrossTenantKeyError } from "./errors.js";
import * as keys from "./keys.js";
import { partitionBelongsTo } from "./keys.js";
import { TenantContext } from "./tenant-context.js";
import { TenantTable } from "./tenant-table.js";

const actor = { personId: "p1", email: "a@riverford.example", name: "A" };
const ctx = TenantContext.fromVerifiedMembership(actor, { tenantId: "riverford", roles: ["coordinator"] }, "r1");

/** A client that must never be reached: the refusal has to happen before any call. */
let calls = 0;
const unreachable = async () => {
  calls += 1;
  return {} as DynamoDBDocumentClient;
};

describe("a tenant-confined table", () => {
  const table = new TenantTable("t", unreachable, ctx);
  it.each([
    ["another tenant's record", keys.tenant("eastmere")],
    ["a tenant whose id extends ours", { pk: "T#riverford-evil", sk: "TENANT" }],
    ["the platform's records", keys.slug("riverford")],
  ])("refuses %s before calling DynamoDB", async (_name, key) => {
    await expect(table.get(key)).rejects.toBeInstanceOf(CrossTenantKeyError);
    await expect(table.query({ pk: key.pk, limit: 1 })).rejects.toBeInstanceOf(CrossTenantKeyError);
    await expect(table.putNew({ ...key })).rejects.toBeInstanceOf(CrossTenantKeyError);
    await expect(
      table.transact([{ kind: "put", item: { ...keys.member("riverford", "x"), gsi1pk: key.pk }, expect: "any" }]),
    ).rejects.toBeInstanceOf(CrossTenantKeyError);
    expect(calls).toBe(0);
  });
});

describe("partition ownership", () => {
  it.each([
    ["T#riverford", true],
    ["T#riverford#AUDIT", true],
    ["T#riverford-evil", false],
    ["T#riverfordx#AUDIT", false],
    ["T#_platform", false],
    ["riverford", false],
  ])("%s belongs to riverford: %s", (pk, expected) => {
    expect(partitionBelongsTo(pk, "riverford")).toBe(expected);
  });
});
