import { describe, expect, it } from "vitest";
import {
  formatReferralReference,
  formatVerificationCode,
  isReferralReference,
  isVerificationCode,
  normaliseVerificationCode,
  parseReferralReference,
  ReferralReference,
  VERIFICATION_ALPHABET,
  verificationCodeFromBytes,
} from "./reference.js";

describe("referral references", () => {
  it.each([
    { prefix: "RIV", bytes: [7, 20, 3, 19, 9, 23, 29, 13], ref: "RIV-7M3K9QXD" },
    { prefix: "EM", bytes: [0, 0, 0, 0, 0, 0, 0, 1], ref: "EM-00000001" },
    { prefix: "KINGS", bytes: [31, 63, 95, 255, 32, 64, 10, 11], ref: "KINGS-ZZZZ00AB" },
  ])("$prefix with $bytes → $ref", ({ prefix, bytes, ref }) => {
    const formatted = formatReferralReference(prefix, Uint8Array.from(bytes));
    expect(formatted).toBe(ref);
    expect(ReferralReference.safeParse(formatted).success).toBe(true);
    expect(isReferralReference(formatted)).toBe(true);
    expect(parseReferralReference(formatted)).toBe(ref);
  });

  it.each([
    ["a lower-case prefix", "riv", 8],
    ["a one-letter prefix", "R", 8],
    ["too few bytes", "RIV", 7],
  ])("refuse %s", (_name, prefix, length) => {
    expect(() => formatReferralReference(prefix as string, new Uint8Array(length as number))).toThrow();
  });

  it.each([
    [" riv-7m3k9qxd ", "RIV-7M3K9QXD"],
    ["RIV-7M3K-9QXD", "RIV-7M3K9QXD"],
    ["riv-OIL00000", "RIV-01100000"],
    ["RIV-2026-00042", null],
    ["RIV7M3K9QXD", null],
    ["RIV-7M3K9QXU", null],
  ])("read back %j as %j", (typed, expected) => {
    expect(parseReferralReference(typed)).toBe(expected);
  });

  it("refuses the old counted form, which no referral has any more", () => {
    expect(ReferralReference.safeParse("RIV-2026-00042").success).toBe(false);
  });
});

describe("verification codes", () => {
  it("use every symbol of the alphabet without bias", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const counts = new Map<string, number>();
    for (let i = 0; i < 256; i += 8) {
      for (const ch of verificationCodeFromBytes(bytes.subarray(i, i + 8))) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });

  it("turn bytes into a code that passes the format check", () => {
    const code = verificationCodeFromBytes(Uint8Array.from([0, 1, 10, 31, 32, 200, 255, 17]));
    expect(code).toBe("01AZ08ZH");
    expect(isVerificationCode(code)).toBe(true);
    expect(formatVerificationCode(code)).toBe("01AZ-08ZH");
  });

  it("refuse too few bytes", () => {
    expect(() => verificationCodeFromBytes(new Uint8Array(7))).toThrow(RangeError);
  });

  it.each([
    ["01az-08zh", "01AZ08ZH"],
    [" 01AZ 08ZH ", "01AZ08ZH"],
    ["OIAZ-O8ZH", "01AZ08ZH"],
    ["L1AZ08ZH", "11AZ08ZH"],
    ["01AZ08Z", null],
    ["01AZ08ZU", null],
    ["01AZ08ZH9", null],
  ])("%j normalises to %j", (input, code) => {
    expect(normaliseVerificationCode(input)).toBe(code);
  });

  it("never contain letters read as others", () => {
    for (const ch of "ILOU") expect(VERIFICATION_ALPHABET).not.toContain(ch);
  });
});
