/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF line ends,
 * every cell quoted, and a cell that a spreadsheet would run as a formula (starting `=`, `+`, `-`,
 * `@`, tab or carriage return) neutralised with a leading apostrophe, as OWASP advises for CSV injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  const safe = typeof value === "number" || !FORMULA_START.test(text) ? text : `'${text}`;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
