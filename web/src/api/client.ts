import type { ApiSchema, ErrorBody } from "@tandem/api/api-schema";
import { session } from "../session";

export const GENERIC_FAILURE = "Sorry, the service is unavailable. Try again later.";

export type ErrorCode = ErrorBody["error"]["code"];
export type FieldProblem = NonNullable<ErrorBody["error"]["fields"]>[number];

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

// ---------------------------------------------------------------------------------------------
// The routes' types, from the routers themselves (`import type`: no API code reaches the bundle)
// ---------------------------------------------------------------------------------------------

export type Verb = "get" | "post" | "put" | "patch";
/** The paths that answer `verb`, as the routers spell them (`/api/referrals/:id`). */
export type PathOf<V extends Verb> = {
  [P in keyof ApiSchema]: `$${V}` extends keyof ApiSchema[P] ? P : never;
}[keyof ApiSchema];
type Endpoint<V extends Verb, P extends PathOf<V>> = ApiSchema[P][`$${V}` & keyof ApiSchema[P]];
/** What a route takes: `param`, `query`, `header` and `json`, each as its zod schema accepts it. */
export type Input<V extends Verb, P extends PathOf<V>> = Endpoint<V, P> extends { input: infer I } ? I : never;
/** The JSON body a route accepts. */
export type Body<V extends Verb, P extends PathOf<V>> = Input<V, P> extends { json: infer J } ? J : never;
/** What a route answers when it succeeds, as its response schema declares it. */
export type Output<V extends Verb, P extends PathOf<V>> =
  Extract<Endpoint<V, P>, { status: 200 | 201 | 202 }> extends { output: infer O } ? O : never;

interface RequestInput {
  param?: Record<string, string | number>;
  query?: Record<string, unknown>;
  header?: Record<string, string | undefined>;
  json?: unknown;
  /** A file sent as the raw request body (a receipt's photo), in place of JSON. */
  file?: Blob;
}

export interface CallOptions {
  /** Acts in the council the person chose: sends it as `X-Tandem-Tenant`. */
  tenantScoped?: boolean;
}

function errorBody(value: unknown): ErrorBody["error"] | null {
  if (typeof value !== "object" || value === null || !("error" in value)) return null;
  const error: unknown = value.error;
  if (typeof error !== "object" || error === null || !("message" in error) || typeof error.message !== "string") {
    return null;
  }
  return error as ErrorBody["error"];
}

/** The route's path with its `:params` filled in (encoded) and a query string of the values that are set. */
export function url(path: string, input: RequestInput = {}): string {
  const filled = path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(input.param?.[name] ?? "")));
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(input.query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(name, String(value));
  }
  const query = params.toString();
  return query ? `${filled}?${query}` : filled;
}

/**
 * Text pasted from a document can carry control characters nobody sees (Word's manual line break is a vertical
 * tab, a page break a form feed). The API refuses every C0 control but tab, line feed and carriage return
 * (services/api/src/http/well-formed-text.ts) with a message about a character the person cannot find, so the
 * two that look like a new line are sent as one and the rest, invisible anyway, are left out.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F]/g;
export const withoutControlCharacters = (_name: string, value: unknown): unknown =>
  typeof value === "string" ? value.replace(/[\v\f]/g, "\n").replace(INVISIBLE, "") : value;

async function send(verb: Verb, path: string, input: RequestInput, options: CallOptions, accept: string) {
  const headers: Record<string, string> = { Accept: accept };
  const current = session();
  if (current) headers.Authorization = `Bearer ${current.idToken}`;
  if (options.tenantScoped) {
    if (!current?.activeTenantId) throw new ApiError(0, "Choose a council first.");
    headers["X-Tandem-Tenant"] = current.activeTenantId;
  }
  if (input.json !== undefined) headers["Content-Type"] = "application/json";
  if (input.file) headers["Content-Type"] = input.file.type || "application/octet-stream";
  const idempotencyKey = input.header?.["idempotency-key"];
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  let response: Response;
  try {
    response = await fetch(url(path, input), {
      method: verb.toUpperCase(),
      headers,
      body: input.file ?? (input.json === undefined ? null : JSON.stringify(input.json, withoutControlCharacters)),
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
 * Calls a route on our own origin, typed by the router that serves it: the path, what it takes and
 * what it answers all come from the route's declaration. Sends the identity token when signed in
 * and, for tenant-scoped calls, the council the person chose in `X-Tandem-Tenant`. The answer is not
 * checked at run time, because the API is ours, built from the same schemas, and shipping a validator
 * would put zod in the bundle.
 */
export async function call<V extends Verb, P extends PathOf<V>>(
  verb: V,
  path: P,
  input: Input<V, P>,
  options: CallOptions = {},
): Promise<Output<V, P>> {
  const response = await send(verb, path, input as RequestInput, options, "application/json");
  return (await response.json().catch(() => null)) as Output<V, P>;
}

/**
 * A file the API serves behind sign-in (the tenant export, a certificate): fetched with the token,
 * handed over as a Blob. The path is a plain string because Hono's types leave out a route whose
 * only answer is a media type they do not model (the export's NDJSON); there is no JSON to type.
 */
export async function callForFile(
  path: string,
  input: { param?: Record<string, string>; query?: Record<string, unknown> },
  options: CallOptions = {},
): Promise<{ blob: Blob; filename: string | null }> {
  const response = await send("get", path, input, options, "*/*");
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
  return { blob: await response.blob(), filename };
}

/**
 * Sends a file as the raw body of a POST (a receipt's photo or PDF) and answers the route's JSON. The
 * path is a plain string and the answer's type the caller's, because Hono's types leave out a route
 * whose body is not JSON (as for `callForFile`).
 */
export async function callWithFile<T>(
  path: string,
  input: { param?: Record<string, string> },
  file: Blob,
  options: CallOptions = {},
): Promise<T> {
  const response = await send("post", path, { ...input, file }, options, "application/json");
  return (await response.json().catch(() => null)) as T;
}

/** A fresh Idempotency-Key for one intended create. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
