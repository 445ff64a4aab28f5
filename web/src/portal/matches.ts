import { ApiError } from "../api/client";
import { type MyMatches, myMatches } from "../api/matches";
import { formatDate, summaryList, tag } from "../components";
import { h } from "../dom";
import type { RouteContext } from "../router";
import { MATCH_STAGE_COLOURS, MATCH_STAGE_NAMES } from "../workspace/matching/match-labels";

/** The volunteer's matches: the child's first name and age only, and where the match stands. */
export async function matchesSection(_ctx: RouteContext): Promise<HTMLElement[]> {
  let mine: MyMatches;
  try {
    mine = await myMatches();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return [
      h("h2", { class: "govuk-heading-m" }, "Your matches"),
      h("p", { class: "govuk-body" }, "Your matches cannot be shown just now. Try again later."),
    ];
  }
  const open = mine.items.filter((m) => m.stage !== "did_not_proceed");
  return [
    h("h2", { class: "govuk-heading-m" }, "Your matches"),
    open.length === 0
      ? h(
          "p",
          { class: "govuk-body" },
          "When a child may be matched with you, your coordinator will call you, and the match will show here.",
        )
      : summaryList(
          open.map((m) => ({
            key: `${m.childFirstName}, aged ${m.childAge}`,
            value: [
              tag(MATCH_STAGE_NAMES[m.stage], MATCH_STAGE_COLOURS[m.stage]),
              h(
                "p",
                { class: "govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0" },
                `Since ${formatDate(m.stageSince)}`,
              ),
            ],
          })),
        ),
  ];
}
