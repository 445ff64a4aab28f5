import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { resilientClientConfig } from "@tandem/api";
import { tableDefinition } from "@tandem/data/table";
import type { ProcessGroup } from "./processes.js";
import { waitForPort } from "./processes.js";

const require = createRequire(import.meta.url);

/** The DynamoDB Local jar ships inside this npm package, so no download happens at run time. */
export function dynamoDbLocalDir(): string {
  return join(dirname(require.resolve("amplify-dynamodb-simulator/package.json")), "emulator");
}

export async function startDynamoDbLocal(group: ProcessGroup, opts: { port: number; dbPath: string; quiet: boolean }) {
  const dir = dynamoDbLocalDir();
  const child = group.start(
    "dynamodb",
    "java",
    [
      `-Djava.library.path=${join(dir, "DynamoDBLocal_lib")}`,
      "-jar",
      join(dir, "DynamoDBLocal.jar"),
      "-sharedDb",
      "-dbPath",
      opts.dbPath,
      "-port",
      String(opts.port),
    ],
    { cwd: dir, quiet: opts.quiet },
  );
  await waitForPort(opts.port, "DynamoDB Local");
  return child;
}

/** The same keys and indexes the CDK app gives the real table: both read `tableDefinition`. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const d = tableDefinition;
  const attrs = new Set<string>([d.partitionKey, d.sortKey]);
  for (const g of d.globalSecondaryIndexes) {
    attrs.add(g.partitionKey);
    attrs.add(g.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [...attrs].map((name) => ({ AttributeName: name, AttributeType: "S" })),
    KeySchema: [
      { AttributeName: d.partitionKey, KeyType: "HASH" },
      { AttributeName: d.sortKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: d.globalSecondaryIndexes.map((g) => ({
      IndexName: g.indexName,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: "HASH" },
        { AttributeName: g.sortKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: d.streamView },
  };
}

export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<"created" | "existing"> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return "existing";
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
    }),
  );
  return "created";
}

/**
 * A client of DynamoDB Local. `resilient` gives it the API's timeouts and retries (the API's and the outbox
 * relay's calls); setting up the table and demo data waits as long as a cold JVM needs.
 */
export function localDynamoClient(port: number, opts: { resilient?: boolean } = {}): DynamoDBClient {
  return new DynamoDBClient({
    ...(opts.resilient ? resilientClientConfig : {}),
    endpoint: `http://127.0.0.1:${port}`,
    region: "eu-west-2",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
}
