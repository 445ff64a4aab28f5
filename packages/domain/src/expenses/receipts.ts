/**
 * A receipt is a photo or a PDF. The content decides, not the name or the declared type: a file is
 * accepted only when its first bytes are JPEG's, PNG's, HEIC's or PDF's, and it is no bigger than the cap.
 */
export const RECEIPT_MAX_BYTES = 10 * 1024 * 1024;

export type ReceiptType = "image/jpeg" | "image/png" | "image/heic" | "application/pdf";

const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

export function sniffReceipt(bytes: Uint8Array): ReceiptType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  // ISO base media: a box size, then "ftyp" and the major brand.
  if (startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) {
    const brand = String.fromCharCode(...bytes.slice(8, 12));
    if (HEIC_BRANDS.has(brand)) return "image/heic";
  }
  return null;
}

/** Why a file is not accepted as a receipt, in words the volunteer can act on; null when it is. */
export function receiptProblem(bytes: Uint8Array): string | null {
  if (bytes.byteLength === 0) return "The file is empty: choose the photo or PDF of the receipt again";
  if (bytes.byteLength > RECEIPT_MAX_BYTES) return "The receipt must be smaller than 10 MB: take a smaller photo";
  if (sniffReceipt(bytes) === null) return "The receipt must be a photo (JPEG, PNG or HEIC) or a PDF";
  return null;
}
