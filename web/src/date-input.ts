import { h } from "./dom";
import { errorMessage, type Field } from "./forms";
import { t } from "./i18n";

export interface DateField extends Field {
  /** The date as YYYY-MM-DD, or the message to show. */
  read(): { ok: true; iso: string } | { ok: false; message: string };
}

/**
 * The GOV.UK date input: three numeric text fields (never a date picker), read back as an ISO date.
 * `what` finishes the error messages ("Enter the start date").
 */
export function dateInput(options: {
  id: string;
  legend: string;
  hint?: string;
  what: string;
  value?: string;
}): DateField {
  const { id } = options;
  const [year = "", month = "", day = ""] = options.value?.split("-") ?? [];
  const part = (name: "day" | "month" | "year", label: string, width: string, value: string) => {
    const input = h("input", {
      class: `govuk-input govuk-date-input__input ${width}`,
      id: `${id}-${name}`,
      name: `${id}-${name}`,
      type: "text",
      inputmode: "numeric",
    });
    input.value = value.replace(/^0(?=\d)/, "");
    const item = h(
      "div",
      { class: "govuk-date-input__item" },
      h(
        "div",
        { class: "govuk-form-group" },
        h("label", { class: "govuk-label govuk-date-input__label", for: input.id }, label),
        input,
      ),
    );
    return { input, item };
  };
  const d = part("day", t("form.day"), "govuk-input--width-2", day);
  const m = part("month", t("form.month"), "govuk-input--width-2", month);
  const y = part("year", t("form.year"), "govuk-input--width-4", year);
  const hintId = `${id}-hint`;
  const errorSlot = h("div");
  const fieldset = h(
    "fieldset",
    { class: "govuk-fieldset", role: "group", "aria-describedby": options.hint ? hintId : undefined },
    h("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--s" }, options.legend),
    options.hint ? h("div", { class: "govuk-hint", id: hintId }, options.hint) : null,
    errorSlot,
    h("div", { class: "govuk-date-input", id }, d.item, m.item, y.item),
  );
  const group = h("div", { class: "govuk-form-group" }, fieldset);
  return {
    // The summary link goes to the day field, the first one to correct.
    id: `${id}-day`,
    group,
    setError(message) {
      group.classList.toggle("govuk-form-group--error", message !== null);
      for (const p of [d, m, y]) p.input.classList.toggle("govuk-input--error", message !== null);
      const ids = [options.hint ? hintId : null, message ? `${id}-error` : null].filter(Boolean).join(" ");
      if (ids) fieldset.setAttribute("aria-describedby", ids);
      else fieldset.removeAttribute("aria-describedby");
      errorSlot.replaceChildren(...(message === null ? [] : [errorMessage(`${id}-error`, message)]));
    },
    read() {
      const [dv, mv, yv] = [d, m, y].map((p) => p.input.value.trim());
      if (!dv && !mv && !yv) return { ok: false, message: `Enter the ${options.what}` };
      if (!dv || !mv || !yv) return { ok: false, message: `The ${options.what} must include a day, month and year` };
      if (![dv, mv, yv].every((v) => /^\d+$/.test(v ?? "")) || (yv ?? "").length !== 4) {
        return { ok: false, message: `The ${options.what} must be a real date` };
      }
      const iso = `${yv}-${(mv ?? "").padStart(2, "0")}-${(dv ?? "").padStart(2, "0")}`;
      const parsed = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
        return { ok: false, message: `The ${options.what} must be a real date` };
      }
      return { ok: true, iso };
    },
  };
}
