/**
 * Conditional questions on one page (GOV.UK "conditionally revealing a related question"): a
 * question whose `when` turns on an answer chosen on the same page is drawn with the page and
 * revealed the moment that answer is chosen; every other conditional question is drawn only when
 * its condition already holds (it turns on another page's answer, or on the council's policy).
 * Pure: the page (`pages.ts`) moves the elements.
 */
import type { AnswerContext, Question, RawAnswers } from "./model";

/** How one question of a page is drawn. */
export type Placement =
  /** Always asked (no condition). */
  | { kind: "always" }
  /** Turns on a choice made on this page: `values` of question `by` reveal it. */
  | { kind: "revealed"; by: string; values: string[]; nested: boolean }
  /** Turns on something not on this page: drawn only when its condition holds now. */
  | { kind: "fixed"; shown: boolean };

const CHOICES: ReadonlySet<string> = new Set(["radios", "yesno"]);

/**
 * Where each question of a page goes, by key. A question is "revealed" by the first earlier choice on
 * the page whose options make its condition differ; it is nested under that option (GOV.UK's pattern)
 * when exactly one option reveals it and the choice is not inline yes/no radios, which GOV.UK says
 * not to nest in.
 */
export function placements<C extends AnswerContext>(
  questions: readonly Question<C>[],
  raw: RawAnswers,
  context: (raw: RawAnswers) => C,
): Map<string, Placement> {
  const out = new Map<string, Placement>();
  questions.forEach((q, i) => {
    const when = q.when;
    if (!when) {
      out.set(q.key, { kind: "always" });
      return;
    }
    for (const choice of questions.slice(0, i)) {
      if (!CHOICES.has(choice.kind) || choice.when) continue;
      const values = (choice.options ?? []).map((o) => o.value);
      const reveal = values.filter((value) => when(context({ ...raw, [choice.key]: value })));
      if (reveal.length === 0 || reveal.length === values.length) continue;
      out.set(q.key, {
        kind: "revealed",
        by: choice.key,
        values: reveal,
        nested: reveal.length === 1 && choice.kind === "radios",
      });
      return;
    }
    out.set(q.key, { kind: "fixed", shown: when(context(raw)) });
  });
  return out;
}

/** The questions drawn on the page: every unconditional one, every revealable one, and fixed ones asked now. */
export function drawnQuestions<C extends AnswerContext>(
  questions: readonly Question<C>[],
  plan: ReadonlyMap<string, Placement>,
): Question<C>[] {
  return questions.filter((q) => {
    const p = plan.get(q.key);
    return p?.kind !== "fixed" || p.shown;
  });
}

/** Whether a revealable question shows with these answers (what has been chosen on the page so far). */
export function isRevealed(p: Placement, raw: RawAnswers): boolean {
  if (p.kind === "always") return true;
  if (p.kind === "fixed") return p.shown;
  return p.values.includes(raw[p.by] ?? "");
}
