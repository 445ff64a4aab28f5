/** The volunteer's own reports (portal): the list, and one report to read and add to. */
import { concern, myConcerns } from "../api/concerns";
import { areas, loadOrNotFound } from "../areas";
import { backLink, formatDateTime, summaryList } from "../components";
import { h } from "../dom";
import { showPage, takeFlashBanner, twoThirds } from "../layout";
import type { RouteContext } from "../router";
import { enterArea } from "../workspace/shell";
import { CONCERN_TYPES } from "./labels";
import { addenda, addForm, reportSummary } from "./record";

export async function myReportsPage(ctx: RouteContext): Promise<void> {
  const title = "Your reports";
  if (!(await enterArea(ctx, title, areas.portal))) return;
  const page = await loadOrNotFound(ctx, () => myConcerns());
  if (!page) return;
  showPage(
    title,
    backLink("/portal", "Back to your volunteering"),
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, title),
      h(
        "p",
        { class: "govuk-body" },
        h("a", { href: "/portal/concerns/new", class: "govuk-link" }, "Report a concern"),
      ),
      page.items.length === 0
        ? h("p", { class: "govuk-body" }, "You have not reported anything.")
        : summaryList(
            page.items.map((c) => ({
              key: c.reference,
              value: [
                h(
                  "a",
                  { href: `/portal/concerns/${encodeURIComponent(c.id)}`, class: "govuk-link" },
                  CONCERN_TYPES[c.concernType].label,
                ),
                h(
                  "p",
                  { class: "govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0" },
                  `Sent ${formatDateTime(c.submittedAt)}`,
                ),
              ],
            })),
          ),
    ),
  );
}

export async function myReportPage(ctx: RouteContext): Promise<void> {
  const title = "Your report";
  if (!(await enterArea(ctx, title, areas.portal))) return;
  const c = await loadOrNotFound(ctx, () => concern(ctx.params.id ?? ""));
  if (!c) return;
  const summary = h("div");
  showPage(
    title,
    backLink("/portal/concerns", "Back to your reports"),
    takeFlashBanner(),
    twoThirds(
      summary,
      h("h1", { class: "govuk-heading-l" }, title),
      reportSummary(c),
      ...addenda(c),
      addForm(c, ctx.path, summary, title),
    ),
  );
}
