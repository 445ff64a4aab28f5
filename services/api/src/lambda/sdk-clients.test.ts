import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { STSClient } from "@aws-sdk/client-sts";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { TenantContext } from "@tandem/data/core";
import { receiptTenantPrefix } from "@tandem/data/expenses";
import * as keys from "@tandem/data/keys";
import type { DynamoDBStreamEvent } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/**
 * The SDK's logger middleware walks every call's input and output against the operation's schema even
 * with no logger set (sdk-client-config.ts, `withoutSdkLogger`): about a tenth of the API's time in
 * DynamoDB calls. These tests look at the clients the deployed functions really send through, by catching
 * each call as it leaves the client and reading that client's middleware stack. The calls are answered
 * here rather than by the emulators: the tenant's scoped credentials come from STS, which has none, and
 * only the client that sends matters, not the answer.
 */
const LOGGER = "loggerMiddleware";
const hasLogger = (client: { middlewareStack: { identify(): string[] } }) =>
  client.middlewareStack.identify().some((entry) => entry.startsWith(LOGGER));

/** Each client class as the SDK builds it by default, which is what a client the API forgets to strip is. */
const sdkDefaults = {
  DynamoDBDocumentClient: () => DynamoDBDocumentClient.from(new DynamoDBClient({})),
  STSClient: () => new STSClient({}),
  S3Client: () => new S3Client({}),
  SESv2Client: () => new SESv2Client({}),
  CognitoIdentityProviderClient: () => new CognitoIdentityProviderClient({}),
};
type ClientName = keyof typeof sdkDefaults;

interface Sent {
  client: string;
  command: string;
  logger: boolean;
}
let sent: Sent[] = [];

/** Where `send` is defined: the SDK's base client, of which the installed clients may carry two versions. */
function sendOwner(client: object): { send: unknown } {
  let proto = Object.getPrototypeOf(client);
  while (proto && !Object.hasOwn(proto, "send")) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error("An SDK client with no send");
  return proto;
}

const expiresLater = () => new Date(Date.now() + 3_600_000);

beforeEach(() => {
  sent = [];
  const owners = new Set(Object.values(sdkDefaults).map((make) => sendOwner(make())));
  for (const owner of owners) {
    vi.spyOn(owner as { send: (command: object) => Promise<unknown> }, "send").mockImplementation(async function (
      this: { constructor: { name: string }; middlewareStack: { identify(): string[] } },
      command: object,
    ) {
      const name = command.constructor.name;
      sent.push({ client: this.constructor.name, command: name, logger: hasLogger(this) });
      if (name === "AssumeRoleCommand") {
        return {
          Credentials: {
            AccessKeyId: "AKID",
            SecretAccessKey: "secret",
            SessionToken: "token",
            Expiration: expiresLater(),
          },
        };
      }
      return {};
    });
  }
  vi.stubEnv("AWS_REGION", "eu-west-2");
  vi.stubEnv("TABLE_NAME", "tandem");
  vi.stubEnv("POWERTOOLS_METRICS_DISABLED", "true");
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** The client classes that sent, and those of them that carried the logger middleware. */
const summary = () => ({
  clients: [...new Set(sent.map((s) => s.client))].sort(),
  withLogger: sent.filter((s) => s.logger).map((s) => `${s.client} ${s.command}`),
});

describe("the SDK clients the functions build (withoutSdkLogger)", () => {
  it("would carry the logger middleware if built as the SDK builds them, so its name is still the one removed", () => {
    for (const [name, make] of Object.entries(sdkDefaults)) expect(hasLogger(make()), name).toBe(true);
  });

  it("have no logger middleware in any HTTP function's clients: table, STS, S3, SES and Cognito", async () => {
    for (const [name, value] of Object.entries({
      JWT_ISSUER: "https://issuer.example.org",
      JWT_AUDIENCE: "audience",
      USER_POOL_ID: "eu-west-2_pool",
      PUBLIC_BASE_URL: "https://tandem.example.org",
      ORIGIN_SECRET: "origin",
      ADDRESS_HASH_KEY: "hash",
      TENANT_ROLE_ARN: "arn:aws:iam::123456789012:role/tenant-data",
      RECEIPTS_BUCKET: "receipts",
    }))
      vi.stubEnv(name, value);
    const { awsDeps } = await import("./aws-deps.js");
    const { awsIdentityAdmin } = await import("./aws-identity.js");
    const { tenantReceipts } = await import("./tenant-receipts.js");
    const deps = awsDeps({
      tenantScoped: "except-platform",
      verifier: null,
      identity: awsIdentityAdmin,
      receipts: tenantReceipts,
    });

    // A council's read: STS for its scoped credentials, then its own table client.
    await deps.db.forTenant(TenantContext.forScheduledJob("riverford", "run-1")).get(keys.tenant("riverford"));
    await deps.health.table();
    await deps.health.email();
    await deps.identity.resetMfa("coordinator@example.org");
    await deps.receipts.put(
      "riverford",
      `${receiptTenantPrefix("riverford")}receipts/match-1/receipt-1`,
      new Uint8Array([1]),
      "image/png",
    );

    expect(summary()).toEqual({
      clients: (Object.keys(sdkDefaults) as ClientName[]).sort(),
      withLogger: [],
    });
  });

  it("have no logger middleware in the outbox's clients: the claim in the table and the e-mail through SES", async () => {
    vi.stubEnv("EMAIL_FROM", "no-reply@tandem.example.org");
    const { handler } = await import("./email-outbox.js");
    const event = {
      Records: [
        {
          eventName: "INSERT",
          dynamodb: {
            SequenceNumber: "1",
            NewImage: {
              pk: { S: "T#riverford" },
              sk: { S: "OUTBOX#1" },
              type: { S: "outbox" },
              mail: { M: { to: { L: [{ S: "volunteer@example.org" }] }, subject: { S: "Your visit" } } },
              body: { S: "See you on Saturday." },
            },
          },
        },
      ],
    } as DynamoDBStreamEvent;

    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    expect(summary()).toEqual({ clients: ["DynamoDBDocumentClient", "SESv2Client"], withLogger: [] });
  });
});
