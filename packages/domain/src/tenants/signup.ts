import { verificationCodeFromBytes } from "../referrals/reference.js";

/**
 * Tandem's own service promise to a council asking for an account: how soon the platform operator
 * answers. It is not from any council's policy or source document; it is ours to keep, so the sign-up
 * page and the acknowledgement e-mail both read it from here and cannot disagree.
 */
export const SIGNUP_REPLY_WORKING_DAYS = 5;

/** "within 5 working days", as the page and the e-mail both say it. */
export const signupReplyPromise = () => `within ${SIGNUP_REPLY_WORKING_DAYS} working days`;

/**
 * A reference a council's contact can read out on the phone ("TAN-7K3M-9QXD"), alongside the id the
 * request is stored under: Crockford's base 32, so no I, L, O or U to mishear, 40 random bits.
 */
export function signupReference(randomBytes: Uint8Array): string {
  const code = verificationCodeFromBytes(randomBytes);
  return `TAN-${code.slice(0, 4)}-${code.slice(4)}`;
}

export const SIGNUP_REFERENCE_SOURCE = "TAN-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";
