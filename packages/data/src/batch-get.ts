import { type AttributeValue, BatchGetItemCommand, type ConsumedCapacity } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { ItemKey } from "./keys.js";

/**
 * Reads items by key, 100 to a BatchGet (DynamoDB's limit), asking again for any keys it leaves
 * unprocessed under load. Every signed-in request's access check comes through here, so it sends the
 * low-level BatchGetItem through the document client and unmarshalls the items itself: the document
 * client's own BatchGet adds a middleware stack per call and walks the input and output a second time to
 * convert them (bench section 1's profile), for keys that are two strings. Returns the items found, keyed `pk|sk`; `onCapacity` receives each call's consumed capacity.
 */
/** As the document client unmarshalls (its defaults): numbers as JavaScript numbers, sets as Sets. */
const unmarshallOptions = { wrapNumbers: false } as const;

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
  let pending: Record<string, AttributeValue>[] = keyList.map((k) => ({ pk: { S: k.pk }, sk: { S: k.sk } }));
  for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
    const out = await client.send(
      new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending } }, ReturnConsumedCapacity: "TOTAL" }),
    );
    for (const c of out.ConsumedCapacity ?? []) onCapacity(c);
    for (const stored of out.Responses?.[tableName] ?? []) {
      const item = unmarshall(stored, unmarshallOptions);
      found.set(`${item.pk}|${item.sk}`, item);
    }
    pending = out.UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  if (pending.length > 0) throw new Error("DynamoDB left keys unprocessed after retries");
}
