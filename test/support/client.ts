import { DEMO_PASSWORD, signIn } from "@tandem/local";
import { inject } from "vitest";

const tokens = new Map<string, string>();

/** A real ID token from the local identity provider, signed in as a demo user. */
export async function tokenFor(email: string): Promise<string> {
  const hit = tokens.get(email);
  if (hit) return hit;
  const s = inject("stack");
  const token = await signIn(
    { userPoolId: s.userPoolId, clientId: s.clientId, port: s.identityPort },
    email,
    DEMO_PASSWORD,
  );
  tokens.set(email, token);
  return token;
}

export interface CallOptions {
  as?: string;
  tenant?: string;
  body?: unknown;
  /** Sent as it is (a file's bytes, malformed JSON); the caller sets its content-type. */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** Calls the API over HTTP, as a client would. */
export async function call(method: string, path: string, opts: CallOptions = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.as) headers.authorization = `Bearer ${await tokenFor(opts.as)}`;
  if (opts.tenant) headers["x-tandem-tenant"] = opts.tenant;
  let body: string | Uint8Array | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(`${inject("stack").url}${path}`, { method, headers, body: body as BodyInit | undefined });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: json as Record<string, unknown> & {
      error?: { code: string; message: string; fields?: { path: string; message: string }[] };
    },
  };
}

export const users = {
  operator: "operator@tandem.example",
  riverfordAdmin: "admin@riverford.example",
  riverfordCoordinator: "coordinator@riverford.example",
  riverfordManager: "manager@riverford.example",
  riverfordVolunteer: "volunteer@riverford.example",
  eastmereAdmin: "admin@eastmere.example",
  eastmereManager: "manager@eastmere.example",
  eastmereServiceManager: "servicemanager@eastmere.example",
  brightpathCoordinator: "coordinator@brightpath.example",
  kingsholtAdmin: "admin@kingsholt.example",
} as const;

/** The shared stack's identity provider, as the local package's sign-in functions take it. */
export function stackIdentity() {
  const s = inject("stack");
  return { userPoolId: s.userPoolId, clientId: s.clientId, port: s.identityPort };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
