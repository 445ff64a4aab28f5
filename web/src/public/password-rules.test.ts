import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-rules";

describe("new passwords", () => {
  it("asks for length and every kind of character", () => {
    expect(passwordProblem("")).toBe("Enter a password");
    expect(passwordProblem("Short1!")).toMatch(/12 characters/);
    expect(passwordProblem("alllowercase123!")).toMatch(/upper and lower/);
    expect(passwordProblem("NoSymbolsHere123")).toMatch(/symbol/);
    expect(passwordProblem("Tandem-demo-2026!")).toBeNull();
  });
});
