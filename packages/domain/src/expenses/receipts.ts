import * as z from "zod";

/**
 * A receipt is a photo or a PDF. The content decides, not the name or the declared type: a file is
 * accepted only when its first bytes are JPEG's, PNG's, HEIC's or PDF's, and it is no bigger than the cap.
 */
/**
 * The largest receipt we take: 4 MB. Our cap, not a council's or a source's. It is set by the path an
 * upload takes in AWS: API Gateway accepts bodies up to 10 MB, but hands a binary body to Lambda base64
 * encoded (4 bytes for every 3), and a synchronous Lambda invocation's request is at most 6 MB, event
 * envelope included, so about 4.5 MB of file is the most that can arrive; 4 MB leaves room for the
 * headers. A phone photo of a till receipt is well under it; the portal can shrink a larger one first.
 */
export const RECEIPT_MAX_BYTES = 4 * 1024 * 1024;

export const ReceiptType = z.enum(["image/jpeg", "image/png", "image/heic", "application/pdf"]);
export type ReceiptType = z.infer<typeof ReceiptType>;

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

export const RECEIPT_TOO_LARGE = "The receipt must be smaller than 4 MB: take the photo again at a smaller size";
export const RECEIPT_WRONG_TYPE = "The receipt must be a photo (JPEG, PNG or HEIC) or a PDF";

/** Why a file is not accepted as a receipt: what kind of refusal, and words the volunteer can act on. */
export type ReceiptRefusal = { kind: "empty" | "too_large" | "wrong_type"; message: string };

export function receiptRefusal(bytes: Uint8Array): ReceiptRefusal | null {
  if (bytes.byteLength === 0) {
    return { kind: "empty", message: "The file is empty: choose the photo or PDF of the receipt again" };
  }
  if (bytes.byteLength > RECEIPT_MAX_BYTES) return { kind: "too_large", message: RECEIPT_TOO_LARGE };
  if (sniffReceipt(bytes) === null) return { kind: "wrong_type", message: RECEIPT_WRONG_TYPE };
  return null;
}

/** Why a file is not accepted as a receipt, in words the volunteer can act on; null when it is. */
export function receiptProblem(bytes: Uint8Array): string | null {
  return receiptRefusal(bytes)?.message ?? null;
}

/** What a receipt is saved as when someone downloads it: a fixed name, never one the uploader chose. */
export function receiptFileName(receiptId: string, type: ReceiptType): string {
  const ext = { "image/jpeg": "jpg", "image/png": "png", "image/heic": "heic", "application/pdf": "pdf" }[type];
  return `receipt-${receiptId.replace(/[^A-Za-z0-9-]/g, "")}.${ext}`;
}
