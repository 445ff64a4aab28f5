import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { batchGetAll } from "./batch-get.js";
import { CapacityMeter } from "./capacity.js";
import { CrossTenantKeyError, Problem } from "./errors.js";
import { type ItemKey, partitionBelongsTo } from "./keys.js";
import type { TenantContext } from "./tenant-context.js";
import { Transaction } from "./transaction.js";
import { putUnits, SMALL_UPDATE_UNITS } from "./write-pricing.js";

/** Gives the document client to use for one tenant: in AWS it carries credentials scoped to that tenant's keys. */
export type ClientForTenant = (tenantId: string) => Promise<DynamoDBDocumentClient>;

export type Item = Record<string, unknown> & ItemKey;

/**
 * One write in a transaction; `expect` says what must be true of the stored item first, and
 * `message` what the refusal says when it is not (instead of the general one).
 */
export type WriteOp =
  | { kind: "put"; item: Item; expect: "absent"; message?: string | undefined }
  | { kind: "put"; item: Item; expect: "version"; version: number; message?: string | undefined }
  | { kind: "put"; item: Item; expect: "any" }
  | {
      kind: "increment";
      key: ItemKey;
      counters: Record<string, number>;
      /**
       * Refuse the whole transaction unless, before the change, this counter is at least `atLeast`, or
       * below the item's own attribute `belowAttribute` (a count held against a capacity on the same item).
       */
      guard?:
        | { counter: string; atLeast: number; message: string }
        | { counter: string; belowAttribute: string; message: string };
      /**
       * Counters this change brought down, to remove once committed if they are then zero, so an
       * item of counters (reporting's OPEN summaries) does not fill with zeros as its history grows.
       */
      tidy?: readonly string[];
    }
  /** Refuse the whole transaction unless the item exists at this version; writes nothing. */
  | { kind: "check"; key: ItemKey; version: number; message: string };

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

/**
 * A view of the table confined to one tenant. Every key is checked against the context's tenant
 * before any call, so application code cannot reach another council's items even by mistake;
 * in AWS the credentials behind `clientFor` enforce the same rule a second time.
 */
export class TenantTable {
  constructor(
    private readonly tableName: string,
    private readonly clientFor: ClientForTenant,
    readonly ctx: TenantContext,
    readonly meter: CapacityMeter = new CapacityMeter(),
  ) {}

  /** Items read ahead for this request (see `prime`), each answered once by `get`, by `pk|sk`. */
  private readonly primed = new Map<string, Item | undefined>();

  /**
   * Items a route declared it reads, fetched in the access check's BatchGet: the next `get` of each
   * key is answered from here instead of another round trip (once; a consistent read still goes to
   * DynamoDB). `found` holds the items in the order of `keyList`, undefined where none exists.
   */
  prime(keyList: readonly ItemKey[], found: readonly (Item | undefined)[]): void {
    keyList.forEach((k, i) => {
      this.check(k.pk);
      this.primed.set(`${k.pk}|${k.sk}`, found[i]);
    });
  }

  private check(pk: string): void {
    if (!partitionBelongsTo(pk, this.ctx.tenantId)) throw new CrossTenantKeyError(pk);
  }

  private client(): Promise<DynamoDBDocumentClient> {
    return this.clientFor(this.ctx.tenantId);
  }

