/** Small numeric and text helpers for the report: nothing here talks to the stack. */

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100) of the values; NaN for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ratio = (n: number) => `${n.toFixed(2)}x`;

export type Verdict = "PASS" | "MISS" | "info" | "ERROR";

export interface Row {
  measure: string;
  value: string;
  target: string;
  result: Verdict;
}

/** True when `value <= limit`, as the PASS/MISS of a line. */
export const atMost = (value: number, limit: number): Verdict =>
  Number.isFinite(value) ? (value <= limit ? "PASS" : "MISS") : "ERROR";

/** A plain-text table: a header row, a rule, then the rows, each column padded to its widest cell. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function rowsTable(rows: Row[]): string {
  return table(
    ["Measure", "Value", "Target", "Result"],
    rows.map((r) => [r.measure, r.value, r.target, r.result]),
  );
}
