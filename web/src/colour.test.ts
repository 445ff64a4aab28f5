import { describe, expect, it } from "vitest";
import { contrastRatio, usableAccent } from "./colour";

describe("tenant accent colours", () => {
  it("measures contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
  });

  it("keeps colours that leave white header text readable, and refuses the rest", () => {
    expect(usableAccent("#1d4f91")).toBe("#1d4f91");
    expect(usableAccent("#ffdd00")).toBeNull();
    expect(usableAccent("red")).toBeNull();
    expect(usableAccent("#1d4f91; background: url(x)")).toBeNull();
    expect(usableAccent(null)).toBeNull();
  });
});
