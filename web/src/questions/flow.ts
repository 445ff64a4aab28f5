/**
 * Page flow: where "Continue", "Back" and a "Change" link lead. Pure: the pages module turns a step
 * into a path. Changing an answer from "check your answers" returns there, unless the change left a
 * problem on another page (a later page that now applies, a rule across pages): then that page.
 */
import type { KeyedProblem } from "./answers";
import type { AnswerContext, Topic } from "./model";

export type Step = { to: "start" } | { to: "check" } | { to: "page"; slug: string; change: boolean };

/** The first page with a problem, where "resume" and "check your answers" send the person. */
export function firstPageWithProblems<C extends AnswerContext>(
  pages: readonly Topic<C>[],
  problems: readonly KeyedProblem[],
): Topic<C> | null {
  for (const page of pages) {
    if (problems.some((p) => p.key !== undefined && page.questions.some((q) => q.key === p.key))) return page;
  }
  return null;
}

/** After a page: the next one, or when changing an answer the first page with a problem, else the check page. */
export function nextStep<C extends AnswerContext>(
  pages: readonly Topic<C>[],
  current: string,
  changing: { problems: readonly KeyedProblem[] } | null,
): Step {
  if (changing) {
    const first = firstPageWithProblems(pages, changing.problems);
    return first ? { to: "page", slug: first.slug, change: true } : { to: "check" };
  }
  const i = pages.findIndex((t) => t.slug === current);
  const next = i >= 0 ? pages[i + 1] : undefined;
  return next ? { to: "page", slug: next.slug, change: false } : { to: "check" };
}

/** "Back" from a page: the page before it, or the form's start page. */
export function previousStep<C extends AnswerContext>(pages: readonly Topic<C>[], current: string): Step {
  const i = pages.findIndex((t) => t.slug === current);
  const previous = i > 0 ? pages[i - 1] : undefined;
  return previous ? { to: "page", slug: previous.slug, change: false } : { to: "start" };
}
