/**
 * A form on the question-page engine is `{ topics, schema, submit }`: its questions as data, its
 * checks, and what sending does. The pages (`pages.ts`) do the rest.
 */
import { type KeyedProblem, mergeProblems, readQuestions, schemaProblems, type ZodLike } from "./answers";
import { type AnswerContext, type RawAnswers, type Topic, visibleQuestions, visibleTopics } from "./model";

/**
 * Checks a form's answers: on one page (as "Continue" does), and all of them (before sending). A form
 * may load its checks when first needed (the referral form does, so its pages arrive without zod).
 */
export interface FormSchema<C extends AnswerContext> {
  page(topic: Topic<C>, raw: RawAnswers, c: C, today: string): KeyedProblem[] | Promise<KeyedProblem[]>;
  all(raw: RawAnswers, c: C, today: string): KeyedProblem[] | Promise<KeyedProblem[]>;
  /**
   * The checks are a chunk of their own (zod and the domain's rules), fetched on use. Pages that are
   * only looked at, not sent (a resumed draft finding its page, check your answers on arrival), then
   * use the engine's own checks (an answer where one is needed, dates that read) and leave the full
   * checks to "Continue" and "Send": a phone shows the page without fetching and running zod first.
   */
  loadedOnUse?: boolean;
}

/** The engine's own checks on every page the form asks now: answers needed and dates that read, no schema. */
export function ownProblems<C extends AnswerContext>(
  topics: readonly Topic<C>[],
  raw: RawAnswers,
  c: C,
): KeyedProblem[] {
  return visibleTopics(topics, c).flatMap((t) => readQuestions(visibleQuestions(t, c), raw).problems);
}

/** The answers between pages, in memory only. */
export interface Attempt {
  raw: RawAnswers;
  /** One key per intended submission: kept across retries, replaced when an answer changes. */
  idempotencyKey: string | null;
  /** Files chosen for file questions, by key; `raw` keeps their names. */
  files?: Map<string, File>;
}

/** A form: its questions, its checks and what sending does (the API call, then where to go). */
export interface QuestionForm<C extends AnswerContext> {
  topics: readonly Topic<C>[];
  schema: FormSchema<C>;
  /**
   * Sends the answers under `idempotencyKey` (the same for every retry of the same answers) and goes
   * on to the next page; a thrown `ApiError` is shown as problems (see `refusal.ts`).
   */
  submit(attempt: Attempt, c: C, idempotencyKey: string): Promise<void>;
}

/** Keeps the answers from a page. Any change means a new submission, so a new idempotency key. */
export function saveAnswers(a: Attempt, answers: RawAnswers): void {
  let changed = false;
  for (const [key, value] of Object.entries(answers)) {
    if ((a.raw[key] ?? "") !== value) changed = true;
    a.raw[key] = value;
  }
  if (changed) a.idempotencyKey = null;
}

/** Everything the form asks now, read: the payload to check and send. */
export function assemble<C extends AnswerContext>(topics: readonly Topic<C>[], raw: RawAnswers, c: C) {
  return readQuestions(
    visibleTopics(topics, c).flatMap((t) => visibleQuestions(t, c)),
    raw,
  );
}

/**
 * The checks most forms need, from the payload's zod schema: on a page, its empty or unreadable
 * answers and the schema's messages for its own questions; before sending, every page's and then
 * the whole schema's. Forms with rules across pages (the referral, the application) write their own.
 */
export function zodSchema<C extends AnswerContext>(
  topics: readonly Topic<C>[],
  schema: (today: string) => ZodLike,
): FormSchema<C> {
  const page = (topic: Topic<C>, raw: RawAnswers, c: C, today: string): KeyedProblem[] => {
    const questions = visibleQuestions(topic, c);
    const own = readQuestions(questions, raw).problems;
    const keys = new Set(questions.map((q) => q.key));
    const all = visibleTopics(topics, c).flatMap((t) => visibleQuestions(t, c));
    const whole = schemaProblems(schema(today), assemble(topics, raw, c).value, all);
    return mergeProblems(
      own,
      whole.filter((p) => p.key !== undefined && keys.has(p.key)),
    );
  };
  return {
    page,
    all: (raw, c, today) => {
      const problems = visibleTopics(topics, c).flatMap((t) => page(t, raw, c, today));
      if (problems.length > 0) return problems;
      const all = visibleTopics(topics, c).flatMap((t) => visibleQuestions(t, c));
      return schemaProblems(schema(today), assemble(topics, raw, c).value, all);
    },
  };
}
