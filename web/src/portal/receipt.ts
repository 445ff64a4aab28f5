/**
 * Uploads a claim item's receipt (a photo or PDF) before the claim is sent; the claim's item names it
 * by the id the API answers. Too big a file is refused here first, with the API's own limit.
 */
import { RECEIPT_MAX_BYTES } from "@tandem/domain/expenses";
import { ApiError } from "../api/client";
import { uploadReceiptFile } from "../api/visits";

export async function uploadReceipt(matchId: string, file: File): Promise<string> {
  if (file.size > RECEIPT_MAX_BYTES) {
    throw new ApiError(
      413,
      `The receipt must be smaller than ${RECEIPT_MAX_BYTES / 1024 / 1024} MB: take a smaller photo`,
    );
  }
  const stored = await uploadReceiptFile(matchId, file);
  return stored.receiptId;
}
