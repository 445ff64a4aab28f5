import { createHash } from "node:crypto";
import * as z from "zod";
import { defineEntity } from "./entity.js";
import { Problem } from "./errors.js";
import type { ItemKey } from "./keys.js";
import * as keys from "./keys.js";
import type { Item, TenantTable, WriteOp } from "./tenant-table.js";

/** The answer a create gave, kept so a retry with the same Idempotency-Key gets it again. */
export const StoredResponse = z.object({ status: z.number().int(), body: z.unknown() });
export type StoredResponse = z.output<typeof StoredResponse>;

const ONE_DAY_SECONDS = 24 * 60 * 60;

/**
 * What a create under an Idempotency-Key answered, in `#IDEM`, for a day. Its key is built by
 * `keys.idempotency` from the caller and the Idempotency-Key, which are not part of the record.
 */
export const idempotencyEntity = defineEntity({
  type: "idempotency",
  schema: z.object({ requestHash: z.string(), response: StoredResponse }),
  key: (_tenantId, idemKey: ItemKey) => idemKey,
  extra: () => ({ expiresAt: Math.floor(Date.now() / 1000) + ONE_DAY_SECONDS }),
});

export function hashRequest(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("base64url");
}

/**
 * Runs a create at most once per (caller, Idempotency-Key). The idempotency record is written in
 * the same transaction as the records it creates, so a retry either finds it and gets the first
 * answer, or finds nothing and nothing was created. The same key with a different body is refused.
 */
export async function createOnce(
  table: TenantTable,
  key: string | undefined,
  requestHash: string,
  build: () => Promise<{ ops: WriteOp[]; response: StoredResponse }>,
): Promise<StoredResponse & { replayed: boolean }> {
  if (key === undefined) {
    const { ops, response } = await build();
    await table.transact(ops);
    return { ...response, replayed: false };
  }
  const idemKey = keys.idempotency(table.ctx.tenantId, table.ctx.actor.personId, key);
  const earlier = await replay(table, idemKey, requestHash);
  if (earlier) return earlier;

  let response: StoredResponse;
  try {
    const built = await build();
    response = built.response;
    const record = idempotencyRecord(idemKey, requestHash, response);
    await table.transact([...built.ops, { kind: "put", item: record, expect: "absent" }]);
  } catch (e) {
    // A concurrent retry with the same key won the race (seen by `build`'s own reads or by the
    // transaction's conditions): answer as it did.
    if (e instanceof Problem && e.code === "already_exists") {
      const raced = await replay(table, idemKey, requestHash);
      if (raced) return raced;
    }
    throw e;
  }
  return { ...response, replayed: false };
}

/** The record that remembers a create's answer; exported for creates that span two partitions. */
export function idempotencyRecord(
  idemKey: { pk: string; sk: string },
  requestHash: string,
  response: StoredResponse,
): Item {
  // The key's own partition says whose it is; the transaction checks it against its context.
  return idempotencyEntity.item("", { requestHash, response }, { id: idemKey });
}

export async function replay(
  table: TenantTable,
  idemKey: { pk: string; sk: string },
  requestHash: string,
): Promise<(StoredResponse & { replayed: boolean }) | undefined> {
  const found = await idempotencyEntity.get(table, idemKey);
  if (!found) return undefined;
  if (found.requestHash !== requestHash) {
    throw new Problem(
      "idempotency_key_reused",
      "This Idempotency-Key was already used for a different request; use a new key for a new request",
    );
  }
  return { ...found.response, replayed: true };
}
