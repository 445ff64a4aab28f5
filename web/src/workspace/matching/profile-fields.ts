/** Controls both matching profiles share: the council's lists as checkboxes, times, an age range. */
import type { MatchingSettingsView, TimeOfWeek } from "../../api/matching";
import { h } from "../../dom";
import { checkboxes, type Field, type Problem, textField } from "../../forms";
import { TIME_NAMES, TIMES } from "./labels";

type Item = MatchingSettingsView["areas"][number];

export function listCheckboxes(
  id: string,
  legend: string,
  items: readonly Item[],
  values: readonly string[],
  hint?: string,
) {
  return checkboxes<string>({
    id,
    legend,
    legendClass: "govuk-fieldset__legend--s",
    hint: items.length === 0 ? "The council has not listed any yet: add them in the matching settings" : hint,
    options: items.map((i) => ({ value: i.id, label: i.label })),
    values,
  });
}

export function timesCheckboxes(id: string, legend: string, values: readonly TimeOfWeek[]) {
  return checkboxes<TimeOfWeek>({
    id,
    legend,
    legendClass: "govuk-fieldset__legend--s",
    options: TIMES.map((t) => ({ value: t, label: TIME_NAMES[t] })),
    values,
  });
}

/** Two whole-number boxes for the youngest and oldest age, in a fieldset. */
export function ageRangeFields(
  id: string,
  legend: string,
  range: { min: number; max: number } | null,
  hint?: string,
): {
  fields: Record<string, Field>;
  read(optional: boolean): { range: { min: number; max: number } | null } | { problem: Problem };
} {
  const min = textField({
    id: `${id}-min`,
    label: "Youngest",
    value: range ? String(range.min) : "",
    inputmode: "numeric",
    widthClass: "govuk-input--width-2",
    autocomplete: "off",
  });
  const max = textField({
    id: `${id}-max`,
    label: "Oldest",
    value: range ? String(range.max) : "",
    inputmode: "numeric",
    widthClass: "govuk-input--width-2",
    autocomplete: "off",
  });
  const group = h(
    "div",
    { class: "govuk-form-group" },
    h(
      "fieldset",
      { class: "govuk-fieldset", role: "group" },
      h("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--s" }, legend),
      hint ? h("div", { class: "govuk-hint" }, hint) : null,
      min.group,
      max.group,
    ),
  );
  /** The range, null when both are empty (when `optional`), or the problem with it. */
  const read = (optional: boolean) => {
    const a = min.input.value.trim();
    const b = max.input.value.trim();
    if (a === "" && b === "" && optional) return { range: null };
    const whole = (s: string) => /^\d{1,2}$/.test(s);
    if (!whole(a))
      return {
        problem: { key: `${id}-min`, message: `Enter the youngest age as a whole number (${legend.toLowerCase()})` },
      };
    if (!whole(b))
      return {
        problem: { key: `${id}-max`, message: `Enter the oldest age as a whole number (${legend.toLowerCase()})` },
      };
    if (Number(a) > Number(b))
      return { problem: { key: `${id}-min`, message: "The youngest age cannot be above the oldest" } };
    return { range: { min: Number(a), max: Number(b) } };
  };
  // As form fields: the range's group stands where its first box is; the second adds no group of its own.
  const fields = {
    [`${id}-min`]: { id: min.id, group, setError: min.setError },
    [`${id}-max`]: { id: max.id, group: h("div"), setError: max.setError },
  };
  return { fields, read };
}
