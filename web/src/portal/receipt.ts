/**
 * Uploads a claim item's receipt (a photo or PDF) before the claim is sent; the claim's item names it
 * by the id the API answers. A phone's photo over the API's limit is made smaller here first; anything
 * still too big is refused here, with the API's own limit.
 */
import { RECEIPT_MAX_BYTES } from "@tandem/domain/expenses";
import { ApiError } from "../api/client";
import { uploadReceiptFile } from "../api/visits";

/**
 * The sizes a too-big photo is redrawn at, longest side in pixels and JPEG quality, tried in turn until one
 * fits. Ours, not a council's: a till receipt stays legible at 1,400 pixels, and a phone's 12-megapixel photo
 * (4,000 pixels, 3 to 8 MB) comes out at about 1 MB at 2,400.
 */
const SHRINK_STEPS = [
  [2400, 0.85],
  [1800, 0.8],
  [1400, 0.75],
] as const;

const asJpegName = (name: string) => `${name.replace(/\.[^.]*$/, "") || "receipt"}.jpg`;

/**
 * A phone's camera makes photos of 3 to 8 MB; the API takes receipts under 4 MB, so a volunteer would be
 * refused the photo they have just taken. A photo this browser can draw (JPEG, PNG, WebP; HEIC only where the
 * browser decodes it) is redrawn smaller as a JPEG, which also leaves out its metadata (where and when it was
 * taken). A PDF, or a photo the browser cannot draw, is sent as it is, and the size check below answers.
 */
export async function shrinkToFit(file: File, maxBytes = RECEIPT_MAX_BYTES): Promise<File> {
  if (file.size <= maxBytes || !file.type.startsWith("image/")) return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file;
  }
  try {
    for (const [side, quality] of SHRINK_STEPS) {
      const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement("canvas");
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, "image/jpeg", quality));
      if (blob && blob.size <= maxBytes) return new File([blob], asJpegName(file.name), { type: "image/jpeg" });
    }
  } finally {
    bitmap.close();
  }
  return file;
}

/** Stores the receipt; answers its id and the name it was stored under (a shrunk photo's ends in .jpg). */
export async function uploadReceipt(matchId: string, chosen: File): Promise<{ id: string; name: string }> {
  const file = await shrinkToFit(chosen);
  if (file.size > RECEIPT_MAX_BYTES) {
    throw new ApiError(
      413,
      `The receipt must be smaller than ${RECEIPT_MAX_BYTES / 1024 / 1024} MB: Tandem could not make this file smaller. Take the photo again at a lower resolution, or scan it to a PDF`,
    );
  }
  const stored = await uploadReceiptFile(matchId, file);
  return { id: stored.receiptId, name: file.name };
}
