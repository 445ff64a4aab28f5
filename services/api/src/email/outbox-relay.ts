import { type ItemKey, type OutgoingEmail, outgoingEmailOf } from "@tandem/data/core";
import { errorSummary, logger } from "../observability/logger.js";
import { countMetric } from "../observability/metrics.js";

/** The council an outbox item belongs to, from its partition (`T#riverford`): a property, not a dimension. */
const tenantOfPartition = (pk: string) => pk.split("#")[1] ?? "";

/** An outbox item as it arrives from the table's stream (an INSERT's new image). */
export interface OutboxRecord {
  key: ItemKey;
  image: Record<string, unknown>;
}

export interface RelayPorts {
  /** Marks the item as being sent; false when another delivery already claimed it. */
  claim(key: ItemKey, at: string): Promise<boolean>;
  /** Gives the claim back after a failed send, so the retry can send it. */
  release(key: ItemKey): Promise<void>;
  /** Removes the sent e-mail's body from the item: its links and codes are the recipient's alone. */
  forget(key: ItemKey): Promise<void>;
  send(mail: OutgoingEmail): Promise<void>;
}

/**
 * Sends the e-mails that changes put in the outbox. The same function runs behind the DynamoDB
 * stream in AWS (a Lambda event source) and behind the local stream poller, so delivery logic is
 * tested where it runs. Each item is claimed before sending: a replayed stream record never sends
 * twice, and a failed send is released and reported for retry. Once sent, the body is removed from the
 * item (the stream image it was sent from is all a retry needs), so the table, and every export of it,
 * keeps no working link or code.
 */
export async function relayOutbox(records: OutboxRecord[], ports: RelayPorts): Promise<{ failed: ItemKey[] }> {
  const failed: ItemKey[] = [];
  for (const { key, image } of records) {
    if (image.type !== "outbox" || image.sentAt) continue;
    const mail = outgoingEmailOf(image);
    if (!mail) {
      // A malformed message can never succeed; log it for the operator rather than retry forever.
      logger.error("outbox item is not a valid e-mail", { pk: key.pk, sk: key.sk });
      continue;
    }
    if (!(await ports.claim(key, new Date().toISOString()))) continue;
    try {
      await ports.send(mail);
      countMetric("emailsSent", { tenant: tenantOfPartition(key.pk) });
    } catch (e) {
      countMetric("emailsFailed", { tenant: tenantOfPartition(key.pk) });
      logger.error("e-mail send failed", { pk: key.pk, sk: key.sk, error: errorSummary(e) });
      await ports.release(key);
      failed.push(key);
      continue;
    }
    try {
      await ports.forget(key);
    } catch (e) {
      // Sent, so not retried: the body stays until the item's TTL. The operator is told.
      logger.error("sent e-mail's body not removed", { pk: key.pk, sk: key.sk, error: errorSummary(e) });
    }
  }
  return { failed };
}
