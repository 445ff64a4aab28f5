import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Database } from "@tandem/data/core";
import { publishBenchmarks } from "@tandem/data/reporting";
import { todayInLondon } from "@tandem/domain/calendar";
import { resilientClientConfig, withoutSdkLogger } from "../faults/sdk-client-config.js";

const client = DynamoDBDocumentClient.from(withoutSdkLogger(new DynamoDBClient({ ...resilientClientConfig })), {
  marshallOptions: { removeUndefinedValues: true },
});

/**
 * The daily benchmark build (ADR 20), run by an EventBridge schedule. Its own role reaches only the
 * councils' summary partitions (`T#*#RS`, read), the opt-in choices (read) and the published
 * benchmark (write): so one client serves every council, and IAM, not this code, keeps it from a
 * referral or a child's record.
 */
export const handler = async (): Promise<{ kinds: number; builtOn: string }> => {
  const db = new Database(
    process.env.TABLE_NAME ?? "",
    async () => client,
    async () => client,
  );
  const today = todayInLondon();
  const written = await publishBenchmarks(db, today, randomUUID());
  return { kinds: written.length, builtOn: today };
};
