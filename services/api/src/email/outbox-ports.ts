import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { type DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { RelayPorts } from "./outbox-relay.js";

/** The relay's table and SES calls; identical in AWS and locally, only the clients' endpoints differ. */
export function outboxPorts(opts: {
  doc: DynamoDBDocumentClient;
  tableName: string;
  ses: SESv2Client;
  from: string;
  configurationSet?: string;
}): RelayPorts {
  const { doc, tableName, ses } = opts;
  return {
    async claim(key, at) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: key.pk, sk: key.sk },
            UpdateExpression: "SET sentAt = :at",
            ConditionExpression: "attribute_exists(pk) AND sentAt = :none",
            ExpressionAttributeValues: { ":at": at, ":none": null },
          }),
        );
        return true;
      } catch (e) {
        if (e instanceof ConditionalCheckFailedException) return false;
        throw e;
      }
    },
    async release(key) {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: key.pk, sk: key.sk },
          UpdateExpression: "SET sentAt = :none",
          ExpressionAttributeValues: { ":none": null },
        }),
      );
    },
    async forget(key) {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: key.pk, sk: key.sk },
          UpdateExpression: "REMOVE body",
          ConditionExpression: "attribute_exists(pk)",
        }),
      );
    },
    async send(mail) {
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: opts.from,
          ...(opts.configurationSet ? { ConfigurationSetName: opts.configurationSet } : {}),
          Destination: { ToAddresses: mail.to },
          Content: { Simple: { Subject: { Data: mail.subject }, Body: { Text: { Data: mail.text } } } },
        }),
      );
    },
  };
}
