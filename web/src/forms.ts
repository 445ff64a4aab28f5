import { ErrorSummary } from "govuk-frontend";
import { type Child, h, replaceChildren } from "./dom";
import { t } from "./i18n";
import { setTitle, userActs } from "./layout";

/**
 * One error to show. `target` is the id of the input (or first radio) the summary link jumps to;
 * leave it out for a problem that belongs to no field.
 */
export interface FieldError {
  target?: string;
  message: string;
}

/** What every form control here offers: the id the error summary links to, and its own error slot. */
export interface Field {
  readonly id: string;
  readonly group: HTMLElement;
  setError(message: string | null): void;
}

export interface TextField extends Field {
  group: HTMLDivElement;
  input: HTMLInputElement;
}

/** Ids of the hint and error message that describe `id`'s control, in the order GOV.UK uses. */
function describedBy(id: string, hasHint: boolean, hasError: boolean): string | null {
  return [hasHint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter(Boolean).join(" ") || null;
}

function hintFor(id: string, hint: Child | undefined): HTMLDivElement | null {
  return hint ? h("div", { class: "govuk-hint", id: `${id}-hint` }, hint) : null;
}

/**
 * Wires up the error state GOV.UK components share: the group's error class, the control's error
 * class, the message above the control and `aria-describedby`.
 */
function errorState(options: {
  id: string;
  group: HTMLElement;
  slot: HTMLElement;
  hasHint: boolean;
  describe: HTMLElement;
  controls: HTMLElement[];
  errorClass: string | null;
}): (message: string | null) => void {
  return (message) => {
    options.group.classList.toggle("govuk-form-group--error", message !== null);
    if (options.errorClass) {
      for (const c of options.controls) c.classList.toggle(options.errorClass, message !== null);
    }
    const ids = describedBy(options.id, options.hasHint, message !== null);
    if (ids) options.describe.setAttribute("aria-describedby", ids);
    else options.describe.removeAttribute("aria-describedby");
    replaceChildren(options.slot, message === null ? null : errorMessage(`${options.id}-error`, message));
  };
}

/**
 * A GOV.UK text input with its label, optional hint and an error message slot. Pass `labelAsHeading`
 * for one-question pages, where the label is the page's h1.
 */
export function textField(options: {
  id: string;
  label: string;
  type?: "text" | "email" | "password" | "tel";
  autocomplete: string;
  hint?: Child;
  inputmode?: "numeric" | "decimal" | "email" | "tel";
  widthClass?: string;
  labelAsHeading?: boolean;
  labelClass?: string;
  spellcheck?: boolean;
  value?: string;
  prefix?: string;
  suffix?: string;
}): TextField {
  const { id } = options;
  const labelClass = options.labelAsHeading ? " govuk-label--l" : options.labelClass ? ` ${options.labelClass}` : "";
  const label = h("label", { class: `govuk-label${labelClass}`, for: id }, options.label);
  const input = h("input", {
    class: `govuk-input${options.widthClass ? ` ${options.widthClass}` : ""}`,
    id,
    name: id,
    type: options.type ?? "text",
    autocomplete: options.autocomplete,
    inputmode: options.inputmode,
    spellcheck: options.spellcheck === undefined ? undefined : String(options.spellcheck),
    "aria-describedby": options.hint ? `${id}-hint` : undefined,
  });
  if (options.value !== undefined) input.value = options.value;
  const control =
    options.prefix || options.suffix
      ? h(
          "div",
          { class: "govuk-input__wrapper" },
          options.prefix ? h("div", { class: "govuk-input__prefix", "aria-hidden": "true" }, options.prefix) : null,
          input,
          options.suffix ? h("div", { class: "govuk-input__suffix", "aria-hidden": "true" }, options.suffix) : null,
        )
      : input;
  const errorSlot = h("div");
  const group = h(
    "div",
    { class: "govuk-form-group" },
    options.labelAsHeading ? h("h1", { class: "govuk-label-wrapper" }, label) : label,
    hintFor(id, options.hint),
    errorSlot,
    control,
  );
  const setError = errorState({
    id,
    group,
    slot: errorSlot,
    hasHint: Boolean(options.hint),
    describe: input,
    controls: [input],
    errorClass: "govuk-input--error",
  });
  return { id, group, input, setError };
}

export interface SelectField<T extends string> extends Field {
  select: HTMLSelectElement;
  value(): T;
}

/**
 * A GOV.UK select. Only for a long list of choices where radios would push what follows out of sight
 * (a list's filter): GOV.UK prefers radios wherever they fit. `groups` become labelled option groups.
 */
export function select<T extends string>(options: {
  id: string;
  label: string;
  labelClass?: string;
  hint?: Child;
  groups: readonly { label?: string; options: readonly { value: T; label: string }[] }[];
  value: T;
}): SelectField<T> {
  const { id } = options;
  const optionEl = (o: { value: T; label: string }) => {
    const el = h("option", { value: o.value }, o.label);
    el.selected = o.value === options.value;
    return el;
  };
  const control = h(
    "select",
    { class: "govuk-select", id, name: id, "aria-describedby": options.hint ? `${id}-hint` : undefined },
    ...options.groups.flatMap((g) =>
      g.label ? [h("optgroup", { label: g.label }, ...g.options.map(optionEl))] : g.options.map(optionEl),
    ),
  );
  const errorSlot = h("div");
  const group = h(
    "div",
    { class: "govuk-form-group" },
    h("label", { class: `govuk-label${options.labelClass ? ` ${options.labelClass}` : ""}`, for: id }, options.label),
    hintFor(id, options.hint),
    errorSlot,
    control,
  );
  const setError = errorState({
    id,
    group,
    slot: errorSlot,
    hasHint: Boolean(options.hint),
    describe: control,
    controls: [control],
    errorClass: "govuk-select--error",
  });
  return { id, group, select: control, setError, value: () => control.value as T };
}

export interface TextAreaField extends Field {
  textarea: HTMLTextAreaElement;
}

export function textArea(options: {
  id: string;
  label: string;
  hint?: Child;
  rows?: number;
  value?: string;
  labelClass?: string;
  autocomplete?: string;
}): TextAreaField {
  const { id } = options;
  const textarea = h("textarea", {
    class: "govuk-textarea",
    id,
    name: id,
    rows: options.rows ?? 5,
    autocomplete: options.autocomplete,
    "aria-describedby": options.hint ? `${id}-hint` : undefined,
  });
  textarea.value = options.value ?? "";
  const errorSlot = h("div");
  const group = h(
    "div",
    { class: "govuk-form-group" },
    h("label", { class: `govuk-label${options.labelClass ? ` ${options.labelClass}` : ""}`, for: id }, options.label),
    hintFor(id, options.hint),
    errorSlot,
    textarea,
  );
  const setError = errorState({
    id,
    group,
    slot: errorSlot,
    hasHint: Boolean(options.hint),
    describe: textarea,
    controls: [textarea],
    errorClass: "govuk-textarea--error",
  });
  return { id, group, textarea, setError };
}

export interface FileUploadField extends Field {
  file(): File | null;
}

/** The GOV.UK file upload. `chosen` names a file picked on an earlier visit (a file input cannot be refilled). */
export function fileUpload(options: {
  id: string;
  label: string;
  hint?: Child;
  accept?: string;
  chosen?: string | null;
}): FileUploadField {
  const { id } = options;
  const hint = options.chosen
    ? [options.hint, options.hint ? " " : null, `You chose ${options.chosen}.`]
    : [options.hint];
  const hasHint = hint.some(Boolean);
  const input = h("input", {
    class: "govuk-file-upload",
    id,
    name: id,
    type: "file",
    accept: options.accept,
    "aria-describedby": hasHint ? `${id}-hint` : undefined,
  });
  const errorSlot = h("div");
  const group = h(
    "div",
    { class: "govuk-form-group" },
    h("label", { class: "govuk-label govuk-label--s", for: id }, options.label),
    hasHint ? h("div", { class: "govuk-hint", id: `${id}-hint` }, ...hint) : null,
    errorSlot,
    input,
  );
  const setError = errorState({
    id,
    group,
    slot: errorSlot,
    hasHint,
    describe: input,
    controls: [input],
    errorClass: "govuk-file-upload--error",
  });
  return { id, group, setError, file: () => input.files?.[0] ?? null };
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

interface ChoiceGroupOptions<T extends string> {
  /** The first option's id, which the error summary links to; the rest get `-2`, `-3`… */
  id: string;
  legend: string;
  /** Page heading legends are wrapped in an h1. */
  legendAsHeading?: boolean;
  legendClass?: string;
  hint?: Child;
  options: readonly Choice<T>[];
  inline?: boolean;
}

function choiceGroup<T extends string>(
  kind: "radios" | "checkboxes",
  options: ChoiceGroupOptions<T>,
  checked: (value: T) => boolean,
): { group: HTMLDivElement; inputs: HTMLInputElement[]; setError(message: string | null): void } {
  const { id } = options;
  const inputs: HTMLInputElement[] = [];
  const items = options.options.map((option, i) => {
    const itemId = i === 0 ? id : `${id}-${i + 1}`;
    const itemHintId = `${itemId}-item-hint`;
    const input = h("input", {
      class: `govuk-${kind}__input`,
      id: itemId,
      name: id,
      type: kind === "radios" ? "radio" : "checkbox",
      value: option.value,
      "aria-describedby": option.hint ? itemHintId : undefined,
    });
    input.checked = checked(option.value);
    inputs.push(input);
    return h(
      "div",
      { class: `govuk-${kind}__item` },
      input,
      h("label", { class: `govuk-label govuk-${kind}__label`, for: itemId }, option.label),
      option.hint ? h("div", { class: `govuk-hint govuk-${kind}__hint`, id: itemHintId }, option.hint) : null,
    );
  });
  const legendText = options.legendAsHeading
    ? h("h1", { class: "govuk-fieldset__heading" }, options.legend)
    : options.legend;
  const legendSize = options.legendAsHeading
    ? " govuk-fieldset__legend--l"
    : options.legendClass
      ? ` ${options.legendClass}`
      : "";
  const fieldset = h(
    "fieldset",
    { class: "govuk-fieldset", "aria-describedby": options.hint ? `${id}-hint` : undefined },
    h("legend", { class: `govuk-fieldset__legend${legendSize}` }, legendText),
  );
  const errorSlot = h("div");
  fieldset.append(
    ...[
      hintFor(id, options.hint),
      errorSlot,
      h(
        "div",
        {
          class: `govuk-${kind}${options.inline ? ` govuk-${kind}--inline` : ""}${kind === "checkboxes" ? " govuk-checkboxes--small" : ""}`,
          "data-module": `govuk-${kind}`,
        },
        ...items,
      ),
    ].filter((n): n is HTMLDivElement => n !== null),
  );
  const group = h("div", { class: "govuk-form-group" }, fieldset);
  const setError = errorState({
    id,
    group,
    slot: errorSlot,
    hasHint: Boolean(options.hint),
    describe: fieldset,
    controls: [],
    errorClass: null,
  });
  return { group, inputs, setError };
}

export interface RadiosField<T extends string> extends Field {
  value(): T | null;
}

export function radios<T extends string>(options: ChoiceGroupOptions<T> & { value?: T | null }): RadiosField<T> {
  const built = choiceGroup("radios", options, (v) => v === options.value);
  return {
    id: options.id,
    group: built.group,
    setError: built.setError,
    value: () => {
      const picked = built.inputs.find((i) => i.checked)?.value;
      return options.options.find((o) => o.value === picked)?.value ?? null;
    },
  };
}

export interface CheckboxesField<T extends string> extends Field {
  values(): T[];
}

export function checkboxes<T extends string>(
  options: ChoiceGroupOptions<T> & { values?: readonly T[] },
): CheckboxesField<T> {
  const built = choiceGroup("checkboxes", options, (v) => options.values?.includes(v) ?? false);
  return {
    id: options.id,
    group: built.group,
    setError: built.setError,
    values: () => options.options.filter((_option, i) => built.inputs[i]?.checked).map((o) => o.value),
  };
}

export function errorMessage(id: string, message: string): HTMLParagraphElement {
  return h(
    "p",
    { class: "govuk-error-message", id },
    h("span", { class: "govuk-visually-hidden" }, t("shell.errorPrefix")),
    message,
  );
}

/**
 * Fill `host` with a GOV.UK error summary (or empty it when there are no errors). govuk-frontend's
 * ErrorSummary takes focus and makes its links move focus to the field, scrolling its label or
 * legend into view.
 */
export function showErrorSummary(host: HTMLElement, errors: FieldError[]): void {
  if (errors.length === 0) {
    replaceChildren(host);
    return;
  }
  const summary = h(
    "div",
    { class: "govuk-error-summary", "data-module": "govuk-error-summary" },
    h(
      "div",
      { role: "alert" },
      h("h2", { class: "govuk-error-summary__title" }, t("form.errorSummary")),
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
  // Ours, because ErrorSummary leaves a link alone when its target has no label or legend: on
  // "check your answers" the targets are the "Change" links, and focus must go to them too.
  summary.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a") : null;
    const target = document.getElementById(link?.getAttribute("href")?.slice(1) ?? "");
    if (!(target instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    target.scrollIntoView();
    target.focus({ preventScroll: true });
  });
  replaceChildren(host, summary);
  new ErrorSummary(summary);
}

/** One problem for a form: `key` names the field it belongs to, if any. */
export interface Problem {
  key?: string;
  message: string;
}

/**
 * Show a form's problems: each field's own message (cleared on the rest), the error summary linking
 * to them, and "Error:" in the page title. Problems for unknown keys still appear in the summary.
 */
export function showProblems(
  summary: HTMLElement,
  title: string,
  fields: Readonly<Record<string, Field>>,
  problems: readonly Problem[],
): void {
  for (const [key, field] of Object.entries(fields)) {
    field.setError(problems.find((p) => p.key === key)?.message ?? null);
  }
  setTitle(title, problems.length > 0);
  showErrorSummary(
    summary,
    problems.map((p) => ({ target: p.key === undefined ? undefined : fields[p.key]?.id, message: p.message })),
  );
}

/**
 * Where an unexpected failure is shown: a summary host just before the form, made once; at the top of the
 * page's main content when the handler had already drawn another page.
 */
function unexpectedProblemHost(form: HTMLFormElement): HTMLElement {
  const main = document.querySelector("main");
  const before = form.isConnected ? form.previousElementSibling : main?.firstElementChild;
  if (before instanceof HTMLElement && before.dataset.unexpected === "true") return before;
  const host = h("div", { "data-unexpected": "true" });
  if (form.isConnected) form.before(host);
  else main?.prepend(host);
  return host;
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
    const acted = userActs();
    handler()
      .catch((error: unknown) => {
        // A handler shows the problems it expects itself; this is one it did not (a bug, or the page changed
        // under it). The person is told, rather than left pressing a button that seems to do nothing.
        console.warn("Form submission failed", error);
        showErrorSummary(unexpectedProblemHost(form), [{ message: t("form.unexpected") }]);
        const prefix = t("shell.errorPrefix");
        if (!document.title.startsWith(prefix)) document.title = `${prefix}${document.title}`;
      })
      .finally(() => {
        acted();
        busy = false;
        for (const b of buttons) b.removeAttribute("aria-disabled");
      });
  });
}

export function submitButton(text: string, variant?: "secondary" | "warning"): HTMLButtonElement {
  return h(
    "button",
    {
      type: "submit",
      class: `govuk-button${variant ? ` govuk-button--${variant}` : ""}`,
      "data-module": "govuk-button",
    },
    text,
  );
}

/** A form that posts nowhere but through `handler`; `novalidate` so our messages, not the browser's, show. */
export function form(action: string, ...children: Child[]): HTMLFormElement {
  return h("form", { method: "post", action, novalidate: true }, ...children);
}
