import { DEMO_PASSWORD, type LocalStack, signIn } from "@tandem/local";

export interface ApiResponse {
  status: number;
  headers: Headers;
  json: unknown;
}

/** Calls the bench's own local stack over HTTP, as a browser would: bearer ID token, tenant header. */
export class ApiClient {
  private readonly tokens = new Map<string, string>();
  readonly baseUrl: string;

  constructor(private readonly stack: LocalStack) {
    // 127.0.0.1 rather than localhost: the server listens on IPv4 and name resolution is not what we measure.
    this.baseUrl = `http://127.0.0.1:${stack.ports.http}`;
  }

  async token(email: string): Promise<string> {
    const hit = this.tokens.get(email);
    if (hit) return hit;
    const token = await signIn(this.stack.identity, email, DEMO_PASSWORD);
    this.tokens.set(email, token);
    return token;
  }

  /** Headers for a call as `as` (signed in) in tenant `tenant`; both optional. */
  async headers(opts: { as?: string; tenant?: string; extra?: Record<string, string> }): Promise<Headers> {
    const h = new Headers(opts.extra);
    if (opts.as) h.set("authorization", `Bearer ${await this.token(opts.as)}`);
    if (opts.tenant) h.set("x-tandem-tenant", opts.tenant);
    return h;
  }

  async call(
    method: string,
    path: string,
    opts: { as?: string; tenant?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse> {
    const headers = await this.headers({ as: opts.as, tenant: opts.tenant, extra: opts.headers });
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers.set("content-type", "application/json");
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json };
  }
}

/** Reads a field of a JSON object answer, or throws with the answer when it is not there. */
export function field<T>(json: unknown, name: string, check: (v: unknown) => v is T): T {
  const v = typeof json === "object" && json !== null ? (json as Record<string, unknown>)[name] : undefined;
  if (!check(v)) throw new Error(`Expected "${name}" in ${JSON.stringify(json)?.slice(0, 300)}`);
  return v;
}

export const isNumber = (v: unknown): v is number => typeof v === "number";
export const isString = (v: unknown): v is string => typeof v === "string";
export const isArray = (v: unknown): v is unknown[] => Array.isArray(v);
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

export const users = {
  operator: "operator@tandem.example",
  admin: "admin@riverford.example",
  coordinator: "coordinator@riverford.example",
} as const;
