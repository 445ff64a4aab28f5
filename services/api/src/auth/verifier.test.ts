import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTokenVerifier } from "./verifier.js";

const issuer = "http://issuer.test";
const audience = "tandem-spa";
let server: Server;
let jwksUrl = "";
let jwksRequests = 0;
let sign: (claims: Record<string, unknown>, expiresAt: number) => Promise<string>;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  server = createServer((_, res) => {
    jwksRequests += 1;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  sign = (claims, expiresAt) =>
    new SignJWT({ token_use: "id", email: "sam@example.org", ...claims })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject("person-1")
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(privateKey);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("token verification, cached per token until it expires", () => {
  it("answers a token it verified before with the same identity, and expired once its time is up", async () => {
    let clock = Date.now();
    const verify = createTokenVerifier({ issuer, audience, jwksUrl }, () => clock);
    const expiresAt = Math.floor(clock / 1000) + 3600;
    const token = await sign({}, expiresAt);

    const first = await verify(token);
    expect(first).toMatchObject({ ok: true, identity: { personId: "person-1", email: "sam@example.org" } });
    expect(await verify(token)).toEqual(first);

    clock = expiresAt * 1000;
    expect(await verify(token)).toEqual({ ok: false, reason: "expired" });
  });

  it("keeps refusing a forged token, however often it is sent", async () => {
    const verify = createTokenVerifier({ issuer, audience, jwksUrl });
    const token = await sign({}, Math.floor(Date.now() / 1000) + 3600);
    const [head, body] = token.split(".");
    const forgedBody = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body ?? "", "base64url").toString()), sub: "someone-else" }),
    ).toString("base64url");
    const forged = [head, forgedBody, token.split(".")[2]].join(".");
    expect(await verify(token)).toMatchObject({ ok: true });
    expect(await verify(forged)).toEqual({ ok: false, reason: "invalid" });
    expect(await verify(forged)).toEqual({ ok: false, reason: "invalid" });
    expect(jwksRequests).toBeGreaterThan(0);
  });
});
