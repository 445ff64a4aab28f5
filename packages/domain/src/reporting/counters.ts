/**
 * Summaries are bags of counters (name → number) kept in monthly buckets and one bucket for what is
 * open now. A record's contribution is the counters it adds to each bucket; a change to a record
 * writes the difference between what it contributes after and before, so live summaries always
 * equal the sum of every record's contribution, which is exactly what a rebuild computes.
 */
export type Counters = Record<string, number>;

/** "YYYY-MM" for a month's bucket, or OPEN for what stands now (children waiting, volunteers in a step). */
export type Bucket = string;
export const OPEN = "OPEN";

export type Contribution = Map<Bucket, Counters>;

export function add(into: Contribution, bucket: Bucket, name: string, by = 1): void {
  const counters = into.get(bucket) ?? {};
  counters[name] = (counters[name] ?? 0) + by;
  into.set(bucket, counters);
}

/** What to add to each bucket to move from `before` to `after`; buckets and counters that do not change are left out. */
export function difference(before: Contribution, after: Contribution): Contribution {
  const out: Contribution = new Map();
  for (const [bucket, counters] of after) for (const [n, v] of Object.entries(counters)) add(out, bucket, n, v);
  for (const [bucket, counters] of before) for (const [n, v] of Object.entries(counters)) add(out, bucket, n, -v);
  for (const [bucket, counters] of out) {
    for (const [n, v] of Object.entries(counters)) if (v === 0) delete counters[n];
    if (Object.keys(counters).length === 0) out.delete(bucket);
  }
  return out;
}

/** Adds contributions together (a rebuild sums every record's). */
export function sum(all: Iterable<Contribution>): Contribution {
  const out: Contribution = new Map();
  for (const c of all)
    for (const [bucket, counters] of c) for (const [n, v] of Object.entries(counters)) add(out, bucket, n, v);
  return out;
}

/** Counters with the zeros dropped, so a rebuilt bucket and a live one (where counts went up and back down) compare equal. */
export function nonZero(counters: Counters): Counters {
  return Object.fromEntries(Object.entries(counters).filter(([, v]) => v !== 0));
}

/**
 * A value as a counter-name part: trimmed, lower case, single spaces, at most 40 characters, and
 * without the `|` that separates parts (a group is `name=value`: read up to the first `=`). Free-text answers (gender, ethnicity) are grouped so.
 */
export function part(value: string | null | undefined): string {
  const v = (value ?? "")
    .normalize("NFKC")
    .replace(/\|/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .slice(0, 40)
    .trim();
  return v === "" ? "not recorded" : v;
}
