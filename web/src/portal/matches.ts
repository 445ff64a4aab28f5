import { ApiError } from "../api/client";
import { type MyMatches, myMatches } from "../api/matches";
import { type VisitState, visitState } from "../api/visits";
import { formatDate, summaryList, tag } from "../components";
import { h } from "../dom";
import type { RouteContext } from "../router";
import { MATCH_STAGE_COLOURS, MATCH_STAGE_NAMES } from "../workspace/matching/match-labels";
import { matchPath } from "./frame";

type Match = MyMatches["items"][number];

/** An active match's last visit and whether it is behind the minimum frequency, with the way in to its visits. */
function visiting(m: Match, state: VisitState | null) {
  const since = h(
    "p",
    { class: "govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-1" },
    `Since ${formatDate(m.stageSince)}`,
  );
  if (m.stage !== "active") return [tag(MATCH_STAGE_NAMES[m.stage], MATCH_STAGE_COLOURS[m.stage]), since];
  return [
    state?.behind ? tag("Behind with visits", "red") : tag(MATCH_STAGE_NAMES[m.stage], MATCH_STAGE_COLOURS[m.stage]),
    state
      ? h(
          "p",
          { class: "govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-1" },
          state.lastVisitOn ? `Last visit ${formatDate(state.lastVisitOn)}. ` : "No visit recorded yet. ",
          state.behind
            ? `A visit was due by ${formatDate(state.dueBy)}.`
            : `Next visit due by ${formatDate(state.dueBy)}.`,
        )
      : since,
    h(
      "a",
      { href: matchPath(m.matchId), class: "govuk-link" },
      "Visits and expenses",
      h("span", { class: "govuk-visually-hidden" }, ` with ${m.childFirstName}`),
    ),
  ];
}

/** The volunteer's matches: the child's first name and age only, where the match stands, and its visiting. */
export async function matchesSection(_ctx: RouteContext): Promise<HTMLElement[]> {
  let mine: MyMatches;
  let states: (VisitState | null)[];
  try {
    mine = await myMatches();
    states = await Promise.all(
      mine.items.map((m) => (m.stage === "active" ? visitState(m.matchId).catch(() => null) : Promise.resolve(null))),
    );
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return [
      h("h2", { class: "govuk-heading-m" }, "Your matches"),
      h("p", { class: "govuk-body" }, "Your matches cannot be shown just now. Try again later."),
    ];
  }
  const open = mine.items
    .map((m, i) => ({ m, state: states[i] ?? null }))
    .filter(({ m }) => m.stage !== "did_not_proceed");
  return [
    h("h2", { class: "govuk-heading-m" }, "Your matches"),
    open.length === 0
      ? h(
          "p",
          { class: "govuk-body" },
          "When a child may be matched with you, your coordinator will call you, and the match will show here.",
        )
      : summaryList(
          open.map(({ m, state }) => ({ key: `${m.childFirstName}, aged ${m.childAge}`, value: visiting(m, state) })),
        ),
  ];
}
