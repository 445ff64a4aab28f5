/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a formula.
 * Each such cell is prefixed with an apostrophe, as OWASP's CSV-injection guidance says, and every
 * cell is quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

export interface PaymentLine {
  /** The volunteer's payee reference in the council's finance system (Tandem stores no bank details). */
  payeeReference: string;
  amountPence: number;
  claimReferences: readonly string[];
}

/** The payment file finance loads into the council's system: one line a volunteer, amounts in pounds. */
export function paymentFile(lines: readonly PaymentLine[]): string {
  const header = ["Payee reference", "Amount", "Claim references"].map(csvCell).join(",");
  const rows = lines.map((l) =>
    [l.payeeReference, (l.amountPence / 100).toFixed(2), l.claimReferences.join(" ")].map(csvCell).join(","),
  );
  return `${[header, ...rows].join("\r\n")}\r\n`;
}

/** One line per payee: their claims' amounts added up, references in order. */
export function paymentLines(
  claims: readonly { payeeReference: string; amountPence: number; reference: string }[],
): PaymentLine[] {
  const by = new Map<string, { amountPence: number; claimReferences: string[] }>();
  for (const c of claims) {
    const line = by.get(c.payeeReference) ?? { amountPence: 0, claimReferences: [] };
    line.amountPence += c.amountPence;
    line.claimReferences.push(c.reference);
    by.set(c.payeeReference, line);
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([payeeReference, l]) => ({ payeeReference, ...l, claimReferences: l.claimReferences.sort() }));
}
