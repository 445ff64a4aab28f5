/**
 * A concern's record for coordinators and managers: the report as sent, what was added, the
 * acknowledgement (a coordinator's) and the actions recorded, with links to record another.
 */
import { acknowledgeConcern, type Concern, concern } from "../../api/concerns";
import { apiProblems } from "../../api-problems";
import { areas, loadOrNotFound, mayCall } from "../../areas";
import { backLink, formatDateTime, multiline, summaryList } from "../../components";
import { ACTION_KINDS } from "../../concerns/labels";
import { addenda, addForm, reportSummary } from "../../concerns/record";
import { h } from "../../dom";
import { form, onSubmit, showProblems, submitButton } from "../../forms";
import { setFlash, showPage, takeFlashBanner, twoThirds } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { activeRoles, enterArea } from "../shell";
import { concernHref, concernStatus } from "./list";

function acknowledgement(c: Concern, summary: HTMLElement, title: string): HTMLElement[] {
  if (c.acknowledged) {
    return [
      h(
        "p",
        { class: "govuk-body" },
        `Acknowledged by ${c.acknowledged.by.name}, ${formatDateTime(c.acknowledged.at)}.`,
      ),
    ];
  }
  if (!mayCall("POST /api/concerns/:id/acknowledge", activeRoles())) {
    return [h("p", { class: "govuk-body" }, "A coordinator has not acknowledged it yet.")];
  }
  const f = form(`${concernHref(c.id)}/acknowledge`, submitButton("Acknowledge the concern"));
  onSubmit(f, async () => {
    try {
      await acknowledgeConcern(c.id, c.version);
      setFlash("success", `${c.reference} is acknowledged`);
      navigate(concernHref(c.id), { replace: true });
    } catch (error) {
      showProblems(summary, title, {}, apiProblems(error));
    }
  });
  return [
    h(
      "p",
      { class: "govuk-body" },
      "Acknowledge it to say you have read it and are dealing with it: managers are e-mailed about concerns nobody acknowledges in time.",
    ),
    f,
  ];
}

export async function concernRecordPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, "Concern", areas.concerns);
  if (!entered) return;
  const c = await loadOrNotFound(ctx, () => concern(ctx.params.id ?? ""));
  if (!c) return;
  const title = `Concern ${c.reference}`;
  const summary = h("div");
  showPage(
    title,
    backLink("/workspace/concerns", "Back to concerns"),
    takeFlashBanner(),
    twoThirds(
      summary,
      h("h1", { class: "govuk-heading-l" }, title),
      h("p", { class: "govuk-body" }, concernStatus(c)),
      reportSummary(c),
      h("h2", { class: "govuk-heading-m" }, "Acknowledgement"),
      ...acknowledgement(c, summary, title),
      h("h2", { class: "govuk-heading-m" }, "What was done"),
      c.actions.length === 0
        ? h("p", { class: "govuk-body" }, "Nothing is recorded yet.")
        : summaryList(
            c.actions.map((a) => ({
              key: ACTION_KINDS[a.kind],
              value: [
                `${formatDateTime(a.at)}, recorded by ${a.by.name}`,
                ...(a.details ? [h("br"), ...multiline(a.details)] : []),
              ],
            })),
          ),
      h(
        "p",
        { class: "govuk-body" },
        h("a", { href: `${concernHref(c.id)}/action`, class: "govuk-link" }, "Record what was done"),
      ),
      ...addenda(c),
      addForm(c, concernHref(c.id), summary, title),
    ),
  );
}
