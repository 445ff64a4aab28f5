import { initiateAuth } from "../auth/cognito";
import { continueSignIn, signInErrorMessage, WRONG_CREDENTIALS } from "../auth/flow";
import { h } from "../dom";
import { type FieldError, onSubmit, showErrorSummary, submitButton, textField } from "../forms";
import { setAccountBar, setHeader, setTitle, showPage, takeFlashBanner, twoThirds } from "../layout";
import { navigate } from "../router";
import { session } from "../session";

const TITLE = "Sign in";

export function signInPage(): void {
  if (session()?.me) {
    navigate("/workspace", { replace: true });
    return;
  }
  setHeader();
  setAccountBar(null);

  const summary = h("div");
  const email = textField({
    id: "email",
    label: "E-mail address",
    type: "email",
    autocomplete: "username",
    spellcheck: false,
  });
  const password = textField({
    id: "password",
    label: "Password",
    type: "password",
    autocomplete: "current-password",
  });
  const form = h(
    "form",
    { method: "post", action: "/sign-in", novalidate: true },
    email.group,
    password.group,
    submitButton("Sign in"),
  );
  const forgotten = h(
    "p",
    { class: "govuk-body" },
    h("a", { href: "/sign-in/forgotten-password", class: "govuk-link" }, "I have forgotten my password"),
  );

  const show = (errors: FieldError[]): void => {
    setTitle(TITLE, errors.length > 0);
    showErrorSummary(summary, errors);
  };

  onSubmit(form, async () => {
    const address = email.input.value.trim();
    const secret = password.input.value;
    const errors: FieldError[] = [];
    email.setError(null);
    password.setError(null);
    if (address === "") errors.push({ target: "email", message: "Enter your e-mail address" });
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      errors.push({ target: "email", message: "Enter an e-mail address in the correct format, like name@example.com" });
    }
    if (secret === "") errors.push({ target: "password", message: "Enter your password" });
    if (errors.length > 0) {
      for (const e of errors) (e.target === "email" ? email : password).setError(e.message);
      show(errors);
      return;
    }
    try {
      const next = await continueSignIn(await initiateAuth(address, secret), address);
      navigate(next);
    } catch (error) {
      const message = signInErrorMessage(error);
      if (message === WRONG_CREDENTIALS) {
        email.setError(message);
        show([{ target: "email", message }]);
      } else {
        show([{ message }]);
      }
    }
  });

  showPage(TITLE, takeFlashBanner(), twoThirds(summary, h("h1", { class: "govuk-heading-l" }, TITLE), form, forgotten));
}
