/**
 * Recording what was done about a concern: what, when and any details. Acts that cannot be undone
 * (suspending the volunteer, ending the match, telling the police) are asked again on a page of their
 * own before they are recorded, saying what follows.
 */

import { londonTimeToInstant, todayInLondon } from "@tandem/domain/calendar";
import { type ConcernActionKind, concern, recordConcernAction } from "../../api/concerns";
import { apiProblems } from "../../api-problems";
import { areas, loadOrNotFound } from "../../areas";
import { backLink, formatDateTime, summaryList, warningText } from "../../components";
import { ACTION_KINDS, SERIOUS_ACTIONS } from "../../concerns/labels";
import { dateInput } from "../../date-input";
import { h } from "../../dom";
import { form, onSubmit, type Problem, radios, showProblems, submitButton, textArea, textField } from "../../forms";
import { setFlash, showPage, twoThirds } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { enterArea } from "../shell";
import { concernHref } from "./list";

interface ActionDraft {
  concernId: string;
  kind: ConcernActionKind;
  at: string;
  details?: string;
}
let pending: ActionDraft | null = null;

const FOLLOWS: Partial<Record<ConcernActionKind, string>> = {
  volunteer_suspended:
    "This records that the volunteer is suspended. It cannot be removed afterwards. Suspend them on their volunteer record too, so they are not offered visits.",
  match_ending_started:
    "This records that the match is being ended because of the concern. It cannot be removed afterwards. Start the ending on the match's record, which tells the people involved.",
  police_told: "This records that the police were told. It cannot be removed afterwards.",
};

async function save(d: ActionDraft): Promise<void> {
  const c = await concern(d.concernId);
  await recordConcernAction(
    d.concernId,
    { kind: d.kind, at: d.at, ...(d.details ? { details: d.details } : {}) },
    c.version,
  );
  setFlash("success", `Recorded: ${ACTION_KINDS[d.kind].toLowerCase()}`);
  pending = null;
  navigate(concernHref(d.concernId));
}

export async function concernActionPage(ctx: RouteContext): Promise<void> {
  const title = "What was done?";
  if (!(await enterArea(ctx, title, areas.concerns))) return;
  const c = await loadOrNotFound(ctx, () => concern(ctx.params.id ?? ""));
  if (!c) return;
  const summary = h("div");
  const kind = radios<ConcernActionKind>({
    id: "kind",
    legend: title,
    legendAsHeading: true,
    options: (Object.keys(ACTION_KINDS) as ConcernActionKind[]).map((k) => ({ value: k, label: ACTION_KINDS[k] })),
  });
  const on = dateInput({ id: "on", legend: "When", what: "date it was done", value: todayInLondon() });
  const time = textField({
    id: "time",
    label: "Time",
    hint: "For example, 14:30",
    autocomplete: "off",
    widthClass: "govuk-input--width-5",
  });
  const details = textArea({
    id: "details",
    label: "Details (optional)",
    hint: "Who you spoke to, and what was agreed",
    rows: 3,
  });
  const fields = { kind, on, time, details };
  const f = form(
    `${concernHref(c.id)}/action`,
    kind.group,
    on.group,
    time.group,
    details.group,
    submitButton("Continue"),
  );
  onSubmit(f, async () => {
    const problems: Problem[] = [];
    const k = kind.value();
    if (!k) problems.push({ key: "kind", message: "Choose what was done" });
    const date = on.read();
    if (!date.ok) problems.push({ key: "on", message: date.message });
    const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(time.input.value.trim());
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
      problems.push({ key: "time", message: "Enter the time like 14:30" });
    if (problems.length > 0 || !k || !date.ok || !m) return showProblems(summary, title, fields, problems);
    const at = londonTimeToInstant(date.iso, `${m[1]?.padStart(2, "0")}:${m[2]}`).toISOString();
    const d: ActionDraft = { concernId: c.id, kind: k, at, details: details.textarea.value.trim() || undefined };
    if (SERIOUS_ACTIONS.includes(k)) {
      pending = d;
      return navigate(`${concernHref(c.id)}/action/confirm`);
    }
    try {
      await save(d);
    } catch (error) {
      showProblems(summary, title, fields, apiProblems(error));
    }
  });
  showPage(
    title,
    backLink(concernHref(c.id), "Back to the concern"),
    twoThirds(summary, h("span", { class: "govuk-caption-l" }, `Concern ${c.reference}`), f),
  );
}

export async function concernActionConfirmPage(ctx: RouteContext): Promise<void> {
  const id = ctx.params.id ?? "";
  const title = "Are you sure?";
  if (!(await enterArea(ctx, title, areas.concerns))) return;
  const d = pending;
  if (!d || d.concernId !== id) return navigate(`${concernHref(id)}/action`, { replace: true });
  const summary = h("div");
  const f = form(`${concernHref(id)}/action/confirm`, submitButton(`Yes, record it`, "warning"));
  onSubmit(f, async () => {
    try {
      await save(d);
    } catch (error) {
      showProblems(summary, title, {}, apiProblems(error));
    }
  });
  showPage(
    title,
    backLink(`${concernHref(id)}/action`),
    twoThirds(
      summary,
      h("h1", { class: "govuk-heading-l" }, title),
      summaryList([
        { key: "What was done", value: ACTION_KINDS[d.kind] },
        { key: "When", value: formatDateTime(d.at) },
      ]),
      warningText(FOLLOWS[d.kind] ?? "This cannot be removed afterwards."),
      f,
      h(
        "p",
        { class: "govuk-body" },
        h("a", { href: concernHref(id), class: "govuk-link" }, "No, go back to the concern"),
      ),
    ),
  );
}
