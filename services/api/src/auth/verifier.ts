import { decodeMemberships, type Membership } from "@tandem/domain/people";
import { checkRs256Jwt, remoteRsaKeys } from "./rs256-jwt.js";

export interface VerifiedIdentity {
  personId: string;
  email: string;
  name: string;
  memberships: Membership[];
}

export type VerifyResult = { ok: true; identity: VerifiedIdentity } | { ok: false; reason: "expired" | "invalid" };

export interface TokenVerifierConfig {
  issuer: string;
  audience: string;
  /** Defaults to the issuer's `/.well-known/jwks.json`, where both Cognito and cognito-local publish keys. */
  jwksUrl?: string;
}

/**
 * Verifies Cognito ID tokens: RS256 signature against the issuer's published keys, issuer,
 * audience (the app client), expiry, and that it is an ID token. The same code runs in AWS and
 * locally; only the issuer differs. A `custom:platform` claim is ignored: the platform operator role
 * comes from the platform's own record (`platformRolesOf`), checked on every request.
 */
export function createTokenVerifier(config: TokenVerifierConfig, now: () => number = Date.now) {
  const keyFor = remoteRsaKeys(
    config.jwksUrl ?? `${config.issuer}/.well-known/jwks.json`,
    { cooldownMs: 30_000, cacheMaxAgeMs: 10 * 60_000, timeoutMs: 5_000 },
    now,
  );
  // A token verified once says the same thing until it expires: the signature check (about a third of a
  // warm read's time) is done once per token, not per request. Only good tokens are kept, until their
  // `exp`; roles and suspension still come from the member record on every request.
  const verified = new Map<string, { identity: VerifiedIdentity; expiresAtMs: number }>();
  return async function verify(token: string): Promise<VerifyResult> {
    const known = verified.get(token);
    if (known) {
      if (now() < known.expiresAtMs) return { ok: true, identity: known.identity };
      verified.delete(token);
      return { ok: false, reason: "expired" };
    }
    const result = await verifySignature(token);
    if (result.ok) {
      if (verified.size >= MAX_CACHED_TOKENS) verified.delete(verified.keys().next().value as string);
      verified.set(token, { identity: result.identity, expiresAtMs: result.expiresAtMs });
      return { ok: true, identity: result.identity };
    }
    return result;
  };

  async function verifySignature(token: string): Promise<Checked> {
    const checked = await checkRs256Jwt(token, keyFor, {
      issuer: config.issuer,
      audience: config.audience,
      nowSeconds: Math.floor(now() / 1000),
    });
    if (!checked.ok) return checked;
    const payload = checked.payload as { sub: string; exp: number; [claim: string]: unknown };
    if (payload.token_use !== "id") return { ok: false, reason: "invalid" };
    return {
      ok: true,
      expiresAtMs: (payload.exp ?? 0) * 1000,
      identity: {
        personId: payload.sub,
        email: typeof payload.email === "string" ? payload.email : "",
        name: typeof payload.name === "string" ? payload.name : typeof payload.email === "string" ? payload.email : "",
        memberships: decodeMemberships(payload["custom:memberships"]),
      },
    };
  }
}

/** Enough for every person signed in to one warm function; the oldest is dropped first. */
const MAX_CACHED_TOKENS = 1000;

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;

type Checked =
  | { ok: true; identity: VerifiedIdentity; expiresAtMs: number }
  | { ok: false; reason: "expired" | "invalid" };
