import { describe, expect, it } from "vitest";
import { waitingInWords } from "./visits-waiting";

describe("the visits waiting on a manager's home, in words", () => {
  it.each([
    [{ count: 0, more: false }, "no visits over the hours or overnight, waiting for a senior manager's agreement."],
    [{ count: 1, more: false }, "1 visit over the hours or overnight, waiting for a senior manager's agreement."],
    [{ count: 3, more: false }, "3 visits over the hours or overnight, waiting for a senior manager's agreement."],
    [
      { count: 50, more: true },
      "50 or more visits over the hours or overnight, waiting for a senior manager's agreement.",
    ],
    [undefined, "visits over the hours or overnight, waiting for a senior manager's agreement."],
  ])("%o", (waiting, words) => {
    expect(waitingInWords(waiting)).toBe(words);
  });
});
