import { generateSecret, generateSync, verifySync } from "otplib";

/**
 * Authenticator-app codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), as Cognito's software-token
 * MFA and every authenticator app use them. otplib does the arithmetic: it is the TOTP library
 * cognito-local itself uses (one implementation in the tree, kept up to date, typed, no native code).
 */
const STEP = { algorithm: "sha1", digits: 6, period: 30 } as const;

/** A new shared secret: 20 random bytes in base32, the length Cognito's AssociateSoftwareToken hands out. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The code an authenticator app shows for `secret` at `at` (now by default). */
export function totpCode(secret: string, at: Date = new Date()): string {
  return generateSync({ secret, ...STEP, epoch: Math.floor(at.getTime() / 1000) });
}

/** True when `code` is the code of this step or of the one before or after it (a phone's clock drifts). */
export function totpValid(secret: string, code: string, at: Date = new Date()): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  try {
    return verifySync({ secret, token: code, ...STEP, epoch: Math.floor(at.getTime() / 1000), epochTolerance: 30 })
      .valid;
  } catch {
    return false;
  }
}

/**
 * The demo users' authenticator secret (fictional, like their password): every demo user is already
 * enrolled with it, so a developer adds it to an authenticator app once, and the tests compute codes from it.
 */
export const DEMO_TOTP_SECRET = "KRQW4ZDFNUWWIZLNN4WTEMBSGZPUYT2D";
