/**
 * A match's risk assessment (Leicestershire): each planned activity with its level and controls,
 * who holds delegated authority, and when the assessment was shared with them. A high-risk activity
 * will not take place; a medium one is approved by a manager. Up to five activities a save.
 */
import { ApiError } from "../../api/client";
import { type MatchRecord, recordRiskAssessment } from "../../api/matches";
import { backLink } from "../../components";
import { dateInput } from "../../date-input";
import { h } from "../../dom";
import {
  type Field,
  form,
  onSubmit,
  type Problem,
  radios,
  showProblems,
  submitButton,
  textArea,
  textField,
} from "../../forms";
import { setFlash, showPage, twoThirds } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { loadMatch, matchHref } from "./match-record";

const ROWS = 5;
type Risk = "low" | "medium" | "high";
const RISK_NAMES: Record<Risk, string> = {
  low: "Low",
  medium: "Medium: a manager approves",
  high: "High: it will not take place",
};

export async function riskAssessmentPage(ctx: RouteContext): Promise<void> {
  const loaded = await loadMatch(ctx, "Risk assessment");
  if (!loaded) return;
  const m: MatchRecord = loaded.record;
  const a = m.riskAssessment;
  const title = "Risk assessment of the planned activities";
  const summary = h("div");
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const current = a?.activities[i];
    const n = i + 1;
    const activity = textField({
      id: `activity-${n}`,
      label: `Activity ${n}${i === 0 ? "" : " (optional)"}`,
      autocomplete: "off",
      labelClass: "govuk-label--s",
      value: current?.activity ?? "",
    });
    const risk = radios<Risk>({
      id: `risk-${n}`,
      legend: `Activity ${n}: its risk`,
      legendClass: "govuk-fieldset__legend--s",
      options: (Object.keys(RISK_NAMES) as Risk[]).map((r) => ({ value: r, label: RISK_NAMES[r] })),
      value: current?.risk ?? null,
    });
    const controls = textArea({
      id: `controls-${n}`,
      label: `Activity ${n}: how the risk is controlled (optional)`,
      rows: 2,
      value: current?.controls ?? "",
    });
    return { activity, risk, controls };
  });
  const daName = textField({
    id: "daName",
    label: "Who holds delegated authority?",
    hint: "Usually the foster carer or the home's registered manager",
    autocomplete: "off",
    labelClass: "govuk-label--s",
    value: a?.delegatedAuthority.name ?? "",
  });
  const daRole = textField({
    id: "daRole",
    label: "Their role",
    autocomplete: "off",
    labelClass: "govuk-label--s",
    value: a?.delegatedAuthority.role ?? "",
  });
  const shared = dateInput({
    id: "sharedOn",
    legend: "When was the assessment shared with them? (leave empty if not yet)",
    what: "date it was shared",
    value: a?.sharedWithDelegatedAuthorityOn ?? undefined,
  });
  const fields: Record<string, Field> = {};
  for (const [i, r] of rows.entries()) {
    fields[`activity-${i + 1}`] = r.activity;
    fields[`risk-${i + 1}`] = r.risk;
    fields[`controls-${i + 1}`] = r.controls;
  }
  Object.assign(fields, { daName, daRole, sharedOn: shared });
  const assessmentForm = form(
    location.pathname,
    ...Object.values(fields).map((f) => f.group),
    submitButton("Save the risk assessment"),
  );
  onSubmit(assessmentForm, async () => {
    const problems: Problem[] = [];
    const activities = rows.flatMap((r, i) => {
      const name = r.activity.input.value.trim();
      if (!name) return [];
      const risk = r.risk.value();
      if (!risk) {
        problems.push({ key: `risk-${i + 1}`, message: `Choose the risk of "${name}"` });
        return [];
      }
      return [{ activity: name, risk, controls: r.controls.textarea.value.trim() }];
    });
    if (activities.length === 0 && problems.length === 0)
      problems.push({ key: "activity-1", message: "List at least one planned activity" });
    if (!daName.input.value.trim()) problems.push({ key: "daName", message: "Enter who holds delegated authority" });
    if (!daRole.input.value.trim())
      problems.push({ key: "daRole", message: "Say who they are, such as foster carer or registered manager" });
    const sharedRead = shared.read();
    const empty = !sharedRead.ok && /^Enter the/.test(sharedRead.message);
    if (!sharedRead.ok && !empty) problems.push({ key: "sharedOn", message: sharedRead.message });
    if (problems.length > 0) return showProblems(summary, title, fields, problems);
    try {
      await recordRiskAssessment(m.matchId, {
        activities,
        delegatedAuthority: { name: daName.input.value.trim(), role: daRole.input.value.trim() },
        sharedWithDelegatedAuthorityOn: sharedRead.ok ? sharedRead.iso : null,
        version: m.version,
      });
    } catch (error) {
      const message = error instanceof ApiError ? error.message : "Sorry, that did not work. Try again";
      const listed =
        error instanceof ApiError && error.fields.length > 0
          ? error.fields.map((f) => ({ message: f.message }))
          : [{ message }];
      return showProblems(summary, title, fields, listed);
    }
    setFlash("success", "The risk assessment is saved");
    navigate(matchHref(m.matchId));
  });
  showPage(
    title,
    backLink(matchHref(m.matchId), "Back to the match"),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, `${m.child.firstName} and ${m.volunteer.firstName}`),
      h("h1", { class: "govuk-heading-l" }, title),
      h(
        "p",
        { class: "govuk-body" },
        "Assess each activity planned for the visits and share the assessment with whoever holds delegated authority. The match becomes active only once it is approved and shared.",
      ),
      assessmentForm,
    ),
  );
}
