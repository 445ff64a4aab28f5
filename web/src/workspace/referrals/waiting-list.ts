import { type WaitingListPage, waitingList } from "../../api/referrals";
import { failurePage } from "../../areas";
import { formatDate, scrollBox, table, tag } from "../../components";
import { h } from "../../dom";
import { showPage, takeFlashBanner } from "../../layout";
import type { RouteContext } from "../../router";
import { enterReferrals, referralsNav } from "./frame";
import { childInList, days } from "./labels";
import { referralHref } from "./referral";

const TITLE = "Waiting list";

export async function waitingListPage(ctx: RouteContext): Promise<void> {
  const entered = await enterReferrals(ctx, TITLE);
  if (!entered) return;
  const search = new URLSearchParams(location.search);
  const cursor = search.get("cursor") ?? undefined;
  // Positions carry on across pages: the page's first position comes with the link to it.
  const from = Math.max(1, Number(search.get("from") ?? "1") || 1);
  let page: WaitingListPage;
  try {
    page = await waitingList(cursor);
  } catch (error) {
    if (ctx.isCurrent()) failurePage(error);
    return;
  }
  if (!ctx.isCurrent()) return;
  const rows = page.items.map((e, i) => [
    String(from + i),
    h("a", { href: referralHref(e.id), class: "govuk-link" }, e.reference),
    childInList(e),
    e.priorityReasons.length === 0
      ? h("span", {}, "None")
      : h(
          "ul",
          { class: "govuk-list govuk-!-margin-bottom-0" },
          ...e.priorityReasons.map((p) => h("li", {}, p.reason)),
        ),
    formatDate(e.waitingSince),
    days(e.daysWaiting),
    e.hasPenPicture ? tag("Ready to match", "green") : tag("Needs pen picture", "yellow"),
  ]);
  const next = page.cursor
    ? `/workspace/referrals/waiting-list?${new URLSearchParams({ cursor: page.cursor, from: String(from + page.items.length) })}`
    : null;
  showPage(
    TITLE,
    takeFlashBanner(),
    referralsNav(entered.canAct),
    h("span", { class: "govuk-caption-l" }, entered.tenant.name),
    h("h1", { class: "govuk-heading-l" }, TITLE),
    h(
      "p",
      { class: "govuk-body" },
      "Children whose referral is accepted, in the order to match them: those with little or no family contact, not visited by family in the last year, or placed far from home come first, then those who have waited longest.",
    ),
    page.items.length === 0
      ? h("p", { class: "govuk-body" }, "Nobody is waiting for a match.")
      : scrollBox(
          TITLE,
          table({
            caption: "Children waiting for an Independent Visitor",
            captionClass: "govuk-table__caption--s",
            head: ["Position", "Reference", "Child", "Priority reasons", "Waiting since", "Waited", "Pen picture"],
            rows,
            numericColumns: [],
          }),
        ),
    next || cursor
      ? h(
          "nav",
          { class: "govuk-body", "aria-label": "Pages of the waiting list" },
          cursor
            ? h(
                "a",
                { href: "/workspace/referrals/waiting-list", class: "govuk-link govuk-!-margin-right-4" },
                "First page",
              )
            : null,
          next ? h("a", { href: next, class: "govuk-link" }, "Next page") : null,
        )
      : null,
  );
}
