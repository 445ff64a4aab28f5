import { AuthError, confirmForgotPassword, forgotPassword } from "../auth/cognito";
import { h } from "../dom";
import { type FieldError, onSubmit, showErrorSummary, submitButton, textField } from "../forms";
import { setFlash, setTitle, showPage, twoThirds } from "../layout";
import { PASSWORD_RULES, passwordProblem } from "../public/password-rules";
import { navigate } from "../router";

const ASK_TITLE = "Reset your password";
const RESET_TITLE = "Check your e-mail";
const TOO_MANY = "You have asked for too many codes. Wait 15 minutes, then try again";
const UNAVAILABLE = "Sorry, resetting passwords is not working at the moment. Try again later";

/** The address a code was asked for, between the two pages (this tab's memory only). */
let resetFor: string | null = null;

/**
 * Forgotten password, step 1: the e-mail address. The answer is the same whether or not the account
 * exists (Cognito's ForgotPassword with user-existence errors prevented), so the page promises nothing.
 */
export function forgottenPasswordPage(): void {
  const summary = h("div");
  const email = textField({
    id: "email",
    label: "E-mail address",
    hint: "The address you sign in with. We will send a code to it.",
    type: "email",
    autocomplete: "username",
    spellcheck: false,
  });
  const form = h(
    "form",
    { method: "post", action: "/sign-in/forgotten-password", novalidate: true },
    email.group,
    submitButton("Send code"),
  );
  const show = (errors: FieldError[]): void => {
    email.setError(errors.find((e) => e.target === "email")?.message ?? null);
    setTitle(ASK_TITLE, errors.length > 0);
    showErrorSummary(summary, errors);
  };
  onSubmit(form, async () => {
    const address = email.input.value.trim();
    if (address === "") return show([{ target: "email", message: "Enter your e-mail address" }]);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      return show([
        { target: "email", message: "Enter an e-mail address in the correct format, like name@example.com" },
      ]);
    }
    try {
      await forgotPassword(address);
    } catch (error) {
      const type = error instanceof AuthError ? error.type : "";
      if (type === "LimitExceededException" || type === "TooManyRequestsException")
        return show([{ message: TOO_MANY }]);
      // Never a sign that the account does not exist: carry on as if the code had been sent.
      if (type !== "UserNotFoundException") return show([{ message: UNAVAILABLE }]);
    }
    resetFor = address;
    navigate("/sign-in/reset-password");
  });
  showPage(
    ASK_TITLE,
    h("a", { href: "/sign-in", class: "govuk-back-link" }, "Back"),
    twoThirds(summary, h("h1", { class: "govuk-heading-l" }, ASK_TITLE), form),
  );
}

/** Forgotten password, step 2: the code from the e-mail and a new password. */
export function resetPasswordPage(): void {
  const address = resetFor;
  if (!address) {
    navigate("/sign-in/forgotten-password", { replace: true });
    return;
  }
  const summary = h("div");
  const code = textField({
    id: "code",
    label: "Code from the e-mail",
    hint: "The code is 6 digits.",
    autocomplete: "one-time-code",
    inputmode: "numeric",
    widthClass: "govuk-input--width-5",
    spellcheck: false,
  });
  const password = textField({
    id: "new-password",
    label: "New password",
    type: "password",
    autocomplete: "new-password",
    hint: `Use ${PASSWORD_RULES.join(", ")}. A few unrelated words make a strong password.`,
  });
  const confirm = textField({
    id: "confirm-password",
    label: "Confirm new password",
    type: "password",
    autocomplete: "new-password",
  });
  const fields = { code, "new-password": password, "confirm-password": confirm } as const;
  const form = h(
    "form",
    { method: "post", action: "/sign-in/reset-password", novalidate: true },
    code.group,
    password.group,
    confirm.group,
    submitButton("Reset password"),
  );
  const show = (errors: FieldError[]): void => {
    for (const [id, field] of Object.entries(fields))
      field.setError(errors.find((e) => e.target === id)?.message ?? null);
    setTitle(RESET_TITLE, errors.length > 0);
    showErrorSummary(summary, errors);
  };
  onSubmit(form, async () => {
    const value = code.input.value.replace(/[\s-]/g, "");
    const errors: FieldError[] = [];
    if (value === "") errors.push({ target: "code", message: "Enter the code from the e-mail" });
    else if (!/^\d{6}$/.test(value)) errors.push({ target: "code", message: "The code must be 6 digits" });
    const problem = passwordProblem(password.input.value);
    if (problem) errors.push({ target: "new-password", message: problem });
    if (confirm.input.value === "") errors.push({ target: "confirm-password", message: "Confirm your new password" });
    else if (!problem && confirm.input.value !== password.input.value) {
      errors.push({ target: "confirm-password", message: "The passwords do not match" });
    }
    if (errors.length > 0) return show(errors);
    try {
      await confirmForgotPassword(address, value, password.input.value);
    } catch (error) {
      const type = error instanceof AuthError ? error.type : "";
      if (type === "CodeMismatchException") {
        return show([
          { target: "code", message: "The code is not correct. Check the e-mail and enter the code again" },
        ]);
      }
      if (type === "ExpiredCodeException" || type === "UserNotFoundException") {
        return show([{ target: "code", message: "The code has expired. Ask for a new code" }]);
      }
      if (type === "InvalidPasswordException") {
        return show([{ target: "new-password", message: `Enter a password that has ${PASSWORD_RULES.join(", ")}` }]);
      }
      if (type === "LimitExceededException" || type === "TooManyRequestsException")
        return show([{ message: TOO_MANY }]);
      return show([{ message: UNAVAILABLE }]);
    }
    resetFor = null;
    setFlash("success", "Your password has been reset. Sign in with your new password");
    navigate("/sign-in");
  });
  showPage(
    RESET_TITLE,
    h("a", { href: "/sign-in/forgotten-password", class: "govuk-back-link" }, "Back"),
    twoThirds(
      summary,
      h("h1", { class: "govuk-heading-l" }, RESET_TITLE),
      h(
        "p",
        { class: "govuk-body" },
        `If there is a Tandem account for ${address}, we have sent a 6-digit code to it. The code works for 1 hour.`,
      ),
      h(
        "p",
        { class: "govuk-body" },
        "The e-mail can take a few minutes to arrive. Check your spam folder. ",
        h("a", { href: "/sign-in/forgotten-password", class: "govuk-link" }, "Ask for a new code"),
        " if it has not arrived.",
      ),
      form,
    ),
  );
}
