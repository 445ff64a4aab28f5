/**
 * How every AWS SDK client the API builds talks to its service (DynamoDB, SES, Cognito, STS, S3): a hung or
 * unreachable dependency must end in an answer the person can act on, never a request that waits until
 * Lambda kills it. Without these, the SDK waits for ever on a connection that is open but silent (a paused
 * process, a black-holed network).
 *
 * - A connection not made within a second, or a call not answered within two, fails with `TimeoutError`
 *   (DynamoDB answers in milliseconds; two seconds is a dependency in trouble, not a slow day).
 * - The SDK's standard retry mode retries throttling, timeouts and refused connections with exponential
 *   backoff and full jitter (a random wait up to 100 ms × 2^attempt), three attempts in all, so a blip is
 *   absorbed and an outage is answered within {@link SDK_CALL_BUDGET_MS}.
 *
 * Retrying a write is safe: TransactWriteItems carries the SDK's client request token on each retry, and
 * every other write is conditional (a create expects the item absent; the API reads a retried create's
 * earlier answer back from its idempotency record).
 */
export const SDK_CONNECTION_TIMEOUT_MS = 1_000;
export const SDK_REQUEST_TIMEOUT_MS = 2_000;
export const SDK_MAX_ATTEMPTS = 3;

/** The longest one SDK call can take before it fails: every attempt timing out, plus the largest backoffs. */
export const SDK_CALL_BUDGET_MS = SDK_MAX_ATTEMPTS * (SDK_REQUEST_TIMEOUT_MS + 100 * 2 ** (SDK_MAX_ATTEMPTS - 1));

/** Spread into an SDK client's constructor: `new DynamoDBClient({ ...resilientClientConfig })`. */
export const resilientClientConfig = {
  maxAttempts: SDK_MAX_ATTEMPTS,
  retryMode: "standard",
  requestHandler: {
    connectionTimeout: SDK_CONNECTION_TIMEOUT_MS,
    requestTimeout: SDK_REQUEST_TIMEOUT_MS,
    // Without this the handler only logs a warning when requestTimeout passes and keeps waiting.
    throwOnRequestTimeout: true,
  },
} as const;

/** The part of an AWS SDK v3 client this module touches; every client (DynamoDB, SES, Cognito, STS, S3) has it. */
interface SdkClient {
  readonly middlewareStack: { remove(name: string): boolean };
}

/**
 * The client without the SDK's logger middleware. That middleware runs after every call, and although no
 * logger is set (the SDK's default does nothing), it first builds a log-safe copy of the call's input and
 * output by walking both against the operation's schema: for a read, every attribute of every item returned.
 * That was about a tenth of the API's time in DynamoDB calls (bench section 1's CPU profile). The API logs
 * its own calls' outcome (the access log, metrics); an SDK logger, if ever wanted, goes back with it.
 * Every client the API and the outbox build at run time goes through here (lambda/sdk-clients.test.ts).
 */
export function withoutSdkLogger<C extends SdkClient>(client: C): C {
  client.middlewareStack.remove("loggerMiddleware");
  return client;
}
