import { toCsv } from "../reporting/csv.js";

/** The one CSV cell rule (reporting's): quoted, and a cell a spreadsheet would run as a formula neutralised. */
export { csvCell } from "../reporting/csv.js";

export interface PaymentLine {
  /** The volunteer's payee reference in the council's finance system (Tandem stores no bank details). */
  payeeReference: string;
  amountPence: number;
  claimReferences: readonly string[];
}

/**
 * The payment file finance loads into the council's system: one line a volunteer, amounts in pounds.
 * It is reporting's CSV (UTF-8 with a byte-order mark, CRLF, every cell quoted, `=`, `+`, `-`, `@`,
 * tab and CR at a cell's start neutralised), so a payee reference or claim text typed to look like a
 * formula is shown as text, never run. The amount is text too: "12.50", never a float's "12.5".
 */
export function paymentFile(lines: readonly PaymentLine[]): string {
  return toCsv([
    ["Payee reference", "Amount", "Claim references"],
    ...lines.map((l) => [l.payeeReference, (l.amountPence / 100).toFixed(2), l.claimReferences.join(" ")]),
  ]);
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
