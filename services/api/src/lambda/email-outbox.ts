import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { outboxPorts } from "../email/outbox-ports.js";
import { relayOutbox } from "../email/outbox-relay.js";
import { resilientClientConfig, withoutSdkLogger } from "../faults/sdk-client-config.js";

const ports = outboxPorts({
  doc: DynamoDBDocumentClient.from(withoutSdkLogger(new DynamoDBClient({ ...resilientClientConfig }))),
  tableName: process.env.TABLE_NAME ?? "",
  ses: withoutSdkLogger(new SESv2Client({ ...resilientClientConfig })),
  from: process.env.EMAIL_FROM ?? "",
  configurationSet: process.env.EMAIL_CONFIGURATION_SET,
});

/**
 * Sends the outbox's e-mails from the table's stream (filtered to inserted outbox items). A failed
 * record is reported back so Lambda retries from it; after the retry limit it goes to the
 * dead-letter queue, whose alarm tells an operator: nothing is silently dropped.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const records = event.Records.flatMap((r) => {
    const image = r.dynamodb?.NewImage;
    if (r.eventName !== "INSERT" || !image) return [];
    // biome-ignore lint/suspicious/noExplicitAny: the stream's AttributeValue type and the SDK's differ only nominally
    const item = unmarshall(image as any);
    return [{ key: { pk: String(item.pk), sk: String(item.sk) }, image: item, seq: r.dynamodb?.SequenceNumber ?? "" }];
  });
  const { failed } = await relayOutbox(records, ports);
  const failedSeq = records.filter((r) => failed.some((k) => k.pk === r.key.pk && k.sk === r.key.sk)).map((r) => r.seq);
  return { batchItemFailures: failedSeq.map((itemIdentifier) => ({ itemIdentifier })) };
};
