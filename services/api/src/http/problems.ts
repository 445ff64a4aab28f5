import { ErrorBody, type ErrorCode } from "@tandem/contracts/common";
import { invalid, Problem, type ProblemCode } from "@tandem/domain/problems";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { RETRY_AFTER_SECONDS } from "../faults/dependency-fault.js";

interface Answer {
  status: ContentfulStatusCode;
  /** What the OpenAPI document says the refusal means, on every route that declares it. */
  description: string;
  /** The code the client sees, when it is not the problem's own. */
  shownAs?: ErrorCode;
}

/** The one table from a refusal's code to the HTTP answer: wherever a Problem is raised, it is answered the same. */
export const problemAnswers: Record<ProblemCode, Answer> = {
  bad_request: { status: 400, description: "The request is malformed" },
  validation_failed: { status: 400, description: "The request fails validation; `fields` lists each problem." },
  malformed_json: { status: 400, description: "The body is not valid JSON." },
  invalid_cursor: { status: 400, description: "The paging cursor is not one this API gave." },
  choose_tenant: {
    status: 400,
    description: "The caller works for several councils and must name one in X-Tandem-Tenant (`allowed` lists them).",
  },
  unauthenticated: { status: 401, description: "No token, or a token that is forged or for another service." },
  token_expired: { status: 401, description: "The token has expired." },
  forbidden: { status: 403, description: "The caller's roles do not allow this (`allowed` names those that do)." },
  no_membership: { status: 403, description: "The caller has no active membership of that council's scheme." },
  tenant_suspended: { status: 403, description: "The council's scheme is not taking changes at the moment." },
  not_found: { status: 404, description: "No such record (or council) here." },
  route_not_found: { status: 404, description: "No such route." },
  method_not_allowed: { status: 405, description: "The route does not take that method." },
  conflict: {
    status: 409,
    description: "Not possible in the record's current state (`allowed` lists what is; `fields` what blocks it).",
  },
  busy: {
    status: 409,
    description: "Someone else was changing the same record at that moment; send the request again.",
    shownAs: "conflict",
  },
  version_conflict: { status: 409, description: "The record changed since the caller loaded it (stale version)." },
  already_exists: { status: 409, description: "It exists already." },
  gone: { status: 410, description: "The link or code was used already, has expired or is no longer recognised." },
  payload_too_large: { status: 413, description: "The body is larger than the API accepts." },
  unsupported_media_type: { status: 415, description: "The body is not JSON." },
  idempotency_key_reused: { status: 422, description: "The Idempotency-Key was used for a different request." },
  rate_limited: {
    status: 429,
    description: "Too many requests from this address; Retry-After says when to try again.",
  },
  internal_error: { status: 500, description: "A bug on our side; it has been logged." },
  service_unavailable: {
    status: 503,
    description: "A dependency is down or did not answer in time; send the same request again after Retry-After.",
  },
};

/** The status, body and headers a Problem is answered with. */
export function answerTo(p: Problem, now = Date.now()) {
  const answer = problemAnswers[p.code];
  const body: ErrorBody = {
    error: {
      code: answer.shownAs ?? (p.code as ErrorCode),
      message: p.message,
      ...(p.fields ? { fields: p.fields } : {}),
      ...(p.allowed ? { allowed: p.allowed } : {}),
    },
  };
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (p.retryAt) headers["retry-after"] = String(Math.max(1, Math.ceil((p.retryAt.getTime() - now) / 1000)));
  return { status: answer.status, body, headers };
}

/**
 * A dependency (the table, e-mail, sign-in) could not be reached or did not answer in time. A change is
 * either not made or, if it went through after all, found by its retry (creates carry an Idempotency-Key),
 * so the person is told nothing they entered was lost and when to try again.
 */
export function dependencyUnavailable(method: string, now = Date.now()): Problem {
  const reading = method === "GET" || method === "HEAD";
  const message = reading
    ? "We could not load this just now. Please try again in a minute."
    : "We could not save this just now. Nothing you entered was lost: please try again in a minute.";
  return new Problem("service_unavailable", message, { retryAt: new Date(now + RETRY_AFTER_SECONDS * 1000) });
}

/** A schema's failures, field by field, in the part of the request they were found in. */
export function zodProblem(error: ZodError, where: string): Problem {
  return invalid(
    error.issues.map((i) => ({
      path: i.path.length ? i.path.join(".") : where,
      message: i.code === "unrecognized_keys" ? `Unexpected field(s): ${i.keys.join(", ")}` : i.message,
    })),
    where,
  );
}

/** The error responses of a route that can refuse with these codes, one per status, each documented with ErrorBody. */
export function errorResponses(codes: Iterable<ProblemCode>) {
  const byStatus = new Map<number, string[]>();
  for (const code of new Set(codes)) {
    const { status, description } = problemAnswers[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), description]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, descriptions]) => [
      status,
      { description: descriptions.join(" "), content: { "application/json": { schema: ErrorBody } } },
    ]),
  );
}
