/**
 * The largest spreadsheet an import takes: 4 MB. Our cap, not a council's or a source's, set by the path
 * the file takes in AWS (ADR 21). It travels as base64 inside a JSON body (4 characters for every 3 bytes),
 * and a synchronous Lambda invocation's request is at most 6 MB, event envelope included: 4 MB of file is
 * 5.6 MB of base64, which leaves room for the column mapping and the headers. A larger file would be refused
 * by Lambda before any of our code could say why. The largest scheme we measured, 5,000 volunteers, is
 * about 1 MB; 4 MB holds about 20,000 rows, the most an import reads (MAX_ROWS). A receipt has the same
 * reason for its 4 MB (expenses/receipts.ts).
 */
export const IMPORT_FILE_MAX_BYTES = 4 * 1024 * 1024;

/** The cap in words, for messages and hints. */
export const IMPORT_FILE_MAX_TEXT = `${IMPORT_FILE_MAX_BYTES / 1024 / 1024} MB`;

/** Why a file over the cap is refused, in the same words on the import page and from the API. */
export function fileTooLarge(bytes: number): string {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return `The file is ${mb} MB; the most we take is ${IMPORT_FILE_MAX_TEXT}. Split it into smaller files`;
}

/** How many base64 characters a file of `bytes` becomes. */
export const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;
