import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { resilientClientConfig, withoutSdkLogger } from "@tandem/api";
import { keys } from "@tandem/data";
import { batchGetAll } from "@tandem/data/core";
import { type LocalStack, TABLE_NAME } from "@tandem/local";
import { type ApiClient, users } from "./api-client.js";
import { atMost, median, ms, percentile, type Row, ratio, rowsTable } from "./stats.js";

/** The issue's target (issue 20): the API's read at most 1.5 times a bare GetItem, median and p99. */
const READ_RATIO = 1.5;
export const LATENCY = { iterations: 500, warmup: 50, budgetMs: 60_000 };

export interface LatencyResult {
  api: number[];
  raw: number[];
  /** A raw BatchGetItem of the two items the API's access check reads (informational). */
  batch: number[];
  /** The same GetItem through a client built as the API's own is, without the SDK's logger (informational). */
  rawLean: number[];
  /**
   * The floor, measured after the target's rounds so it cannot change them: a bare `node:http` server in this
   * process that makes the access check's read (the same BatchGetItem of the council and the caller's member
   * record, through a client built as the API's, by the data layer's `batchGetAll`) and answers the council's
   * JSON, alternating with the raw GetItem. What no app could go below over HTTP on this stack (informational).
   */
  floor: { floor: number[]; raw: number[] };
  /** Each API request's Server-Timing split (auth, db, handler, total), in milliseconds. */
  split: { auth: number[]; db: number[]; handler: number[]; total: number[] };
  warmup: number;
  stoppedEarly: boolean;
}

/**
 * One record read two ways, alternating: `GET /api/tenant` (token verification, routing, one
 * GetItem of T#riverford/TENANT, validation, JSON) and a bare GetItem of the same key with the
 * document client. Both go through node:http with a keep-alive agent of their own.
 */
