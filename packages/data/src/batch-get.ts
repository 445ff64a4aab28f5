import type { ConsumedCapacity } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { ItemKey } from "./keys.js";

/**
 * Reads items by key, 100 to a BatchGet (DynamoDB's limit), asking again for any keys it leaves
 * unprocessed under load. Returns the items found, keyed `pk|sk`; `onCapacity` receives each call's consumed capacity.
 */
export async function batchGetAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  keyList: readonly ItemKey[],
  onCapacity: (c: ConsumedCapacity) => void = () => {},
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (let start = 0; start < keyList.length; start += 100) {
    await batchOf(client, tableName, keyList.slice(start, start + 100), onCapacity, found);
  }
  return found;
}

async function batchOf(
  client: DynamoDBDocumentClient,
  tableName: string,
  keyList: readonly ItemKey[],
  onCapacity: (c: ConsumedCapacity) => void,
  found: Map<string, Record<string, unknown>>,
): Promise<void> {
  let pending: Record<string, unknown>[] = keyList.map((k) => ({ pk: k.pk, sk: k.sk }));
  for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
    const out = await client.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } }, ReturnConsumedCapacity: "TOTAL" }),
    );
    for (const c of out.ConsumedCapacity ?? []) onCapacity(c);
    for (const item of out.Responses?.[tableName] ?? []) found.set(`${item.pk}|${item.sk}`, item);
    pending = (out.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
  }
  if (pending.length > 0) throw new Error("DynamoDB left keys unprocessed after retries");
}
