/**
 * Whether an error means a dependency (DynamoDB, SES, Cognito, STS) could not be reached or did not answer
 * in time, after the SDK's own retries: the request may succeed if sent again shortly, so it is answered
 * 503 with Retry-After, not 500. A refusal the service gave on purpose (a failed condition, a validation
 * error) is not one of these.
 */
export function isDependencyFault(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (DEPENDENCY_FAULT_NAMES.has(err.name)) return true;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && NETWORK_ERROR_CODES.has(code)) return true;
  // A service that answered 5xx (DynamoDB's InternalServerError, SES's 503) after every retry.
  const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return typeof status === "number" && status >= 500 && (err as { $fault?: unknown }).$fault === "server";
}

const DEPENDENCY_FAULT_NAMES = new Set([
  // The SDK's request handler: no connection in time, or no answer in time.
  "TimeoutError",
  // Throttled after the SDK's retries: a table, an account limit, Cognito's or SES's rate.
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "TooManyRequestsException",
  "LimitExceededException",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "InternalServerError",
  // A fetch (the JWKS) aborted by its own timeout.
  "AbortError",
]);

/** Node's errors for a connection refused, reset or dropped on the way. */
const NETWORK_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

/** How long we ask a person to wait before trying again: long enough for a restart or a throttle to pass. */
export const RETRY_AFTER_SECONDS = 60;
