import { columnsOf, IMPORT_ORDER, type ImportKind, SHEET_NAMES } from "@tandem/domain/imports";
import { toCsv } from "@tandem/domain/reporting";
import type { TenantPolicy } from "@tandem/domain/tenants";

/**
 * The template spreadsheets: Tandem's headings for each kind (the volunteers' include the council's own
 * training), as CSV or as a workbook with one sheet per kind, named as the import looks for them.
 */
export function templateCsv(kind: ImportKind, policy: TenantPolicy): string {
  return toCsv([columnsOf(kind, policy).map((c) => c.heading)]);
}

export async function templateXlsx(kinds: readonly ImportKind[], policy: TenantPolicy): Promise<Buffer> {
  const { default: Excel } = await import("exceljs");
  const book = new Excel.Workbook();
  book.creator = "Tandem";
  for (const kind of IMPORT_ORDER.filter((k) => kinds.includes(k))) {
    const ws = book.addWorksheet(SHEET_NAMES[kind]);
    const columns = columnsOf(kind, policy);
    ws.addRow(columns.map((c) => c.heading));
    ws.getRow(1).font = { bold: true };
    columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      column.width = Math.max(14, c.heading.length + 2);
      if (c.type === "date") column.numFmt = "dd/mm/yyyy";
      const cell = ws.getCell(1, i + 1);
      const what = c.choices
        ? `One of: ${Object.keys(c.choices).join(", ")}`
        : c.type === "date"
          ? "A date, like 31/01/2023"
          : c.type === "yes_no"
            ? "Yes or no"
            : "";
      cell.note = `${c.required ? "Required" : "Optional"}${what ? `. ${what}` : ""}`;
    });
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
