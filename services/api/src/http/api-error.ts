import type { ErrorBody, ErrorCode } from "@tandem/contracts/common";
import type { DataError } from "@tandem/data/core";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";

/** An answer the caller can act on: a status, a stable code for programs and a message for people. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Pick<ErrorBody["error"], "fields" | "allowed"> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

export function validationError(error: ZodError, where: string): ApiError {
  const fields = error.issues.map((i) => ({
    path: i.path.length ? i.path.join(".") : where,
    message: i.code === "unrecognized_keys" ? `Unexpected field(s): ${i.keys.join(", ")}` : i.message,
  }));
  const first = fields[0];
  const summary = first ? `${first.path}: ${first.message}` : "The request is not valid";
  return new ApiError(400, "validation_failed", `Check the ${where}: ${summary}`, { fields });
}

const dataStatus: Record<DataError["code"], { status: ContentfulStatusCode; code: ErrorCode }> = {
  version_conflict: { status: 409, code: "version_conflict" },
  already_exists: { status: 409, code: "already_exists" },
  not_found: { status: 404, code: "not_found" },
  idempotency_key_reused: { status: 422, code: "idempotency_key_reused" },
  invalid_cursor: { status: 400, code: "invalid_cursor" },
  conflict: { status: 409, code: "conflict" },
  busy: { status: 409, code: "conflict" },
  gone: { status: 410, code: "gone" },
};

export function fromDataError(e: DataError): ApiError {
  const m = dataStatus[e.code];
  return new ApiError(m.status, m.code, e.message);
}
