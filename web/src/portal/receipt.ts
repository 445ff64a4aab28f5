/**
 * Uploads a receipt photo or PDF for a claim item. The receipts route arrives with branch `receipts`;
 * until it does there is nowhere to send the file, and the volunteer is told so.
 */
import { ApiError } from "../api/client";

export async function uploadReceipt(_matchId: string, _file: File): Promise<string> {
  throw new ApiError(400, "Receipts cannot be added yet: ask your coordinator how to send them");
}
