import { inflateRawSync } from "node:zlib";
import { fileTooLarge, IMPORT_FILE_MAX_BYTES, type SheetRow } from "@tandem/domain/imports";
import { Problem } from "@tandem/domain/problems";
import type ExcelJS from "exceljs";

/**
 * Reading an uploaded spreadsheet, on the server only: CSV through csv-parse, XLSX through exceljs
 * (ADR 21). Every cell comes out as text. A formula's saved value is taken and the formula is never
 * evaluated; a formula with no saved value, a workbook with macros, an old binary .xls, anything that
 * is not a spreadsheet, an empty file and one over 4 MB are refused with 400 (413 for the size) naming
 * the file, before anything is written.
 */

export interface ParsedSheet {
  name: string;
  headings: string[];
  rows: SheetRow[];
}

/** Ours: what a synchronous Lambda invocation can carry as base64 (domain's imports/file-limit.ts). */
export const MAX_FILE_BYTES = IMPORT_FILE_MAX_BYTES;
/** Ours: 5,000 rows is the largest scheme we expect; a sheet with more is refused rather than half-read. */
export const MAX_ROWS = 20_000;

const refuse = (message: string) => new Problem("validation_failed", message, { fields: [{ path: "file", message }] });

const startsWith = (b: Buffer, bytes: number[]) => bytes.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export function fileKind(bytes: Buffer, fileName: string): "csv" | "xlsx" {
  if (bytes.length === 0) throw refuse("The file is empty: choose the spreadsheet again");
  if (bytes.length > MAX_FILE_BYTES) throw new Problem("payload_too_large", fileTooLarge(bytes.length));
  if (startsWith(bytes, OLE)) {
    throw refuse("This is an older Excel file (.xls): open it and save it as an Excel workbook (.xlsx) or CSV");
  }
  if (startsWith(bytes, ZIP)) {
    // Zip entry names are stored as plain text, so a macro project is visible without unpacking it.
    if (/\.xlsm$/i.test(fileName) || bytes.includes("xl/vbaProject.bin") || bytes.includes("macroEnabled")) {
      throw refuse(
        "This workbook contains macros, which we never open: save it as an Excel workbook (.xlsx) without macros, or as CSV",
      );
    }
    if (!bytes.includes("xl/workbook.xml"))
      throw refuse("This file is not a spreadsheet: choose an Excel workbook (.xlsx) or a CSV file");
    return "xlsx";
  }
  // A CSV is text: a NUL byte or text that is not UTF-8 means something else (a PDF, an image, a document).
  if (bytes.includes(0) || !isUtf8(bytes)) {
    throw refuse("This file is not a spreadsheet: choose an Excel workbook (.xlsx) or a CSV file");
  }
  return "csv";
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const tidy = (s: string) => s.replace(/\s+/g, " ").trim();

function sheetFrom(name: string, table: string[][], rowNumbers: number[]): ParsedSheet {
  const [head = [], ...body] = table;
  const headings = head.map(tidy);
  if (headings.every((h) => h === "")) {
    throw refuse(`The sheet '${name}' has no headings in its first row: put the column headings in row 1`);
  }
  if (body.length > MAX_ROWS)
    throw refuse(`The sheet '${name}' has ${body.length} rows; the most we take is ${MAX_ROWS}`);
  const rows: SheetRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    const record: Record<string, string> = {};
    headings.forEach((h, j) => {
      if (h !== "" && record[h] === undefined) record[h] = (cells[j] ?? "").trim();
    });
    rows.push({ row: rowNumbers[i + 1] ?? i + 2, cells: record });
  });
  return { name, headings: headings.filter((h) => h !== ""), rows };
}

async function readCsv(bytes: Buffer, fileName: string): Promise<ParsedSheet[]> {
  // Loaded on the first CSV, like exceljs on the first workbook: beside the Lambda bundle (bundling.ts).
  const { parse: parseCsv } = await import("csv-parse/sync");
  let table: string[][];
  try {
    table = parseCsv(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/^Invalid Record Length: |\.$/g, "") : "it could not be read";
    throw refuse(
      `This CSV file could not be read (${why}): check it opens in a spreadsheet program and save it as CSV again`,
    );
  }
  const numbers = table.map((_, i) => i + 1);
  // Blank lines above the headings are common in exported files: the headings are the first line with text.
  const first = table.findIndex((r) => r.some((c) => c.trim() !== ""));
  if (first < 0) throw refuse("The file is empty: choose the spreadsheet again");
  return [sheetFrom(fileName.replace(/\.csv$/i, "") || "CSV", table.slice(first), numbers.slice(first))];
}

