/** Form controls for the referral questions, built from their descriptions in `questions.ts`. */
import { dateInput } from "../../date-input";
import type { Field } from "../../forms";
import { radios, textArea, textField } from "../../forms";
import { labelOf, type Question, type RawAnswers, type VisibleContext } from "./questions";
import { joinDate } from "./validate";

export interface QuestionControl {
  question: Question;
  field: Field;
  /** The answer as typed, in the form `RawAnswers` keeps it. */
  read(): string;
}

/** An id for a question's control: "child.firstName" becomes "child-firstName". */
export function controlId(key: string): string {
  return key.replaceAll(".", "-");
}

/** The id the error summary links to for a question (the day field of a date, the first radio). */
export function targetId(question: Question): string {
  const id = controlId(question.key);
  return question.kind === "date" ? `${id}-day` : id;
}

export function questionControl(question: Question, raw: RawAnswers, c: VisibleContext): QuestionControl {
  const id = controlId(question.key);
  const label = labelOf(question, c);
  const value = raw[question.key] ?? "";
  switch (question.kind) {
    case "textarea": {
      const f = textArea({ id, label, hint: question.hint, value, labelClass: "govuk-label--s", rows: 4 });
      return { question, field: f, read: () => f.textarea.value };
    }
    case "radios":
    case "yesno": {
      const f = radios({
        id,
        legend: label,
        legendClass: "govuk-fieldset__legend--s",
        hint: question.hint,
        options: question.options ?? [],
        inline: question.kind === "yesno",
        value: value || null,
      });
      return { question, field: f, read: () => f.value() ?? "" };
    }
    case "date": {
      const f = dateInput({ id, legend: label, hint: question.hint, what: question.short, value });
      const part = (name: string) =>
        (f.group.querySelector(`#${CSS.escape(`${id}-${name}`)}`) as HTMLInputElement | null)?.value ?? "";
      return { question, field: f, read: () => joinDate(part("year"), part("month"), part("day")) };
    }
    default: {
      const f = textField({
        id,
        label,
        hint: question.hint,
        value,
        labelClass: "govuk-label--s",
        type: question.kind === "email" ? "email" : question.kind === "tel" ? "tel" : "text",
        autocomplete: question.autocomplete ?? "off",
        inputmode: question.kind === "number" ? "decimal" : undefined,
        spellcheck: question.kind === "email" || question.kind === "tel" ? false : undefined,
        widthClass: question.widthClass,
        suffix: question.kind === "number" ? "miles" : undefined,
      });
      return { question, field: f, read: () => f.input.value };
    }
  }
}
