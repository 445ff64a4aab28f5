import { h } from "../dom";
import { onSubmit, showErrorSummary, submitButton, textField } from "../forms";
import { setTitle } from "../layout";

/**
 * The one question both authenticator pages ask (the sign-in code, and the first code when setting up an
 * app): a 6-digit code, checked before it is sent, with the GOV.UK error summary. `submit` gets the digits.
 */
export function authenticatorCodeForm(opts: {
  title: string;
  label: string;
  labelAsHeading?: boolean;
  hint: string;
  action: string;
  summary: HTMLElement;
  submit: (code: string, fail: (message: string) => void) => Promise<void>;
}): HTMLFormElement {
  const code = textField({
    id: "code",
    label: opts.label,
    labelAsHeading: opts.labelAsHeading ?? false,
    hint: opts.hint,
    autocomplete: "one-time-code",
    inputmode: "numeric",
    widthClass: "govuk-input--width-5",
    spellcheck: false,
  });
  const form = h(
    "form",
    { method: "post", action: opts.action, novalidate: true },
    code.group,
    submitButton("Continue"),
  );
  const fail = (message: string): void => {
    code.setError(message);
    setTitle(opts.title, true);
    showErrorSummary(opts.summary, [{ target: "code", message }]);
  };
  onSubmit(form, async () => {
    const value = code.input.value.replace(/[\s-]/g, "");
    if (value === "") return fail("Enter the 6-digit code from your authenticator app");
    if (!/^\d{6}$/.test(value)) return fail("The code must be 6 digits");
    await opts.submit(value, fail);
  });
  return form;
}
