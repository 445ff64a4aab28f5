/**
 * The training volunteers must complete: a list the administrator can add to and remove from, each
 * item a title, a short code and a deadline. Codes tie completed training to the requirement, so an
 * empty code is made from the title rather than asked of people who do not care about it.
 */
import type { TenantPolicy } from "../../api/types";
import { h } from "../../dom";
import { errorMessage, textField } from "../../forms";
import { controlId, type PolicySetting } from "./policy-controls";

type Training = TenantPolicy["volunteers"]["training"][number];

const MAX_ITEMS = 30;
const PATH = "volunteers.training";
const LABEL = "Training volunteers must complete";
const HINT = "Expired or missing training stops a volunteer being matched.";

function due(months: number): string {
  return months === 0 ? "before any match" : `within ${months} ${months === 1 ? "month" : "months"} of approval`;
}

function isTraining(value: unknown): value is Training {
  return typeof value === "object" && value !== null && "title" in value && "dueWithinMonths" in value;
}

export function codeFromTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

export const trainingSetting: PolicySetting = {
  path: PATH,
  section: "volunteers",
  label: LABEL,
  hint: HINT,
  read: (p) => p.volunteers.training,
  format(value) {
    if (!Array.isArray(value)) return String(value);
    if (value.length === 0) return "None";
    return value.map((t) => (isTraining(t) ? `${t.title} (${due(t.dueWithinMonths)})` : JSON.stringify(t))).join("; ");
  },
  control(policy) {
    const base = controlId(PATH);
    const list = h("div");
    const errorSlot = h("div");
    const addButton = h(
      "button",
      { type: "button", class: "govuk-button govuk-button--secondary", "data-module": "govuk-button" },
      "Add another training requirement",
    );
    const fieldset = h(
      "fieldset",
      { class: "govuk-fieldset", "aria-describedby": `${base}-hint` },
      h("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--s" }, LABEL),
      h("div", { class: "govuk-hint", id: `${base}-hint` }, HINT),
      errorSlot,
      list,
      addButton,
    );
    const group = h("div", { class: "govuk-form-group", id: base, tabindex: "-1" }, fieldset);

    let counter = 0;
    const items: { box: HTMLElement; title: HTMLInputElement; code: HTMLInputElement; months: HTMLInputElement }[] = [];

    const renumber = () => {
      items.forEach((item, i) => {
        const legend = item.box.querySelector("legend");
        if (legend) legend.textContent = `Training ${i + 1}`;
      });
      addButton.hidden = items.length >= MAX_ITEMS;
    };

    const addItem = (t: Training | null): HTMLInputElement => {
      counter += 1;
      const id = `${base}-${counter}`;
      const title = textField({
        id: `${id}-title`,
        label: "Title",
        autocomplete: "off",
        value: t?.title ?? "",
      });
      const code = textField({
        id: `${id}-code`,
        label: "Short code",
        hint: "Used in reports, like safeguarding-elearning. Leave empty to make one from the title.",
        autocomplete: "off",
        spellcheck: false,
        widthClass: "govuk-input--width-20",
        value: t?.code ?? "",
      });
      const months = textField({
        id: `${id}-months`,
        label: "Months after approval it must be done by",
        hint: "0 means before any match.",
        autocomplete: "off",
        inputmode: "numeric",
        widthClass: "govuk-input--width-3",
        value: t ? String(t.dueWithinMonths) : "0",
      });
      const remove = h(
        "button",
        { type: "button", class: "govuk-button govuk-button--secondary", "data-module": "govuk-button" },
        "Remove",
        h("span", { class: "govuk-visually-hidden" }, ` training ${items.length + 1}`),
      );
      const box = h(
        "fieldset",
        { class: "govuk-fieldset tandem-repeat" },
        h("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--s" }, ""),
        title.group,
        code.group,
        months.group,
        remove,
      );
      const item = { box, title: title.input, code: code.input, months: months.input };
      remove.addEventListener("click", () => {
        const at = items.indexOf(item);
        items.splice(at, 1);
        box.remove();
        renumber();
        // Focus must not fall back to the top of the page when the focused button disappears.
        (items[Math.max(0, at - 1)]?.title ?? addButton).focus();
      });
      items.push(item);
      list.append(box);
      renumber();
      return title.input;
    };

    for (const t of policy.volunteers.training) addItem(t);
    addButton.addEventListener("click", () => addItem(null).focus());

    return {
      get id() {
        return items[0]?.title.id ?? base;
      },
      group,
      setError(message) {
        group.classList.toggle("govuk-form-group--error", message !== null);
        errorSlot.replaceChildren(...(message === null ? [] : [errorMessage(`${base}-error`, message)]));
        fieldset.setAttribute("aria-describedby", message === null ? `${base}-hint` : `${base}-hint ${base}-error`);
      },
      apply(draft) {
        const out: Training[] = [];
        for (const [i, item] of items.entries()) {
          const title = item.title.value.trim();
          const code = item.code.value.trim() || codeFromTitle(title);
          const months = item.months.value.trim();
          if (title === "") return `Enter a title for training ${i + 1}, or remove it`;
          if (title.length > 200) return `The title of training ${i + 1} must be 200 characters or fewer`;
          if (code === "" || code.length > 40) return `Enter a short code of up to 40 characters for training ${i + 1}`;
          if (!/^\d+$/.test(months) || Number(months) > 60) {
            return `Enter when training ${i + 1} is due as a whole number of months from 0 to 60`;
          }
          out.push({ code, title, dueWithinMonths: Number(months) });
        }
        draft.volunteers.training = out;
        return null;
      },
    };
  },
};