  /** One item; `consistent` when a write just before must be seen (a retry looking for its own first try). */
  async get<T extends Item = Item>(key: ItemKey, opts: { consistent?: boolean } = {}): Promise<T | undefined> {
    this.check(key.pk);
    const ahead = `${key.pk}|${key.sk}`;
    if (!opts.consistent && this.primed.has(ahead)) {
      const item = this.primed.get(ahead);
      this.primed.delete(ahead);
      return item as T | undefined;
    }
    const out = await this.meter.timed(
      (await this.client()).send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: key.pk, sk: key.sk },
          ...(opts.consistent ? { ConsistentRead: true } : {}),
          ReturnConsumedCapacity: "TOTAL",
        }),
      ),
    );
    this.meter.read(out.ConsumedCapacity);
    return out.Item as T | undefined;
  }

  /**
   * Several items in one round trip (for example the tenant and the caller's membership on every
   * request), in the order asked; a missing item is undefined.
   */
  async getMany(keyList: ItemKey[]): Promise<(Item | undefined)[]> {
    for (const k of keyList) this.check(k.pk);
    // BatchGetItem refuses a key named twice (a route reading ahead the caller's own member record).
    const unique = [...new Map(keyList.map((k) => [`${k.pk}|${k.sk}`, k])).values()];
    const found = await this.meter.timed(
      batchGetAll(await this.client(), this.tableName, unique, (c) => this.meter.read(c)),
    );
    return keyList.map((k) => found.get(`${k.pk}|${k.sk}`) as Item | undefined);
  }

  /** One page of a partition (optionally an sk prefix, optionally gsi1), in key order. */
  async query<T extends Item = Item>(q: {
    pk: string;
    skPrefix?: string;
    /** Sort keys from the first to the second, both inclusive (instead of a prefix). */
    skBetween?: readonly [string, string];
    index?: "gsi1";
    limit: number;
    cursor?: string | null;
    newestFirst?: boolean;
  }): Promise<Page<T>> {
    this.check(q.pk);
    const pkName = q.index ? "gsi1pk" : "pk";
    const skName = q.index ? "gsi1sk" : "sk";
    const between = q.skBetween && !q.skPrefix ? q.skBetween : undefined;
    const input: QueryCommandInput = {
      TableName: this.tableName,
      IndexName: q.index,
      KeyConditionExpression: q.skPrefix
        ? "#pk = :pk AND begins_with(#sk, :sk)"
        : between
          ? "#pk = :pk AND #sk BETWEEN :from AND :to"
          : "#pk = :pk",
      ExpressionAttributeNames: q.skPrefix || between ? { "#pk": pkName, "#sk": skName } : { "#pk": pkName },
      ExpressionAttributeValues: q.skPrefix
        ? { ":pk": q.pk, ":sk": q.skPrefix }
        : between
          ? { ":pk": q.pk, ":from": between[0], ":to": between[1] }
          : { ":pk": q.pk },
      Limit: q.limit,
      ScanIndexForward: !q.newestFirst,
      ReturnConsumedCapacity: "TOTAL",
    };
    if (q.cursor) input.ExclusiveStartKey = this.decodeCursor(q.cursor, q);
    const out = await this.meter.timed((await this.client()).send(new QueryCommand(input)));
    this.meter.read(out.ConsumedCapacity);
    return {
      items: (out.Items ?? []) as T[],
      cursor: out.LastEvaluatedKey ? Buffer.from(JSON.stringify(out.LastEvaluatedKey)).toString("base64url") : null,
    };
  }

  /**
   * A cursor is the last key of the previous page, as DynamoDB gave it. One sent back is checked in
   * full before DynamoDB sees it: exactly the key attributes of this list's table or index, each a
   * string, the item's own partition within this tenant, and the position inside this list's
   * partition and prefix. DynamoDB rejects anything else with an error that would be a 500.
   */
  private decodeCursor(
    cursor: string,
    q: { pk: string; skPrefix?: string; skBetween?: readonly [string, string]; index?: "gsi1" },
  ): Record<string, string> {
    const [pkName, skName] = q.index ? ["gsi1pk", "gsi1sk"] : ["pk", "sk"];
    const expected = q.index ? ["gsi1pk", "gsi1sk", "pk", "sk"] : ["pk", "sk"];
    try {
      const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
        const key = parsed as Record<string, unknown>;
        const names = Object.keys(key).sort();
        const valid =
          names.length === expected.length &&
          names.every((n, i) => n === expected[i] && typeof key[n] === "string" && key[n] !== "") &&
          key[pkName] === q.pk &&
          partitionBelongsTo(key.pk as string, this.ctx.tenantId) &&
          (key[skName] as string).startsWith(q.skPrefix ?? "") &&
          (!q.skBetween || ((key[skName] as string) >= q.skBetween[0] && (key[skName] as string) <= q.skBetween[1]));
        if (valid) return key as Record<string, string>;
      }
    } catch {
      // fall through to the same answer as a cursor for another list
    }
    throw new Problem("invalid_cursor", "The page cursor is not valid for this list; start again from the first page");
  }

  /** Puts one item that must not exist yet. */
  async putNew(item: Item): Promise<void> {
    this.check(item.pk);
    try {
      const out = await this.meter.timed(
        (await this.client()).send(
          new PutCommand({
            TableName: this.tableName,
            Item: item,
            ConditionExpression: "attribute_not_exists(pk)",
            ReturnConsumedCapacity: "TOTAL",
          }),
        ),
      );
      this.meter.write(out.ConsumedCapacity, putUnits(item, false));
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException)
        throw new Problem("already_exists", "That record already exists");
      throw e;
    }
  }

  /**
   * Deletes one item, whether or not it is there (a repeat is harmless). For items that a newer
   * version has already replaced in view, such as the chunks of a superseded upload: anything a
   * reader could still see is changed through `transact` with its conditions instead.
   */
  async delete(key: ItemKey): Promise<void> {
    this.check(key.pk);
    const out = await this.meter.timed(
      (await this.client()).send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { pk: key.pk, sk: key.sk },
          ReturnConsumedCapacity: "TOTAL",
        }),
      ),
    );
    this.meter.write(out.ConsumedCapacity, SMALL_UPDATE_UNITS);
  }

  /**
   * Counts one use of a small counter item, creating it (with `attributes`) on first use, unless
   * it has reached `limit`: one conditional UpdateItem, so concurrent callers cannot both take the
   * last use. Answers false, writing nothing, when the limit is reached.
   */
  async countWithin(
    key: ItemKey,
    counter: string,
    limit: number,
    attributes: Record<string, string | number>,
  ): Promise<boolean> {
    this.check(key.pk);
    const names: Record<string, string> = { "#n": counter };
    const values: Record<string, string | number> = { ":zero": 0, ":one": 1, ":limit": limit };
    const sets = Object.entries(attributes).map(([name, value], i) => {
      names[`#a${i}`] = name;
      values[`:a${i}`] = value;
      return `#a${i} = if_not_exists(#a${i}, :a${i})`;
    });
    try {
      const out = await this.meter.timed(
        (await this.client()).send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { pk: key.pk, sk: key.sk },
            UpdateExpression: `SET ${["#n = if_not_exists(#n, :zero) + :one", ...sets].join(", ")}`,
            ConditionExpression: "attribute_not_exists(#n) OR #n < :limit",
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnConsumedCapacity: "TOTAL",
          }),
        ),
      );
      this.meter.write(out.ConsumedCapacity, SMALL_UPDATE_UNITS);
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return false;
      throw e;
    }
  }

  /**
   * Writes several items all or nothing, each checked against this tenant. A failed `absent` or
   * `version` expectation becomes a Problem naming which, so the caller can answer 409 without
   * anything half-written.
   */
  async transact(ops: WriteOp[]): Promise<void> {
    await this.transaction().add(this.ctx, ops).commit();
  }

  /** A transaction through this tenant's client and meter, for callers that build it in steps. */
  transaction(): Transaction {
    return new Transaction(this.tableName, () => this.client(), this.meter);
  }
}
