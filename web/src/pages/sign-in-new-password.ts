import { AuthError, respondToNewPassword } from "../auth/cognito";
import { continueSignIn, signInErrorMessage } from "../auth/flow";
import { h } from "../dom";
import { type FieldError, onSubmit, showErrorSummary, submitButton, textField } from "../forms";
import { setFlash, setTitle, showPage, twoThirds } from "../layout";
import { navigate } from "../router";
import { pendingChallenge, setPendingChallenge } from "../session";

const TITLE = "Create a new password";

/** First sign-in with a temporary password (NEW_PASSWORD_REQUIRED). */
export function newPasswordPage(): void {
  const challenge = pendingChallenge();
  if (challenge?.name !== "NEW_PASSWORD_REQUIRED") {
    navigate("/sign-in", { replace: true });
    return;
  }
  const summary = h("div");
  const password = textField({
    id: "new-password",
    label: "New password",
    type: "password",
    autocomplete: "new-password",
    hint: "Use at least 12 characters. A few unrelated words make a strong password.",
  });
  const confirm = textField({
    id: "confirm-password",
    label: "Confirm new password",
    type: "password",
    autocomplete: "new-password",
  });
  const form = h(
    "form",
    { method: "post", action: "/sign-in/new-password", novalidate: true },
    password.group,
    confirm.group,
    submitButton("Save password and sign in"),
  );

  const show = (errors: FieldError[]): void => {
    password.setError(errors.find((e) => e.target === "new-password")?.message ?? null);
    confirm.setError(errors.find((e) => e.target === "confirm-password")?.message ?? null);
    setTitle(TITLE, errors.length > 0);
    showErrorSummary(summary, errors);
  };

  onSubmit(form, async () => {
    const value = password.input.value;
    const errors: FieldError[] = [];
    if (value === "") errors.push({ target: "new-password", message: "Enter a new password" });
    if (confirm.input.value === "") errors.push({ target: "confirm-password", message: "Confirm your new password" });
    else if (value !== "" && confirm.input.value !== value) {
      errors.push({ target: "confirm-password", message: "The passwords do not match" });
    }
    if (errors.length > 0) return show(errors);
    try {
      navigate(
        await continueSignIn(await respondToNewPassword(challenge.email, challenge.session, value), challenge.email),
      );
    } catch (error) {
      if (error instanceof AuthError && error.type === "InvalidPasswordException") {
        const rules = error.message.replace(/^Password does not conform to policy:\s*/i, "");
        return show([{ target: "new-password", message: `Enter a password that meets the rules: ${rules}` }]);
      }
      if (error instanceof AuthError && error.type === "NotAuthorizedException") {
        setPendingChallenge(null);
        setFlash("important", "Your sign-in timed out. Sign in again");
        navigate("/sign-in");
        return;
      }
      show([{ message: signInErrorMessage(error) }]);
    }
  });

  showPage(
    TITLE,
    h("a", { href: "/sign-in", class: "govuk-back-link" }, "Back"),
    twoThirds(summary, h("h1", { class: "govuk-heading-l" }, TITLE), form),
  );
}
