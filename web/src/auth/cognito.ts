import { publicConfig } from "../api/config";

/**
 * Sign-in against an identity provider that speaks the Amazon Cognito JSON protocol: real Cognito
 * in AWS, cognito-local behind its guard on one machine. No SDK: a handful of POSTs is all the SPA
 * needs, and the bundle stays small.
 */
export interface Tokens {
  idToken: string;
  accessToken: string;
  /** Absent when tokens are renewed: the refresh token stays the one given at sign-in. */
  refreshToken?: string;
}

export type AuthOutcome = { kind: "signed-in"; tokens: Tokens } | { kind: "challenge"; name: string; session: string };

export class AuthError extends Error {
  override name = "AuthError";
  /** The provider's exception name, like `NotAuthorizedException`; `NetworkError` when unreachable. */
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

type Answer = Record<string, unknown>;

async function call(target: string, body: Record<string, unknown>): Promise<Answer> {
  const { auth } = await publicConfig();
  let response: Response;
  try {
    response = await fetch(auth.endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-amz-json-1.1",
        "X-Amz-Target": `AWSCognitoIdentityProviderService.${target}`,
      },
      body: JSON.stringify({ ClientId: auth.clientId, ...body }),
      credentials: "omit",
      cache: "no-store",
    });
  } catch {
    throw new AuthError("NetworkError", "The identity provider could not be reached");
  }
  const json: unknown = await response.json().catch(() => null);
  const data = typeof json === "object" && json !== null ? (json as Answer) : {};
  if (!response.ok) {
    // `__type` may carry a namespace prefix ("...#NotAuthorizedException") in real Cognito.
    const type = typeof data.__type === "string" ? (data.__type.split("#").pop() ?? "") : "UnknownError";
    const message = typeof data.message === "string" ? data.message : "";
    throw new AuthError(type, message);
  }
  return data;
}

const unexpected = () =>
  new AuthError("UnexpectedResponse", "The identity provider sent an answer we do not understand");

function outcome(data: Answer): AuthOutcome {
  const result = data.AuthenticationResult as Answer | undefined;
  if (result && typeof result.IdToken === "string" && typeof result.AccessToken === "string") {
    const tokens: Tokens = { idToken: result.IdToken, accessToken: result.AccessToken };
    if (typeof result.RefreshToken === "string") tokens.refreshToken = result.RefreshToken;
    return { kind: "signed-in", tokens };
  }
  if (typeof data.ChallengeName === "string" && typeof data.Session === "string") {
    return { kind: "challenge", name: data.ChallengeName, session: data.Session };
  }
  throw unexpected();
}

export async function initiateAuth(email: string, password: string): Promise<AuthOutcome> {
  return outcome(
    await call("InitiateAuth", {
      AuthFlow: "USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
}

/** New ID and access tokens for a refresh token (no second factor: Cognito asks for it at sign-in only). */
export async function refreshTokens(refreshToken: string): Promise<Tokens> {
  const answer = outcome(
    await call("InitiateAuth", { AuthFlow: "REFRESH_TOKEN_AUTH", AuthParameters: { REFRESH_TOKEN: refreshToken } }),
  );
  if (answer.kind !== "signed-in") throw unexpected();
  return answer.tokens;
}

export async function respondToMfa(email: string, session: string, code: string): Promise<AuthOutcome> {
  return outcome(
    await call("RespondToAuthChallenge", {
      ChallengeName: "SOFTWARE_TOKEN_MFA",
      Session: session,
      ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: code },
    }),
  );
}

export async function respondToNewPassword(email: string, session: string, newPassword: string): Promise<AuthOutcome> {
  return outcome(
    await call("RespondToAuthChallenge", {
      ChallengeName: "NEW_PASSWORD_REQUIRED",
      Session: session,
      ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword },
    }),
  );
}

/** MFA_SETUP, step 1: a new authenticator secret for the person, and the session for the next step. */
export async function associateSoftwareToken(session: string): Promise<{ secret: string; session: string }> {
  const data = await call("AssociateSoftwareToken", { Session: session });
  if (typeof data.SecretCode !== "string" || typeof data.Session !== "string") throw unexpected();
  return { secret: data.SecretCode, session: data.Session };
}

/** MFA_SETUP, step 2: the first code from the app proves it holds the secret. */
export async function verifySoftwareToken(session: string, code: string): Promise<string> {
  const data = await call("VerifySoftwareToken", {
    Session: session,
    UserCode: code,
    FriendlyDeviceName: "Authenticator app",
  });
  if (data.Status !== "SUCCESS" || typeof data.Session !== "string") throw new AuthError("CodeMismatchException", "");
  return data.Session;
}

/** MFA_SETUP, step 3: the challenge answered, the tokens. */
export async function respondToMfaSetup(email: string, session: string): Promise<AuthOutcome> {
  return outcome(
    await call("RespondToAuthChallenge", {
      ChallengeName: "MFA_SETUP",
      Session: session,
      ChallengeResponses: { USERNAME: email },
    }),
  );
}

/** Ends every session the person has, on every device: all their refresh tokens stop working. */
export async function globalSignOut(accessToken: string): Promise<void> {
  await call("GlobalSignOut", { AccessToken: accessToken });
}

/** Sends a reset code if the account exists; the answer is the same either way (preventUserExistenceErrors). */
export async function forgotPassword(email: string): Promise<void> {
  await call("ForgotPassword", { Username: email });
}

export async function confirmForgotPassword(email: string, code: string, password: string): Promise<void> {
  await call("ConfirmForgotPassword", { Username: email, ConfirmationCode: code, Password: password });
}
