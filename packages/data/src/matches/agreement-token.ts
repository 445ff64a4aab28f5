import { hashLinkToken, newLinkToken } from "../link-tokens.js";

/**
 * The token in the social worker's agreement link: `<match id>.<32 random bytes, base64url>`. The match
 * id says which match to load; only the SHA-256 of the random part is stored on it, so the table never
 * holds a working link (as referral links do).
 */
export function newMatchToken(matchId: string): { token: string; hash: string } {
  const secret = newLinkToken();
  return { token: `${matchId}.${secret.token}`, hash: secret.hash };
}

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export function parseMatchToken(token: string): { matchId: string; hash: string } | null {
  const m = TOKEN.exec(token);
  return m?.[1] && m[2] ? { matchId: m[1], hash: hashLinkToken(m[2]) } : null;
}
