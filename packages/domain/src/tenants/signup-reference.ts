import { verificationCodeFromBytes } from "../referrals/reference.js";

/**
 * A reference a council's contact can read out on the phone ("TAN-7K3M-9QXD"), alongside the id the
 * request is stored under: Crockford's base 32, so no I, L, O or U to mishear, 40 random bits. Apart
 * from signup.ts so the sign-up page, which only needs the promise, does not carry it.
 */
export function signupReference(randomBytes: Uint8Array): string {
  const code = verificationCodeFromBytes(randomBytes);
  return `TAN-${code.slice(0, 4)}-${code.slice(4)}`;
}

export const SIGNUP_REFERENCE_SOURCE = "TAN-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";
