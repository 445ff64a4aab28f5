import { expect, it } from "vitest";
import { quantile, spreadOf } from "./benchmark.js";

it.each([
  [[1, 2, 3, 4, 5], 0.25, 2],
  [[1, 2, 3, 4, 5], 0.5, 3],
  [[1, 2, 3, 4, 5], 0.75, 4],
  [[1, 2, 3, 4], 0.5, 2.5],
  [[1, 2, 3, 4], 0.25, 1.8],
  [[10], 0.5, 10],
])("quantile(%j, %d) is %d, as Excel's QUARTILE.INC", (values, q, out) => {
  expect(quantile(values, q)).toBe(out);
});

it.each([
  ["four councils: nothing shown", [3, 5, 8, 1], { contributors: 4, spread: null }],
  ["four with a figure and one without: nothing shown", [3, 5, 8, 1, null], { contributors: 4, spread: null }],
  [
    "five councils: the quartiles",
    [3, 5, 8, 1, 10],
    { contributors: 5, spread: { lowerQuartile: 3, median: 5, upperQuartile: 8 } },
  ],
])("%s", (_, values, out) => {
  expect(spreadOf(values)).toEqual(out);
});
