import * as z from "zod";
import type { ImportColumn } from "./columns.js";

/**
 * The mapping step: which of the council's headings holds each of Tandem's columns. A heading is
 * matched without case, spaces or punctuation, to Tandem's heading or one of the usual aliases; a
 * mapping the council saved last time wins wherever its heading is still in the file.
 */
export const ColumnMapping = z.record(z.string().max(80), z.string().max(200).nullable());
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const normaliseHeading = (h: string) => h.toLowerCase().replace(/[^a-z0-9]+/g, "");

export function suggestMapping(
  headings: readonly string[],
  columns: readonly ImportColumn[],
  saved: ColumnMapping | null,
): ColumnMapping {
  const byNormal = new Map<string, string>();
  for (const h of headings) if (!byNormal.has(normaliseHeading(h))) byNormal.set(normaliseHeading(h), h);
  const taken = new Set<string>();
  const out: ColumnMapping = {};
  // Saved choices first, so an alias cannot take a heading the council chose for another column.
  for (const c of columns) {
    const chosen = saved?.[c.key];
    if (chosen && headings.includes(chosen) && !taken.has(chosen)) {
      out[c.key] = chosen;
      taken.add(chosen);
    }
  }
  for (const c of columns) {
    if (out[c.key]) continue;
    const found = [c.heading, ...c.aliases]
      .map((name) => byNormal.get(normaliseHeading(name)))
      .find((h): h is string => h !== undefined && !taken.has(h));
    out[c.key] = found ?? null;
    if (found) taken.add(found);
  }
  return out;
}

export interface MappingProblem {
  column: string;
  message: string;
}

/** What stops a mapping from being used: a required column with no heading, a heading not in the file, one heading twice. */
export function mappingProblems(
  mapping: ColumnMapping,
  headings: readonly string[],
  columns: readonly ImportColumn[],
): MappingProblem[] {
  const out: MappingProblem[] = [];
  const used = new Map<string, string>();
  for (const c of columns) {
    const h = mapping[c.key] ?? null;
    if (h === null) {
      if (c.required) out.push({ column: c.key, message: `Choose the column that holds '${c.heading}'` });
      continue;
    }
    if (!headings.includes(h)) {
      out.push({ column: c.key, message: `The file has no column headed '${h}': choose one of its columns` });
      continue;
    }
    const other = used.get(h);
    if (other) {
      out.push({ column: c.key, message: `'${h}' is already chosen for '${other}': choose a different column` });
    } else used.set(h, c.heading);
  }
  return out;
}
