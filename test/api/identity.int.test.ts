import { DEMO_PASSWORD, DEMO_TOTP_SECRET, totpCode } from "@tandem/local";
import { describe, expect, it } from "vitest";
import { call, stackIdentity, users } from "../support/client.js";
import { mailbox, waitForMail } from "../support/mailbox.js";

/**
 * The identity paths as the SPA drives them, in Cognito's own JSON protocol against the local identity
 * provider: MFA required (MFA_SETUP for a new account, SOFTWARE_TOKEN_MFA after), refresh, global sign-out
 * and the forgotten-password journey. Each answer is the one Cognito gives for the CDK pool.
 */
async function cognito(target: string, body: Record<string, unknown>) {
  const id = stackIdentity();
  const res = await fetch(`http://localhost:${id.port}/`, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify({ ClientId: id.clientId, ...body }),
  });
  const json = (await res.json()) as Record<string, unknown> & {
    AuthenticationResult?: { IdToken: string; AccessToken: string; RefreshToken?: string };
  };
  return { status: res.status, json, error: res.ok ? null : String(json.__type).split("#").pop() };
}

const password = (email: string, secret = DEMO_PASSWORD) =>
  cognito("InitiateAuth", { AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: email, PASSWORD: secret } });

/** A code from another 30-second step than now's (and not one either side of it): a wrong code. */
const wrongCode = (secret: string) => totpCode(secret, new Date(Date.now() - 10 * 60_000));

async function newAccount(email: string): Promise<void> {
  const id = stackIdentity();
  const admin = async (target: string, body: Record<string, unknown>) => {
    const r = await cognito(target, { UserPoolId: id.userPoolId, ...body });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
  };
  await admin("AdminCreateUser", {
    Username: email,
    UserAttributes: [{ Name: "email", Value: email }],
    MessageAction: "SUPPRESS",
  });
  await admin("AdminSetUserPassword", { Username: email, Password: DEMO_PASSWORD, Permanent: true });
}

