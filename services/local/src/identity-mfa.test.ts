import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CognitoAnswer, MfaChallenges, MfaEnrolments } from "./identity-mfa.js";
import { DEMO_TOTP_SECRET, totpCode, totpValid } from "./totp.js";

const tokens = { IdToken: "id", AccessToken: "access", RefreshToken: "refresh" };
const body = (a: CognitoAnswer) => (a.ok ? a.body : {});
const type = (a: CognitoAnswer) => (a.ok ? null : a.type);

function setUp(now: { t: number }) {
  const enrolments = new MfaEnrolments(join(mkdtempSync(join(tmpdir(), "mfa-")), "mfa.json"));
  return { enrolments, challenges: new MfaChallenges(enrolments, () => now.t) };
}

describe("TOTP codes", () => {
  const at = new Date("2026-12-06T12:00:15Z");
  it.each([
    ["this step's code", 0, true],
    ["the step before (a slow phone)", -30_000, true],
    ["the step after (a fast phone)", 30_000, true],
    ["two steps before", -60_000, false],
    ["ten minutes old", -600_000, false],
  ])("%s is %s", (_, offset, valid) => {
    expect(totpValid(DEMO_TOTP_SECRET, totpCode(DEMO_TOTP_SECRET, new Date(at.getTime() + offset)), at)).toBe(valid);
  });
  it.each(["", "12345", "1234567", "abcdef"])("refuses %j", (code) => {
    expect(totpValid(DEMO_TOTP_SECRET, code, at)).toBe(false);
  });
});

describe("the MFA challenges the local identity provider plays", () => {
  it("a session expires after 3 minutes, as Cognito's does", async () => {
    const now = { t: Date.now() };
    const { enrolments, challenges } = setUp(now);
    await enrolments.enrol("a@example.org", DEMO_TOTP_SECRET);
    const session = body(challenges.challenge("a@example.org", tokens)).Session;
    now.t += 3 * 60_000 + 1;
    const late = await challenges.respond("SOFTWARE_TOKEN_MFA", session, {
      USERNAME: "a@example.org",
      SOFTWARE_TOKEN_MFA_CODE: totpCode(DEMO_TOTP_SECRET, new Date(now.t)),
    });
    expect(type(late)).toBe("NotAuthorizedException");
  });

  it("allows a few wrong codes on one challenge, then the sign-in starts again", async () => {
    const now = { t: Date.now() };
    const { enrolments, challenges } = setUp(now);
    await enrolments.enrol("a@example.org", DEMO_TOTP_SECRET);
    const session = body(challenges.challenge("a@example.org", tokens)).Session;
    const wrong = { USERNAME: "a@example.org", SOFTWARE_TOKEN_MFA_CODE: "000000" };
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(type(await challenges.respond("SOFTWARE_TOKEN_MFA", session, wrong)));
    expect(answers).toEqual([
      "CodeMismatchException",
      "CodeMismatchException",
      "CodeMismatchException",
      "CodeMismatchException",
      "CodeMismatchException",
      "NotAuthorizedException",
    ]);
  });

  it("set-up gives the tokens only after a verified code, and enrols the account (names in any case)", async () => {
    const now = { t: Date.now() };
    const { enrolments, challenges } = setUp(now);
    const first = body(challenges.challenge("New@Example.org", tokens));
    expect(first.ChallengeName).toBe("MFA_SETUP");
    const associated = body(challenges.associate(first.Session));
    const secret = String(associated.SecretCode);
    const verified = body(challenges.verify(associated.Session, totpCode(secret, new Date(now.t))));
    expect(verified.Status).toBe("SUCCESS");
    const done = await challenges.respond("MFA_SETUP", verified.Session, { USERNAME: "new@example.org" });
    expect(body(done).AuthenticationResult).toEqual(tokens);
    expect(enrolments.secretOf("NEW@example.org")).toBe(secret);
    expect(body(challenges.challenge("new@example.org", tokens)).ChallengeName).toBe("SOFTWARE_TOKEN_MFA");
  });
});
