import type { ImportFile } from "@tandem/contracts/imports";
import { IMPORT_ORDER, type ImportKind, SHEET_NAMES } from "@tandem/domain/imports";
import { Problem } from "@tandem/domain/problems";
import type { z } from "zod";
import { type ParsedSheet, readSpreadsheet } from "./spreadsheet.js";

/**
 * Which sheet of an upload holds which kind of rows: a CSV holds the kind the person chose; a workbook
 * holds each kind in the sheet named as in the template ("Volunteers", "Children waiting", "Matches",
 * whatever the case), or in the sheet the person chose. A workbook with none of them is refused
 * ("wrong sheet"), naming the sheets it has.
 */
export interface ChosenSheet {
  kind: ImportKind;
  sheet: ParsedSheet;
}

const refuse = (path: string, message: string) =>
  new Problem("validation_failed", message, { fields: [{ path, message }] });

export async function chosenSheets(
  file: z.infer<typeof ImportFile>,
  kind: ImportKind | undefined,
  named: Partial<Record<ImportKind, string>> | undefined,
): Promise<{ chosen: ChosenSheet[]; others: string[] }> {
  const bytes = Buffer.from(file.dataBase64, "base64");
  const sheets = await readSpreadsheet(bytes, file.name);
  const isCsv = !(bytes[0] === 0x50 && bytes[1] === 0x4b);
  if (isCsv) {
    const [only] = sheets;
    if (!kind || !only) throw refuse("kind", "Say what the CSV file holds: volunteers, children waiting or matches");
    return { chosen: [{ kind, sheet: only }], others: [] };
  }
  const byName = (name: string) => sheets.find((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase());
  const chosen: ChosenSheet[] = [];
  for (const k of IMPORT_ORDER) {
    const wanted = named?.[k];
    if (wanted !== undefined) {
      const s = byName(wanted);
      if (!s)
        throw refuse(
          `sheets.${k}`,
          `The workbook has no sheet called '${wanted}'; its sheets are: ${sheets.map((x) => x.name).join(", ")}`,
        );
      chosen.push({ kind: k, sheet: s });
      continue;
    }
    const s = byName(SHEET_NAMES[k]);
    if (s) chosen.push({ kind: k, sheet: s });
  }
  // A workbook of one sheet, with the kind chosen, is read as that kind whatever the sheet is called.
  if (chosen.length === 0 && kind && sheets.length === 1 && sheets[0]) chosen.push({ kind, sheet: sheets[0] });
  if (chosen.length === 0) {
    throw refuse(
      "file",
      `The workbook has no sheet called ${IMPORT_ORDER.map((k) => `'${SHEET_NAMES[k]}'`).join(", ")}; its sheets are: ${sheets
        .map((s) => `'${s.name}'`)
        .join(", ")}. Rename the sheets as in the template, or choose which sheet holds what`,
    );
  }
  const used = new Set(chosen.map((c) => c.sheet.name));
  return { chosen, others: sheets.map((s) => s.name).filter((n) => !used.has(n)) };
}
