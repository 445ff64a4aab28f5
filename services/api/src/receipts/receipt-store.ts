import type { ReceiptType } from "@tandem/domain/expenses";

/**
 * Where receipts' files are kept (the port; `s3-receipt-store.ts` is the adapter, the same in AWS and
 * locally in s3rver). Every call names the council: in AWS the store reaches the bucket with that
 * council's credentials, which IAM confines to `tenants/<council>/*`, and the adapter refuses any other
 * key before it is sent, so the emulator (which enforces no IAM) refuses it too.
 */
export interface ReceiptStore {
  put(tenantId: string, key: string, body: Uint8Array, contentType: ReceiptType): Promise<void>;
  /** The file's bytes, or null when there is no object under that key. */
  get(tenantId: string, key: string): Promise<Uint8Array | null>;
}
