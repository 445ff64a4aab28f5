import { DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from "@aws-sdk/client-dynamodb-streams";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { type OutboxRecord, type RelayPorts, relayOutbox, resilientClientConfig } from "@tandem/api";

const POLL_MS = 200;
/**
 * A failed send is tried again after 1 s, then 2, 4, ... up to 30 s between tries, for as long as the stack
 * runs: locally there is no dead-letter queue to hold it, and an e-mail queued while the SES emulator is down
 * must still go once it is back.
 */
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * Locally, Lambda's DynamoDB event source is played by this poller: it reads DynamoDB Local's
 * stream with the same SDK and hands inserted items to the same relay function the AWS handler
 * calls. Shards are read from their start: claims make a replayed record harmless.
 */
export function startOutboxRelay(opts: {
  raw: DynamoDBClient;
  endpoint: string;
  tableName: string;
  ports: RelayPorts;
}): { stop(): Promise<void> } {
  const streams = new DynamoDBStreamsClient({
    ...resilientClientConfig,
    endpoint: opts.endpoint,
    region: "eu-west-2",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const iterators = new Map<string, string>();
  const finished = new Set<string>();
  let retries: { record: OutboxRecord; attempts: number; due: number }[] = [];
  let stopped = false;

  async function tick(): Promise<void> {
    const table = await opts.raw.send(new DescribeTableCommand({ TableName: opts.tableName }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn) return;
    const stream = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of stream.StreamDescription?.Shards ?? []) {
      const id = shard.ShardId;
      if (!id || finished.has(id) || iterators.has(id)) continue;
      const it = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: id, ShardIteratorType: "TRIM_HORIZON" }),
      );
      if (it.ShardIterator) iterators.set(id, it.ShardIterator);
    }
    const now = Date.now();
    const waiting = retries.filter((r) => r.due > now);
    const batch: OutboxRecord[] = retries.filter((r) => r.due <= now).map((r) => r.record);
    const attemptsSoFar = new Map(retries.map((r) => [r.record.key.sk, r.attempts]));
    for (const [id, iterator] of iterators) {
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      if (out.NextShardIterator) iterators.set(id, out.NextShardIterator);
      else {
        iterators.delete(id);
        finished.add(id);
      }
      for (const r of out.Records ?? []) {
        const image = r.dynamodb?.NewImage;
        if (r.eventName !== "INSERT" || !image) continue;
        // biome-ignore lint/suspicious/noExplicitAny: the streams client's AttributeValue is nominally distinct
        const item = unmarshall(image as any);
        if (item.type === "outbox") batch.push({ key: { pk: String(item.pk), sk: String(item.sk) }, image: item });
      }
    }
    retries = waiting;
    if (batch.length === 0) return;
    const again = (records: OutboxRecord[]) =>
      records.map((record) => {
        const attempts = (attemptsSoFar.get(record.key.sk) ?? 0) + 1;
        return { record, attempts, due: Date.now() + Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1)) };
      });
    let failed: OutboxRecord["key"][];
    try {
      ({ failed } = await relayOutbox(batch, opts.ports));
    } catch (e) {
      // The table itself failed (a claim or a release): the whole batch waits for the next try.
      retries = [...waiting, ...again(batch)];
      throw e;
    }
    retries = [...waiting, ...again(batch.filter((r) => failed.some((k) => k.sk === r.key.sk && k.pk === r.key.pk)))];
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        await tick();
      } catch (e) {
        if (!stopped) console.error(`outbox relay: ${e instanceof Error ? e.message : String(e)}`);
        // A restarted DynamoDB Local does not know the old iterators: read the shards again from their start
        // (claims make the replayed records harmless).
        iterators.clear();
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();

  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
