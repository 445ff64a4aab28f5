/**
 * GOV.UK markup as strings, for pages the public function draws without JavaScript (ADR 15): the
 * same controls the SPA builds as elements (`src/forms.ts`, `src/questions/controls.ts`), with the
 * same ids, so an error summary's link finds its field either way. Everything typed is escaped.
 */
import { t } from "../i18n";
import { joinDate, splitDate } from "../questions/answers";
import { controlIdOf } from "./ids";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

export interface ControlSpec {
  key: string;
  kind: string;
  label: string;
  short: string;
  hint?: string;
  options?: readonly { value: string; label: string; hint?: string }[];
  autocomplete?: string;
  widthClass?: string;
  unit?: string;
  rows?: number;
}

const errorLine = (id: string, message: string) =>
  `<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">${esc(t("shell.errorPrefix"))}</span>${esc(message)}</p>`;

const hintLine = (id: string, hint: string | undefined) =>
  hint ? `<div id="${id}-hint" class="govuk-hint">${esc(hint)}</div>` : "";

const describedBy = (id: string, hint: string | undefined, error: string | undefined) => {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids ? ` aria-describedby="${ids}"` : "";
};

/** Where the error summary's link for a question goes: the first of its inputs. */
export function firstInputId(kind: string, key: string): string {
  return kind === "date" ? `${controlIdOf(key)}-day` : controlIdOf(key);
}

/** One question as a GOV.UK form group, holding the answer typed so far and its problem, if any. */
export function controlHtml(q: ControlSpec, value: string, error: string | undefined): string {
  const id = controlIdOf(q.key);
  const name = esc(q.key);
  const group = `govuk-form-group${error ? " govuk-form-group--error" : ""}`;
  const err = error ? errorLine(id, error) : "";
  switch (q.kind) {
    case "textarea":
      return `<div class="${group}"><label class="govuk-label govuk-label--s" for="${id}">${esc(q.label)}</label>${hintLine(id, q.hint)}${err}<textarea class="govuk-textarea${error ? " govuk-textarea--error" : ""}" id="${id}" name="${name}" rows="${q.rows ?? 4}"${describedBy(id, q.hint, error)}>${esc(value)}</textarea></div>`;
    case "radios":
    case "yesno": {
      const items = (q.options ?? [])
        .map((o, i) => {
          const oid = i === 0 ? id : `${id}-${i + 1}`;
          const hint = o.hint
            ? `<div id="${oid}-item-hint" class="govuk-hint govuk-radios__hint">${esc(o.hint)}</div>`
            : "";
          return `<div class="govuk-radios__item"><input class="govuk-radios__input" id="${oid}" name="${name}" type="radio" value="${esc(o.value)}"${o.value === value ? " checked" : ""}${o.hint ? ` aria-describedby="${oid}-item-hint"` : ""}><label class="govuk-label govuk-radios__label" for="${oid}">${esc(o.label)}</label>${hint}</div>`;
        })
        .join("");
      return `<div class="${group}"><fieldset class="govuk-fieldset"${describedBy(id, q.hint, error)}><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${esc(q.label)}</legend>${hintLine(id, q.hint)}${err}<div class="govuk-radios${q.kind === "yesno" ? " govuk-radios--inline" : ""}">${items}</div></fieldset></div>`;
    }
    case "checkbox":
      return `<div class="${group}"><fieldset class="govuk-fieldset"${describedBy(id, q.hint, error)}><legend class="govuk-fieldset__legend govuk-visually-hidden">${esc(q.short)}</legend>${hintLine(id, q.hint)}${err}<div class="govuk-checkboxes"><div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="${id}" name="${name}" type="checkbox" value="yes"${value === "yes" ? " checked" : ""}><label class="govuk-label govuk-checkboxes__label" for="${id}">${esc(q.label)}</label></div></div></fieldset></div>`;
    case "date": {
      const parts = splitDate(value);
      const part = (p: "day" | "month" | "year", width: number) =>
        `<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="${id}-${p}">${esc(t(`form.${p}`))}</label><input class="govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}" id="${id}-${p}" name="${name}-${p}" type="text" inputmode="numeric" value="${esc(parts[p])}"></div></div>`;
      return `<div class="${group}"><fieldset class="govuk-fieldset" role="group"${describedBy(id, q.hint, error)}><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${esc(q.label)}</legend>${hintLine(id, q.hint)}${err}<div class="govuk-date-input" id="${id}">${part("day", 2)}${part("month", 2)}${part("year", 4)}</div></fieldset></div>`;
    }
    default: {
      const type = q.kind === "email" ? "email" : q.kind === "tel" ? "tel" : "text";
      const width = q.widthClass ? ` ${q.widthClass}` : "";
      const extra =
        (q.kind === "number" ? ' inputmode="decimal"' : "") +
        (q.kind === "email" || q.kind === "tel" ? ' spellcheck="false"' : "");
      const input = `<input class="govuk-input${width}${error ? " govuk-input--error" : ""}" id="${id}" name="${name}" type="${type}" value="${esc(value)}" autocomplete="${esc(q.autocomplete ?? "off")}"${extra}${describedBy(id, q.hint, error)}>`;
      const field =
        q.kind === "number" && q.unit
          ? `<div class="govuk-input__wrapper">${input}<div class="govuk-input__suffix" aria-hidden="true">${esc(q.unit)}</div></div>`
          : input;
      return `<div class="${group}"><label class="govuk-label govuk-label--s" for="${id}">${esc(q.label)}</label>${hintLine(id, q.hint)}${err}${field}</div>`;
    }
  }
}

