import { describe, expect, it } from "vitest";
import {
  formatReferralReference,
  formatVerificationCode,
  isVerificationCode,
  normaliseVerificationCode,
  parseReferralReference,
  ReferralReference,
  VERIFICATION_ALPHABET,
  verificationCodeFromBytes,
} from "./reference.js";

describe("referral references", () => {
  it.each([
    { prefix: "RIV", year: 2026, counter: 42, ref: "RIV-2026-00042" },
    { prefix: "EM", year: 2027, counter: 1, ref: "EM-2027-00001" },
    { prefix: "KINGS", year: 2026, counter: 123456, ref: "KINGS-2026-123456" },
  ])("$prefix, $year, $counter → $ref", ({ prefix, year, counter, ref }) => {
    const formatted = formatReferralReference(prefix, year, counter);
    expect(formatted).toBe(ref);
    expect(ReferralReference.safeParse(formatted).success).toBe(true);
    expect(parseReferralReference(formatted)).toEqual({ prefix, year, counter });
  });

  it.each([
    ["a lower-case prefix", "riv", 2026, 1],
    ["a one-letter prefix", "R", 2026, 1],
    ["a counter of 0", "RIV", 2026, 0],
    ["a part year", "RIV", 2026.5, 1],
  ])("refuse %s", (_name, prefix, year, counter) => {
    expect(() => formatReferralReference(prefix as string, year as number, counter as number)).toThrow();
  });

  it("read back what a person typed", () => {
    expect(parseReferralReference(" riv-2026-00042 ")).toEqual({ prefix: "RIV", year: 2026, counter: 42 });
    expect(parseReferralReference("RIV-26-42")).toBeNull();
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
