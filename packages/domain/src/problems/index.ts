/**
 * The one way a request is refused (`@tandem/domain/problems`): the domain, the data layer and the API
 * throw a `Problem`, and the API answers it with the status its code maps to (services/api, http/problems.ts).
 */
import * as z from "zod";

/** Every reason a request can be refused. Each is also the stable `code` programs see in the error body. */
export const ProblemCode = z.enum([
  "bad_request",
  "validation_failed",
  "malformed_json",
  "payload_too_large",
  "unauthenticated",
  "token_expired",
  "forbidden",
  "no_membership",
  "choose_tenant",
  "not_found",
  "route_not_found",
  "method_not_allowed",
  "conflict",
  "version_conflict",
  "already_exists",
  "idempotency_key_reused",
  "invalid_cursor",
  "tenant_suspended",
  "gone",
  "rate_limited",
  "unsupported_media_type",
  "service_unavailable",
  "internal_error",
  /**
   * A concurrent transaction on the same item won (AWS only): nothing was written and the same request may be
   * sent again. Callers that can retry do; a client sees `conflict`.
   */
  "busy",
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

/** One thing wrong with one part of the request, by its path ("answers.child.dateOfBirth"). */
export interface FieldProblem {
  path: string;
  message: string;
}

export interface ProblemDetails {
  /** Each field that is wrong (validation), or each blocker standing in the way. */
  fields?: FieldProblem[];
  /** What would have been accepted: the actions open now, the roles that may, the councils to choose from. */
  allowed?: string[];
  /** When the same request may be tried again (answered with Retry-After). */
  retryAt?: Date;
}

/** A refusal the caller can act on: a stable code for programs and a message for people. */
export class Problem extends Error {
  readonly fields?: FieldProblem[];
  readonly allowed?: string[];
  readonly retryAt?: Date;

  constructor(
    readonly code: ProblemCode,
    message: string,
    details: ProblemDetails = {},
  ) {
    super(message);
    this.name = "Problem";
    if (details.fields) this.fields = details.fields;
    if (details.allowed) this.allowed = details.allowed;
    if (details.retryAt) this.retryAt = details.retryAt;
  }
}

/**
 * The request fails validation: every field that is wrong, summed up by the first
 * ("Check the request body: answers.child.dateOfBirth: ...").
 */
export function invalid(fields: FieldProblem[], where = "request body"): Problem {
  const first = fields[0];
  const summary = first ? `${first.path}: ${first.message}` : "The request is not valid";
  return new Problem("validation_failed", `Check the ${where}: ${summary}`, { fields });
}
