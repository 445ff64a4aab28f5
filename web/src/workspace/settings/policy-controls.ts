/**
 * Builders for the policy editor's settings. Each kind of setting (a whole number, an optional sum of
 * money, yes or no, one of a list...) knows how to show its value in words, draw its GOV.UK control
 * and read the control back into a draft policy, so the catalogue in `policy-settings.ts` stays a
 * list of plain-English questions: `setting("visits.maxHours", hours({ ... }))`.
 */
import type { TenantPolicy } from "../../api/types";
import { type Choice, checkboxes, type Field, radios, textArea, textField } from "../../forms";
import { type PolicyPath, type PolicyValue, policyValue, setPolicyValue } from "./policy-path";

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

/** The question a setting asks. */
export interface Question {
  label: string;
  hint: string;
  /** The setting as it appears inside error messages ("the youngest referral age"). */
  noun: string;
}

/**
 * How a setting reads and writes its value. Function properties (not methods) keep `V` invariant, so
 * a kind for a number cannot edit a value that may be null, nor the other way round.
 */
export interface Access<V> {
  get: (policy: TenantPolicy) => V;
  set: (draft: TenantPolicy, value: V) => void;
}

/** Where a setting's value is in the policy, and how to read and write it there. */
interface Placed<V> extends Access<V> {
  path: string;
  section: SectionId;
}

type Base<V> = Placed<V> & Question;

/** A kind of setting with its question, waiting for the policy value it edits. */
export type Kind<V> = (placed: Placed<V>) => PolicySetting;

/**
 * The setting at `path` (checked against the policy's type), asked as `kind`; its section is the
 * path's first part. A setting that is not one plain value (the monthly budget's parts) says how it
 * reads and writes itself.
 */
export function setting<P extends PolicyPath>(path: P, kind: Kind<PolicyValue<P>>): PolicySetting;
export function setting<V>(path: PolicyPath, kind: Kind<V>, access: Access<V>): PolicySetting;
export function setting(path: PolicyPath, kind: Kind<unknown>, access?: Access<unknown>): PolicySetting {
  return kind({
    path,
    section: path.split(".")[0] as SectionId,
    get: access?.get ?? ((policy) => policyValue(policy, path)),
    set: access?.set ?? ((draft, value) => setPolicyValue(draft, path, value as PolicyValue<typeof path>)),
  });
}

/** The id of the control for a setting: its path, with the dots that CSS selectors dislike replaced. */
export function controlId(path: string): string {
  return `policy-${path.replaceAll(".", "-")}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function counted(n: number, unit: readonly [string, string]): string {
  return `${n} ${n === 1 ? unit[0] : unit[1]}`;
}

function described<V>(base: Base<V>, format: (value: V) => string, control: PolicySetting["control"]): PolicySetting {
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

function numberField(base: Question & { path: string }, value: string, suffix: string | undefined, decimal: boolean) {
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
  question: Question & { min: number; max: number; unit: readonly [string, string] },
): Kind<number>;
export function wholeNumber(
  question: Question & { min: number; max: number; unit: readonly [string, string]; blank: string },
): Kind<number | null>;
export function wholeNumber(
  question: Question & { min: number; max: number; unit: readonly [string, string]; blank?: string },
): Kind<number> | Kind<number | null> {
  return (access: Placed<number | null>) => wholeNumberSetting({ ...question, ...access });
}

function wholeNumberSetting(
  base: Base<number | null> & { min: number; max: number; unit: readonly [string, string]; blank?: string },
): PolicySetting {
  const format = (v: number | null) => (v === null ? (base.blank ?? "none") : counted(v, base.unit));
  return described(base, format, (policy) => {
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
export function hours(question: Question & { min: number; max: number }): Kind<number> {
  return (access) => hoursSetting({ ...question, ...access });
}

function hoursSetting(base: Base<number> & { min: number; max: number }): PolicySetting {
  const format = (v: number) => counted(v, ["hour", "hours"]);
  return described(base, format, (policy) => {
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
export function optionalMoney(question: Question & { blank: string }): Kind<number | null> {
  return (access) => optionalMoneySetting({ ...question, ...access });
}

function optionalMoneySetting(base: Base<number | null> & { blank: string }): PolicySetting {
  const format = (v: number | null) => (v === null ? base.blank : pounds(v));
  return described(base, format, (policy) => {
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

export function yesNo(question: Question & { yes?: string; no?: string }): Kind<boolean> {
  return (access) => yesNoSetting({ ...question, ...access });
}

function yesNoSetting(base: Base<boolean> & { yes?: string; no?: string }): PolicySetting {
  const yes = base.yes ?? "Yes";
  const no = base.no ?? "No";
  return described(
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

export function oneOf<T extends string>(question: Question & { options: readonly Choice<T>[] }): Kind<T> {
  return (access) => oneOfSetting<T>({ ...question, ...access });
}

function oneOfSetting<T extends string>(base: Base<T> & { options: readonly Choice<T>[] }): PolicySetting {
  const label = (v: T) => base.options.find((o) => o.value === v)?.label ?? String(v);
  return described(base, label, (policy) => {
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
  question: Question & { options: readonly Choice<T>[]; none: string },
): Kind<T[]> {
  return (access) => someOfSetting<T>({ ...question, ...access });
}

function someOfSetting<T extends string>(
  base: Base<T[]> & { options: readonly Choice<T>[]; none: string },
): PolicySetting {
  const label = (v: T) => base.options.find((o) => o.value === v)?.label ?? String(v);
  return described(
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
  question: Question & { none: string; max: number; problem(line: string): string | null },
): Kind<string[]> {
  return (access) => lineListSetting({ ...question, ...access });
}

function lineListSetting(
  base: Base<string[]> & { none: string; max: number; problem(line: string): string | null },
): PolicySetting {
  return described(
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