export async function runLatency(
  stack: LocalStack,
  api: ApiClient,
  opts: { iterations: number; warmup: number; budgetMs: number },
): Promise<LatencyResult> {
  // A bare GetItem as anyone would write it with the SDK: the API's timeouts and retries, the SDK's keep-alive
  // agent and its default middleware, the document client's marshalling, and each call asking for its consumed
  // capacity as every call of the API's data layer does. The API's own client also drops the SDK's logger
  // middleware (withoutSdkLogger): that saving is the API's, so the target's GetItem keeps the SDK's default,
  // and the same GetItem through a client built as the API's is timed beside it as information.
  const client = (lean: boolean) => {
    const built = new DynamoDBClient({
      ...resilientClientConfig,
      endpoint: `http://127.0.0.1:${stack.ports.dynamodb}`,
      region: "eu-west-2",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    return DynamoDBDocumentClient.from(lean ? withoutSdkLogger(built) : built, {
      marshallOptions: { removeUndefinedValues: true },
    });
  };
  const doc = client(false);
  const leanDoc = client(true);
  const key = keys.tenant("riverford");
  const memberKey = await coordinatorKey(doc);
  const url = new URL(`${api.baseUrl}/api/tenant`);
  const sent = await api.headers({ as: users.coordinator, tenant: "riverford" });
  const headers: Record<string, string> = {};
  sent.forEach((value, name) => {
    headers[name] = value;
  });
  // The same HTTP client as the raw path's (node:http, keep-alive), so the ratio compares the API with
  // DynamoDB and not undici's fetch with node:http: fetch costs about a tenth of a millisecond more a call.
  const apiAgent = new Agent({ keepAlive: true, maxSockets: 50 });
  const getFrom = (port: string | number, path: string, sentHeaders: Record<string, string>) =>
    new Promise<{ status: number; body: string; timing: string }>((resolve, reject) => {
      const req = request({ host: url.hostname, port, path, headers: sentHeaders, agent: apiAgent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            timing: String(res.headers["server-timing"] ?? ""),
          }),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
  const get = () => getFrom(url.port, url.pathname, headers);

  const viaApi = async () => {
    const t0 = performance.now();
    const { status, body, timing } = await get();
    const t1 = performance.now();
    if (status !== 200) throw new Error(`GET /api/tenant answered ${status}: ${body.slice(0, 300)}`);
    return { ms: t1 - t0, timing };
  };
  const getItem = async (through: DynamoDBDocumentClient) => {
    const t0 = performance.now();
    const out = await through.send(
      new GetCommand({ TableName: TABLE_NAME, Key: key, ReturnConsumedCapacity: "TOTAL" }),
    );
    const t1 = performance.now();
    if (!out.Item) throw new Error("Raw GetItem found no T#riverford/TENANT item");
    return t1 - t0;
  };
  const viaSdk = () => getItem(doc);
  // What the API's access check reads (the council and the caller's member record), as one BatchGetItem:
  // DynamoDB's part of the API's time, shown beside the target's GetItem (not a target of its own).
  const viaBatch = async () => {
    const t0 = performance.now();
    const out = await doc.send(
      new BatchGetCommand({
        RequestItems: { [TABLE_NAME]: { Keys: [key, memberKey] } },
        ReturnConsumedCapacity: "TOTAL",
      }),
    );
    const t1 = performance.now();
    if (out.Responses?.[TABLE_NAME]?.length !== 2) throw new Error("Raw BatchGetItem did not find both items");
    return t1 - t0;
  };

  try {
    for (let i = 0; i < opts.warmup; i++) {
      await viaApi();
      await viaSdk();
      await viaBatch();
      await getItem(leanDoc);
    }
    const split: LatencyResult["split"] = { auth: [], db: [], handler: [], total: [] };
    const result: LatencyResult = {
      api: [],
      raw: [],
      batch: [],
      rawLean: [],
      floor: { floor: [], raw: [] },
      split,
      warmup: opts.warmup,
      stoppedEarly: false,
    };
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
    // The informational reads in rounds of their own, as the floor's are: calls between the target's pair
    // change what each side of it finds warm (a GetItem that follows another GetItem's code ran faster), so
    // the target's rounds hold only its two sides.
    for (let i = 0; i < Math.ceil(opts.iterations / 2); i++) {
      result.batch.push(await viaBatch());
      result.rawLean.push(await getItem(leanDoc));
    }
    await measureFloor(result.floor, { viaSdk, get: getFrom, leanDoc, keyList: [key, memberKey], opts });
    return result;
  } finally {
    doc.destroy();
    leanDoc.destroy();
    apiAgent.destroy();
  }
}

/** The floor's rounds (see `LatencyResult.floor`): fewer than the target's, after their own warm-up. */
async function measureFloor(
  into: LatencyResult["floor"],
  on: {
    viaSdk: () => Promise<number>;
    get: (port: number, path: string, headers: Record<string, string>) => Promise<{ status: number; body: string }>;
    leanDoc: DynamoDBDocumentClient;
    keyList: { pk: string; sk: string }[];
    opts: { iterations: number; warmup: number };
  },
): Promise<void> {
  const [councilKey] = on.keyList;
  const server = createServer((_req, res) => {
    batchGetAll(on.leanDoc, TABLE_NAME, on.keyList).then(
      (found) => {
        const body = JSON.stringify(found.get(`${councilKey?.pk}|${councilKey?.sk}`));
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
        res.end(body);
      },
      (e: unknown) => res.writeHead(500).end(String(e)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const viaFloor = async () => {
    const t0 = performance.now();
    const { status, body } = await on.get(port, "/", {});
    const t1 = performance.now();
    if (status !== 200) throw new Error(`The floor's server answered ${status}: ${body.slice(0, 300)}`);
    return t1 - t0;
  };
  try {
    const rounds = Math.ceil(on.opts.iterations / 2);
    for (let i = 0; i < on.opts.warmup + rounds; i++) {
      const first = i % 2 === 0;
      const a = first ? await viaFloor() : await on.viaSdk();
      const b = first ? await on.viaSdk() : await viaFloor();
      if (i < on.opts.warmup) continue;
      into.floor.push(first ? a : b);
      into.raw.push(first ? b : a);
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export function latencySection(r: LatencyResult): { text: string; rows: Row[] } {
  const apiMed = median(r.api);
  const rawMed = median(r.raw);
  const apiP99 = percentile(r.api, 99);
  const rawP99 = percentile(r.raw, 99);
  const rows: Row[] = [
    { measure: "API   GET /api/tenant  median", value: ms(apiMed), target: "", result: "info" },
    { measure: "API   GET /api/tenant  p99", value: ms(apiP99), target: "", result: "info" },
    { measure: "raw   GetItem          median", value: ms(rawMed), target: "", result: "info" },
    { measure: "raw   GetItem          p99", value: ms(rawP99), target: "", result: "info" },
    {
      measure: "raw   BatchGetItem (2) median",
      value: ms(median(r.batch)),
      target: "",
      result: "info",
    },
    {
      measure: "raw   GetItem, API's client median",
      value: ms(median(r.rawLean)),
      target: "",
      result: "info",
    },
    {
      measure: "floor bare server + BatchGet median",
      value: r.floor.floor.length ? ms(median(r.floor.floor)) : "-",
      target: "",
      result: "info",
    },
    {
      measure: "floor/raw median (its own rounds)",
      value: r.floor.floor.length ? ratio(median(r.floor.floor) / median(r.floor.raw)) : "-",
      target: "",
      result: "info",
    },
    {
      measure: "ratio API/raw median",
      value: ratio(apiMed / rawMed),
      target: `<= ${READ_RATIO}x`,
      result: atMost(apiMed / rawMed, READ_RATIO),
    },
    {
      measure: "ratio API/raw p99",
      value: ratio(apiP99 / rawP99),
      target: `<= ${READ_RATIO}x`,
      result: atMost(apiP99 / rawP99, READ_RATIO),
    },
  ];
  const head = [
    "1. READ LATENCY: one record (T#riverford / TENANT)",
    `   API: GET /api/tenant as coordinator@riverford.example over HTTP (node:http, keep-alive agent).`,
    `   raw: GetItem of the same key through the SDK's default client with the API's timeouts and retries (keep-alive,`,
    `        consumed capacity asked), same process. BatchGetItem (2): the council and the caller's member record, as the`,
    `        API reads them. "API's client": the same GetItem through a client built as the API's (no SDK logger middleware).`,
    `   floor: after those rounds, a bare node:http server in this process making the same BatchGetItem (the data layer's`,
    `        batchGetAll, a client built as the API's) and answering the council's JSON, alternating with the raw GetItem:`,
    `        what no app could go below over HTTP here. The API's own work is what it takes above the floor.`,
    `   ${r.api.length} alternating pairs after ${r.warmup} warm-up pairs${r.stoppedEarly ? ` (stopped early: ${LATENCY.budgetMs / 1000}s budget reached)` : ""}.`,
  ];
  const s = r.split;
  const split = s.total.length
    ? [
        `   Server-Timing split of the API's time in its own process (medians): auth ${ms(median(s.auth))},` +
          ` db ${ms(median(s.db))}, handler ${ms(median(s.handler))}, total ${ms(median(s.total))};`,
        `   the rest of the API's ${ms(apiMed)} is HTTP and the local server around the app.`,
      ]
    : ["   Server-Timing: the API sent no split (reportCapacity off?)."];
  return { text: [...head, "", rowsTable(rows), "", ...split].join("\n"), rows };
}

/** The key of the bench's caller's member record (coordinator@riverford.example), found by e-mail. */
async function coordinatorKey(doc: DynamoDBDocumentClient): Promise<{ pk: string; sk: string }> {
  const { pk } = keys.tenant("riverford");
  const out = await doc.send(
    new QueryCommand({
      TableName: TABLE_NAME,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :sk)",
      ExpressionAttributeValues: { ":pk": pk, ":sk": keys.memberPrefix },
    }),
  );
  const item = out.Items?.find((i) => i.email === users.coordinator);
  if (!item) throw new Error(`No member record for ${users.coordinator} in riverford`);
  return { pk: String(item.pk), sk: String(item.sk) };
}