/** GOV.UK's error summary: each problem a link to its field (or plain words for the whole form). */
export function errorSummary(problems: readonly { href?: string; message: string }[]): string {
  if (problems.length === 0) return "";
  const items = problems
    .map((p) => (p.href ? `<li><a href="${esc(p.href)}">${esc(p.message)}</a></li>` : `<li>${esc(p.message)}</li>`))
    .join("");
  return `<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert"><h2 class="govuk-error-summary__title">${esc(t("form.errorSummary"))}</h2><div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">${items}</ul></div></div></div>`;
}

export function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`;
}

/** The hidden field that carries a form's key (its idempotency key) from post to post. */
export const KEY_FIELD = "_key";

/** The form's key and every answer but those the page asks itself, so they come back with its post. */
export function carriedFields(key: string, raw: Readonly<Record<string, string>>, except: ReadonlySet<string>): string {
  return [
    hidden(KEY_FIELD, key),
    ...Object.entries(raw)
      .filter(([k]) => !except.has(k))
      .map(([k, v]) => hidden(k, v)),
  ].join("");
}

export function button(text: string, attrs = ""): string {
  return `<button type="submit" class="govuk-button" data-module="govuk-button"${attrs ? ` ${attrs}` : ""}>${esc(text)}</button>`;
}

export const twoThirds = (...inner: string[]) =>
  `<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">${inner.join("")}</div></div>`;

export const p = (text: string, cls = "govuk-body") => `<p class="${cls}">${esc(text)}</p>`;

/** The answers in a post: each question's field by its key, a date from its three parts. */
export function answersFrom(
  fields: Readonly<Record<string, string>>,
  topics: readonly { questions: readonly { key: string; kind: string }[] }[],
): Record<string, string> {
  const raw: Record<string, string> = {};
  const known = new Map(topics.flatMap((x) => x.questions).map((q) => [q.key, q.kind]));
  for (const [key, kind] of known) {
    const whole = fields[key];
    if (kind === "date" && (`${key}-day` in fields || `${key}-year` in fields)) {
      raw[key] = joinDate(fields[`${key}-year`] ?? "", fields[`${key}-month`] ?? "", fields[`${key}-day`] ?? "");
    } else if (whole !== undefined) raw[key] = whole;
  }
  return raw;
}

/** On "check your answers": show the answers carried, without sending them (from the page-not-found page). */
export const REVIEW_FIELD = "_review";

/**
 * A form's address that names no page of it (a stale link, a typed address): said so, with a way to the
 * start and, when answers came with the post, back to them, rather than silently starting again.
 */
export function noSuchPage(start: string, back: { action: string; carried: string } | null): string[] {
  return [
    `<h1 class="govuk-heading-l">${esc(t("council.notFoundTitle"))}</h1>`,
    p(t("form.noPage")),
    back
      ? `${p(t("form.noPageAnswers"))}<form method="post" action="${esc(back.action)}" novalidate>${back.carried}${hidden(REVIEW_FIELD, "1")}${button(t("form.noPageBack"))}</form>`
      : "",
    `<p class="govuk-body"><a class="govuk-link" href="${esc(start)}">${esc(t("form.noPageStart"))}</a></p>`,
  ];
}
