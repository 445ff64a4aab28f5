import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { CapacityMeter } from "./capacity.js";
import { CrossTenantKeyError, Problem } from "./errors.js";
import { partitionBelongsTo } from "./keys.js";
import { PLATFORM_TENANT } from "./table.js";
import type { TenantContext } from "./tenant-context.js";
import type { WriteOp } from "./tenant-table.js";
import { SMALL_UPDATE_UNITS, transactionUnits } from "./write-pricing.js";

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
    await this.tidy();
  }

  /**
   * After the commit, removes the counters an increment asked to tidy that are now zero: one
   * consistent read of just those counters, then one conditional UpdateItem removing the zeros
   * (condition: still zero). The change itself is already committed: a counter left at zero (a
   * race, or a failed call) costs bytes, not correctness, and the next rebuild drops it.
   */
  private async tidy(): Promise<void> {
    for (const op of this.ops) {
      if (op.kind !== "increment" || !op.tidy?.length) continue;
      try {
        const client = await this.client();
        const asked = Object.fromEntries(op.tidy.map((n, i) => [`#t${i}`, n]));
        const read = await client.send(
          new GetCommand({
            TableName: this.tableName,
            Key: { pk: op.key.pk, sk: op.key.sk },
            ProjectionExpression: Object.keys(asked).join(", "),
            ExpressionAttributeNames: asked,
            ConsistentRead: true,
            ReturnConsumedCapacity: "TOTAL",
          }),
        );
        this.meter.read(read.ConsumedCapacity);
        const zeros = Object.entries(asked).filter(([, name]) => read.Item?.[name] === 0);
        if (zeros.length === 0) continue;
        const names = Object.fromEntries(zeros);
        const out = await client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { pk: op.key.pk, sk: op.key.sk },
            UpdateExpression: `REMOVE ${Object.keys(names).join(", ")}`,
            ConditionExpression: Object.keys(names)
              .map((n) => `${n} = :zero`)
              .join(" AND "),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: { ":zero": 0 },
            ReturnConsumedCapacity: "TOTAL",
          }),
        );
        this.meter.write(out.ConsumedCapacity, SMALL_UPDATE_UNITS);
      } catch {
        // Raced by another change, or the call failed: the zero stays, harmlessly, until a rebuild.
      }
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
    let condition: string | undefined;
    if (op.guard) {
      names["#g"] = op.guard.counter;
      if ("atLeast" in op.guard) {
        values[":g"] = op.guard.atLeast;
        condition = "#g >= :g";
      } else {
        // A missing counter or limit compares false, so an item that does not exist refuses too.
        names["#limit"] = op.guard.belowAttribute;
        condition = "#g < #limit";
      }
    }
    return {
      Update: {
        TableName,
        Key: { pk: op.key.pk, sk: op.key.sk },
        UpdateExpression: `ADD ${parts.join(", ")}`,
        ...(condition ? { ConditionExpression: condition } : {}),
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
