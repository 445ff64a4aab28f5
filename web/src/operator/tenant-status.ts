import { ApiError } from "../api/client";
import { changeTenantStatus } from "../api/platform";
import type { TenantStatus } from "../api/types";
import { loadOrNotFound } from "../areas";
import { backLink } from "../components";
import { h } from "../dom";
import { type Field, form, onSubmit, type Problem, radios, showProblems, submitButton, textArea } from "../forms";
import { setFlash, showPage, twoThirds } from "../layout";
import { navigate, type RouteContext } from "../router";
import { STATUS_WORDS } from "./console";
import { findTenant, forgetLists } from "./data";
import { enterOperator } from "./shell";

const STATUSES: TenantStatus[] = ["active", "suspended", "leaving", "closed"];

export async function tenantStatusPage(ctx: RouteContext): Promise<void> {
  if (!enterOperator()) return;
  const found = await loadOrNotFound(ctx, () => findTenant(ctx.params.tenantId ?? ""));
  if (!found) return;
  const title = `Change the status of ${found.name}`;
  const status = radios<TenantStatus>({
    id: "status",
    legend: "What should its status be?",
    legendClass: "govuk-fieldset__legend--m",
    options: STATUSES.map((s) => ({ value: s, label: STATUS_WORDS[s].text, hint: STATUS_WORDS[s].hint })),
    value: found.status,
  });
  const reason = textArea({
    id: "reason",
    label: "Why?",
    labelClass: "govuk-label--m",
    hint: "Recorded with your name and the date.",
    rows: 3,
  });
  const fields: Record<string, Field> = { status, reason };
  const summary = h("div");
  const change = form(location.pathname, status.group, reason.group, submitButton("Change status"));
  onSubmit(change, async () => {
    const picked = status.value();
    const why = reason.textarea.value.trim();
    const problems: Problem[] = [];
    if (!picked) problems.push({ key: "status", message: "Select a status" });
    else if (picked === found.status)
      problems.push({ key: "status", message: `${found.name} is already ${STATUS_WORDS[picked].text.toLowerCase()}` });
    if (why.length < 3) problems.push({ key: "reason", message: "Say why the status is changing" });
    if (problems.length > 0 || !picked) return showProblems(summary, title, fields, problems);
    try {
      await changeTenantStatus(found.id, { status: picked, reason: why });
    } catch (error) {
      if (!(error instanceof ApiError) || !ctx.isCurrent()) throw error;
      const fromServer: Problem[] = error.fields.length
        ? error.fields.map((f) => ({ key: f.path in fields ? f.path : undefined, message: f.message }))
        : [{ message: error.message }];
      return showProblems(summary, title, fields, fromServer);
    }
    if (!ctx.isCurrent()) return;
    forgetLists();
    setFlash("success", `${found.name} is now ${STATUS_WORDS[picked].text.toLowerCase()}`);
    navigate("/operator");
  });
  showPage(
    title,
    backLink("/operator", "Back to the console"),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, "Councils"),
      h("h1", { class: "govuk-heading-l" }, title),
      change,
    ),
  );
}