describe("MFA is required, as in the AWS pool", () => {
  it("a demo user's password alone gives no token: the answer is the authenticator-code challenge", async () => {
    const first = await password(users.riverfordCoordinator);
    expect(first.status).toBe(200);
    expect(first.json.ChallengeName).toBe("SOFTWARE_TOKEN_MFA");
    expect(first.json.AuthenticationResult).toBeUndefined();

    const wrong = await cognito("RespondToAuthChallenge", {
      ChallengeName: "SOFTWARE_TOKEN_MFA",
      Session: first.json.Session,
      ChallengeResponses: {
        USERNAME: users.riverfordCoordinator,
        SOFTWARE_TOKEN_MFA_CODE: wrongCode(DEMO_TOTP_SECRET),
      },
    });
    expect(wrong.error).toBe("CodeMismatchException");

    const right = await cognito("RespondToAuthChallenge", {
      ChallengeName: "SOFTWARE_TOKEN_MFA",
      Session: first.json.Session,
      ChallengeResponses: { USERNAME: users.riverfordCoordinator, SOFTWARE_TOKEN_MFA_CODE: totpCode(DEMO_TOTP_SECRET) },
    });
    expect(right.status).toBe(200);
    const me = await call("GET", "/api/me", {
      headers: { authorization: `Bearer ${right.json.AuthenticationResult?.IdToken}` },
    });
    expect(me.status).toBe(200);
  });

  it("a session cannot be forged, used for someone else, or used twice", async () => {
    const forged = await cognito("RespondToAuthChallenge", {
      ChallengeName: "SOFTWARE_TOKEN_MFA",
      Session: "made-up",
      ChallengeResponses: { USERNAME: users.riverfordCoordinator, SOFTWARE_TOKEN_MFA_CODE: totpCode(DEMO_TOTP_SECRET) },
    });
    expect(forged.error).toBe("NotAuthorizedException");

    const first = await password(users.riverfordManager);
    const other = await cognito("RespondToAuthChallenge", {
      ChallengeName: "SOFTWARE_TOKEN_MFA",
      Session: first.json.Session,
      ChallengeResponses: { USERNAME: users.riverfordAdmin, SOFTWARE_TOKEN_MFA_CODE: totpCode(DEMO_TOTP_SECRET) },
    });
    expect(other.error).toBe("NotAuthorizedException");

    const again = await password(users.riverfordManager);
    const answer = {
      ChallengeName: "SOFTWARE_TOKEN_MFA",
      Session: again.json.Session,
      ChallengeResponses: { USERNAME: users.riverfordManager, SOFTWARE_TOKEN_MFA_CODE: totpCode(DEMO_TOTP_SECRET) },
    };
    expect((await cognito("RespondToAuthChallenge", answer)).status).toBe(200);
    expect((await cognito("RespondToAuthChallenge", answer)).error).toBe("NotAuthorizedException");
  });

  it("a new account enrols an authenticator on its first sign-in (MFA_SETUP), and is asked for a code after", async () => {
    const email = `mfa-${Date.now()}@example.org`;
    await newAccount(email);
    const first = await password(email);
    expect(first.json.ChallengeName).toBe("MFA_SETUP");
    expect(JSON.parse(String((first.json.ChallengeParameters as Record<string, string>).MFAS_CAN_SETUP))).toEqual([
      "SOFTWARE_TOKEN_MFA",
    ]);
    // Answering the challenge before verifying a code is refused.
    const early = await cognito("RespondToAuthChallenge", {
      ChallengeName: "MFA_SETUP",
      Session: first.json.Session,
      ChallengeResponses: { USERNAME: email },
    });
    expect(early.status).toBe(400);

    const again = await password(email);
    const associated = await cognito("AssociateSoftwareToken", { Session: again.json.Session });
    const secret = String(associated.json.SecretCode);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = await cognito("VerifySoftwareToken", {
      Session: associated.json.Session,
      UserCode: wrongCode(secret),
    });
    expect(wrong.error).toBe("EnableSoftwareTokenMFAException");
    const verified = await cognito("VerifySoftwareToken", {
      Session: associated.json.Session,
      UserCode: totpCode(secret),
    });
    expect(verified.json.Status).toBe("SUCCESS");
    const done = await cognito("RespondToAuthChallenge", {
      ChallengeName: "MFA_SETUP",
      Session: verified.json.Session,
      ChallengeResponses: { USERNAME: email },
    });
    expect(done.status).toBe(200);
    expect(done.json.AuthenticationResult?.IdToken).toBeTruthy();

    const later = await password(email);
    expect(later.json.ChallengeName).toBe("SOFTWARE_TOKEN_MFA");
  });
});

async function signedIn(email: string) {
  const first = await password(email);
  const done = await cognito("RespondToAuthChallenge", {
    ChallengeName: "SOFTWARE_TOKEN_MFA",
    Session: first.json.Session,
    ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: totpCode(DEMO_TOTP_SECRET) },
  });
  const result = done.json.AuthenticationResult;
  if (!result?.RefreshToken) throw new Error("no tokens");
  return { ...result, RefreshToken: result.RefreshToken };
}

const refresh = (token: string) =>
  cognito("InitiateAuth", { AuthFlow: "REFRESH_TOKEN_AUTH", AuthParameters: { REFRESH_TOKEN: token } });

describe("sessions", () => {
  it("a refresh token gives a new ID token without a second factor, until the person signs out everywhere", async () => {
    const tab1 = await signedIn(users.eastmereManager);
    const tab2 = await signedIn(users.eastmereManager);
    const renewed = await refresh(tab1.RefreshToken);
    expect(renewed.status).toBe(200);
    expect(renewed.json.AuthenticationResult?.IdToken).toBeTruthy();

    expect((await cognito("GlobalSignOut", { AccessToken: tab2.AccessToken })).status).toBe(200);
    expect((await refresh(tab1.RefreshToken)).error).toBe("NotAuthorizedException");
    expect((await refresh(tab2.RefreshToken)).error).toBe("NotAuthorizedException");
  });
});

