/**
 * A figure beside the same figure for the previous period. "No data yet" (null) is not zero: a
 * figure whose records Tandem does not hold yet says so rather than showing 0.
 */
export type Direction = "up" | "down" | "same" | "no_data";

export interface Figure {
  value: number | null;
  previous: number | null;
  direction: Direction;
  /** The trend in words, for people and screen readers alike (never colour alone). */
  words: string;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function figure(value: number | null, previous: number | null, unit = ""): Figure {
  const u = (n: number) => `${fmt(n)}${unit}`;
  if (value === null) return { value, previous, direction: "no_data", words: "No data yet" };
  if (previous === null)
    return { value, previous, direction: "no_data", words: "No figure for the previous period to compare with" };
  const diff = value - previous;
  if (Math.abs(diff) < 1e-9)
    return { value, previous, direction: "same", words: `The same as the previous period (${u(previous)})` };
  return {
    value,
    previous,
    direction: diff > 0 ? "up" : "down",
    words: `${diff > 0 ? "Up" : "Down"} ${u(Math.abs(diff))} from ${u(previous)} in the previous period`,
  };
}

/** A share as a percentage to one decimal place; null when there is nothing to divide by. */
export function percent(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}
