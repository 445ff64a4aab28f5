/** The concerns list for coordinators and managers: unacknowledged first, then newest first. */
import { type Concern, concerns } from "../../api/concerns";
import { areas, loadOrNotFound } from "../../areas";
import { backLink, formatDateTime, table, tag } from "../../components";
import { CONCERN_TYPES } from "../../concerns/labels";
import { h } from "../../dom";
import { showPage, takeFlashBanner } from "../../layout";
import type { RouteContext } from "../../router";
import { enterArea } from "../shell";

export const concernHref = (id: string) => `/workspace/concerns/${encodeURIComponent(id)}`;

export function concernStatus(c: Concern): HTMLElement {
  if (c.acknowledged) return tag("Acknowledged", "green");
  return c.escalatedAt ? tag("Not acknowledged: manager told", "red") : tag("Not acknowledged", "orange");
}

/** Unacknowledged first, each group newest first. */
export function inListOrder(items: readonly Concern[]): Concern[] {
  return [...items].sort((a, b) => {
    const waiting = Number(a.acknowledged !== null) - Number(b.acknowledged !== null);
    return waiting !== 0 ? waiting : b.submittedAt.localeCompare(a.submittedAt);
  });
}

export async function concernsPage(ctx: RouteContext): Promise<void> {
  const title = "Concerns";
  if (!(await enterArea(ctx, title, areas.concerns))) return;
  const page = await loadOrNotFound(ctx, () => concerns());
  if (!page) return;
  const items = inListOrder(page.items);
  showPage(
    title,
    backLink("/workspace", "Back to the workspace"),
    takeFlashBanner(),
    h("h1", { class: "govuk-heading-l" }, title),
    h(
      "p",
      { class: "govuk-body" },
      h("a", { href: "/workspace/concerns/new", class: "govuk-link" }, "Report a concern"),
    ),
    items.length === 0
      ? h("p", { class: "govuk-body" }, "No concerns have been reported.")
      : table({
          caption: "Concerns, unacknowledged first",
          captionClass: "govuk-visually-hidden",
          head: ["Reference", "What it is", "Reported", "Status"],
          rows: items.map((c) => [
            h("a", { href: concernHref(c.id), class: "govuk-link" }, c.reference),
            CONCERN_TYPES[c.report.type].label,
            formatDateTime(c.submittedAt),
            concernStatus(c),
          ]),
        }),
    page.cursor ? h("p", { class: "govuk-body" }, "Only the 50 newest are shown.") : null,
  );
}
