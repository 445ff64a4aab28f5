import { ApiError, GENERIC_FAILURE } from "../api/client";
import { chooseTenant, setPendingChallenge, takeReturnTo } from "../session";
import { beginSession } from "./begin";
import { AuthError, type AuthOutcome } from "./cognito";

export const WRONG_CREDENTIALS = "Enter a correct e-mail address and password";

/**
 * Where to go after the identity provider answers: a challenge page, or (with tokens) load who the
 * person is and pick the tenant they act in. Returns the path to navigate to.
 */
export async function continueSignIn(outcome: AuthOutcome, email: string): Promise<string> {
  if (outcome.kind === "challenge") {
    setPendingChallenge({ name: outcome.name, session: outcome.session, email });
    if (outcome.name === "SOFTWARE_TOKEN_MFA") return "/sign-in/code";
    if (outcome.name === "MFA_SETUP") return "/sign-in/set-up-authenticator";
    if (outcome.name === "NEW_PASSWORD_REQUIRED") return "/sign-in/new-password";
    setPendingChallenge(null);
    throw new AuthError(
      "UnsupportedChallenge",
      "Your account needs setting up before you can sign in. Contact your scheme administrator",
    );
  }
  const current = await beginSession(outcome.tokens);
  const me = current.me;
  if (!me) return "/sign-in";
  const [only, ...others] = me.memberships;
  if (only && others.length === 0) {
    chooseTenant(only.tenantId);
    return takeReturnTo() ?? "/workspace";
  }
  // Someone in several councils chooses one first; the choice page then takes them where they were going.
  if (only) return "/choose-tenant";
  return takeReturnTo() ?? (me.platformRoles.includes("platform_operator") ? "/operator" : "/workspace");
}

/** Words for the person, from the provider's exception or the API's error. */
export function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (!(error instanceof AuthError)) return GENERIC_FAILURE;
  switch (error.type) {
    case "NotAuthorizedException":
      return /attempts exceeded/i.test(error.message)
        ? "You have tried to sign in too many times. Wait 15 minutes, then try again"
        : WRONG_CREDENTIALS;
    case "UserNotFoundException":
    // cognito-local answers a wrong password with this; real Cognito uses NotAuthorizedException.
    case "InvalidPasswordException":
      return WRONG_CREDENTIALS;
    case "PasswordResetRequiredException":
      return "You need to reset your password. Contact your scheme administrator";
    case "UserNotConfirmedException":
      return "Your account is not ready yet. Contact your scheme administrator";
    case "TooManyRequestsException":
    case "LimitExceededException":
      return "You have tried to sign in too many times. Wait 15 minutes, then try again";
    case "UnsupportedChallenge":
      return error.message;
    default:
      return "Sorry, signing in is not working at the moment. Try again later";
  }
}
