/** Form controls for questions, built from their descriptions (`model.ts`) with the GOV.UK components in `forms.ts`. */
import { dateInput } from "../date-input";
import { checkboxes, type Field, fileUpload, radios, textArea, textField } from "../forms";
import { joinDate } from "./answers";
import { type AnswerContext, type AnyQuestion, labelOf, type Question, type RawAnswers } from "./model";

export interface QuestionControl {
  question: AnyQuestion;
  field: Field;
  /** The answer as typed, in the form `RawAnswers` keeps it (a file by its name). */
  read(): string;
  /** The file chosen, for a file question. */
  file?(): File | null;
}

/** An id for a question's control: "child.firstName" becomes "child-firstName". */
export function controlId(key: string): string {
  return key.replaceAll(".", "-");
}

export function questionControl<C extends AnswerContext>(
  question: Question<C>,
  raw: RawAnswers,
  c: C,
): QuestionControl {
  const id = controlId(question.key);
  const label = labelOf(question, c);
  const value = raw[question.key] ?? "";
  switch (question.kind) {
    case "textarea": {
      const f = textArea({
        id,
        label,
        hint: question.hint,
        value,
        labelClass: "govuk-label--s",
        rows: question.rows ?? 4,
      });
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
    case "checkbox": {
      const f = checkboxes({
        id,
        legend: question.short,
        legendClass: "govuk-visually-hidden",
        hint: question.hint,
        options: [{ value: "yes", label }],
        values: value === "yes" ? ["yes"] : [],
      });
      return { question, field: f, read: () => (f.values().length > 0 ? "yes" : "") };
    }
    case "date": {
      const f = dateInput({ id, legend: label, hint: question.hint, what: question.short, value });
      const part = (name: string) =>
        (f.group.querySelector(`#${CSS.escape(`${id}-${name}`)}`) as HTMLInputElement | null)?.value ?? "";
      return { question, field: f, read: () => joinDate(part("year"), part("month"), part("day")) };
    }
    case "file": {
      const f = fileUpload({ id, label, hint: question.hint, accept: question.accept, chosen: value || null });
      // A file input cannot be refilled; the name of the file chosen before stands until another is chosen.
      return { question, field: f, read: () => f.file()?.name ?? value, file: f.file };
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
        suffix: question.kind === "number" ? question.unit : undefined,
      });
      return { question, field: f, read: () => f.input.value };
    }
  }
}
