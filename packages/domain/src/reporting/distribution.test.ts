import { expect, it } from "vitest";
import { largest, median } from "./distribution.js";
import { figure, percent } from "./trend.js";

const h = (pairs: [number, number][]) => new Map(pairs);

it.each([
  { h: h([]), median: null, largest: null },
  { h: h([[5, 1]]), median: 5, largest: 5 },
  {
    h: h([
      [1, 1],
      [9, 1],
    ]),
    median: 5,
    largest: 9,
  },
  {
    h: h([
      [1, 2],
      [9, 1],
    ]),
    median: 1,
    largest: 9,
  },
  {
    h: h([
      [3, 1],
      [1, 1],
      [2, 2],
      [10, 0],
    ]),
    median: 2,
    largest: 3,
  },
])("median and largest of $h", ({ h, median: m, largest: l }) => {
  expect(median(h)).toBe(m);
  expect(largest(h)).toBe(l);
});

it.each([
  { value: null, previous: 3, direction: "no_data", words: "No data yet" },
  { value: 4, previous: null, direction: "no_data", words: "No figure for the previous period to compare with" },
  { value: 4, previous: 4, direction: "same", words: "The same as the previous period (4)" },
  { value: 7, previous: 4, direction: "up", words: "Up 3 from 4 in the previous period" },
  { value: 2.5, previous: 4, direction: "down", words: "Down 1.5 from 4 in the previous period" },
])("trend of $value against $previous", ({ value, previous, direction, words }) => {
  expect(figure(value, previous)).toEqual({ value, previous, direction, words });
});

it("gives shares to one decimal place, and none of nothing", () => {
  expect(percent(1, 3)).toBe(33.3);
  expect(percent(1, 0)).toBeNull();
  expect(percent(null, 10)).toBeNull();
});
