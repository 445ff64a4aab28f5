/**
 * Builders for the policy editor's settings. Each kind of setting (a whole number, an optional sum of
 * money, yes or no, one of a list...) knows how to show its value in words, draw its GOV.UK control
 * and read the control back into a draft policy, so the catalogue in `policy-settings.ts` stays a
 * list of plain-English questions.
 */
import type { TenantPolicy } from "../../api/types";
import { type Choice, checkboxes, type Field, radios, textArea, textField } from "../../forms";

export type SectionId = keyof TenantPolicy;

export interface PolicyControl extends Field {
  /** Write the control's value into the draft, or return the problem to show. */
  apply(draft: TenantPolicy): string | null;
}

export interface PolicySetting {
  /** Dotted path into the policy, as the API names it in errors and in the history. */
  path: string;
  section: SectionId;
  label: string;
  hint: string;
  format(value: unknown): string;
  read(policy: TenantPolicy): unknown;
  control(policy: TenantPolicy): PolicyControl;
}

interface Base<V> {
  path: string;
  section: SectionId;
  label: string;
  hint: string;
  /** The setting as it appears inside error messages ("the youngest referral age"). */
  noun: string;
  get(policy: TenantPolicy): V;
  set(draft: TenantPolicy, value: V): void;
}

/** The id of the control for a setting: its path, with the dots that CSS selectors dislike replaced. */
export function controlId(path: string): string {
  return `policy-${path.replaceAll(".", "-")}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function counted(n: number, unit: readonly [string, string]): string {
  return `${n} ${n === 1 ? unit[0] : unit[1]}`;
}

function setting<V>(base: Base<V>, format: (value: V) => string, control: PolicySetting["control"]): PolicySetting {
  return {
    path: base.path,
    section: base.section,
    label: base.label,
    hint: base.hint,
    // History entries carry raw JSON; anything not of the expected shape is shown as it came.
    format: (value) => (value === undefined ? "not set" : format(value as V)),
    read: base.get,
    control,
  };
}

function numberField(base: Base<unknown>, value: string, suffix: string | undefined, decimal: boolean) {
  return textField({
    id: controlId(base.path),
    label: base.label,
    labelClass: "govuk-label--s",
    hint: base.hint,
    autocomplete: "off",
    inputmode: decimal ? "decimal" : "numeric",
    widthClass: "govuk-input--width-4",
    spellcheck: false,
    value,
    suffix,
  });
}

/** A whole number; with `blank`, leaving it empty means "none" (stored as null). */
export function wholeNumber(
  base: Base<number> & { min: number; max: number; unit: readonly [string, string] },
): PolicySetting;
export function wholeNumber(
  base: Base<number | null> & { min: number; max: number; unit: readonly [string, string]; blank: string },
): PolicySetting;
export function wholeNumber(
  base: Base<number | null> & { min: number; max: number; unit: readonly [string, string]; blank?: string },
): PolicySetting {
  const format = (v: number | null) => (v === null ? (base.blank ?? "none") : counted(v, base.unit));
  return setting(base, format, (policy) => {
    const current = base.get(policy);
    const field = numberField(base, current === null ? "" : String(current), base.unit[1], false);
    return {
      ...field,
      apply(draft) {
        const raw = field.input.value.trim();
        if (raw === "") {
          if (base.blank === undefined) return `Enter ${base.noun}`;
          base.set(draft, null);
          return null;
        }
        if (!/^\d+$/.test(raw)) return `Enter ${base.noun} as a whole number, like ${base.min === 0 ? 5 : base.min}`;
        const n = Number(raw);
        if (n < base.min || n > base.max) return `${capitalise(base.noun)} must be between ${base.min} and ${base.max}`;
        base.set(draft, n);
        return null;
      },
    };
  });
}

/** Hours, in halves or other decimals ("2.5"). */
export function hours(base: Base<number> & { min: number; max: number }): PolicySetting {
  const format = (v: number) => counted(v, ["hour", "hours"]);
  return setting(base, format, (policy) => {
    const field = numberField(base, String(base.get(policy)), "hours", true);
    return {
      ...field,
      apply(draft) {
        const raw = field.input.value.trim();
        if (raw === "") return `Enter ${base.noun}`;
        if (!/^\d+(\.\d+)?$/.test(raw)) return `Enter ${base.noun} as a number of hours, like 2 or 2.5`;
        const n = Number(raw);
        if (n < base.min || n > base.max) {
          return `${capitalise(base.noun)} must be between ${base.min} and ${base.max} hours`;
        }
        base.set(draft, n);
        return null;
      },
    };
  });
}

export function pounds(pence: number): string {
  return `£${(pence / 100).toLocaleString("en-GB", { minimumFractionDigits: pence % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;
}

/** An amount of money held in pence and typed in pounds; empty means there is none (null). */
export function optionalMoney(base: Base<number | null> & { blank: string }): PolicySetting {
  const format = (v: number | null) => (v === null ? base.blank : pounds(v));
  return setting(base, format, (policy) => {
    const current = base.get(policy);
    const field = textField({
      id: controlId(base.path),
      label: base.label,
      labelClass: "govuk-label--s",
      hint: base.hint,
      autocomplete: "off",
      inputmode: "decimal",
      widthClass: "govuk-input--width-5",
      spellcheck: false,
      value: current === null ? "" : (current / 100).toFixed(current % 100 === 0 ? 0 : 2),
      prefix: "£",
    });
    return {
      ...field,
      apply(draft) {
        const raw = field.input.value.trim().replace(/^£/, "").replaceAll(",", "");
        if (raw === "") {
          base.set(draft, null);
          return null;
        }
        if (!/^\d+(\.\d{1,2})?$/.test(raw)) return `Enter ${base.noun} in pounds, like 40 or 12.50`;
        const pence = Math.round(Number(raw) * 100);
        if (pence > 10_000_000) return `${capitalise(base.noun)} must be £100,000 or less`;
        base.set(draft, pence);
        return null;
      },
    };
  });
}

export function yesNo(base: Base<boolean> & { yes?: string; no?: string }): PolicySetting {
  const yes = base.yes ?? "Yes";
  const no = base.no ?? "No";
  return setting(
    base,
    (v) => (v ? yes : no),
    (policy) => {
      const field = radios({
        id: controlId(base.path),
        legend: base.label,
        legendClass: "govuk-fieldset__legend--s",
        hint: base.hint,
        inline: base.yes === undefined && base.no === undefined,
        options: [
          { value: "yes", label: yes },
          { value: "no", label: no },
        ],
        value: base.get(policy) ? "yes" : "no",
      });
      return {
        ...field,
        apply(draft) {
          const v = field.value();
          if (v === null) return `Select whether ${base.noun}`;
          base.set(draft, v === "yes");
          return null;
        },
      };
    },
  );
}

export function oneOf<T extends string>(base: Base<T> & { options: readonly Choice<T>[] }): PolicySetting {
  const label = (v: T) => base.options.find((o) => o.value === v)?.label ?? String(v);
  return setting(base, label, (policy) => {
    const field = radios({
      id: controlId(base.path),
      legend: base.label,
      legendClass: "govuk-fieldset__legend--s",
      hint: base.hint,
      options: base.options,
      value: base.get(policy),
    });
    return {
      ...field,
      apply(draft) {
        const v = field.value();
        if (v === null) return `Select ${base.noun}`;
        base.set(draft, v);
        return null;
      },
    };
  });
}

export function someOf<T extends string>(
  base: Base<T[]> & { options: readonly Choice<T>[]; none: string },
): PolicySetting {
  const label = (v: T) => base.options.find((o) => o.value === v)?.label ?? String(v);
  return setting(
    base,
    (v) => (Array.isArray(v) && v.length > 0 ? v.map(label).join("; ") : base.none),
    (policy) => {
      const field = checkboxes({
        id: controlId(base.path),
        legend: base.label,
        legendClass: "govuk-fieldset__legend--s",
        hint: base.hint,
        options: base.options,
        values: base.get(policy),
      });
      return {
        ...field,
        apply(draft) {
          base.set(draft, field.values());
          return null;
        },
      };
    },
  );
}

/** A list typed one item a line (e-mail domains, for example); each line is checked by `problem`. */
export function lineList(
  base: Base<string[]> & { none: string; max: number; problem(line: string): string | null },
): PolicySetting {
  return setting(
    base,
    (v) => (Array.isArray(v) && v.length > 0 ? v.join(", ") : base.none),
    (policy) => {
      const field = textArea({
        id: controlId(base.path),
        label: base.label,
        labelClass: "govuk-label--s",
        hint: base.hint,
        rows: 4,
        value: base.get(policy).join("\n"),
      });
      return {
        ...field,
        apply(draft) {
          const lines = field.textarea.value
            .split(/[\n,]/)
            .map((l) => l.trim().toLowerCase())
            .filter(Boolean);
          if (lines.length > base.max) return `List at most ${base.max} entries for ${base.noun}`;
          for (const line of lines) {
            const problem = base.problem(line);
            if (problem) return problem;
          }
          const twice = lines.find((l, i) => lines.indexOf(l) !== i);
          if (twice) return `“${twice}” is listed twice in ${base.noun}`;
          base.set(draft, lines);
          return null;
        },
      };
    },
  );
}
