/**
 * The Matching area's front page: the children waiting, in the waiting list's order, each with a
 * link to their matching profile and their suggestions.
 */
import { ApiError } from "../../api/client";
import { type WaitingListPage, waitingList } from "../../api/referrals";
import { scrollBox, table, tag } from "../../components";
import { h } from "../../dom";
import { problemPage, showPage, takeFlashBanner } from "../../layout";
import type { RouteContext } from "../../router";
import { days } from "../referrals/labels";
import { childProfileHref, enterMatching, matchingNav } from "./frame";
import { suggestionsHref, topSuggestions } from "./suggestions-summary";

const TITLE = "Matching";

export async function matchingPage(ctx: RouteContext): Promise<void> {
  const entered = await enterMatching(ctx, TITLE);
  if (!entered) return;
  let page: WaitingListPage;
  try {
    page = await waitingList();
  } catch (error) {
    if (ctx.isCurrent()) problemPage(error instanceof ApiError ? error.message : "Try again later.");
    return;
  }
  const tops = await topSuggestions(page.items.map((e) => e.id));
  if (!ctx.isCurrent()) return;
  const rows = page.items.map((e, i) => [
    String(i + 1),
    h("a", { href: suggestionsHref(e.id), class: "govuk-link" }, `${e.childFirstName} (${e.reference})`),
    days(e.daysWaiting),
    tops.get(e.id) ?? "–",
    h(
      "a",
      { href: childProfileHref(e.id), class: "govuk-link" },
      "Matching profile",
      h("span", { class: "govuk-visually-hidden" }, ` for ${e.childFirstName}`),
    ),
    e.hasPenPicture ? tag("Pen picture", "green") : tag("Needs pen picture", "yellow"),
  ]);
  showPage(
    TITLE,
    takeFlashBanner(),
    matchingNav(),
    h("span", { class: "govuk-caption-l" }, entered.tenant.name),
    h("h1", { class: "govuk-heading-l" }, TITLE),
    h(
      "p",
      { class: "govuk-body" },
      "Children waiting for an Independent Visitor, first to match first. Open a child to see the volunteers suggested for them and why.",
    ),
    page.items.length === 0
      ? h("p", { class: "govuk-body" }, "Nobody is waiting for a match.")
      : scrollBox(
          "Children waiting",
          table({
            caption: "Children waiting, with their top suggestions",
            captionClass: "govuk-table__caption--s",
            head: ["Position", "Child", "Waited", "Top suggestions", "Profile", "Pen picture"],
            rows,
            numericColumns: [],
          }),
        ),
  );
}
