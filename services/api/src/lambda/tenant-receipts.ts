import type { ReceiptStore } from "../receipts/receipt-store.js";
import { s3ReceiptStore } from "../receipts/s3-receipt-store.js";
import { resilientClientConfig, type SessionCredentials, tenantCredentials, withoutSdkLogger } from "./aws-deps.js";

/**
 * The receipts bucket, reached with the tenant's scoped credentials (the scheme function only, which has
 * RECEIPTS_BUCKET). The S3 client is imported on the first receipt, not at every cold start.
 */
export function tenantReceipts(): ReceiptStore {
  const bucket = process.env.RECEIPTS_BUCKET;
  let store: ReceiptStore | undefined;
  const load = async () => {
    if (!bucket) throw new Error("Missing environment variable RECEIPTS_BUCKET (receipts are the scheme function's)");
    if (!store) {
      const { S3Client } = await import("@aws-sdk/client-s3");
      const s3Clients = new Map<string, { client: InstanceType<typeof S3Client>; credentials: SessionCredentials }>();
      store = s3ReceiptStore({
        bucket,
        clientFor: async (tenantId) => {
          const credentials = await tenantCredentials(tenantId);
          const hit = s3Clients.get(tenantId);
          if (hit && hit.credentials === credentials) return hit.client;
          const client = withoutSdkLogger(
            new S3Client({
              ...resilientClientConfig,
              // A receipt of up to 4 MB is sent in one request: more time than a table call.
              requestHandler: { ...resilientClientConfig.requestHandler, requestTimeout: 10_000 },
              credentials,
            }),
          );
          s3Clients.set(tenantId, { client, credentials });
          return client;
        },
      });
    }
    return store;
  };
  return {
    put: async (...args) => (await load()).put(...args),
    get: async (...args) => (await load()).get(...args),
  };
}
