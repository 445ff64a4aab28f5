import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { Database, PLATFORM_TENANT } from "@tandem/data/core";
import * as keys from "@tandem/data/keys";
import type { TokenVerifier, TokenVerifierConfig } from "../auth/verifier.js";
import type { Deps } from "../deps.js";
import { resilientClientConfig, withoutSdkLogger } from "../faults/sdk-client-config.js";
import type { IdentityAdmin } from "../identity/identity-admin.js";
import type { ReceiptStore } from "../receipts/receipt-store.js";

export const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`Missing environment variable ${name}`);
  return v;
};

const marshallOptions = { removeUndefinedValues: true };

/** The SDK clients' settings every function's clients share (timeouts, retries; faults/sdk-client-config.ts). */
export { resilientClientConfig, withoutSdkLogger };

const ownClient = DynamoDBDocumentClient.from(withoutSdkLogger(new DynamoDBClient({ ...resilientClientConfig })), {
  marshallOptions,
});
const sts = withoutSdkLogger(new STSClient({ ...resilientClientConfig }));
export type SessionCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken: string };
const sessions = new Map<string, { credentials: SessionCredentials; expires: number }>();
const clients = new Map<string, { client: DynamoDBDocumentClient; credentials: SessionCredentials }>();

/**
 * Credentials that only reach one tenant's data: the function assumes the tenant data role with a
 * `tenant` session tag, and that role's policy allows only partition keys starting `T#<tenant>`
 * (dynamodb:LeadingKeys) and only receipts under `tenants/<tenant>/` in the bucket (s3 resource ARN with
 * the tag). Cached per tenant until shortly before expiry.
 */
export async function tenantCredentials(tenantId: string): Promise<SessionCredentials> {
  const hit = sessions.get(tenantId);
  if (hit && hit.expires > Date.now() + 60_000) return hit.credentials;
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
  const credentials = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
  sessions.set(tenantId, { credentials, expires: c.Expiration.getTime() });
  return credentials;
}

/** A document client whose credentials only reach one tenant's keys (see `tenantCredentials`). */
async function tenantScopedClient(tenantId: string): Promise<DynamoDBDocumentClient> {
  const credentials = await tenantCredentials(tenantId);
  const hit = clients.get(tenantId);
  if (hit && hit.credentials === credentials) return hit.client;
  const client = DynamoDBDocumentClient.from(
    withoutSdkLogger(new DynamoDBClient({ ...resilientClientConfig, credentials })),
    {
      marshallOptions,
    },
  );
  clients.set(tenantId, { client, credentials });
  return client;
}

/**
 * The table as the scheduled job reaches it: the platform's registry with the function's own role (which
 * may only read that partition), and each council through its own tenant-tagged session.
 */
export function jobDatabase(): Database {
  return new Database(
    env("TABLE_NAME"),
    (tenantId) => (tenantId === PLATFORM_TENANT ? Promise.resolve(ownClient) : tenantScopedClient(tenantId)),
    async () => {
      throw new Error("The scheduled job never provisions: it has no unconfined client");
    },
  );
}

/** A wrong setting must fail the cold start, not fall back to trusting the client's own X-Forwarded-For. */
function proxyHops(value: string | undefined): number {
  const hops = Number(value ?? 2);
  if (!Number.isInteger(hops) || hops < 0 || hops > 5)
    throw new Error(`TRUSTED_PROXY_HOPS must be 0-5, got "${value}"`);
  return hops;
}

export interface AwsDepsOptions {
  tenantScoped: boolean | "except-platform";
  /** The SPA's built index.html, for the public forms' pages (ADR 15); only the functions that draw them have it. */
  pageShell?: string | null;
  /**
   * Makes the sign-in token verifier (`createTokenVerifier`, with its JWKS cache), or null for a
   * function that serves no signed-in route (public and the public forms' functions), whose bundle then does not carry it.
   */
  verifier: ((config: TokenVerifierConfig) => TokenVerifier) | null;
  /**
   * Makes the user pool's admin calls (./aws-identity.ts), for a function infra grants them
   * (`USER_POOL_ADMIN_ACTIONS` in infra/lib/api.ts; infra's entries test checks the two agree); null for the
   * rest, whose bundle then does not carry them.
   */
  identity: (() => IdentityAdmin) | null;
  /** Makes the receipts store (./tenant-receipts.ts) for the one function told the bucket (scheme); null elsewhere. */
  receipts: (() => ReceiptStore) | null;
}

/** Reaching either means a route is in a function infra does not grant it to: say which. */
const notHere = (what: string) => async () => {
  throw new Error(`This function has no ${what} (see AwsDepsOptions in lambda/aws-deps.ts)`);
};

/** A function with no signed-in route never verifies a token: reaching this is a route in the wrong function. */
const noSignedInRoutes: TokenVerifier = async () => {
  throw new Error("This function serves no signed-in route, so it has no token verifier (see public-http-handler.ts)");
};

/**
 * Dependencies for a function; `tenantScoped` decides whether table access goes through the tenant
 * role: always (tenant function), never (platform), or for every tenant but the platform's own
 * partition (public function: a council's form, and the registry that finds the council).
 */
const noIdentityAdmin: IdentityAdmin = {
  ensureUser: notHere("user pool admin"),
  setMembership: notHere("user pool admin"),
  setPassword: notHere("user pool admin"),
  resetMfa: notHere("user pool admin"),
};

export function awsDeps(opts: AwsDepsOptions): Deps {
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
    receipts: opts.receipts ? opts.receipts() : { put: notHere("receipts store"), get: notHere("receipts store") },
    verifyToken: opts.verifier ? opts.verifier({ issuer, audience: env("JWT_AUDIENCE") }) : noSignedInRoutes,
    identity: opts.identity ? opts.identity() : noIdentityAdmin,
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
          const client = withoutSdkLogger(new sdk.SESv2Client({ ...resilientClientConfig }));
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
    pageShell: opts.pageShell ?? null,
  };
}
