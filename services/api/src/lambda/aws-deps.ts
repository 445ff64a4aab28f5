import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { Database, keys, PLATFORM_TENANT } from "@tandem/data/core";
import { createTokenVerifier } from "../auth/verifier.js";
import type { Deps } from "../deps.js";
import { resilientClientConfig } from "../faults/sdk-client-config.js";
import { cognitoIdentityAdmin } from "../identity/identity-admin.js";

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`Missing environment variable ${name}`);
  return v;
};

const marshallOptions = { removeUndefinedValues: true };
const ownClient = DynamoDBDocumentClient.from(new DynamoDBClient({ ...resilientClientConfig }), {
  marshallOptions,
});
const sts = new STSClient({ ...resilientClientConfig });
const cache = new Map<string, { client: DynamoDBDocumentClient; expires: number }>();

/**
 * A document client whose credentials only reach one tenant's keys: the function assumes the
 * tenant data role with a `tenant` session tag, and that role's policy allows only partition keys
 * starting `T#<tenant>` (dynamodb:LeadingKeys). Cached per tenant until shortly before expiry.
 */
async function tenantScopedClient(tenantId: string): Promise<DynamoDBDocumentClient> {
  const hit = cache.get(tenantId);
  if (hit && hit.expires > Date.now() + 60_000) return hit.client;
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: env("TENANT_ROLE_ARN"),
      RoleSessionName: `tenant-${tenantId}`.slice(0, 64),
      Tags: [{ Key: "tenant", Value: tenantId }],
      DurationSeconds: 900,
    }),
  );
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
    throw new Error("STS returned no credentials");
  }
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      ...resilientClientConfig,
      credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken },
    }),
    { marshallOptions },
  );
  cache.set(tenantId, { client, expires: c.Expiration.getTime() });
  return client;
}

/** A wrong setting must fail the cold start, not fall back to trusting the client's own X-Forwarded-For. */
function proxyHops(value: string | undefined): number {
  const hops = Number(value ?? 2);
  if (!Number.isInteger(hops) || hops < 0 || hops > 5)
    throw new Error(`TRUSTED_PROXY_HOPS must be 0-5, got "${value}"`);
  return hops;
}

/**
 * Dependencies for a function; `tenantScoped` decides whether table access goes through the tenant
 * role: always (tenant function), never (platform), or for every tenant but the platform's own
 * partition (public function: a council's form, and the registry that finds the council).
 */
export function awsDeps(opts: { tenantScoped: boolean | "except-platform" }): Deps {
  const tableName = env("TABLE_NAME");
  const issuer = env("JWT_ISSUER");
  const clientFor =
    opts.tenantScoped === "except-platform"
      ? (tenantId: string) => (tenantId === PLATFORM_TENANT ? Promise.resolve(ownClient) : tenantScopedClient(tenantId))
      : opts.tenantScoped
        ? tenantScopedClient
        : async () => ownClient;
  // SES (only the health check reads it here) and Cognito (only onboarding, invitations and members) are
  // imported when a request first needs them, so cold starts do not load SDK clients most requests never use.
  let sesAccount: (() => Promise<unknown>) | undefined;
  return {
    db: new Database(tableName, clientFor, async () => ownClient),
    verifyToken: createTokenVerifier({ issuer, audience: env("JWT_AUDIENCE") }),
    identity: cognitoIdentityAdmin(
      async () =>
        new (await import("@aws-sdk/client-cognito-identity-provider")).CognitoIdentityProviderClient({
          ...resilientClientConfig,
        }),
      env("USER_POOL_ID"),
    ),
    publicBaseUrl: env("PUBLIC_BASE_URL"),
    health: {
      table: async () => {
        await ownClient.send(
          new GetCommand({ TableName: tableName, Key: { pk: keys.platformPartition, sk: "HEALTH" } }),
        );
        return { status: "up" };
      },
      email: async () => {
        if (!sesAccount) {
          const sdk = await import("@aws-sdk/client-sesv2");
          const client = new sdk.SESv2Client({ ...resilientClientConfig });
          sesAccount = () => client.send(new sdk.GetAccountCommand({}));
        }
        await sesAccount();
        return { status: "up" };
      },
      identity: async () => {
        const res = await fetch(`${issuer}/.well-known/jwks.json`, { signal: AbortSignal.timeout(2000) });
        return res.ok ? { status: "up" } : { status: "down", detail: `JWKS answered ${res.status}` };
      },
    },
    publicConfig: {
      auth: {
        endpoint: `https://cognito-idp.${process.env.AWS_REGION ?? "eu-west-2"}.amazonaws.com/`,
        clientId: env("JWT_AUDIENCE"),
        region: process.env.AWS_REGION ?? "eu-west-2",
      },
    },
    trustedProxyHops: proxyHops(process.env.TRUSTED_PROXY_HOPS),
    originSecret: env("ORIGIN_SECRET"),
    addressHashKey: env("ADDRESS_HASH_KEY"),
    reportCapacity: false,
  };
}
