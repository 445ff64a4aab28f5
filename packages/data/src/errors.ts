/**
 * The data layer refuses with the one `Problem` every layer throws (`@tandem/domain/problems`), so the API
 * answers each code with the same status wherever it was raised.
 */
export { invalid, Problem } from "@tandem/domain/problems";

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
