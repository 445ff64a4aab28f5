import type { S3Client } from "@aws-sdk/client-s3";
import { receiptTenantPrefix } from "@tandem/data/expenses";
import type { ReceiptStore } from "./receipt-store.js";

/**
 * Receipts in an S3 bucket through the SDK's own calls: in AWS with the council's scoped credentials and
 * the bucket's default KMS encryption, locally in s3rver (only the endpoint and path-style addressing
 * differ, in the client the caller builds).
 *
 * The SDK's S3 module is imported on the first receipt, not at start: a static import cost every function
 * ~65 ms of cold start (bench section 2), and most requests never touch a receipt.
 */
const loadS3 = () => import("@aws-sdk/client-s3");

export function s3ReceiptStore(opts: {
  bucket: string;
  clientFor: (tenantId: string) => Promise<S3Client>;
}): ReceiptStore {
  const within = (tenantId: string, key: string) => {
    if (!key.startsWith(receiptTenantPrefix(tenantId))) {
      throw new Error(`Receipt key outside the council's prefix: ${key}`);
    }
  };
  return {
    async put(tenantId, key, body, contentType) {
      within(tenantId, key);
      const s3 = await opts.clientFor(tenantId);
      const { PutObjectCommand } = await loadS3();
      await s3.send(
        new PutObjectCommand({
          Bucket: opts.bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          // Never overwrite: a receipt id is new for every upload, so an object already there is a bug.
          IfNoneMatch: "*",
        }),
      );
    },
    async get(tenantId, key) {
      within(tenantId, key);
      const s3 = await opts.clientFor(tenantId);
      const { GetObjectCommand, NoSuchKey } = await loadS3();
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: opts.bucket, Key: key }));
        return out.Body ? await out.Body.transformToByteArray() : null;
      } catch (e) {
        if (e instanceof NoSuchKey || (e as { name?: string }).name === "NoSuchKey") return null;
        throw e;
      }
    },
  };
}