describe("a forgotten password", () => {
  it("answers the same whether or not the account exists, and e-mails a code only to a real account", async () => {
    const real = await cognito("ForgotPassword", { Username: users.kingsholtAdmin });
    const unknown = await cognito("ForgotPassword", { Username: "nobody@kingsholt.example" });
    expect(real.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(Object.keys(unknown.json)).toEqual(Object.keys(real.json));
    expect((unknown.json.CodeDeliveryDetails as Record<string, string>).DeliveryMedium).toBe("EMAIL");
    await waitForMail(users.kingsholtAdmin, /verification code/);
    expect((await mailbox()).some((m) => m.destination.to.includes("nobody@kingsholt.example"))).toBe(false);
    const wrongForUnknown = await cognito("ConfirmForgotPassword", {
      Username: "nobody@kingsholt.example",
      ConfirmationCode: "123456",
      Password: "Another-password-2026!",
    });
    expect(wrongForUnknown.status).toBe(400);
  });

  it("resets the password with the code from the mailbox; a wrong code changes nothing", async () => {
    const email = users.eastmereServiceManager;
    await cognito("ForgotPassword", { Username: email });
    const mail = await waitForMail(email, /verification code/);
    const code = (mail.body.text ?? "").match(/\b(\d{6})\b/)?.[1];
    expect(code).toBeTruthy();
    const wrong = await cognito("ConfirmForgotPassword", {
      Username: email,
      ConfirmationCode: code === "000000" ? "111111" : "000000",
      Password: "Reset-password-2026!",
    });
    expect(wrong.error).toBe("CodeMismatchException");
    expect((await password(email)).json.ChallengeName).toBe("SOFTWARE_TOKEN_MFA");

    const ok = await cognito("ConfirmForgotPassword", {
      Username: email,
      ConfirmationCode: code,
      Password: "Reset-password-2026!",
    });
    expect(ok.status).toBe(200);
    expect((await password(email)).error).not.toBeNull();
    expect((await password(email, "Reset-password-2026!")).json.ChallengeName).toBe("SOFTWARE_TOKEN_MFA");
    // Put the demo password back for the other suites.
    await cognito("ForgotPassword", { Username: email });
    const next = await waitForMail(email, /verification code/);
    const again = (next.body.text ?? "").match(/\b(\d{6})\b/)?.[1];
    if (again === code) throw new Error("expected a new code");
    await cognito("ConfirmForgotPassword", { Username: email, ConfirmationCode: again, Password: DEMO_PASSWORD });
  });
});

describe("a tenant admin resets a member's authenticator app", () => {
  it("only for their own council's members, audited; the member's next sign-in sets up a new one", async () => {
    const email = "panel@eastmere.example";
    const list = await call("GET", "/api/members?limit=100", { as: users.eastmereAdmin, tenant: "eastmere" });
    const panel = (list.json as unknown as { items: { personId: string; email: string }[] }).items.find(
      (m) => m.email === email,
    );
    if (!panel) throw new Error("no Eastmere panel member in the demo data");
    const path = `/api/members/${panel.personId}/authenticator-reset`;

    expect((await password(email)).json.ChallengeName).toBe("SOFTWARE_TOKEN_MFA");
    // Another council's admin finds no such member; a manager may not reset anyone's.
    const foreign = await call("POST", path, { as: users.riverfordAdmin, tenant: "riverford", body: {} });
    expect(foreign.status).toBe(404);
    const manager = await call("POST", path, { as: users.eastmereManager, tenant: "eastmere", body: {} });
    expect(manager.status).toBe(403);
    expect((await password(email)).json.ChallengeName).toBe("SOFTWARE_TOKEN_MFA");

    const reset = await call("POST", path, { as: users.eastmereAdmin, tenant: "eastmere", body: {} });
    expect(reset.status, reset.text).toBe(200);
    expect((await password(email)).json.ChallengeName).toBe("MFA_SETUP");
    const trail = await call("GET", `/api/audit?subjectType=member&subjectId=${panel.personId}`, {
      as: users.eastmereAdmin,
      tenant: "eastmere",
    });
    expect(trail.text).toContain("authenticator app");
  });
});
