import type { PutCommandInput, TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { tableDefinition } from "./table.js";

/**
 * What AWS would bill for a write, priced from the request itself by DynamoDB's published rules,
 * because DynamoDB Local's own figure for transactions is not AWS's: it reports 4 units for a
 * transaction of six one-line items, where AWS bills 12. The bench's write-unit targets use this.
 *
 * Rules used: an item's size is its attribute names plus values (strings in UTF-8 bytes, numbers
 * about one byte per two digits plus one, booleans and nulls one byte, lists and maps three bytes
 * plus one per element plus their contents); a write costs one unit per started KB, twice that in
 * a transaction; an item with the index's keys also writes an index entry (its size plus 100 bytes,
 * projection ALL) at the standard rate, as index updates are applied outside the transaction.
 * An Update or Delete names only a key, so its item is priced as under 1 KB: every Update here is
 * a counter or a rate window. A ConditionCheck is priced as a read (not counted here).
 *
 * Where this prices low, so figures for changes to existing items are a floor: a Put that replaces an
 * item is billed on the larger of the old and new item (only the new one is seen here), and one that
 * moves the item's gsi1 key writes the index twice (the old entry out, the new in). Creates, which the
 * submission budget is about, are priced exactly.
 */

const KB = 1024;
const INDEX_ENTRY_OVERHEAD = 100;
const indexKeys = tableDefinition.globalSecondaryIndexes.map((g) => g.partitionKey);

function valueSize(v: unknown): number {
  if (v === undefined) return 0;
  if (v === null || typeof v === "boolean") return 1;
  if (typeof v === "string") return Buffer.byteLength(v, "utf8");
  if (typeof v === "number" || typeof v === "bigint") {
    const digits = String(v).replace(/^-/, "").replace(".", "").replace(/^0+/, "").replace(/e.*$/i, "");
    return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
  }
  if (v instanceof Uint8Array) return v.byteLength;
  if (v instanceof Set) return [...v].reduce<number>((n, x) => n + valueSize(x), 0);
  if (Array.isArray(v)) return 3 + v.reduce<number>((n, x) => n + 1 + valueSize(x), 0);
  if (typeof v === "object") return 3 + attributesSize(v as Record<string, unknown>, 1);
  return 0;
}

function attributesSize(attrs: Record<string, unknown>, perElement = 0): number {
  let n = 0;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    n += perElement + Buffer.byteLength(name, "utf8") + valueSize(value);
  }
  return n;
}

/** An item's size in bytes as DynamoDB counts it. */
export const itemSize = (item: Record<string, unknown>): number => attributesSize(item);

const units = (bytes: number) => Math.max(1, Math.ceil(bytes / KB));

/** Write units of putting this item: the item, doubled in a transaction, plus its index entry if it has one. */
export function putUnits(item: Record<string, unknown>, transactional: boolean): number {
  const size = itemSize(item);
  const indexed = indexKeys.filter((k) => typeof item[k] === "string").length;
  return units(size) * (transactional ? 2 : 1) + indexed * units(size + INDEX_ENTRY_OVERHEAD);
}

export function transactionUnits(input: Pick<TransactWriteCommandInput, "TransactItems">): number {
  let total = 0;
  for (const t of input.TransactItems ?? []) {
    if (t.Put) total += putUnits(t.Put.Item as Record<string, unknown>, true);
    else if (t.Update || t.Delete) total += 2;
  }
  return total;
}

export const putItemUnits = (input: Pick<PutCommandInput, "Item">) =>
  putUnits((input.Item ?? {}) as Record<string, unknown>, false);

/** A single UpdateItem or DeleteItem on an item under 1 KB (see above). */
export const SMALL_UPDATE_UNITS = 1;
