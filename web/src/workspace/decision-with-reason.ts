/**
 * The form on the question pages where one thing (an expense claim, a visit over the hours) is approved
 * or refused: a reason text area (optional to approve, required to refuse), the button, and problems in
 * the GOV.UK error summary. Each page keeps its own words; the checks and the way problems show are one.
 */
import { h } from "../dom";
import { form, onSubmit, type Problem, showProblems, submitButton, textArea } from "../forms";
import { refusal } from "./matching/frame";

/** The API keeps at most 500 characters of a decision's reason (contracts: claim and visit decisions). */
const REASON_MAX = 500;

/** What is wrong with a trimmed reason before it is sent, if anything; `missing` says what to refuse without one. */
export function reasonProblem(reason: string, approving: boolean, missing: string): Problem | null {
  if (!approving && !reason) return { key: "reason", message: missing };
  if (reason.length > REASON_MAX) return { key: "reason", message: `Use ${REASON_MAX} characters or fewer` };
  return null;
}

/** The page's own words; `noun` ("claim", "visit") finishes the button and the missing-reason problem. */
export interface DecisionWords {
  noun: string;
  label: string;
  hint: string;
}

/**
 * The decision form and its error summary (placed above the heading by the page). `decide` sends the
 * trimmed reason, or none; the API's refusal is shown against the reason field. `done` runs on success.
 */
export function decisionWithReason(options: {
  approving: boolean;
  title: string;
  words: DecisionWords;
  decide: (reason: string | undefined) => Promise<unknown>;
  done: () => void;
}): { summary: HTMLElement; form: HTMLFormElement } {
  const { approving, title, words } = options;
  const notes = textArea({ id: "reason", label: words.label, hint: words.hint, rows: 4, labelClass: "govuk-label--s" });
  const summary = h("div");
  const fields = { reason: notes };
  const decisionForm = form(
    location.pathname,
    notes.group,
    submitButton(`${approving ? "Approve" : "Refuse"} ${words.noun}`, approving ? undefined : "warning"),
  );
  onSubmit(decisionForm, async () => {
    const reason = notes.textarea.value.trim();
    const problem = reasonProblem(reason, approving, `Say why you are refusing this ${words.noun}`);
    if (problem) return showProblems(summary, title, fields, [problem]);
    try {
      await options.decide(reason || undefined);
    } catch (error) {
      return showProblems(
        summary,
        title,
        fields,
        refusal(error, () => "reason"),
      );
    }
    options.done();
  });
  return { summary, form: decisionForm };
}
