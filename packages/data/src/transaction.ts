import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import type { CapacityMeter } from "./capacity.js";
import { CrossTenantKeyError, Problem } from "./errors.js";
import { partitionBelongsTo } from "./keys.js";
import { PLATFORM_TENANT } from "./table.js";
import type { TenantContext } from "./tenant-context.js";
import type { WriteOp } from "./tenant-table.js";
import { transactionUnits } from "./write-pricing.js";

type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/**
 * The one place a TransactWriteItems is sent. Each write is added under a tenant context and its keys
 * (table and gsi1) are checked against that context's tenant as it is added, so a transaction may span
 * the platform's records and one council's (provisioning, a status change) with every write still
 * confined to the context it was added under. The whole is all or nothing, priced by AWS's rules
 * (write-pricing.ts) and metered like every other call.
 */
export class Transaction {
  private readonly ops: WriteOp[] = [];
  private readonly items: TransactItem[] = [];
  private readonly tenants = new Set<string>();

  constructor(
    private readonly tableName: string,
    private readonly client: () => Promise<DynamoDBDocumentClient>,
    private readonly meter: CapacityMeter,
  ) {}

  /** Adds writes confined to `ctx`'s tenant; a key outside it is refused before anything is sent. */
  add(ctx: Pick<TenantContext, "tenantId">, ops: readonly WriteOp[]): this {
    this.tenants.add(ctx.tenantId);
    if ([...this.tenants].filter((t) => t !== PLATFORM_TENANT).length > 1) {
      throw new Error("A transaction may span the platform's records and one tenant's, never two tenants'");
    }
    for (const op of ops) {
      this.items.push(toTransactItem(this.tableName, op, (pk) => checkKey(pk, ctx.tenantId)));
      this.ops.push(op);
    }
    return this;
  }

  /**
   * Writes everything or nothing. A failed expectation becomes a Problem naming it (the op's own
   * message when it has one), so the caller can answer 409 with nothing half-written.
   */
  async commit(): Promise<void> {
    if (this.items.length === 0) return;
    const input = { TransactItems: this.items, ReturnConsumedCapacity: "TOTAL" as const };
    try {
      const out = await this.meter.timed((await this.client()).send(new TransactWriteCommand(input)));
      this.meter.write(out.ConsumedCapacity, transactionUnits(input));
    } catch (e) {
      if (e instanceof TransactionCanceledException) throw refusal(e, this.ops) ?? e;
      throw e;
    }
  }
}

function checkKey(pk: string, tenantId: string): void {
  if (!partitionBelongsTo(pk, tenantId)) throw new CrossTenantKeyError(pk);
}

function refusal(e: TransactionCanceledException, ops: readonly WriteOp[]): Problem | undefined {
  const reasons = e.CancellationReasons ?? [];
  const failed = reasons.findIndex((r) => r.Code === "ConditionalCheckFailed");
  const op = failed >= 0 ? ops[failed] : undefined;
  if (op?.kind === "put" && op.expect === "version") {
    return new Problem(
      "version_conflict",
      op.message ?? "Someone else changed this record since you loaded it; reload and try again",
    );
  }
  if (op?.kind === "put" && op.expect === "absent") {
    return new Problem("already_exists", op.message ?? "That record already exists");
  }
  if (op?.kind === "increment" && op.guard) return new Problem("conflict", op.guard.message);
  if (op?.kind === "check") return new Problem("version_conflict", op.message);
  // AWS cancels one of two transactions that touch the same item at once (DynamoDB Local queues them).
  if (reasons.some((r) => r.Code === "TransactionConflict")) {
    return new Problem("busy", "Someone else was changing the same record at that moment; please try again");
  }
  return undefined;
}

function toTransactItem(TableName: string, op: WriteOp, check: (pk: string) => void): TransactItem {
  if (op.kind === "check") {
    check(op.key.pk);
    return {
      ConditionCheck: {
        TableName,
        Key: { pk: op.key.pk, sk: op.key.sk },
        ConditionExpression: "#v = :v",
        ExpressionAttributeNames: { "#v": "version" },
        ExpressionAttributeValues: { ":v": op.version },
      },
    };
  }
  if (op.kind === "increment") {
    check(op.key.pk);
    const names: Record<string, string> = {};
    const values: Record<string, number> = {};
    const parts = Object.entries(op.counters).map(([name, by], i) => {
      names[`#c${i}`] = name;
      values[`:c${i}`] = by;
      return `#c${i} :c${i}`;
    });
    if (op.guard) {
      names["#g"] = op.guard.counter;
      values[":g"] = op.guard.atLeast;
    }
    return {
      Update: {
        TableName,
        Key: { pk: op.key.pk, sk: op.key.sk },
        UpdateExpression: `ADD ${parts.join(", ")}`,
        ...(op.guard ? { ConditionExpression: "#g >= :g" } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  }
  check(op.item.pk);
  if (typeof op.item.gsi1pk === "string") check(op.item.gsi1pk);
  if (op.expect === "absent") {
    return { Put: { TableName, Item: op.item, ConditionExpression: "attribute_not_exists(pk)" } };
  }
  if (op.expect === "version") {
    return {
      Put: {
        TableName,
        Item: op.item,
        ConditionExpression: "#v = :v",
        ExpressionAttributeNames: { "#v": "version" },
        ExpressionAttributeValues: { ":v": op.version },
      },
    };
  }
  return { Put: { TableName, Item: op.item } };
}
