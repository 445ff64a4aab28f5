/**
 * A report as submitted, with what was added to it since: never edited, only added to. The reporter
 * sees their own; staff see it with the acknowledgement and the actions (workspace/concerns).
 */
import { addToConcern, type Concern } from "../api/concerns";
import { apiProblems } from "../api-problems";
import { formatDateTime, multiline, summaryList } from "../components";
import { h } from "../dom";
import { form, onSubmit, showProblems, submitButton, textArea } from "../forms";
import { setFlash } from "../layout";
import { navigate } from "../router";
import { CONCERN_TYPES } from "./labels";

export function reportSummary(c: Concern): HTMLElement {
  return summaryList([
    { key: "Reference", value: c.reference },
    { key: "What it is", value: CONCERN_TYPES[c.report.type].label },
    { key: "What happened", value: multiline(c.report.whatHappened) },
    { key: "When", value: formatDateTime(c.report.happenedAt) },
    { key: "Who was told", value: c.report.whoWasTold ? multiline(c.report.whoWasTold) : "Nobody" },
    { key: "Reported by", value: `${c.reporter.name}, ${formatDateTime(c.submittedAt)}` },
  ]);
}

export function addenda(c: Concern): HTMLElement[] {
  return [
    h("h2", { class: "govuk-heading-m" }, "Added since"),
    c.addenda.length === 0
      ? h("p", { class: "govuk-body" }, "Nothing has been added.")
      : summaryList(c.addenda.map((a) => ({ key: `${a.by.name}, ${formatDateTime(a.at)}`, value: multiline(a.text) }))),
  ];
}

/** "Add to this report": the report stays as it was sent, and the addition is kept under it. */
export function addForm(c: Concern, here: string, summary: HTMLElement, title: string): HTMLFormElement {
  const text = textArea({
    id: "text",
    label: "Add to this report",
    labelClass: "govuk-label--m",
    hint: "The report cannot be changed, but what you add is kept with it",
    rows: 4,
  });
  const f = form(here, text.group, submitButton("Add to the report", "secondary"));
  onSubmit(f, async () => {
    const value = text.textarea.value.trim();
    if (!value) return showProblems(summary, title, { text }, [{ key: "text", message: "Enter what you are adding" }]);
    try {
      await addToConcern(c.id, value, c.version);
      setFlash("success", "Added to the report");
      navigate(here, { replace: true });
    } catch (error) {
      showProblems(
        summary,
        title,
        { text },
        apiProblems(error, () => "text"),
      );
    }
  });
  return f;
}
