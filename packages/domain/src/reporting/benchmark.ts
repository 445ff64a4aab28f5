import * as z from "zod";

/**
 * Benchmarking across councils (issue 16 item 7, ADR 20): a council that opts in shares its summary
 * figures anonymously, and sees each against the median and quartiles of the councils of its kind,
 * only once enough councils contribute that no figure can be traced to one of them.
 */

/**
 * The kinds of council that run children's services in England and Wales (county councils, unitary
 * authorities, metropolitan districts, London boroughs, and Wales's principal areas). The council
 * says which it is; the Isles of Scilly and the City of London count as unitary here.
 */
export const CouncilKind = z.enum([
  "county",
  "unitary",
  "metropolitan_district",
  "london_borough",
  "welsh_principal_area",
]);
export type CouncilKind = z.infer<typeof CouncilKind>;

export const COUNCIL_KIND_NAMES: Record<CouncilKind, string> = {
  county: "County council",
  unitary: "Unitary authority",
  metropolitan_district: "Metropolitan district",
  london_borough: "London borough",
  welsh_principal_area: "Welsh principal area",
};

/**
 * The fewest councils whose figures are shown together (issue 16: "only when at least 5 councils
 * contribute"). With fewer, a quartile is close to one council's own figure.
 */
export const MIN_CONTRIBUTORS = 5;

/** The figures shared: coverage (% of looked-after children with a visitor), median wait and median match length in days. */
export const BenchmarkFigureName = z.enum(["coveragePercent", "medianWaitDays", "matchLengthDays"]);
export type BenchmarkFigureName = z.infer<typeof BenchmarkFigureName>;

export const Spread = z.object({ lowerQuartile: z.number(), median: z.number(), upperQuartile: z.number() });
export type Spread = z.infer<typeof Spread>;

/** A council's own figures; null where it has none (no looked-after count, nobody waiting, no match yet). */
export type CouncilFigures = Record<BenchmarkFigureName, number | null>;

/**
 * The value at quantile q of sorted values, interpolated between the two nearest ranks (the method
 * spreadsheets call QUARTILE.INC / PERCENTILE.INC, so a council can check the figures in Excel).
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error("no values");
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return Math.round((a + (b - a) * (at - lo)) * 10) / 10;
}

/** The spread of one figure across councils, or null when fewer than MIN_CONTRIBUTORS have it. */
export function spreadOf(values: readonly (number | null)[]): { contributors: number; spread: Spread | null } {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length < MIN_CONTRIBUTORS) return { contributors: sorted.length, spread: null };
  return {
    contributors: sorted.length,
    spread: {
      lowerQuartile: quantile(sorted, 0.25),
      median: quantile(sorted, 0.5),
      upperQuartile: quantile(sorted, 0.75),
    },
  };
}
