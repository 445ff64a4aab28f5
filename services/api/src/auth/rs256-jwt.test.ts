import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRs256Jwt, remoteRsaKeys } from "./rs256-jwt.js";

// jose signs the tokens here (a test dependency only): the verifier is checked against another implementation.
const issuer = "https://cognito-idp.eu-west-2.amazonaws.com/pool";
const audience = "tandem-spa";
const now = 1_800_000_000;
const pair = () => generateKeyPairSync("rsa", { modulusLength: 2048 });
const k1 = pair();
const other = pair();
const keyFor = async (kid: string): Promise<KeyObject | undefined> => (kid === "k1" ? k1.publicKey : undefined);

const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = {}, key = k1.privateKey) =>
  new SignJWT({ iss: issuer, aud: audience, sub: "person-1", iat: now - 60, exp: now + 3600, ...claims })
    .setProtectedHeader({ alg: "RS256", kid: "k1", ...header } as { alg: string })
    .sign(key);
const check = (token: string) => checkRs256Jwt(token, keyFor, { issuer, audience, nowSeconds: now });
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

describe("an RS256 token checked with node:crypto (rs256-jwt.ts)", () => {
  it("accepts Cognito's ID token and gives its claims", async () => {
    const out = await check(await sign({ token_use: "id", email: "sam@example.org" }));
    expect(out).toMatchObject({ ok: true, payload: { sub: "person-1", email: "sam@example.org" } });
    expect(await check(await sign({ aud: ["other", audience] }))).toMatchObject({ ok: true });
  });

  it.each<[string, () => Promise<string>, "expired" | "invalid"]>([
    ["at its exp", () => sign({ exp: now }), "expired"],
    ["past its exp", () => sign({ exp: now - 1 }), "expired"],
    ["signed by another key", () => sign({}, {}, other.privateKey), "invalid"],
    ["of a kid the issuer does not publish", () => sign({}, { kid: "k9" }), "invalid"],
    ["from another issuer", () => sign({ iss: "https://elsewhere.example" }), "invalid"],
    ["for another audience", () => sign({ aud: "another-client" }), "invalid"],
    ["with no subject", () => sign({ sub: undefined }), "invalid"],
    ["with no iat", () => sign({ iat: undefined }), "invalid"],
    ["not yet valid (nbf)", () => sign({ nbf: now + 60 }), "invalid"],
    ["with a crit header", () => sign({}, { crit: ["b64"], b64: true }), "invalid"],
    [
      "whose claims were changed after signing",
      async () => {
        const [h, , s] = (await sign({})).split(".");
        return [h, b64({ iss: issuer, aud: audience, sub: "someone-else", iat: now, exp: now + 60 }), s].join(".");
      },
      "invalid",
    ],
    ["claiming alg none", async () => `${b64({ alg: "none", kid: "k1" })}.${b64({ sub: "x" })}.`, "invalid"],
    [
      "claiming HS256 (the public key as a secret)",
      async () => {
        const [, body, sig] = (await sign({})).split(".");
        return [b64({ alg: "HS256", kid: "k1" }), body, sig].join(".");
      },
      "invalid",
    ],
    ["in two parts", async () => "a.b", "invalid"],
    ["with a segment that is not base64url", async () => `${b64({ alg: "RS256", kid: "k1" })}.%%%.abc`, "invalid"],
    ["whose payload is not an object", async () => `${b64({ alg: "RS256", kid: "k1" })}.${b64([1])}.abc`, "invalid"],
  ])("refuses a token %s", async (_case, token, reason) => {
    expect(await check(await token())).toEqual({ ok: false, reason });
  });
});

describe("the issuer's keys (remoteRsaKeys)", () => {
  let server: Server;
  let url = "";
  let requests = 0;
  let published: Record<string, unknown>[] = [];
  let answer = 200;
  beforeAll(async () => {
    server = createServer((_, res) => {
      requests += 1;
      res.statusCode = answer;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("fetches once, finds a rotated key after the cooldown, and keeps what it has while the issuer is down", async () => {
    published = [{ ...(await exportJWK(k1.publicKey)), kid: "k1", alg: "RS256", use: "sig" }];
    let clock = 0;
    const keys = remoteRsaKeys(url, { cooldownMs: 30_000, cacheMaxAgeMs: 600_000, timeoutMs: 2_000 }, () => clock);
    requests = 0;
    expect(await keys("k1")).toBeDefined();
    expect(await keys("k1")).toBeDefined();
    expect(requests).toBe(1);

    published.push({ ...(await exportJWK(other.publicKey)), kid: "k2", alg: "RS256", use: "sig" });
    expect(await keys("k2"), "within the cooldown: not asked again").toBeUndefined();
    expect(requests).toBe(1);
    clock += 30_000;
    expect(await keys("k2"), "after the cooldown: the rotated key").toBeDefined();
    expect(requests).toBe(2);

    answer = 503;
    clock += 600_000;
    expect(await keys("k1"), "issuer down: the key it had still verifies").toBeDefined();
    expect(await keys("k1")).toBeDefined();
    expect(requests, "and it asks at most once per cooldown").toBe(3);
    answer = 200;
  });

  it("takes only RSA signing keys for RS256", async () => {
    published = [
      { ...(await exportJWK(k1.publicKey)), kid: "enc", alg: "RS256", use: "enc" },
      { ...(await exportJWK(k1.publicKey)), kid: "ps", alg: "PS256" },
      { kty: "oct", kid: "secret", k: "c2VjcmV0" },
      { ...(await exportJWK(k1.publicKey)), kid: "ok" },
    ];
    const keys = remoteRsaKeys(url, { cooldownMs: 0, cacheMaxAgeMs: 600_000, timeoutMs: 2_000 });
    expect(await keys("ok")).toBeDefined();
    for (const kid of ["enc", "ps", "secret"]) expect(await keys(kid), kid).toBeUndefined();
  });
});
