import { randomUUID } from "node:crypto";
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { type LocalStack, TABLE_NAME } from "@tandem/local";
import { afterAll, beforeAll, expect, it } from "vitest";
import { mailboxAt } from "../support/mailbox.js";
import { startOwnStack } from "../support/own-stack.js";

/**
 * The table's stream carries every item written, not only e-mails: after a bulk write (an import, a rebuild,
 * a bulk load), the local relay must work through all of it before it reaches an e-mail queued behind it. It
 * read 100 records per call with a rest between calls, so in a full bench run the e-mails queued after the
 * seeded sections waited minutes (issue 20). On a stack of this file's own, so the backlog delays no other test.
 */

let stack: LocalStack & { dispose(): Promise<void> };

beforeAll(async () => {
  stack = await startOwnStack("outbox-backlog");
}, 180_000);

afterAll(async () => {
  await stack?.dispose();
}, 60_000);

/** Items that are not e-mails, in a partition no route reads, written as a bulk load writes: 25 a call, 8 calls at once. */
async function bulkWrite(count: number): Promise<void> {
  const doc = await stack.db.clientForProvisioning();
  const run = randomUUID().slice(0, 8);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const start = next;
      next = Math.min(count, next + 25);
      let pending: Record<string, unknown>[] = [];
      for (let i = start; i < next; i++) {
        pending.push({ PutRequest: { Item: { pk: `T#bulk-${run}`, sk: `ITEM#${i}`, type: "bulk-test", n: i } } });
      }
      while (pending.length > 0) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: pending as never } }));
        pending = (out.UnprocessedItems?.[TABLE_NAME] ?? []) as Record<string, unknown>[];
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

it("delivers an e-mail queued behind a bulk write of 10,000 items without waiting longer than the write took", async () => {
  const started = performance.now();
  await bulkWrite(10_000);
  const writeMs = performance.now() - started;

  const email = `backlog-${randomUUID().slice(0, 8)}@riverford.gov.example`;
  const saved = await fetch(`${stack.url}/api/public/tenants/riverford/referral-drafts`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.77" },
    body: JSON.stringify({ email, answers: { child: { firstName: "Backlog" } } }),
  });
  expect(saved.status, await saved.text()).toBe(201);
  // The relay reads while the items are written, so by the end it should be about level with them. It is given
  // as long again as the write took, and 10 s for its last read and the send, whatever the machine's load: a
  // relay slower than the table's writes falls further behind the more is written.
  const mail = await mailboxAt(stack.mailboxUrl).waitForMailContaining(email, "/refer/resume/", writeMs + 10_000);
  expect(mail.destination.to).toEqual([email]);
}, 900_000);
