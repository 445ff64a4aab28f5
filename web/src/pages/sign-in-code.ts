import { AuthError, respondToMfa } from "../auth/cognito";
import { continueSignIn, signInErrorMessage } from "../auth/flow";
import { h } from "../dom";
import { showErrorSummary } from "../forms";
import { setFlash, setTitle, showPage, twoThirds } from "../layout";
import { navigate } from "../router";
import { pendingChallenge, setPendingChallenge } from "../session";
import { authenticatorCodeForm } from "./authenticator-code";

const TITLE = "Enter the code from your authenticator app";

/** The second step of signing in for people with an authenticator app (SOFTWARE_TOKEN_MFA). */
export function signInCodePage(): void {
  const challenge = pendingChallenge();
  if (challenge?.name !== "SOFTWARE_TOKEN_MFA") {
    navigate("/sign-in", { replace: true });
    return;
  }
  const summary = h("div");
  const form = authenticatorCodeForm({
    title: TITLE,
    label: TITLE,
    labelAsHeading: true,
    hint: "Open the authenticator app on your phone. The code is 6 digits.",
    action: "/sign-in/code",
    summary,
    submit: async (code, fail) => {
      try {
        navigate(await continueSignIn(await respondToMfa(challenge.email, challenge.session, code), challenge.email));
      } catch (error) {
        if (
          error instanceof AuthError &&
          (error.type === "CodeMismatchException" || error.type === "ExpiredCodeException")
        ) {
          return fail("The code is not correct. Enter the latest code from your authenticator app");
        }
        if (error instanceof AuthError && error.type === "NotAuthorizedException") {
          // The challenge session has expired: start again.
          setPendingChallenge(null);
          setFlash("important", "Your sign-in timed out. Sign in again");
          navigate("/sign-in");
          return;
        }
        setTitle(TITLE, true);
        showErrorSummary(summary, [{ message: signInErrorMessage(error) }]);
      }
    },
  });

  showPage(TITLE, h("a", { href: "/sign-in", class: "govuk-back-link" }, "Back"), twoThirds(summary, form));
}
