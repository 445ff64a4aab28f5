/** The matches by stage: one table per stage before active, each match with its days in the stage. */
import { type MatchBoardPage, type MatchCard, matchBoard } from "../../api/matches";
import { loadOrNotFound } from "../../areas";
import { scrollBox, table } from "../../components";
import { h } from "../../dom";
import { showPage, takeFlashBanner } from "../../layout";
import type { RouteContext } from "../../router";
import { days } from "../referrals/labels";
import { enterMatching, matchingNav } from "./frame";
import { MATCH_STAGE_NAMES, OPEN_STAGES } from "./match-labels";
import { matchHref } from "./match-record";

const TITLE = "Matches by stage";

export async function matchBoardPage(ctx: RouteContext): Promise<void> {
  const entered = await enterMatching(ctx, TITLE);
  if (!entered) return;
  const page: MatchBoardPage | undefined = await loadOrNotFound(ctx, () => matchBoard({ group: "open", limit: 100 }));
  if (!page) return;
  const byStage = new Map<string, MatchCard[]>();
  for (const c of page.items) byStage.set(c.stage, [...(byStage.get(c.stage) ?? []), c]);
  showPage(
    TITLE,
    takeFlashBanner(),
    matchingNav(),
    h("span", { class: "govuk-caption-l" }, entered.tenant.name),
    h("h1", { class: "govuk-heading-l" }, TITLE),
    h(
      "p",
      { class: "govuk-body" },
      `${page.items.length} open ${page.items.length === 1 ? "match" : "matches"}, longest in their stage first.`,
    ),
    ...OPEN_STAGES.flatMap((stage) => {
      const cards = byStage.get(stage) ?? [];
      return [
        h("h2", { class: "govuk-heading-m" }, `${MATCH_STAGE_NAMES[stage]} (${cards.length})`),
        cards.length === 0
          ? h("p", { class: "govuk-body" }, "None.")
          : scrollBox(
              MATCH_STAGE_NAMES[stage],
              table({
                caption: `Matches at ${MATCH_STAGE_NAMES[stage].toLowerCase()}`,
                captionClass: "govuk-visually-hidden",
                head: ["Match", "Child's age", "In this stage", "Trial visits"],
                rows: cards.map((c) => [
                  h(
                    "a",
                    { href: matchHref(c.matchId), class: "govuk-link" },
                    `${c.childFirstName} and ${c.volunteerFirstName}`,
                  ),
                  String(c.childAge),
                  days(c.daysInStage),
                  String(c.trialVisits),
                ]),
                numericColumns: [],
              }),
            ),
      ];
    }),
    page.cursor
      ? h("p", { class: "govuk-body" }, "More matches than fit here: the longest in each stage are shown.")
      : null,
  );
}
