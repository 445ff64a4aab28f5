import { AuthError, respondToMfa } from "../auth/cognito";
import { continueSignIn, signInErrorMessage } from "../auth/flow";
import { h } from "../dom";
import { type FieldError, onSubmit, showErrorSummary, submitButton, textField } from "../forms";
import { setFlash, setTitle, showPage, twoThirds } from "../layout";
import { navigate } from "../router";
import { pendingChallenge, setPendingChallenge } from "../session";

const TITLE = "Enter the code from your authenticator app";

/** The second step of signing in for people with an authenticator app (SOFTWARE_TOKEN_MFA). */
export function signInCodePage(): void {
  const challenge = pendingChallenge();
  if (challenge?.name !== "SOFTWARE_TOKEN_MFA") {
    navigate("/sign-in", { replace: true });
    return;
  }
  const summary = h("div");
  const code = textField({
    id: "code",
    label: TITLE,
    labelAsHeading: true,
    hint: "Open the authenticator app on your phone. The code is 6 digits.",
    autocomplete: "one-time-code",
    inputmode: "numeric",
    widthClass: "govuk-input--width-5",
    spellcheck: false,
  });
  const form = h(
    "form",
    { method: "post", action: "/sign-in/code", novalidate: true },
    code.group,
    submitButton("Continue"),
  );

  const fail = (message: string): void => {
    code.setError(message);
    setTitle(TITLE, true);
    showErrorSummary(summary, [{ target: "code", message }] satisfies FieldError[]);
  };

  onSubmit(form, async () => {
    const value = code.input.value.replace(/[\s-]/g, "");
    if (value === "") return fail("Enter the code from your authenticator app");
    if (!/^\d{6}$/.test(value)) return fail("The code must be 6 digits");
    try {
      navigate(await continueSignIn(await respondToMfa(challenge.email, challenge.session, value), challenge.email));
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
  });

  showPage(TITLE, h("a", { href: "/sign-in", class: "govuk-back-link" }, "Back"), twoThirds(summary, form));
}
