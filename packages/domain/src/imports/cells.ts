import { isoFromParts } from "../calendar/iso-date.js";

/**
 * Reading one cell of a council's spreadsheet. The parser hands every cell over as text (an XLSX
 * date already written as yyyy-mm-dd), so these rules are the same for CSV and XLSX. Each answers
 * the value or the words a person can act on ("is not a date"), which the row check puts after the
 * row number, the council's heading and what the cell holds.
 */
export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const no = <T>(problem: string): CellResult<T> => ({ ok: false, problem });

function validDay(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const iso = isoFromParts(y, m, d);
  // 31/02 rolls over to March in Date arithmetic: a date that does not come back as typed is no date.
  const back = new Date(`${iso}T00:00:00Z`);
  return back.getUTCFullYear() === y && back.getUTCMonth() + 1 === m && back.getUTCDate() === d ? iso : null;
}

/**
 * A date as UK spreadsheets write it: 31/01/2023 (also with - or .), or 2023-01-31. A two-digit year
 * is refused rather than guessed: "01/02/23" could be 1923 for a date of birth.
 */
export function readDate(text: string): CellResult<string> {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const iso = validDay(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : no("is not a date");
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    if (m[3]?.length === 2) return no("has a two-digit year: write the year in full, like 31/01/2023");
    const iso = validDay(Number(m[3]), Number(m[2]), Number(m[1]));
    return iso ? ok(iso) : no("is not a date");
  }
  return no("is not a date: write it like 31/01/2023");
}

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);

export function readYesNo(text: string): CellResult<boolean> {
  const t = text.trim().toLowerCase();
  if (YES.has(t)) return ok(true);
  if (NO.has(t)) return ok(false);
  return no("is not yes or no");
}

export function readWholeNumber(text: string, min: number, max: number): CellResult<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return no("is not a whole number");
  const n = Number(t);
  return n < min || n > max ? no(`is not between ${min} and ${max}`) : ok(n);
}

/** A choice by its words, whatever the case and spacing ("Care order", "care_order", "CARE ORDER"). */
export function readChoice<V extends string>(text: string, choices: Readonly<Record<string, V>>): CellResult<V> {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
  for (const [words, value] of Object.entries(choices)) {
    if (words.toLowerCase() === t || value.replace(/_/g, " ") === t) return ok(value);
  }
  return no(`is not one of: ${Object.keys(choices).join(", ")}`);
}

/** A list in one cell, split on commas or semicolons ("English, Polish"). */
export function readList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
