import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { type ApiClient, type ApiResponse, field, isArray, isNumber, isObject, isString, users } from "./api-client.js";

export interface CapacityLine {
  operation: string;
  as: string;
  status: number;
  expected: number;
  /** Parsed x-tandem-capacity header; undefined when the header is missing or malformed. */
  capacity: { rcu: number; wcu: number; calls: number; awsWcu: number } | undefined;
  note?: string;
}

export function parseCapacity(header: string | null): CapacityLine["capacity"] {
  if (!header) return undefined;
  const parts = Object.fromEntries(
    header.split(";").map((p) => {
      const [k, v] = p.split("=");
      return [k?.trim() ?? "", Number(v)];
    }),
  );
  const { rcu, wcu, calls, awsWcu } = parts;
  const all = [rcu, wcu, calls, awsWcu];
  if (!isNumber(rcu) || !isNumber(wcu) || !isNumber(calls) || !isNumber(awsWcu) || all.some(Number.isNaN)) {
    return undefined;
  }
  return { rcu, wcu, calls, awsWcu };
}

/**
 * Calls each API operation once, as a demo user allowed to, and records the capacity the API says
 * it consumed. Writes use fresh names and e-mails so the run works on any data folder.
 */
export async function runCapacity(api: ApiClient): Promise<CapacityLine[]> {
  const lines: CapacityLine[] = [];
  const run = Date.now().toString(36);
  const record = (operation: string, as: string, res: ApiResponse, expected: number, note?: string): ApiResponse => {
    lines.push({
      operation,
      as,
      status: res.status,
      expected,
      capacity: parseCapacity(res.headers.get("x-tandem-capacity")),
      note,
    });
    return res;
  };
  const riverford = { tenant: "riverford" };

  record("GET /api/health", "anyone", await api.call("GET", "/api/health"), 200, "table probe bypasses the meter");
  record("GET /api/public/tenants/riverford", "anyone", await api.call("GET", "/api/public/tenants/riverford"), 200);
  record("GET /api/me", "coordinator", await api.call("GET", "/api/me", { as: users.coordinator }), 200);
  record(
    "GET /api/tenant",
    "coordinator",
    await api.call("GET", "/api/tenant", { as: users.coordinator, ...riverford }),
    200,
  );
  const page = record(
    "GET /api/members?limit=25",
    "coordinator",
    await api.call("GET", "/api/members?limit=25", { as: users.coordinator, ...riverford }),
    200,
  );
  const items = field(page.json, "items", isArray);
  const firstId = field(items[0], "personId", isString);
  record(
    "GET /api/members/{id}",
    "coordinator",
    await api.call("GET", `/api/members/${firstId}`, { as: users.coordinator, ...riverford }),
    200,
  );

  const created = record(
    "POST /api/members (no Idempotency-Key)",
    "admin",
    await api.call("POST", "/api/members", {
      as: users.admin,
      ...riverford,
      body: { name: "Bench Person", email: `bench-${run}-a@bench.example`, roles: ["volunteer"] },
    }),
    201,
  );
  const idemKey = randomUUID();
  const keyedBody = { name: "Bench Keyed", email: `bench-${run}-b@bench.example`, roles: ["volunteer"] };
  record(
    "POST /api/members (Idempotency-Key, first)",
    "admin",
    await api.call("POST", "/api/members", {
      as: users.admin,
      ...riverford,
      body: keyedBody,
      headers: { "idempotency-key": idemKey },
    }),
    201,
  );
  record(
    "POST /api/members (Idempotency-Key, replay)",
    "admin",
    await api.call("POST", "/api/members", {
      as: users.admin,
      ...riverford,
      body: keyedBody,
      headers: { "idempotency-key": idemKey },
    }),
    201,
    "same key and body again",
  );

  const createdId = field(created.json, "personId", isString);
  const createdVersion = field(created.json, "version", isNumber);
  record(
    "PATCH /api/members/{id}",
    "admin",
    await api.call("PATCH", `/api/members/${createdId}`, {
      as: users.admin,
      ...riverford,
      body: { name: "Bench Person Renamed", version: createdVersion },
    }),
    200,
  );

  const current = await api.call("GET", "/api/tenant", { as: users.admin, ...riverford });
  if (current.status !== 200) throw new Error(`GET /api/tenant as admin answered ${current.status}`);
  record(
    "PUT /api/tenant/policy",
    "admin",
    await api.call("PUT", "/api/tenant/policy", {
      as: users.admin,
      ...riverford,
      body: {
        policy: field(current.json, "policy", isObject),
        version: field(current.json, "version", isNumber),
        reason: "bench",
      },
    }),
    200,
  );
  record(
    "GET /api/audit?limit=25",
    "admin",
    await api.call("GET", "/api/audit?limit=25", { as: users.admin, ...riverford }),
    200,
  );

  record(
    "GET /api/platform/tenants",
    "operator",
    await api.call("GET", "/api/platform/tenants", { as: users.operator }),
    200,
  );
  const id = `bench-${run}`;
  record(
    "POST /api/platform/tenants",
    "operator",
    await api.call("POST", "/api/platform/tenants", {
      as: users.operator,
      body: {
        id,
        slug: id,
        name: "Bench Council",
        presetId: "any-age-40-per-visit",
        branding: {
          accentColour: "#1d4f91",
          logoUrl: null,
          contactEmail: "iv@bench.example",
          contactPhone: "",
          about: "",
        },
      },
    }),
    201,
  );
  return lines;
}

/**
 * Asks DynamoDB Local directly what it reports for ReturnConsumedCapacity TOTAL on a GetItem, so
 * the report can say whether zeros in the header come from the emulator or from the API.
 */
export async function probeConsumedCapacity(dynamoPort: number, tableName: string, key: Record<string, string>) {
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: `http://127.0.0.1:${dynamoPort}`,
      region: "eu-west-2",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    }),
  );
  try {
    const out = await doc.send(new GetCommand({ TableName: tableName, Key: key, ReturnConsumedCapacity: "TOTAL" }));
    return out.ConsumedCapacity;
  } finally {
    doc.destroy();
  }
}
