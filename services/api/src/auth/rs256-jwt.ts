import { createPublicKey, type KeyObject, verify } from "node:crypto";

/**
 * An RS256 JSON Web Token checked with node:crypto: the one algorithm and the one kind of key Cognito (and
 * cognito-local) sign ID tokens with. jose did this before, and it is a fine library, but it is a general one
 * (every JWS and JWE algorithm, key import in every format, about 19 KB in every signed-in function's bundle,
 * ADR 23); what Tandem needs of it is this file. What it refuses, it refuses as jose's `jwtVerify` with
 * `algorithms: ["RS256"]` and `requiredClaims: ["sub", "exp", "iat"]` does: any other algorithm or a `crit`
 * header, a signature that does not verify against the issuer's key of that `kid`, another issuer or
 * audience, a token used before `nbf`, and (`expired`) one at or past its `exp`.
 */
export type JwtCheck =
  | { ok: true; payload: Readonly<Record<string, unknown>> }
  | { ok: false; reason: "expired" | "invalid" };

export interface JwtExpectations {
  issuer: string;
  audience: string;
  /** Seconds since the epoch. */
  nowSeconds: number;
}

export async function checkRs256Jwt(
  token: string,
  keyFor: (kid: string) => Promise<KeyObject | undefined>,
  expect: JwtExpectations,
): Promise<JwtCheck> {
  const parts = token.split(".");
  if (parts.length !== 3) return invalid;
  const [head = "", body = "", signature = ""] = parts;
  const header = jsonObject(head);
  const payload = jsonObject(body);
  if (!header || !payload) return invalid;
  if (header.alg !== "RS256" || "crit" in header || typeof header.kid !== "string") return invalid;
  if (!/^[A-Za-z0-9_-]+$/.test(signature)) return invalid;
  const key = await keyFor(header.kid);
  if (!key) return invalid;
  const signed = Buffer.from(`${head}.${body}`, "ascii");
  if (!verify("RSA-SHA256", signed, key, Buffer.from(signature, "base64url"))) return invalid;

  if (payload.iss !== expect.issuer) return invalid;
  const aud = payload.aud;
  if (!(aud === expect.audience || (Array.isArray(aud) && aud.includes(expect.audience)))) return invalid;
  if (typeof payload.sub !== "string" || !isTime(payload.iat) || !isTime(payload.exp)) return invalid;
  if (payload.nbf !== undefined && (!isTime(payload.nbf) || payload.nbf > expect.nowSeconds)) return invalid;
  if (payload.exp <= expect.nowSeconds) return { ok: false, reason: "expired" };
  return { ok: true, payload };
}

const invalid = { ok: false, reason: "invalid" } as const;

const isTime = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function jsonObject(segment: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The issuer's signing keys from its JWKS (`/.well-known/jwks.json`), as jose's `createRemoteJWKSet` kept them:
 * fetched on first use, fetched again after `cacheMaxAgeMs`, and on a `kid` it does not know (a rotated key) at
 * most once per `cooldownMs`. One fetch at a time; a fetch that fails or times out finds no key (the token is
 * refused as invalid, as it was with jose).
 */
export function remoteRsaKeys(
  url: string,
  opts: { cooldownMs: number; cacheMaxAgeMs: number; timeoutMs: number },
  now: () => number = Date.now,
) {
  let keys = new Map<string, KeyObject>();
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<void> | undefined;

  const refresh = () => {
    pending ??= (async () => {
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs), redirect: "error" });
        if (!res.ok) return;
        const body: unknown = await res.json();
        const list = (body as { keys?: unknown })?.keys;
        if (!Array.isArray(list)) return;
        const next = new Map<string, KeyObject>();
        for (const jwk of list as Record<string, unknown>[]) {
          if (jwk?.kty !== "RSA" || typeof jwk.kid !== "string") continue;
          if ((jwk.alg !== undefined && jwk.alg !== "RS256") || (jwk.use !== undefined && jwk.use !== "sig")) continue;
          if (typeof jwk.n !== "string" || typeof jwk.e !== "string") continue;
          try {
            next.set(jwk.kid, createPublicKey({ key: { kty: "RSA", n: jwk.n, e: jwk.e }, format: "jwk" }));
          } catch {
            // A key that does not import is not one we can verify with; the others still count.
          }
        }
        keys = next;
        fetchedAt = now();
      } catch {
        // Unreachable or too slow: no key this time; the next token asks again after the cooldown.
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  };

  let lastTry = Number.NEGATIVE_INFINITY;
  return async function keyFor(kid: string): Promise<KeyObject | undefined> {
    const known = keys.get(kid);
    if (known && now() - fetchedAt < opts.cacheMaxAgeMs) return known;
    // Past its age, or a kid it has not seen: ask again, but not more often than the cooldown (an outage of
    // the issuer must not become a fetch per request); until then a key it has, however old, still verifies.
    if (now() - lastTry >= opts.cooldownMs) {
      lastTry = now();
      await refresh();
    } else if (pending) {
      await pending;
    }
    return keys.get(kid);
  };
}
