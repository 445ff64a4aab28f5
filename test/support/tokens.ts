import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { inject } from "vitest";

/**
 * Tokens the identity provider would never issue as they are: expired, for another audience,
 * or signed with a key it does not publish. They are signed with cognito-local's own key (or a
 * stranger's), so the API's real verification path is what rejects them.
 */
function idpKey(): KeyObject {
  const localDir = dirname(createRequire(import.meta.url).resolve("@tandem/local"));
  const require = createRequire(join(localDir, "index.ts"));
  const file = require.resolve("cognito-local/lib/keys/cognitoLocal.private.json");
  return createPrivateKey({ key: JSON.parse(readFileSync(file, "utf8")).jwk, format: "jwk" });
}

/** One stranger's key per run: generating an RSA key per token took seconds on a busy machine, per route. */
let stranger: KeyObject | undefined;
const strangerKey = () => {
  stranger ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  return stranger;
};

export function mintToken(opts: {
  expiresInSeconds?: number;
  audience?: string;
  issuer?: string;
  signer?: "identity-provider" | "stranger";
  claims?: Record<string, unknown>;
}): string {
  const s = inject("stack");
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: "RS256", typ: "JWT", kid: "CognitoLocal" };
  const payload = {
    sub: "00000000-0000-4000-8000-000000000000",
    email: "intruder@example.org",
    token_use: "id",
    iat: now - 60,
    exp: now + (opts.expiresInSeconds ?? 3600),
    aud: opts.audience ?? s.clientId,
    iss: opts.issuer ?? `http://localhost:${s.identityPort}/${s.userPoolId}`,
    "custom:memberships": JSON.stringify([{ t: "riverford", r: ["tenant_admin"] }]),
    ...opts.claims,
  };
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const data = `${enc(header)}.${enc(payload)}`;
  const key = opts.signer === "stranger" ? strangerKey() : idpKey();
  return `${data}.${sign("sha256", Buffer.from(data), key).toString("base64url")}`;
}
