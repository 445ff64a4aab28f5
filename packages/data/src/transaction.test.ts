import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { CapacityMeter } from "./capacity.js";
import { Database } from "./database.js";
import { CrossTenantKeyError, Problem } from "./errors.js";
import * as keys from "./keys.js";
import { TenantContext } from "./tenant-context.js";
import type { WriteOp } from "./tenant-table.js";
import { Transaction } from "./transaction.js";
import { transactionUnits } from "./write-pricing.js";

const operator = { personId: "op", email: "operator@tandem.example", name: "Operator" };
const platform = TenantContext.forPlatform(operator, "r1");
const riverford = TenantContext.fromPlatformAction(platform, "riverford");
const eastmere = TenantContext.fromPlatformAction(platform, "eastmere");

const put = (key: { pk: string; sk: string }, extra: Record<string, unknown> = {}): WriteOp => ({
  kind: "put",
  item: { ...key, type: "test", ...extra },
  expect: "absent",
});

/** A client that records what it is sent and answers with `answer`. */
function clientAnswering(answer: () => unknown) {
  const sent: TransactWriteCommand[] = [];
  const client = {
    send: async (command: TransactWriteCommand) => {
      sent.push(command);
      return answer();
    },
  } as Pick<DynamoDBDocumentClient, "send"> as DynamoDBDocumentClient;
  return { sent, client: async () => client };
}

const cancelled = (codes: string[]) =>
  new TransactionCanceledException({
    message: "Transaction cancelled",
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe("a transaction spanning the platform and one tenant", () => {
  it("sends every write in one TransactWriteItems, in order, and meters it at AWS's price", async () => {
    const { sent, client } = clientAnswering(() => ({ ConsumedCapacity: [{ CapacityUnits: 8 }] }));
    const meter = new CapacityMeter();
    await new Transaction("tandem", client, meter)
      .add(platform, [put(keys.slug("riverford"))])
      .add(riverford, [put(keys.tenant("riverford")), put(keys.member("riverford", "p1"))])
      .add(platform, [put(keys.tenantRegistryEntry("riverford"))])
      .commit();
    expect(sent).toHaveLength(1);
    const items = sent[0]?.input.TransactItems ?? [];
    expect(items.map((t) => t.Put?.Item?.sk)).toEqual(["SLUG#riverford", "TENANT", "MEMBER#p1", "TENANT#riverford"]);
    expect(meter.writeUnits).toBe(8);
    expect(meter.awsWriteUnits).toBe(transactionUnits({ TransactItems: items }));
  });

  it.each([
    ["a tenant's item added under the platform's context", platform, keys.tenant("riverford")],
    ["the platform's item added under a tenant's context", riverford, keys.slug("riverford")],
    ["another tenant's item", riverford, keys.tenant("eastmere")],
    ["a gsi1 key in another tenant", riverford, { ...keys.member("riverford", "p1"), gsi1pk: "T#eastmere#PROVIDER#x" }],
  ])("refuses %s before anything is sent", async (_name, ctx, key) => {
    const { sent, client } = clientAnswering(() => ({}));
    const tx = new Transaction("tandem", client, new CapacityMeter());
    const { pk, sk, ...rest } = key as { pk: string; sk: string };
    expect(() => tx.add(ctx, [put({ pk, sk }, rest)])).toThrow(CrossTenantKeyError);
    await tx.commit();
    expect(sent).toHaveLength(0);
  });

  it("is reached through the unconfined client only from the platform's context", () => {
    const { client } = clientAnswering(() => ({}));
    const db = new Database("tandem", client, client);
    const council = db.forTenant(
      TenantContext.fromVerifiedMembership(operator, { tenantId: "riverford", roles: ["tenant_admin"] }, "r1"),
    );
    expect(() => db.platformTransaction(council)).toThrow(/platform/);
    expect(() => db.tenantForPlatform(council, "eastmere")).toThrow(/platform/);
    expect(db.tenantForPlatform(db.forTenant(platform), "eastmere").ctx.tenantId).toBe("eastmere");
  });

  it("refuses to span two tenants", () => {
    const { client } = clientAnswering(() => ({}));
    const tx = new Transaction("tandem", client, new CapacityMeter()).add(riverford, [put(keys.tenant("riverford"))]);
    expect(() => tx.add(eastmere, [put(keys.tenant("eastmere"))])).toThrow(/one tenant/);
  });
});

describe("a refused transaction", () => {
  const refused = async (ops: WriteOp[], codes: string[]) => {
    const { client } = clientAnswering(() => {
      throw cancelled(codes);
    });
    return new Transaction("tandem", client, new CapacityMeter())
      .add(riverford, ops)
      .commit()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
  };

  it.each([
    [
      "an absent item that exists, with its own message",
      { ...put(keys.tenant("riverford")), message: "The tenant id is taken" } as WriteOp,
      "already_exists",
      "The tenant id is taken",
    ],
    ["an absent item that exists", put(keys.tenant("riverford")), "already_exists", "That record already exists"],
    [
      "a stale version",
      { kind: "put", item: { ...keys.tenant("riverford") }, expect: "version", version: 3 } as WriteOp,
      "version_conflict",
      "Someone else changed this record since you loaded it; reload and try again",
    ],
    [
      "a guarded counter",
      {
        kind: "increment",
        key: keys.counters("riverford"),
        counters: { activeAdmins: -1 },
        guard: { counter: "activeAdmins", atLeast: 2, message: "Keep one admin" },
      } as WriteOp,
      "conflict",
      "Keep one admin",
    ],
  ])("names %s", async (_name, op, code, message) => {
    const e = await refused([put(keys.member("riverford", "p1")), op], ["None", "ConditionalCheckFailed"]);
    expect(e).toBeInstanceOf(Problem);
    expect(e).toMatchObject({ code, message });
  });

  it("answers busy when AWS cancelled it for a concurrent transaction", async () => {
    const e = await refused([put(keys.tenant("riverford"))], ["TransactionConflict"]);
    expect(e).toMatchObject({ code: "busy" });
  });
});
