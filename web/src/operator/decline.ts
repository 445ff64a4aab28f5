import { ApiError } from "../api/client";
import { declineSignup } from "../api/platform";
import { loadOrNotFound } from "../areas";
import { backLink } from "../components";
import { h } from "../dom";
import { type Field, form, onSubmit, showProblems, submitButton, textArea } from "../forms";
import { setFlash, showPage, twoThirds } from "../layout";
import { navigate, type RouteContext } from "../router";
import { findPending, forgetLists } from "./data";
import { requestSummary } from "./request-summary";
import { enterOperator } from "./shell";

export async function declinePage(ctx: RouteContext): Promise<void> {
  if (!enterOperator()) return;
  const found = await loadOrNotFound(ctx, () => findPending(ctx.params.id ?? ""));
  if (!found) return;
  const title = `Decline ${found.councilName}`;
  const reason = textArea({
    id: "reason",
    label: "Why are you declining the request?",
    labelClass: "govuk-label--m",
    hint: `We e-mail this to ${found.contactName}. Say what they could do about it, if anything.`,
    rows: 5,
  });
  const fields: Record<string, Field> = { reason };
  const summary = h("div");
  const decline = form(location.pathname, reason.group, submitButton("Decline and send the reason", "warning"));
  onSubmit(decline, async () => {
    const why = reason.textarea.value.trim();
    if (why.length < 10) {
      return showProblems(summary, title, fields, [
        { key: "reason", message: "Say why, in a sentence the council can act on" },
      ]);
    }
    try {
      await declineSignup(found.id, { reason: why, version: found.version });
    } catch (error) {
      if (!(error instanceof ApiError) || !ctx.isCurrent()) throw error;
      return showProblems(summary, title, fields, [
        {
          key: error.fields.some((f) => f.path === "reason") ? "reason" : undefined,
          message: error.fields[0]?.message ?? error.message,
        },
      ]);
    }
    if (!ctx.isCurrent()) return;
    forgetLists();
    setFlash(
      "success",
      `The request from ${found.councilName} is declined. We have e-mailed the reason to ${found.contactEmail}`,
    );
    navigate("/operator");
  });
  showPage(
    title,
    backLink("/operator", "Back to the console"),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, "Sign-up request"),
      h("h1", { class: "govuk-heading-l" }, title),
      requestSummary(found),
      decline,
    ),
  );
}
