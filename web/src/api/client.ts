import { session } from "../session";
import { apiErrorMessage } from "./types";

export const GENERIC_FAILURE = "Sorry, the service is unavailable. Try again later.";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

let onUnauthorised: () => void = () => {};

/** What to do when the API says the token is no longer good (expired, revoked): set by the app. */
export function setUnauthorisedHandler(handler: () => void): void {
  onUnauthorised = handler;
}

/**
 * Call the API on our own origin. Sends the identity token when signed in and, for tenant-scoped
 * calls, the tenant the person chose in `X-Tandem-Tenant`. Resolves with the parsed JSON body.
 */
export async function api(
  path: string,
  options: { tenantScoped?: boolean; method?: string; body?: unknown } = {},
): Promise<unknown> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const current = session();
  if (current) headers.Authorization = `Bearer ${current.idToken}`;
  if (options.tenantScoped) {
    if (!current?.activeTenantId) throw new ApiError(0, "Choose a council first.");
    headers["X-Tandem-Tenant"] = current.activeTenantId;
  }
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
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
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (response.status === 401 && current) onUnauthorised();
    const code =
      typeof body === "object" && body !== null && "error" in body
        ? ((body.error as { code?: unknown }).code ?? null)
        : null;
    throw new ApiError(
      response.status,
      apiErrorMessage(body) ?? GENERIC_FAILURE,
      typeof code === "string" ? code : null,
    );
  }
  return body;
}
