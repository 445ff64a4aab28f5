/**
 * The question-page engine's model: a form is topics (one page each) of questions, described as
 * data. Each question's `key` is its path in the payload the API takes ("child.firstName",
 * "referees.0.email"), so a problem from a schema, or a 400 from the API, finds its field. Pure:
 * no DOM and no zod, so the workspace and the council's start pages can read a form's questions
 * without loading its pages.
 */
import { t } from "../i18n";

export type QuestionKind =
  | "text"
  | "email"
  | "tel"
  | "textarea"
  | "date"
  | "radios"
  | "yesno"
  | "number"
  | "checkbox"
  | "file";

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

/** Answers as typed: one string per question key (dates as "year-month-day", parts may be empty; files by name). */
export type RawAnswers = Record<string, string>;

/** What `label` and `when` may read: at least the answers so far; a form adds its own (the council's policy, say). */
export interface AnswerContext {
  raw: RawAnswers;
}

export interface Question<C extends AnswerContext = AnswerContext> {
  key: string;
  kind: QuestionKind;
  label: string | ((c: C) => string);
  /** What "check your answers" calls it, and the end of "Change …" for screen readers. */
  short: string;
  hint?: string;
  optional?: boolean;
  /** The message when a required question is left empty (or a checkbox left unticked). */
  missing?: string;
  options?: readonly Option[];
  autocomplete?: string;
  widthClass?: string;
  /** For dates, the noun phrase in messages ("the child's date of birth"); defaults to "the" + short. */
  what?: string;
  /** For numbers, the unit shown after the field and the answer ("miles"). */
  unit?: string;
  /** For text areas, the height in lines. */
  rows?: number;
  /** For files, the types the file picker offers (the `accept` attribute). */
  accept?: string;
  /** Asked only when this holds (the tenant's policy, or an answer on an earlier page). */
  when?: (c: C) => boolean;
}

/**
 * A topic asked more than once ("add another receipt"). Its questions' keys hold `*` where the item's
 * index goes ("receipts.*.amount"), and `{n}` in their words becomes the item's number (1, 2…).
 */
export interface Repeat {
  /** How many items the form always asks for. */
  min: number;
  /** How many it accepts; "Add another" goes while fewer. */
  max: number;
  /** What one item is called ("receipt"): "Add another receipt". */
  noun: string;
  /** The item's page title, when it is not the topic's title with `{n}` filled in. */
  title?: (n: number) => string;
  intro?: (n: number) => string;
}

export interface Topic<C extends AnswerContext = AnswerContext> {
  slug: string;
  title: string;
  intro?: string;
  /**
   * The page asks for special category data (health, ethnicity, religion, risks): what it asks, in a
   * few words ("health and any criminal record"). The page says why and links to the privacy notice,
   * as UK GDPR asks at the point of collection.
   */
  sensitive?: string;
  questions: readonly Question<C>[];
  when?: (c: C) => boolean;
  repeat?: Repeat;
}

/**
 * A question of any form. Reading an answer needs none of the form's context, and a function that
 * takes `never` accepts every form's `label` and `when`, so pure helpers take this.
 */
export type AnyQuestion = Question<never>;

export function labelOf<C extends AnswerContext>(question: Question<C>, c: C): string {
  return typeof question.label === "function" ? question.label(c) : question.label;
}

export function visibleQuestions<C extends AnswerContext>(topic: Pick<Topic<C>, "questions">, c: C): Question<C>[] {
  return topic.questions.filter((q) => q.when?.(c) ?? true);
}

/** The key under which a repeated topic's count of items is kept with the answers. */
export function countKey(topic: Pick<Topic, "slug">): string {
  return `#${topic.slug}`;
}

/** How many items of a repeated topic there are: the count kept, at least `min`, at most `max`. */
export function itemCount(repeat: Repeat, kept: string | undefined): number {
  const n = Number(kept);
  return Math.min(repeat.max, Math.max(repeat.min, Number.isInteger(n) ? n : 0));
}

const fill = (text: string, n: number) => text.replaceAll("{n}", String(n));

/** One item of a repeated topic as a topic of its own: keys with its index, words with its number. */
export function itemTopic<C extends AnswerContext>(topic: Topic<C>, index: number): Topic<C> {
  const n = index + 1;
  const repeat = topic.repeat;
  return {
    slug: `${topic.slug}-${n}`,
    title: repeat?.title?.(n) ?? fill(topic.title, n),
    intro: repeat?.intro?.(n) ?? (topic.intro === undefined ? undefined : fill(topic.intro, n)),
    ...(topic.sensitive === undefined ? {} : { sensitive: topic.sensitive }),
    when: topic.when,
    questions: topic.questions.map((q) => ({
      ...q,
      key: q.key.replace("*", String(index)),
      label: typeof q.label === "string" ? fill(q.label, n) : q.label,
      short: fill(q.short, n),
      hint: q.hint === undefined ? undefined : fill(q.hint, n),
      missing: q.missing === undefined ? undefined : fill(q.missing, n),
    })),
  };
}

/** The pages a form asks now, in order: topics whose condition holds, a repeated topic once per item. */
export function visibleTopics<C extends AnswerContext>(topics: readonly Topic<C>[], c: C): Topic<C>[] {
  return topics
    .filter((t) => t.when?.(c) ?? true)
    .flatMap((t) =>
      t.repeat ? Array.from({ length: itemCount(t.repeat, c.raw[countKey(t)]) }, (_, i) => itemTopic(t, i)) : [t],
    );
}

/** Every page a form could ask, whatever the answers: each repeated topic at its most. */
export function allTopics<C extends AnswerContext>(topics: readonly Topic<C>[]): Topic<C>[] {
  return topics.flatMap((t) => (t.repeat ? Array.from({ length: t.repeat.max }, (_, i) => itemTopic(t, i)) : [t]));
}

/** The repeated topic an item's page belongs to, and the item's index ("receipts-2" is receipts' second). */
export function itemOf<C extends AnswerContext>(
  topics: readonly Topic<C>[],
  slug: string,
): { topic: Topic<C>; index: number } | null {
  for (const topic of topics) {
    if (!topic.repeat || !slug.startsWith(`${topic.slug}-`)) continue;
    const n = Number(slug.slice(topic.slug.length + 1));
    if (Number.isInteger(n) && n >= 1 && n <= topic.repeat.max) return { topic, index: n - 1 };
  }
  return null;
}

export function findQuestion<C extends AnswerContext>(
  topics: readonly Topic<C>[],
  key: string,
): { topic: Topic<C>; question: Question<C> } | null {
  for (const topic of allTopics(topics)) {
    const question = topic.questions.find((q) => q.key === key);
    if (question) return { topic, question };
  }
  return null;
}

/** The words shown for an answer (the option's label, a date in words, "Not given" for an empty optional one). */
export function answerText(
  question: AnyQuestion,
  raw: string | undefined,
  formatDate: (iso: string) => string,
): string {
  const value = (raw ?? "").trim();
  if (question.kind === "checkbox") return value === "yes" ? t("answer.confirmed") : t("answer.notConfirmed");
  if (value === "" || (question.kind === "date" && /^-*$/.test(value))) return t("answer.notGiven");
  if (question.options) return question.options.find((o) => o.value === value)?.label ?? value;
  if (question.kind === "date") {
    // Kept as typed ("2014-3-27"): shown in words once it is a whole date.
    const [year = "", month = "", day = ""] = value.split("-");
    const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
    return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso) : value;
  }
  if (question.kind === "number" && question.unit) return `${value} ${question.unit}`;
  return value;
}
