/** Failures the data layer reports in domain terms, so the API can answer each with the right 4xx. */
export class DataError extends Error {
  constructor(
    readonly code:
      | "version_conflict"
      | "already_exists"
      | "not_found"
      | "idempotency_key_reused"
      | "invalid_cursor"
      | "conflict"
      /** A concurrent transaction on the same item won (AWS only): nothing was written, the same request may be sent again. */
      | "busy"
      | "gone",
    message: string,
  ) {
    super(message);
    this.name = "DataError";
  }
}

/** A key outside the caller's tenant reached the data layer: a programming error, never user input. */
export class CrossTenantKeyError extends Error {
  constructor(pk: string) {
    super(`Refused a key outside the current tenant: ${pk.split("#").slice(0, 2).join("#")}`);
    this.name = "CrossTenantKeyError";
  }
}

/**
 * A stored item that does not match its entity's schema: a data error (an item written by older code,
 * or by hand), never the request's fault. It names the entity and the fields that failed, not their
 * values, so the message can be logged without personal data.
 */
export class StoredItemError extends Error {
  constructor(
    readonly entity: string,
    issues: readonly { path: readonly PropertyKey[]; message: string }[],
  ) {
    const detail = issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join(".") || "(item)"}: ${i.message}`)
      .join("; ");
    super(`A stored ${entity} does not match its schema: ${detail}`);
    this.name = "StoredItemError";
  }
}
