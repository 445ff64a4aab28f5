import { Agent } from "node:http";
import { performance } from "node:perf_hooks";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { keys } from "@tandem/data";
import { type LocalStack, TABLE_NAME } from "@tandem/local";
import { type ApiClient, users } from "./api-client.js";

export interface LatencyResult {
  api: number[];
  raw: number[];
  /** Each API request's Server-Timing split (auth, db, handler, total), in milliseconds. */
  split: { auth: number[]; db: number[]; handler: number[]; total: number[] };
  warmup: number;
  stoppedEarly: boolean;
}

/**
 * One record read two ways, alternating: `GET /api/tenant` (token verification, routing, one
 * GetItem of T#riverford/TENANT, validation, JSON) and a bare GetItem of the same key with the
 * document client. Both reuse connections (undici's global agent for fetch, a keep-alive agent for the SDK).
 */
export async function runLatency(
  stack: LocalStack,
  api: ApiClient,
  opts: { iterations: number; warmup: number; budgetMs: number },
): Promise<LatencyResult> {
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: `http://127.0.0.1:${stack.ports.dynamodb}`,
      region: "eu-west-2",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
      requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 50 }) },
    }),
  );
  const key = keys.tenant("riverford");
  const url = `${api.baseUrl}/api/tenant`;
  const headers = await api.headers({ as: users.coordinator, tenant: "riverford" });

  const viaApi = async () => {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    const body = await res.text();
    const t1 = performance.now();
    if (res.status !== 200) throw new Error(`GET /api/tenant answered ${res.status}: ${body.slice(0, 300)}`);
    return { ms: t1 - t0, timing: res.headers.get("server-timing") ?? "" };
  };
  const viaSdk = async () => {
    const t0 = performance.now();
    const out = await doc.send(new GetCommand({ TableName: TABLE_NAME, Key: key }));
    const t1 = performance.now();
    if (!out.Item) throw new Error("Raw GetItem found no T#riverford/TENANT item");
    return t1 - t0;
  };

  try {
    for (let i = 0; i < opts.warmup; i++) {
      await viaApi();
      await viaSdk();
    }
    const split: LatencyResult["split"] = { auth: [], db: [], handler: [], total: [] };
    const result: LatencyResult = { api: [], raw: [], split, warmup: opts.warmup, stoppedEarly: false };
    const measureApi = async () => {
      const { ms, timing } = await viaApi();
      result.api.push(ms);
      for (const [, name, dur] of timing.matchAll(/(auth|db|handler|total);dur=([0-9.]+)/g)) {
        split[name as keyof typeof split].push(Number(dur));
      }
    };
    const deadline = performance.now() + opts.budgetMs;
    for (let i = 0; i < opts.iterations; i++) {
      // Alternate which goes first, so neither always follows the other's garbage or timers.
      if (i % 2 === 0) {
        await measureApi();
        result.raw.push(await viaSdk());
      } else {
        result.raw.push(await viaSdk());
        await measureApi();
      }
      if (performance.now() > deadline) {
        result.stoppedEarly = true;
        break;
      }
    }
    return result;
  } finally {
    doc.destroy();
  }
}
