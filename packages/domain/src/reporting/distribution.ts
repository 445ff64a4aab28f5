/**
 * Distributions kept as histograms: value (whole days) → how many. A median read from one is exact
 * to the day, because the buckets are days; the summaries never need the records themselves.
 */
export type Histogram = Map<number, number>;

export function countOf(h: Histogram): number {
  let n = 0;
  for (const c of h.values()) n += c;
  return n;
}

/** The median, halfway between the two middle values when the count is even; null when empty. */
export function median(h: Histogram): number | null {
  const n = countOf(h);
  if (n === 0) return null;
  const sorted = [...h.entries()].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const [v, c] of sorted) {
      seen += c;
      if (seen > rank) return v;
    }
    return sorted[sorted.length - 1]?.[0] ?? 0;
  };
  return n % 2 === 1 ? valueAt((n - 1) / 2) : (valueAt(n / 2 - 1) + valueAt(n / 2)) / 2;
}

export function largest(h: Histogram): number | null {
  let max: number | null = null;
  for (const [v, c] of h) if (c > 0 && (max === null || v > max)) max = v;
  return max;
}

export function addTo(h: Histogram, value: number, by = 1): void {
  const next = (h.get(value) ?? 0) + by;
  if (next === 0) h.delete(value);
  else h.set(value, next);
}
