import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-rules";

describe("new passwords", () => {
  it.each([
    ["empty", "", "Enter a password"],
    ["short", "Short1!", "Your password needs at least 12 characters"],
    ["no upper case", "alllowercase123!", "Your password needs an upper case letter"],
    ["no symbol", "NoSymbolsHere123", "Your password needs a symbol, like ! or ?"],
    [
      "every rule missed at once",
      "abc",
      "Your password needs at least 12 characters, an upper case letter, a number and a symbol, like ! or ?",
    ],
    ["too long", `Aa1!${"x".repeat(253)}`, "Your password must be 256 characters or fewer"],
    ["fine", "Tandem-demo-2026!", null],
  ])("%s", (_case, password, expected) => {
    expect(passwordProblem(password)).toBe(expected);
  });
});
