import { describe, expect, it } from "vitest";
import { commitmentWords, refereesWords, visitFrequencyWords, visitLengthWords } from "./scheme-words";

describe("a council's policy in its public pages' words", () => {
  it.each([
    ["weekly", "about once a week"],
    ["fortnightly", "about once a fortnight"],
    ["monthly", "about once a month"],
  ] as const)("visits %s are %s", (visitFrequency, words) => {
    expect(visitFrequencyWords({ visitFrequency })).toBe(words);
  });

  it.each([
    [1, "1 month"],
    [6, "6 months"],
    [12, "12 months"],
    [18, "18 months"],
    [24, "2 years"],
    [36, "3 years"],
  ])("a commitment of %i months is %s", (commitmentMonths, words) => {
    expect(commitmentWords({ commitmentMonths })).toBe(words);
  });

  it.each([
    [2, 2, "2 hours"],
    [2, 3, "2 to 3 hours"],
    [1, 1, "1 hour"],
    [1.5, 2, "1.5 to 2 hours"],
  ])("a visit of %s to %s hours is %s", (min, max, words) => {
    expect(visitLengthWords({ typicalVisitHours: { min, max } })).toBe(words);
  });

  it.each([
    [1, "one referee"],
    [2, "two referees"],
    [3, "three referees"],
  ])("%i references are %s", (referencesRequired, words) => {
    expect(refereesWords({ referencesRequired })).toBe(words);
  });
});
