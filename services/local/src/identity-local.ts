import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AssociateSoftwareTokenCommand,
  type AuthenticationResultType,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  RespondToAuthChallengeCommand,
  UpdateUserAttributesCommand,
  UsernameExistsException,
  VerifySoftwareTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { resilientClientConfig } from "@tandem/api";
import { type GuardOptions, SPA_WRITABLE_ATTRIBUTES, startIdentityGuard } from "./identity-guard.js";
import type { ProcessGroup } from "./processes.js";
import { waitForPort } from "./processes.js";
import { DEMO_TOTP_SECRET, totpCode } from "./totp.js";

const require = createRequire(import.meta.url);

export interface IdentityConfig {
  userPoolId: string;
  clientId: string;
  port: number;
}

export const issuerFor = (c: IdentityConfig) => `http://localhost:${c.port}/${c.userPoolId}`;
export const endpointFor = (port: number) => `http://localhost:${port}/`;

/** `resilient` gives the client the API's timeouts and retries (the API's calls, not the setup's). */
export function cognitoClient(port: number, opts: { resilient?: boolean } = {}): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    ...(opts.resilient ? resilientClientConfig : {}),
    endpoint: endpointFor(port),
    region: "eu-west-2",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
}

/**
 * Starts cognito-local, which speaks Cognito's API and issues RS256 tokens with a JWKS endpoint, on
 * `backendPort`, behind the guard on `port` that limits the attributes a user may write on their own
 * account as Cognito's app client does (identity-guard.ts). Its data (the pool, its users) lives
 * under `dataDir`, so it survives restarts. Answers the guard's server, for the caller to close.
 */
export async function startIdentityProvider(
  group: ProcessGroup,
  opts: { port: number; backendPort: number; dataDir: string; quiet: boolean } & Pick<GuardOptions, "mfa" | "resets">,
): Promise<Server> {
  const configDir = join(opts.dataDir, ".cognito");
  await mkdir(configDir, { recursive: true });
  // The issuer carries the port, so it is written on every start.
  await writeFile(
    join(configDir, "config.json"),
    JSON.stringify({ TokenConfig: { IssuerDomain: `http://localhost:${opts.port}` } }, null, 2),
  );
  const bin = join(dirname(require.resolve("cognito-local/package.json")), "lib", "bin", "start.js");
  group.start("identity", process.execPath, [bin], {
    cwd: opts.dataDir,
    env: { PORT: String(opts.backendPort), DEBUG: "" },
    quiet: opts.quiet,
  });
  await waitForPort(opts.backendPort, "the local identity provider (cognito-local)");
  return startIdentityGuard({ port: opts.port, backendPort: opts.backendPort, mfa: opts.mfa, resets: opts.resets });
}

/** Creates the user pool and the SPA's app client once, like the CDK app does in AWS. */
export async function ensureUserPool(dataDir: string, port: number): Promise<IdentityConfig> {
  const file = join(dataDir, "identity.json");
  if (existsSync(file)) {
    const saved = JSON.parse(await readFile(file, "utf8")) as IdentityConfig;
    return { ...saved, port };
  }
  const client = cognitoClient(port);
  const pool = await client.send(
    new CreateUserPoolCommand({
      PoolName: "tandem-local",
      Schema: [
        { Name: "memberships", AttributeDataType: "String", Mutable: true },
        { Name: "platform", AttributeDataType: "String", Mutable: true },
      ],
    }),
  );
  const userPoolId = pool.UserPool?.Id;
  if (!userPoolId) throw new Error("cognito-local did not return a user pool id");
  const app = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: "tandem-web",
      ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      WriteAttributes: [...SPA_WRITABLE_ATTRIBUTES],
    }),
  );
  const clientId = app.UserPoolClient?.ClientId;
  if (!clientId) throw new Error("cognito-local did not return an app client id");
  const config = { userPoolId, clientId, port };
  await writeFile(file, JSON.stringify(config, null, 2));
  return config;
}

export interface IdentityUser {
  email: string;
  name: string;
  password: string;
  memberships: string;
}

