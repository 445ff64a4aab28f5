import { DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  DynamoDBStreamsServiceException,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from "@aws-sdk/client-dynamodb-streams";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { type OutboxRecord, type RelayPorts, relayOutbox, resilientClientConfig } from "@tandem/api";

/** How long the relay rests once it has read every record there is (never while records are waiting). */
const POLL_MS = 200;
/**
 * Records asked for per GetRecords call: the API's maximum. Every item the table writes is in the stream, not only
 * e-mails (an import or a bulk load writes thousands), and DynamoDB Local's cost is mostly per call, so reading 100
 * at a time with a rest between calls fell minutes behind a bulk write and held up every e-mail queued after it.
 */
const STREAM_READ_LIMIT = 1000;
/**
 * A full read on a busy 2-core machine has taken over 2 s, the API's per-call timeout; the relay answers no person,
 * so it waits longer rather than give up a read that would only be made again.
 */
const STREAM_READ_TIMEOUT_MS = 15_000;
/** How often the shard list is asked for again (a closed shard's children appear in it). */
const SHARD_LIST_EVERY_MS = 5_000;
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
 * calls. Like Lambda's poller it reads again at once while a shard has records and rests only when it has
 * caught up. Shards are read from their start, and after an error from just after the last record read
 * (from the start again if DynamoDB Local no longer knows that record): claims make a replayed record harmless.
 */
export function startOutboxRelay(opts: {
  raw: DynamoDBClient;
  endpoint: string;
  tableName: string;
  ports: RelayPorts;
}): { stop(): Promise<void> } {
  const streams = new DynamoDBStreamsClient({
    ...resilientClientConfig,
    requestHandler: { ...resilientClientConfig.requestHandler, requestTimeout: STREAM_READ_TIMEOUT_MS },
    endpoint: opts.endpoint,
    region: "eu-west-2",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const iterators = new Map<string, string>();
  const finished = new Set<string>();
  /** Each shard's last record read, so an error costs one call again, not a re-read of the whole stream. */
  const lastRead = new Map<string, string>();
  let shardsListedAt = 0;
  let retries: { record: OutboxRecord; attempts: number; due: number }[] = [];
  let stopped = false;

  async function openShard(streamArn: string, shardId: string): Promise<string | undefined> {
    const after = lastRead.get(shardId);
    if (after) {
      try {
        const it = await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shardId,
            ShardIteratorType: "AFTER_SEQUENCE_NUMBER",
            SequenceNumber: after,
          }),
        );
        return it.ShardIterator;
      } catch (e) {
        // A refusal (a restarted DynamoDB Local that no longer holds the record): read the shard from its start.
        if (!(e instanceof DynamoDBStreamsServiceException && e.$fault === "client")) throw e;
        lastRead.delete(shardId);
      }
    }
    const it = await streams.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: "TRIM_HORIZON" }),
    );
    return it.ShardIterator;
  }

  /** One read of every open shard and one relay of what it found; true when records came back (more may wait). */
  async function tick(): Promise<boolean> {
    if (iterators.size === 0 || Date.now() - shardsListedAt > SHARD_LIST_EVERY_MS) {
      const table = await opts.raw.send(new DescribeTableCommand({ TableName: opts.tableName }));
      const streamArn = table.Table?.LatestStreamArn;
      if (!streamArn) return false;
      const stream = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
      for (const shard of stream.StreamDescription?.Shards ?? []) {
        const id = shard.ShardId;
        if (!id || finished.has(id) || iterators.has(id)) continue;
        const it = await openShard(streamArn, id);
        if (it) iterators.set(id, it);
      }
      shardsListedAt = Date.now();
    }
    let read = 0;
    const now = Date.now();
    const waiting = retries.filter((r) => r.due > now);
    const batch: OutboxRecord[] = retries.filter((r) => r.due <= now).map((r) => r.record);
    const attemptsSoFar = new Map(retries.map((r) => [r.record.key.sk, r.attempts]));
    for (const [id, iterator] of iterators) {
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: STREAM_READ_LIMIT }));
      if (out.NextShardIterator) iterators.set(id, out.NextShardIterator);
      else {
        iterators.delete(id);
        finished.add(id);
      }
      read += out.Records?.length ?? 0;
      for (const r of out.Records ?? []) {
        const sequence = r.dynamodb?.SequenceNumber;
        if (sequence) lastRead.set(id, sequence);
        const image = r.dynamodb?.NewImage;
        if (r.eventName !== "INSERT" || !image) continue;
        // biome-ignore lint/suspicious/noExplicitAny: the streams client's AttributeValue is nominally distinct
        const item = unmarshall(image as any);
        if (item.type === "outbox") batch.push({ key: { pk: String(item.pk), sk: String(item.sk) }, image: item });
      }
    }
    retries = waiting;
    if (batch.length === 0) return read > 0;
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
    return read > 0;
  }

  const loop = (async () => {
    while (!stopped) {
      let more = false;
      try {
        more = await tick();
      } catch (e) {
        if (!stopped) console.error(`outbox relay: ${e instanceof Error ? e.message : String(e)}`);
        // A restarted DynamoDB Local does not know the old iterators: open each shard again after the last
        // record read (claims make a replayed record harmless).
        iterators.clear();
      }
      if (!more) await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();

  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
