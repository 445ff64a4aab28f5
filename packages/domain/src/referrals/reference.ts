import { z } from "zod";

/**
 * The reference a referrer is given on the confirmation page and quotes on the phone, such as
 * "RIV-2026-00042": the tenant's prefix, the year and the tenant's counter. The year makes a
 * reference readable out loud without a long number and shows at a glance how old a referral is.
 */
export const ReferencePrefix = z.string().regex(/^[A-Z]{2,5}$/, "Use 2 to 5 capital letters, such as RIV");

export const ReferralReference = z.string().regex(/^[A-Z]{2,5}-\d{4}-\d{5,}$/, "A reference looks like RIV-2026-00042");
export type ReferralReference = z.infer<typeof ReferralReference>;

export function formatReferralReference(prefix: string, year: number, counter: number): string {
  ReferencePrefix.parse(prefix);
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  if (!Number.isInteger(counter) || counter < 1) throw new RangeError(`The counter starts at 1: ${counter}`);
  // Five digits fit a large council's referrals for a year; more digits are kept rather than cut.
  return `${prefix}-${year}-${String(counter).padStart(5, "0")}`;
}

export function parseReferralReference(input: string): { prefix: string; year: number; counter: number } | null {
  const m = /^([A-Z]{2,5})-(\d{4})-(\d{5,})$/.exec(input.trim().toUpperCase());
  if (!m) return null;
  return { prefix: m[1] as string, year: Number(m[2]), counter: Number(m[3]) };
}

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
