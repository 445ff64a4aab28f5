import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import { z } from "zod";

/** One queued e-mail. E-mail is not a secure channel: producers put no child's personal data in it. */
export const OutgoingEmail = z.object({
  to: z.array(z.string().email()).min(1).max(50),
  subject: z.string().min(1).max(200),
  text: z.string().max(100_000),
});

const ses = new SESv2Client({});

/**
 * Sends queued e-mails. A failed message is reported back so SQS retries only it; after the
 * queue's maxReceiveCount it lands in the dead-letter queue, whose alarm tells an operator.
 */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const failures: SQSBatchResponse["batchItemFailures"] = [];
  for (const record of event.Records) {
    try {
      const mail = OutgoingEmail.parse(JSON.parse(record.body));
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: process.env.EMAIL_FROM,
          Destination: { ToAddresses: mail.to },
          Content: { Simple: { Subject: { Data: mail.subject }, Body: { Text: { Data: mail.text } } } },
        }),
      );
    } catch (e) {
      console.error(JSON.stringify({ level: "error", messageId: record.messageId, error: String(e) }));
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
};