function cellText(v: ExcelJS.CellValue, where: () => string): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: ExcelJS.CellValue }).result;
    if (result === undefined || result === null) {
      throw refuse(
        `${where()} holds a formula with no saved value. We take values, never work formulas out: open the file, save it, and upload it again (or paste the column as values)`,
      );
    }
    if (typeof result === "object" && "error" in result)
      throw refuse(`${where()} shows the error ${result.error}: correct it and upload again`);
    return cellText(result, where);
  }
  if ("error" in v) throw refuse(`${where()} shows the error ${v.error}: correct it and upload again`);
  if ("text" in v) return String(v.text);
  return "";
}

/**
 * Ours: the most a workbook's parts may unpack to. A 20,000-row sheet of 30 columns is about 20 MB of XML;
 * a 4 MB file of repeated rows unpacks to over 1 GB, which exceljs would read whole, holding the function
 * (and its memory) for minutes before the row limit could refuse it.
 */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/**
 * Ours: the most row elements a sheet's XML may hold before exceljs reads it. A row element is written for
 * each row with a value or formatting of its own, so twice MAX_ROWS leaves room for formatted empty rows,
 * while a sheet of a million one-cell rows (under MAX_UNPACKED_BYTES, but about 1.1 GB in exceljs's model:
 * more than the imports function's memory) is refused first.
 */
export const MAX_ROW_ELEMENTS = MAX_ROWS * 2;
const ROW_ELEMENT = /<(?:\w+:)?row[\s>/]/g;
const isSheetPart = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/**
 * Unpacks each part of the zip, as its central directory lists them, with a limit on the total, so a
 * workbook that unpacks to more than MAX_UNPACKED_BYTES, or with a sheet of more than MAX_ROW_ELEMENTS
 * rows, is refused before exceljs reads it.
 */
export function checkUnpackedSize(bytes: Buffer): void {
  const tooLarge = () =>
    refuse(
      `This workbook unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB, more than we read: remove unused sheets or save it as CSV`,
    );
  const unreadable = () =>
    refuse("This workbook could not be read: open it in a spreadsheet program, save it as .xlsx, and try again");
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) throw unreadable();
  let at = bytes.readUInt32LE(end + 16);
  let left = MAX_UNPACKED_BYTES;
  for (let n = bytes.readUInt16LE(end + 10); n > 0; n--) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw unreadable();
    const method = bytes.readUInt16LE(at + 10);
    const packed = bytes.readUInt32LE(at + 20);
    const local = bytes.readUInt32LE(at + 42);
    if (local + 30 > bytes.length) throw unreadable();
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + packed);
    let part: Buffer | null = null;
    if (method === 0) part = data;
    else if (method === 8) {
      try {
        part = inflateRawSync(data, { maxOutputLength: Math.max(1, left) });
      } catch (e) {
        throw (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? tooLarge() : unreadable();
      }
    }
    left -= part?.length ?? 0;
    if (left < 0) throw tooLarge();
    const name = bytes.toString("latin1", at + 46, at + 46 + bytes.readUInt16LE(at + 28));
    if (part && isSheetPart(name) && (part.toString("latin1").match(ROW_ELEMENT)?.length ?? 0) > MAX_ROW_ELEMENTS) {
      throw refuse(
        `A sheet in this workbook has more than ${MAX_ROW_ELEMENTS} rows, counting empty rows with formatting; the most we take is ${MAX_ROWS}: delete the rows below your data, or save it as CSV`,
      );
    }
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
}

async function readXlsx(bytes: Buffer): Promise<ParsedSheet[]> {
  checkUnpackedSize(bytes);
  const { default: Excel } = await import("exceljs");
  const book = new Excel.Workbook();
  try {
    // exceljs takes an ArrayBuffer: this Buffer's own bytes, copied out of Node's shared pool.
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw refuse("This workbook could not be read: open it in a spreadsheet program, save it as .xlsx, and try again");
  }
  const sheets: ParsedSheet[] = [];
  book.eachSheet((ws) => {
    const table: string[][] = [];
    const numbers: number[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value, () => `Sheet '${ws.name}', cell ${cell.address}`);
      });
      table.push(Array.from(cells, (c) => c ?? ""));
      numbers.push(n);
    });
    if (table.length > 0) sheets.push(sheetFrom(ws.name, table, numbers));
  });
  if (sheets.length === 0) throw refuse("The workbook has no rows in any sheet: choose the spreadsheet again");
  return sheets;
}

/** The sheets of an uploaded file (a CSV is one sheet, named after the file). */
export async function readSpreadsheet(bytes: Buffer, fileName: string): Promise<ParsedSheet[]> {
  const kind = fileKind(bytes, fileName);
  const sheets = kind === "csv" ? await readCsv(bytes, fileName) : await readXlsx(bytes);
  if (sheets.every((s) => s.rows.length === 0)) {
    throw refuse("The file has headings but no rows below them: there is nothing to import");
  }
  return sheets;
}
