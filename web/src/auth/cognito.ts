import { publicConfig } from "../api/config";

/**
 * Sign-in against an identity provider that speaks the Amazon Cognito JSON protocol: real Cognito
 * in AWS, cognito-local on one machine. No SDK: two POSTs are all the SPA needs, and the bundle stays small.
 */
export type AuthOutcome = { kind: "signed-in"; idToken: string } | { kind: "challenge"; name: string; session: string };

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

async function call(target: string, body: Record<string, unknown>): Promise<AuthOutcome> {
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
  const data = typeof json === "object" && json !== null ? (json as Record<string, unknown>) : {};
  if (!response.ok) {
    // `__type` may carry a namespace prefix ("...#NotAuthorizedException") in real Cognito.
    const type = typeof data.__type === "string" ? (data.__type.split("#").pop() ?? "") : "UnknownError";
    const message = typeof data.message === "string" ? data.message : "";
    throw new AuthError(type, message);
  }
  const result = data.AuthenticationResult as Record<string, unknown> | undefined;
  if (result && typeof result.IdToken === "string") return { kind: "signed-in", idToken: result.IdToken };
  if (typeof data.ChallengeName === "string" && typeof data.Session === "string") {
    return { kind: "challenge", name: data.ChallengeName, session: data.Session };
  }
  throw new AuthError("UnexpectedResponse", "The identity provider sent an answer we do not understand");
}

export function initiateAuth(email: string, password: string): Promise<AuthOutcome> {
  return call("InitiateAuth", {
    AuthFlow: "USER_PASSWORD_AUTH",
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
}

export function respondToMfa(email: string, session: string, code: string): Promise<AuthOutcome> {
  return call("RespondToAuthChallenge", {
    ChallengeName: "SOFTWARE_TOKEN_MFA",
    Session: session,
    ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: code },
  });
}

export function respondToNewPassword(email: string, session: string, newPassword: string): Promise<AuthOutcome> {
  return call("RespondToAuthChallenge", {
    ChallengeName: "NEW_PASSWORD_REQUIRED",
    Session: session,
    ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword },
  });
}
