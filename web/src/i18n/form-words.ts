/**
 * A form's questions in another language. A form's English lives beside its question definitions
 * (they are data the workspace also reads); another language gives, for each topic (by slug) and
 * question (by key), the same words: `localiseTopics` puts them in place, and the catalogue test
 * checks that every English word has its translation and that nothing is left over.
 */
import type { AnswerContext, Option, Question, Topic } from "../questions/model";

export interface QuestionWords {
  // biome-ignore lint/suspicious/noExplicitAny: a label function reads the form's own context, which differs per form.
  label: string | ((c: any) => string);
  short: string;
  hint?: string;
  missing?: string;
  /** For dates: the phrase the date messages put into a sentence (required in Welsh: no article to add). */
  what?: string;
  unit?: string;
  /** By option value; a yes/no question's "yes" and "no" default to the catalogue's `form.yes`/`form.no`. */
  options?: Readonly<Record<string, string | { label: string; hint?: string }>>;
}

export interface TopicWords {
  title: string;
  intro?: string;
  sensitive?: string;
  /** A repeated topic's words for its items ("Your first referee"), as its `repeat` gives them. */
  repeat?: { noun: string; title?: (n: number) => string; intro?: (n: number) => string };
}

export interface FormWords {
  topics: Readonly<Record<string, TopicWords>>;
  questions: Readonly<Record<string, QuestionWords>>;
}

function localiseOption(o: Option, words: QuestionWords, yesNo: { yes: string; no: string }): Option {
  const given = words.options?.[o.value];
  if (given === undefined) {
    const plain = o.value === "yes" ? yesNo.yes : o.value === "no" ? yesNo.no : o.label;
    return { ...o, label: plain };
  }
  return typeof given === "string" ? { ...o, label: given } : { ...o, label: given.label, hint: given.hint };
}

function localiseQuestion<C extends AnswerContext>(
  q: Question<C>,
  words: QuestionWords | undefined,
  yesNo: { yes: string; no: string },
): Question<C> {
  if (!words) return q;
  return {
    ...q,
    label: words.label,
    short: words.short,
    hint: words.hint ?? undefined,
    missing: words.missing ?? undefined,
    what: words.what ?? q.what,
    unit: words.unit ?? q.unit,
    options: q.options?.map((o) => localiseOption(o, words, yesNo)),
  };
}

/** `topics` with their words from `words`; anything without a translation keeps its English. */
export function localiseTopics<C extends AnswerContext>(
  topics: readonly Topic<C>[],
  words: FormWords,
  yesNo: { yes: string; no: string },
): Topic<C>[] {
  return topics.map((t) => {
    const tw = words.topics[t.slug];
    return {
      ...t,
      ...(tw ? { title: tw.title, intro: tw.intro ?? t.intro, sensitive: tw.sensitive ?? t.sensitive } : {}),
      ...(tw?.repeat && t.repeat ? { repeat: { ...t.repeat, ...tw.repeat } } : {}),
      questions: t.questions.map((q) => localiseQuestion(q, words.questions[q.key], yesNo)),
    };
  });
}
