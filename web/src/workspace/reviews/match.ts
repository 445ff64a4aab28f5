/**
 * One match's reviews (issue 15): what is due next, the end-age alert, each review with the child's
 * words and every feedback answer, the looked-after reviews and the ending; and the actions open on
 * it now (record a review, ask for feedback, the child's form with the coordinator, a looked-after
 * review, the vulnerable-care-leaver flag, the ending).
 */
import {
  ChildFeelsWords,
  FeedbackRespondentWords,
  HowItIsGoingWords,
  ReviewKindWords,
  ReviewOutcomeWords,
} from "@tandem/domain/reviews";
import { type MatchReviews, matchReviews } from "../../api/reviews";
import { areas, loadOrNotFound } from "../../areas";
import { backLink, formatDate, summaryList, table, tag, warningText } from "../../components";
import { h } from "../../dom";
import { showPage, takeFlashBanner } from "../../layout";
import type { RouteContext } from "../../router";
import { enterArea, type TenantPage } from "../shell";

export const reviewsHref = (matchId: string) => `/workspace/reviews/matches/${encodeURIComponent(matchId)}`;

const ENDING_KIND = { planned: "Planned", unplanned: "Unplanned", immediate: "Immediate" } as const;
const AFTERWARDS = {
  return_to_waiting_list: "The child returned to the waiting list",
  close_referral: "The child's referral closed",
} as const;
const SEEN_BY = { visit: "On a visit", call: "By a call" } as const;
const KEEP_SEEING = { yes: "Yes", not_sure: "Not sure", no: "No" } as const;

/** Loads a match's reviews inside the reviews area (coordinators and managers), or shows why not. */
export async function loadReviews(
  ctx: RouteContext,
  title: string,
): Promise<{ entered: TenantPage; reviews: MatchReviews } | null> {
  const entered = await enterArea(ctx, title, areas.reviews);
  if (!entered) return null;
  const reviews = await loadOrNotFound(ctx, () => matchReviews(ctx.params.matchId ?? ""));
  return reviews ? { entered, reviews } : null;
}

type Feedback = MatchReviews["feedback"][number];

function answerWords(f: Feedback): string {
  const a = f.answer;
  if (!a) return f.email ? `Not answered yet (link works until ${formatDate(f.expiresOn)})` : "Not answered yet";
  if ("feels" in a)
    return [
      `Feels: ${ChildFeelsWords[a.feels]}`,
      a.likes ? `Likes: ${a.likes}` : null,
      a.wouldChange ? `Would change: ${a.wouldChange}` : null,
      `Keep seeing their visitor: ${KEEP_SEEING[a.keepSeeing]}`,
      f.completedWithCoordinator ? "(completed with the coordinator)" : null,
    ]
      .filter(Boolean)
      .join(". ");
  return [
    `How it is going: ${HowItIsGoingWords[a.howItIsGoing]}`,
    a.goingWell ? `Going well: ${a.goingWell}` : null,
    a.couldBeBetter ? `Could be better: ${a.couldBeBetter}` : null,
    a.concerns === "yes" ? `Concern: ${a.concernDetails ?? ""}` : "No concerns",
  ]
    .filter(Boolean)
    .join(". ");
}

function actions(r: MatchReviews, isCoordinator: boolean): HTMLElement {
  const href = reviewsHref(r.matchId);
  const items: [string, string][] = [];
  if (isCoordinator && r.stage === "active")
    items.push(
      [`${href}/review`, "Record a review"],
      [`${href}/feedback`, "Ask for feedback"],
      [`${href}/looked-after`, "Record a looked-after review"],
      [`${href}/care-leaver`, "Vulnerable care leaver"],
      [`${href}/ending`, "Begin the ending"],
    );
  if (isCoordinator && r.stage === "ending") {
    items.push([`${href}/review`, "Record the closure review"], [`${href}/feedback`, "Ask for feedback"]);
    items.push([`${href}/end`, "End the match"]);
  }
  return items.length === 0
    ? h("p", { class: "govuk-body" }, "Nothing for you to record on this match now.")
    : h(
        "ul",
        { class: "govuk-list" },
        ...items.map(([to, text]) => h("li", {}, h("a", { href: to, class: "govuk-link" }, text))),
      );
}

