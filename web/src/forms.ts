import { focusElement, h, replaceChildren } from "./dom";

/**
 * One error to show. `target` is the id of the input (or first radio) the summary link jumps to;
 * leave it out for a problem that belongs to no field.
 */
export interface FieldError {
  target?: string;
  message: string;
}

export interface TextField {
  group: HTMLDivElement;
  input: HTMLInputElement;
  setError(message: string | null): void;
}

/**
 * A GOV.UK text input with its label, optional hint and an error message slot. Pass `labelAsHeading`
 * for one-question pages, where the label is the page's h1.
 */
export function textField(options: {
  id: string;
  label: string;
  type?: "text" | "email" | "password";
  autocomplete: string;
  hint?: string;
  inputmode?: "numeric" | "email";
  widthClass?: string;
  labelAsHeading?: boolean;
  spellcheck?: boolean;
}): TextField {
  const { id } = options;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const label = h(
    "label",
    { class: `govuk-label${options.labelAsHeading ? " govuk-label--l" : ""}`, for: id },
    options.label,
  );
  const input = h("input", {
    class: `govuk-input${options.widthClass ? ` ${options.widthClass}` : ""}`,
    id,
    name: id,
    type: options.type ?? "text",
    autocomplete: options.autocomplete,
    inputmode: options.inputmode,
    spellcheck: options.spellcheck === undefined ? undefined : String(options.spellcheck),
    "aria-describedby": options.hint ? hintId : undefined,
  });
  const hint = options.hint ? h("div", { class: "govuk-hint", id: hintId }, options.hint) : null;
  const errorSlot = h("div");
  const group = h(
    "div",
    { class: "govuk-form-group" },
    options.labelAsHeading ? h("h1", { class: "govuk-label-wrapper" }, label) : label,
    hint,
    errorSlot,
    input,
  );
  return {
    group,
    input,
    setError(message) {
      group.classList.toggle("govuk-form-group--error", message !== null);
      input.classList.toggle("govuk-input--error", message !== null);
      const describedBy = [options.hint ? hintId : null, message !== null ? errorId : null].filter(Boolean).join(" ");
      if (describedBy) input.setAttribute("aria-describedby", describedBy);
      else input.removeAttribute("aria-describedby");
      replaceChildren(errorSlot, message === null ? null : errorMessage(errorId, message));
    },
  };
}

export function errorMessage(id: string, message: string): HTMLParagraphElement {
  return h(
    "p",
    { class: "govuk-error-message", id },
    h("span", { class: "govuk-visually-hidden" }, "Error: "),
    message,
  );
}

/**
 * Fill `host` with a GOV.UK error summary (or empty it when there are no errors) and move focus to
 * it. Its links move focus to the field and scroll its label or legend into view, as the
 * govuk-frontend ErrorSummary does.
 */
export function showErrorSummary(host: HTMLElement, errors: FieldError[]): void {
  if (errors.length === 0) {
    replaceChildren(host);
    return;
  }
  const summary = h(
    "div",
    { class: "govuk-error-summary" },
    h(
      "div",
      { role: "alert" },
      h("h2", { class: "govuk-error-summary__title" }, "There is a problem"),
      h(
        "div",
        { class: "govuk-error-summary__body" },
        h(
          "ul",
          { class: "govuk-list govuk-error-summary__list" },
          ...errors.map((e) => h("li", {}, e.target ? h("a", { href: `#${e.target}` }, e.message) : e.message)),
        ),
      ),
    ),
  );
  summary.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a") : null;
    const id = link?.getAttribute("href")?.slice(1);
    const field = id ? document.getElementById(id) : null;
    if (!field) return;
    event.preventDefault();
    const legend = field.closest("fieldset")?.querySelector("legend");
    const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`);
    const scrollTo = legend ?? label ?? field;
    scrollTo.scrollIntoView();
    field.focus({ preventScroll: true });
  });
  replaceChildren(host, summary);
  focusElement(summary);
}

/** Guard a form against double submission while a request is in flight. */
export function onSubmit(form: HTMLFormElement, handler: () => Promise<void>): void {
  let busy = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    const buttons = form.querySelectorAll("button");
    for (const b of buttons) b.setAttribute("aria-disabled", "true");
    handler()
      .catch((error: unknown) => {
        console.warn("Form submission failed", error);
      })
      .finally(() => {
        busy = false;
        for (const b of buttons) b.removeAttribute("aria-disabled");
      });
  });
}

export function submitButton(text: string): HTMLButtonElement {
  return h("button", { type: "submit", class: "govuk-button", "data-module": "govuk-button" }, text);
}
