import { session } from "../session";
import type { ErrorBody, ErrorCode, FieldProblem } from "./types";

export const GENERIC_FAILURE = "Sorry, the service is unavailable. Try again later.";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly code: ErrorCode | null = null,
    /** Per-field problems from a 400, with dotted paths into the request body. */
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(message);
  }
}

let onUnauthorised: () => void = () => {};

/** What to do when the API says the token is no longer good (expired, revoked): set by the app. */
export function setUnauthorisedHandler(handler: () => void): void {
  onUnauthorised = handler;
}

export interface ApiOptions {
  tenantScoped?: boolean;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** One key per intended create, reused on a retry, so a double submit cannot create twice. */
  idempotencyKey?: string;
}

function errorBody(value: unknown): ErrorBody["error"] | null {
  if (typeof value !== "object" || value === null || !("error" in value)) return null;
  const error: unknown = value.error;
  if (typeof error !== "object" || error === null || !("message" in error) || typeof error.message !== "string") {
    return null;
  }
  return error as ErrorBody["error"];
}

async function send(path: string, options: ApiOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  const current = session();
  if (current) headers.Authorization = `Bearer ${current.idToken}`;
  if (options.tenantScoped) {
    if (!current?.activeTenantId) throw new ApiError(0, "Choose a council first.");
    headers["X-Tandem-Tenant"] = current.activeTenantId;
  }
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: "omit",
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, GENERIC_FAILURE);
  }
  if (!response.ok) {
    const body = errorBody(await response.json().catch(() => null));
    if (response.status === 401 && current) onUnauthorised();
    throw new ApiError(response.status, body?.message ?? GENERIC_FAILURE, body?.code ?? null, body?.fields ?? []);
  }
  return response;
}

/**
 * Call the API on our own origin. Sends the identity token when signed in and, for tenant-scoped
 * calls, the council the person chose in `X-Tandem-Tenant`. The caller names the response type
 * (from `./types`); it is not checked at run time, because the API is ours, built from the same
 * schemas, and shipping a validator would put zod in the bundle.
 */
export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const response = await send(path, options, "application/json");
  return (await response.json().catch(() => null)) as T;
}

/** A file the API serves behind sign-in (the tenant export): fetched with the token, handed over as a Blob. */
export async function apiFile(
  path: string,
  options: ApiOptions = {},
): Promise<{ blob: Blob; filename: string | null }> {
  const response = await send(path, options, "*/*");
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
  return { blob: await response.blob(), filename };
}

/** A fresh Idempotency-Key for one intended create. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
