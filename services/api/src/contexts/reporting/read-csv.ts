import type { CohortProblem } from "@tandem/domain/reporting";

/**
 * A CSV file's text as rows of cells (csv-parse: quoted cells, commas and line breaks inside quotes,
 * a byte-order mark from Excel's "CSV UTF-8"), or the one problem that stops it being read, in words
 * a person can act on. Blank lines are kept as rows so row numbers match the spreadsheet's.
 */
export async function readCsv(
  text: string,
): Promise<{ ok: true; rows: string[][] } | { ok: false; problem: CohortProblem }> {
  // An Excel workbook is a zip file: its text starts "PK". Saying so beats "no 'Case reference' column".
  if (text.startsWith("PK")) {
    return {
      ok: false,
      problem: {
        row: null,
        column: null,
        message: "This looks like an Excel workbook: save it as 'CSV UTF-8' and upload that",
      },
    };
  }
  // Loaded on the first upload: in a Lambda bundle csv-parse sits beside it (bundling.ts `sideModules`), so
  // the reporting function's other requests do not parse it at cold start.
  const { parse, CsvError } = await import("csv-parse/sync");
  try {
    const rows: string[][] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
    return { ok: true, rows };
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = typeof e.lines === "number" ? e.lines : null;
    const where = line ? `Row ${line}: ` : "";
    const what =
      e.code === "CSV_QUOTE_NOT_CLOSED"
        ? 'a cell opens a quote (") that is never closed'
        : e.code === "CSV_INVALID_CLOSING_QUOTE" || e.code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE"
          ? 'a quoted cell has more text after its closing quote (")'
          : "the file could not be read as CSV";
    return {
      ok: false,
      problem: {
        row: line,
        column: null,
        message: `${where}${what}. Save the list from your spreadsheet as 'CSV UTF-8' and upload it again`,
      },
    };
  }
}
