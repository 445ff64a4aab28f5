/**
 * A waiting child's suggestions: the volunteers who can be matched now, best first, each factor's
 * contribution in words; then "why is X not listed" (every excluded volunteer with each reason), and
 * the approved volunteers whose matching profile is not completed yet.
 */
import { ApiError } from "../../api/client";
import { type Suggestion, type Suggestions, suggestionsFor } from "../../api/matches";
import { backLink, summaryList } from "../../components";
import { h } from "../../dom";
import { problemPage, showPage, takeFlashBanner, twoThirds } from "../../layout";
import { notFoundPage } from "../../pages/not-found";
import type { RouteContext } from "../../router";
import { childProfileHref, enterMatching, matchingNav, volunteerProfileHref } from "./frame";
import { matchHref } from "./match-record";
import { proposeHref } from "./propose";

const points = (n: number) => `${n} ${n === 1 ? "point" : "points"}`;

function suggestionCard(s: Suggestion, rank: number, referralId: string, mayPropose: boolean): HTMLElement {
  return h(
    "div",
    { class: "govuk-summary-card" },
    h(
      "div",
      { class: "govuk-summary-card__title-wrapper" },
      h("h3", { class: "govuk-summary-card__title" }, `${rank}. ${s.firstName}`),
      mayPropose
        ? h(
            "ul",
            { class: "govuk-summary-card__actions" },
            h(
              "li",
              { class: "govuk-summary-card__action" },
              h(
                "a",
                { href: proposeHref(referralId, s.volunteerId), class: "govuk-link" },
                "Propose",
                h("span", { class: "govuk-visually-hidden" }, ` ${s.firstName}`),
              ),
            ),
          )
        : null,
    ),
    h(
      "div",
      { class: "govuk-summary-card__content" },
      summaryList([
        {
          key: "Why suggested",
          value:
            s.factors.length === 0
              ? "Nothing in common recorded yet"
              : h(
                  "ul",
                  { class: "govuk-list govuk-list--bullet govuk-!-margin-bottom-0" },
                  ...s.factors.map((f) => h("li", {}, `${f.words} (${points(f.points)})`)),
                ),
        },
        { key: "Score", value: points(s.score) },
        { key: "Places free", value: String(s.freePlaces) },
      ]),
    ),
  );
}

function excludedSection(x: Suggestions, mayPropose: boolean): HTMLElement[] {
  if (x.excluded.length === 0 && x.withoutProfile.length === 0) return [];
  return [
    h("h2", { class: "govuk-heading-m", id: "not-listed" }, "Why is a volunteer not listed?"),
    ...x.excluded.map((e) =>
      h(
        "details",
        { class: "govuk-details" },
        h(
          "summary",
          { class: "govuk-details__summary" },
          h("span", { class: "govuk-details__summary-text" }, `Why is ${e.firstName} not listed?`),
        ),
        h(
          "div",
          { class: "govuk-details__text" },
          h("ul", { class: "govuk-list govuk-list--bullet" }, ...e.blockers.map((b) => h("li", {}, b.message))),
          mayPropose
            ? h(
                "p",
                { class: "govuk-body" },
                h(
                  "a",
                  { href: proposeHref(x.child.referralId, e.volunteerId), class: "govuk-link" },
                  `Propose ${e.firstName} anyway, with a reason`,
                ),
              )
            : null,
        ),
      ),
    ),
    ...(x.withoutProfile.length > 0
      ? [
          h("h3", { class: "govuk-heading-s" }, "Approved volunteers without a matching profile yet"),
          h(
            "ul",
            { class: "govuk-list" },
            ...x.withoutProfile.map((v) =>
              h(
                "li",
                {},
                h(
                  "a",
                  { href: volunteerProfileHref(v.volunteerId), class: "govuk-link" },
                  `Complete ${v.name}'s matching profile`,
                ),
              ),
            ),
          ),
        ]
      : []),
  ];
}

export async function suggestionsPage(ctx: RouteContext): Promise<void> {
  const referralId = ctx.params.referralId ?? "";
  const entered = await enterMatching(ctx, "Suggested volunteers");
  if (!entered) return;
  let x: Suggestions | undefined;
  try {
    x = await suggestionsFor(referralId);
  } catch (error) {
    if (!ctx.isCurrent()) return;
    // 409: the child's matching profile is not completed yet; the page says so and links to it.
    if (error instanceof ApiError && error.status === 409) {
      const title = "Complete the matching profile first";
      showPage(
        title,
        matchingNav(),
        twoThirds(
          h("h1", { class: "govuk-heading-l" }, title),
          h("p", { class: "govuk-body" }, error.message),
          h(
            "p",
            { class: "govuk-body" },
            h(
              "a",
              { href: childProfileHref(referralId), class: "govuk-link" },
              "Complete the child's matching profile",
            ),
          ),
        ),
      );
      return;
    }
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return notFoundPage();
    return problemPage(error instanceof ApiError ? error.message : "Try again later.");
  }
  if (!ctx.isCurrent() || !x) return;
  const c = x.child;
  const title = `Suggested volunteers for ${c.firstName}`;
  // A blocker that may be gone past (support past the end age, where agreed) leaves the proposal open, with a reason.
  const mayPropose = entered.isCoordinator && x.childBlockers.every((b) => b.overridable) && c.openMatchId === null;
  showPage(
    title,
    backLink("/workspace/matching", "Back to matching"),
    takeFlashBanner(),
    matchingNav(),
    twoThirds(
      h("span", { class: "govuk-caption-l" }, `${c.referralId}, aged ${c.age}`),
      h("h1", { class: "govuk-heading-l" }, title),
      h(
        "p",
        { class: "govuk-body" },
        h("a", { href: childProfileHref(c.referralId), class: "govuk-link" }, `${c.firstName}'s matching profile`),
      ),
      c.openMatchId
        ? h(
            "div",
            { class: "govuk-inset-text" },
            `${c.firstName} has a match in progress: `,
            h("a", { href: matchHref(c.openMatchId), class: "govuk-link" }, "open the match"),
          )
        : null,
      ...(x.childBlockers.length > 0
        ? [
            h("h2", { class: "govuk-heading-m" }, `Why ${c.firstName} cannot be proposed for anyone now`),
            h("ul", { class: "govuk-list govuk-list--bullet" }, ...x.childBlockers.map((b) => h("li", {}, b.message))),
            mayPropose
              ? h(
                  "p",
                  { class: "govuk-body" },
                  "Where it has been agreed otherwise, you can still propose a volunteer: say why on the next page.",
                )
              : null,
          ]
        : []),
      h("h2", { class: "govuk-heading-m" }, "Best first"),
      h("p", { class: "govuk-body" }, `Ranked by the council's weights. ${x.tieBreak}`),
      ...(x.suggestions.length === 0
        ? [h("p", { class: "govuk-body" }, "No volunteer can be matched with this child now.")]
        : x.suggestions.map((s, i) => suggestionCard(s, i + 1, c.referralId, mayPropose))),
      ...excludedSection(x, mayPropose),
    ),
  );
}
