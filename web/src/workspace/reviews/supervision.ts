/**
 * Recording a supervision session (issue 15): individual (the first call, formal) or a group session
 * recorded once for everyone who attended, with notes, issues raised and whether they go to the
 * manager. The volunteers offered are those whose supervision is due or overdue.
 */
import { SupervisionKindWords } from "@tandem/domain/supervision";
import { dueSupervision, recordSupervision } from "../../api/reviews";
import { areas } from "../../areas";
import { backLink } from "../../components";
import { dateInput } from "../../date-input";
import { h } from "../../dom";
import { checkboxes, form, onSubmit, type Problem, radios, showProblems, submitButton, textArea } from "../../forms";
import { setFlash, showPage, twoThirds } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { refusal } from "../matching/frame";
import { enterArea } from "../shell";

export async function recordSupervisionPage(ctx: RouteContext): Promise<void> {
  const title = "Record supervision";
  const entered = await enterArea(ctx, title, areas.reviews);
  if (!entered) return;
  const due = await dueSupervision({ limit: 100 });
  if (!ctx.isCurrent()) return;
  const kind = radios({
    id: "kind",
    legend: "What kind of supervision?",
    legendClass: "govuk-fieldset__legend--s",
    options: (["first_call", "individual", "group", "informal"] as const).map((k) => ({
      value: k,
      label: SupervisionKindWords[k],
    })),
  });
  const heldOn = dateInput({
    id: "heldOn",
    legend: "When was it?",
    hint: "For example, 27 3 2026",
    what: "date of the session",
    value: new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" }),
  });
  const volunteers = checkboxes({
    id: "volunteerIds",
    legend: "Who attended?",
    legendClass: "govuk-fieldset__legend--s",
    hint: "Choose one volunteer, or everyone at a group session",
    options: due.items.map((v) => ({ value: v.volunteerId, label: v.label })),
  });
  const notes = textArea({ id: "notes", label: "Notes (optional)", rows: 4, labelClass: "govuk-label--s" });
  const issues = textArea({
    id: "issuesRaised",
    label: "Issues raised (optional)",
    rows: 3,
    labelClass: "govuk-label--s",
  });
  const escalate = checkboxes({
    id: "escalateToManager",
    legend: "Raise with the manager",
    legendClass: "govuk-visually-hidden",
    options: [{ value: "yes", label: "Raise these issues with the manager (they are e-mailed)" }],
  });
  const fields = { kind, heldOn, volunteerIds: volunteers, notes, issuesRaised: issues, escalateToManager: escalate };
  const summary = h("div");
  const page = form(location.pathname, ...Object.values(fields).map((f) => f.group), submitButton(title));
  onSubmit(page, async () => {
    const k = kind.value();
    const d = heldOn.read();
    const who = volunteers.values();
    const problems: Problem[] = [
      ...(k ? [] : [{ key: "kind", message: "Choose the kind of supervision" }]),
      ...(d.ok ? [] : [{ key: "heldOn", message: d.message }]),
      ...(who.length === 0 ? [{ key: "volunteerIds", message: "Choose who attended" }] : []),
    ];
    if (problems.length > 0 || !k || !d.ok) return showProblems(summary, title, fields, problems);
    try {
      await recordSupervision({
        kind: k,
        heldOn: d.iso,
        volunteerIds: who,
        escalateToManager: escalate.values().length > 0,
        ...(notes.textarea.value.trim() ? { notes: notes.textarea.value.trim() } : {}),
        ...(issues.textarea.value.trim() ? { issuesRaised: issues.textarea.value.trim() } : {}),
      });
    } catch (error) {
      return showProblems(
        summary,
        title,
        fields,
        refusal(error, (p) => p.split(".")[0]),
      );
    }
    setFlash("success", "The supervision has been recorded");
    navigate("/workspace/reviews");
  });
  showPage(
    title,
    backLink("/workspace/reviews", "Back to reviews and supervision"),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, title),
      due.items.length === 0
        ? h("p", { class: "govuk-body" }, "No volunteer's supervision is due or overdue, so there is nobody to choose.")
        : null,
      page,
    ),
  );
}
