import * as z from "zod";

/**
 * The reference a referrer is given on the confirmation page and quotes on the phone, such as
 * "RIV-7K3M9QXD": the tenant's prefix and eight symbols of Crockford's base 32 (40 bits). The
 * symbols are not a count: they come from the submission's Idempotency-Key (see the data
 * package), so a retried submission finds its own referral by key alone and no counter or
 * idempotency record is written, and a reference says nothing about how many referrals a council has.
 */
export const ReferencePrefix = z.string().regex(/^[A-Z]{2,5}$/, "Use 2 to 5 capital letters, such as RIV");

export const REFERENCE_CODE_LENGTH = 8;
/** A reference inside other text (a link's token, an e-mail); anchor it to match a whole string. */
export const REFERENCE_SOURCE = "[A-Z]{2,5}-[0-9A-HJKMNP-TV-Z]{8}";
const REFERENCE_PATTERN = new RegExp(`^${REFERENCE_SOURCE}$`);

export const ReferralReference = z.string().regex(REFERENCE_PATTERN, "A reference looks like RIV-7K3M9QXD");
export type ReferralReference = z.infer<typeof ReferralReference>;

/** The reference from the tenant's prefix and at least eight bytes (of a hash, in the data package). */
export function formatReferralReference(prefix: string, bytes: Uint8Array): string {
  ReferencePrefix.parse(prefix);
  return `${prefix}-${verificationCodeFromBytes(bytes)}`;
}

/**
 * What a person typed, made comparable as for codes (case, spaces and extra hyphens ignored; O read
 * as 0, I and L as 1, in the symbols only). Returns null when it cannot be a reference.
 */
export function parseReferralReference(input: string): string | null {
  const m = /^([A-Za-z]{2,5})-(.+)$/.exec(input.trim());
  if (!m?.[1] || !m[2]) return null;
  const code = normaliseVerificationCode(m[2]);
  return code ? `${m[1].toUpperCase()}-${code}` : null;
}

export const isReferralReference = (s: string) => REFERENCE_PATTERN.test(s);

/**
 * A short code sent with the reference so a referrer without an account can check on a referral.
 * Crockford's base-32 alphabet leaves out I, L, O and U, so a code read over the phone or copied by
 * hand is not mistaken; 32 symbols also divide 256 exactly, so a random byte maps without bias.
 */
export const VERIFICATION_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const VERIFICATION_CODE_LENGTH = 8;

/**
 * Turns random bytes (from crypto.getRandomValues in the caller, keeping this module pure) into a
 * code. Needs at least VERIFICATION_CODE_LENGTH bytes; 8 symbols of 5 bits give 40 bits.
 */
export function verificationCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < VERIFICATION_CODE_LENGTH) {
    throw new RangeError(`Need ${VERIFICATION_CODE_LENGTH} random bytes, got ${bytes.length}`);
  }
  let code = "";
  for (let i = 0; i < VERIFICATION_CODE_LENGTH; i++) code += VERIFICATION_ALPHABET[(bytes[i] ?? 0) & 31];
  return code;
}

/** Shown as two groups of four ("7K2M-Q9XD"), which people read back more reliably. */
export function formatVerificationCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What a person typed, made comparable: case, spaces and hyphens ignored, and the letters Crockford
 * reads as digits (O as 0; I and L as 1) mapped to them. Returns null when it cannot be a code.
 */
export function normaliseVerificationCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return isVerificationCode(cleaned) ? cleaned : null;
}

export function isVerificationCode(code: string): boolean {
  return code.length === VERIFICATION_CODE_LENGTH && [...code].every((ch) => VERIFICATION_ALPHABET.includes(ch));
}