export async function matchReviewsPage(ctx: RouteContext): Promise<void> {
  const loaded = await loadReviews(ctx, "Reviews of a match");
  if (!loaded) return;
  const { entered, reviews: r } = loaded;
  const isCoordinator = entered.membership.roles.includes("coordinator");
  const childForms = r.feedback.filter((f) => f.respondent === "child" && f.answeredOn === null && !f.email);
  showPage(
    `Reviews: ${r.label}`,
    backLink("/workspace/reviews", "Back to reviews and supervision"),
    takeFlashBanner(),
    h(
      "div",
      { class: "govuk-grid-row" },
      h(
        "div",
        { class: "govuk-grid-column-two-thirds" },
        h("span", { class: "govuk-caption-l" }, "Reviews, feedback and ending"),
        h("h1", { class: "govuk-heading-l" }, r.label),
        r.endAgeAlert ? h("div", { id: "end-age-alert" }, warningText(r.endAgeAlert.words)) : null,
        summaryList([
          { key: "Stage", value: r.stage.replace(/_/g, " ") },
          {
            key: "Next review",
            value: r.next
              ? `${ReviewKindWords[r.next.kind]}, due ${formatDate(r.next.dueOn)}. ${r.next.why}`
              : "None due",
          },
          {
            key: "Support ends at",
            value:
              r.endAge === null
                ? "Not known"
                : `${r.endAge}${r.vulnerableCareLeaver ? " (a vulnerable care leaver)" : ""}${r.endAgeAlert ? `, on ${formatDate(r.endAgeAlert.endsOn)}` : ""}`,
          },
        ]),
        h("h2", { class: "govuk-heading-m" }, "What to do next"),
        actions(r, isCoordinator),
        ...(isCoordinator && childForms.length > 0
          ? [
              h(
                "ul",
                { class: "govuk-list" },
                ...childForms.map((f) =>
                  h(
                    "li",
                    {},
                    h(
                      "a",
                      { href: `${reviewsHref(r.matchId)}/feedback/${f.id}`, class: "govuk-link" },
                      `Fill in ${f.name}'s feedback form with them`,
                    ),
                  ),
                ),
              ),
            ]
          : []),
      ),
    ),
    h("h2", { class: "govuk-heading-m" }, "Reviews"),
    r.reviews.length === 0
      ? h("p", { class: "govuk-body" }, "No reviews have been recorded yet.")
      : table({
          caption: "Reviews, oldest first",
          captionClass: "govuk-visually-hidden",
          head: ["Held", "Review", "How the child was seen", "Who took part", "The child's view", "Outcome"],
          rows: r.reviews.map((v) => [
            formatDate(v.record.heldOn),
            ReviewKindWords[v.record.kind],
            SEEN_BY[v.record.childSeenBy],
            v.record.participants.map((p) => p.name).join(", "),
            `“${v.record.childsView}”`,
            v.record.outcome === "change" && v.record.change
              ? `${ReviewOutcomeWords.change}: ${v.record.change}`
              : ReviewOutcomeWords[v.record.outcome],
          ]),
        }),
    h("h2", { class: "govuk-heading-m" }, "Feedback"),
    r.feedback.length === 0
      ? h("p", { class: "govuk-body" }, "No feedback has been asked for yet.")
      : table({
          caption: "Feedback asked for, and the answers",
          captionClass: "govuk-visually-hidden",
          head: ["From", "Asked", "Answer"],
          rows: r.feedback.map((f) => [
            `${f.name} (${FeedbackRespondentWords[f.respondent]})`,
            formatDate(f.sentOn),
            f.answeredOn ? answerWords(f) : tag("Not answered", "grey"),
          ]),
        }),
    h("h2", { class: "govuk-heading-m" }, "Looked-after reviews"),
    r.lookedAfterReviews.length === 0
      ? h("p", { class: "govuk-body" }, "None recorded.")
      : table({
          caption: "The child's looked-after reviews",
          captionClass: "govuk-visually-hidden",
          head: ["Review", "Child asked for their visitor", "Invited", "Attended"],
          rows: r.lookedAfterReviews.map((l) => [
            formatDate(l.record.reviewOn),
            l.record.childAskedForVisitor ? "Yes" : "No",
            l.record.visitorInvited ? "Yes" : "No",
            l.record.visitorAttended === null ? "Not known yet" : l.record.visitorAttended ? "Yes" : "No",
          ]),
        }),
    ...(r.ending
      ? [
          h("h2", { class: "govuk-heading-m" }, "Ending"),
          summaryList([
            { key: "Kind", value: `${ENDING_KIND[r.ending.begin.kind]}, begun ${formatDate(r.ending.beganOn)}` },
            {
              key: r.ending.begin.kind === "immediate" ? "What happened" : "The plan",
              value: r.ending.begin.kind === "immediate" ? r.ending.begin.details : r.ending.begin.plan,
            },
            ...(r.ending.begin.kind === "immediate"
              ? []
              : [
                  {
                    key: "Social worker's agreement",
                    value: `${r.ending.begin.socialWorkerName}, ${formatDate(r.ending.begin.socialWorkerAgreedOn)}`,
                  },
                ]),
            ...(r.ending.end
              ? [
                  {
                    key: "Ended",
                    value: `${formatDate(r.ending.end.endedOn)}. ${AFTERWARDS[r.ending.end.afterwards]}`,
                  },
                ]
              : []),
          ]),
        ]
      : []),
  );
}