/** Creates or refreshes a user: their attributes (memberships travel in the token) and password. */
export async function upsertUser(config: IdentityConfig, user: IdentityUser): Promise<string> {
  const client = cognitoClient(config.port);
  const attributes = [
    { Name: "email", Value: user.email },
    { Name: "name", Value: user.name },
    { Name: "custom:memberships", Value: user.memberships },
  ];
  let sub: string | undefined;
  try {
    const created = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: config.userPoolId,
        Username: user.email,
        UserAttributes: attributes,
        MessageAction: "SUPPRESS",
      }),
    );
    sub = created.User?.Attributes?.find((a) => a.Name === "sub")?.Value;
  } catch (e) {
    if (!(e instanceof UsernameExistsException)) throw e;
    await client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: config.userPoolId,
        Username: user.email,
        UserAttributes: attributes,
      }),
    );
  }
  await client.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: config.userPoolId,
      Username: user.email,
      Password: user.password,
      Permanent: true,
    }),
  );
  if (!sub) {
    const existing = await client.send(
      new AdminGetUserCommand({ UserPoolId: config.userPoolId, Username: user.email }),
    );
    sub = existing.UserAttributes?.find((a) => a.Name === "sub")?.Value;
  }
  if (!sub) throw new Error(`The local identity provider has no sub for ${user.email}`);
  return sub;
}

/** Signs in as a user and returns their ID token, the bearer token the API expects. */
export async function signIn(config: IdentityConfig, email: string, password: string): Promise<string> {
  return (await signInSession(config, email, password)).idToken;
}

/**
 * The authenticator secrets this process knows, by e-mail (lower case): the demo users' (enrolled with the
 * published demo secret) and those of anyone `signInSession` enrolled itself.
 */
const knownSecrets = new Map<string, string>();

/**
 * The authenticator secret a user was enrolled with: one this process enrolled, else the demo users'
 * (the only accounts the local stack enrols itself).
 */
export function totpSecretFor(email: string): string {
  return knownSecrets.get(email.toLowerCase()) ?? DEMO_TOTP_SECRET;
}

/**
 * Signs in as a user and returns both tokens (the access token is what a user's own Cognito calls take),
 * answering the second factor as a person with an authenticator app would: a code computed from the
 * known secret (SOFTWARE_TOKEN_MFA), or, for someone not yet enrolled, a new secret (MFA_SETUP).
 */
export async function signInSession(
  config: IdentityConfig,
  email: string,
  password: string,
): Promise<{ idToken: string; accessToken: string; refreshToken: string }> {
  const client = cognitoClient(config.port);
  let out:
    | InitiateAuthCommandOutput
    | { AuthenticationResult?: AuthenticationResultType; ChallengeName?: string; Session?: string } = await client.send(
    new InitiateAuthCommand({
      ClientId: config.clientId,
      AuthFlow: "USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  if (out.ChallengeName === "MFA_SETUP") {
    const associated = await client.send(new AssociateSoftwareTokenCommand({ Session: out.Session }));
    const given = associated.SecretCode;
    if (!given) throw new Error(`MFA set-up for ${email} gave no secret`);
    const verified = await client.send(
      new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: totpCode(given) }),
    );
    knownSecrets.set(email.toLowerCase(), given);
    out = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: config.clientId,
        ChallengeName: "MFA_SETUP",
        Session: verified.Session,
        ChallengeResponses: { USERNAME: email },
      }),
    );
  } else if (out.ChallengeName === "SOFTWARE_TOKEN_MFA") {
    const secret = totpSecretFor(email);
    out = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: config.clientId,
        ChallengeName: "SOFTWARE_TOKEN_MFA",
        Session: out.Session,
        ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret) },
      }),
    );
  }
  const idToken = out.AuthenticationResult?.IdToken;
  const accessToken = out.AuthenticationResult?.AccessToken;
  const refreshToken = out.AuthenticationResult?.RefreshToken;
  if (!idToken || !accessToken || !refreshToken)
    throw new Error(`Sign-in for ${email} did not return a token (challenge: ${out.ChallengeName ?? "none"})`);
  return { idToken, accessToken, refreshToken };
}

/** What a signed-in user can do from the browser with their access token: change their own attributes. */
export async function updateOwnAttributes(
  config: IdentityConfig,
  accessToken: string,
  attributes: { Name: string; Value: string }[],
): Promise<void> {
  await cognitoClient(config.port).send(
    new UpdateUserAttributesCommand({ AccessToken: accessToken, UserAttributes: attributes }),
  );
}
