import { MAX_PRIVACY_NOTICE_CHARS } from "@tandem/domain/tenants";
import { describe, expect, it } from "vitest";
import { BrandingChange } from "./onboarding.js";

describe("a council's branding change", () => {
  it("says how long a privacy notice may be, written as people write numbers", () => {
    const result = BrandingChange.safeParse({
      name: "Riverford",
      accentColour: "#1d70b8",
      contactEmail: "iv@riverford.example",
      contactPhone: "01632 960000",
      about: "",
      privacyNotice: "x".repeat(MAX_PRIVACY_NOTICE_CHARS + 1),
      version: 1,
    });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      `Use ${MAX_PRIVACY_NOTICE_CHARS.toLocaleString("en-GB")} characters or fewer for the privacy notice`,
    ]);
    expect(MAX_PRIVACY_NOTICE_CHARS.toLocaleString("en-GB")).toBe("20,000");
  });
});
