import { createHash, randomBytes } from "node:crypto";

/**
 * Tokens for links sent by e-mail (invitations, verification, reference requests). Only the hash
 * is stored, so a read of the table never yields a working link.
 */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
