import { decodeMemberships, type Membership } from "@tandem/domain/people";
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from "jose";

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
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl ?? `${config.issuer}/.well-known/jwks.json`), {
    cooldownDuration: 30_000,
    cacheMaxAge: 10 * 60_000,
  });
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
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ["RS256"],
        requiredClaims: ["sub", "exp", "iat"],
      }));
    } catch (e) {
      if (e instanceof errors.JWTExpired) return { ok: false, reason: "expired" };
      return { ok: false, reason: "invalid" };
    }
    if (payload.token_use !== "id" || typeof payload.sub !== "string") return { ok: false, reason: "invalid" };
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
