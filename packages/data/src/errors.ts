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
