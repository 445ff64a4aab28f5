/**
 * One of the volunteer's matches: where visiting stands against the council's minimum frequency,
 * their visits (each with what can be done next: record, cancel, "I'm home safe") and their claims.
 */

import { poundsAndPence } from "@tandem/domain/expenses";
import { volunteerStandingRefusal } from "@tandem/domain/visits";
import { ApiError } from "../api/client";
import {
  type Claim,
  confirmHomeSafe,
  matchClaims,
  type Visit,
  type VisitState,
  visitState,
  visits,
} from "../api/visits";
import { myVolunteerRecord } from "../api/volunteers";
import { formatDate, formatDateTime, summaryList, tag, warningText } from "../components";
import { h } from "../dom";
import { form, onSubmit, showProblems, submitButton } from "../forms";
import { setFlash, showPage, takeFlashBanner, twoThirds } from "../layout";
import { navigate, type RouteContext } from "../router";
import { apiProblems, enterMatch, homeLink, matchPath, visitPath } from "./frame";
import { CLAIM_STATUS, VISIT_STATUS } from "./labels";

/** The match's last visit and whether it is behind, in a sentence and a tag. */
export function frequencyRows(state: VisitState) {
  return [
    { key: "Last visit", value: state.lastVisitOn ? formatDate(state.lastVisitOn) : "No visit recorded yet" },
    {
      key: "Next visit due by",
      value: [
        formatDate(state.dueBy),
        " ",
        state.behind
          ? tag(`Behind by ${state.daysBehind} ${state.daysBehind === 1 ? "day" : "days"}`, "red")
          : tag("On track", "green"),
      ],
    },
  ];
}

function visitCard(matchId: string, v: Visit, summary: HTMLElement, title: string, paused: boolean): HTMLElement {
  const [words, colour] = VISIT_STATUS[v.status] ?? [v.status, "grey"];
  const when = `${formatDate(v.plan.on)}, ${v.plan.startsAt} to ${v.plan.endsAt}${v.plan.overnight ? " the next day" : ""}`;
  const actions: HTMLElement[] = [];
  if (v.status === "planned" && !paused) {
    actions.push(
      h(
        "a",
        { href: `${visitPath(matchId, v.id)}/record`, class: "govuk-link govuk-!-margin-right-4" },
        "Record this visit",
        h("span", { class: "govuk-visually-hidden" }, ` on ${formatDate(v.plan.on)}`),
      ),
    );
  }
  if (v.status === "planned" || v.status === "awaiting_approval") {
    actions.push(
      h(
        "a",
        { href: `${visitPath(matchId, v.id)}/cancel`, class: "govuk-link" },
        "Cancel this visit",
        h("span", { class: "govuk-visually-hidden" }, ` on ${formatDate(v.plan.on)}`),
      ),
    );
  }
  const homeSafe =
    (v.status === "planned" || v.status === "recorded") && v.homeSafeAt === null
      ? homeSafeForm(matchId, v, summary, title)
      : null;
  return h(
    "div",
    { class: "govuk-summary-card" },
    h("div", { class: "govuk-summary-card__title-wrapper" }, h("h3", { class: "govuk-summary-card__title" }, when)),
    h(
      "div",
      { class: "govuk-summary-card__content" },
      summaryList(
        [
          { key: "Status", value: tag(words, colour) },
          { key: "Activity", value: `${v.plan.activity}, ${v.plan.place}` },
          v.approvalReason && v.status === "awaiting_approval"
            ? { key: "Why it needs approval", value: v.approvalReason }
            : null,
          // The manager's reason for a refusal (or note on an approval), as the e-mail gave it.
          v.decision?.reason
            ? { key: v.decision.approved ? "Manager's note" : "Why it was refused", value: v.decision.reason }
            : null,
          v.plan.namedPerson ? { key: "Who knows about it", value: v.plan.namedPerson.name } : null,
          v.homeSafeAt ? { key: "Home safe", value: formatDateTime(v.homeSafeAt) } : null,
          v.record ? { key: "What you did", value: v.record.whatWeDid } : null,
        ].filter((r) => r !== null),
      ),
      actions.length > 0 ? h("p", { class: "govuk-body" }, ...actions) : null,
      homeSafe,
    ),
  );
}

/** Lone working: one button tells the scheme the volunteer is home, so nobody is e-mailed about them. */
function homeSafeForm(matchId: string, v: Visit, summary: HTMLElement, title: string): HTMLFormElement {
  const f = form(`${visitPath(matchId, v.id)}/home-safe`, submitButton("I'm home safe", "secondary"));
  f.querySelector("button")?.setAttribute("aria-describedby", `home-safe-${v.id}`);
  f.prepend(
    h(
      "p",
      { class: "govuk-body-s", id: `home-safe-${v.id}` },
      `After the visit on ${formatDate(v.plan.on)}, tell us you are home safe.`,
    ),
  );
  onSubmit(f, async () => {
    try {
      await confirmHomeSafe(matchId, v.id, v.version);
      setFlash("success", "Thank you: you are recorded as home safe");
      navigate(matchPath(matchId), { replace: true });
    } catch (error) {
      showProblems(summary, title, {}, apiProblems(error));
    }
  });
  return f;
}

function claimRows(claims: readonly Claim[]) {
  return summaryList(
    claims.map((c) => {
      const [words, colour] = CLAIM_STATUS[c.status] ?? [c.status, "grey"];
      return {
        key: `${c.reference}: ${poundsAndPence(c.totalPence)}`,
        value: [
          tag(words, colour),
          h(
            "p",
            { class: "govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0" },
            `Spent on ${formatDate(c.spentOn)}`,
          ),
        ],
      };
    }),
  );
}

export async function portalMatchPage(ctx: RouteContext): Promise<void> {
  const entered = await enterMatch(ctx, "Your match");
  if (!entered) return;
  const { match } = entered;
  const title = `Visits with ${match.childFirstName}`;
  let state: VisitState;
  let visitList: Visit[];
  let claims: Claim[];
  let paused: string | null;
  try {
    [state, { items: visitList }, { items: claims }, paused] = await Promise.all([
      visitState(match.matchId),
      visits(match.matchId),
      matchClaims(match.matchId),
      // A suspended (or no longer approved) volunteer is refused planning, recording and claiming by the API:
      // the page says so rather than offering buttons that fail.
      myVolunteerRecord().then(
        (me) => volunteerStandingRefusal(me.stage),
        () => null,
      ),
    ]);
  } catch (error) {
    if (!ctx.isCurrent()) return;
    if (error instanceof ApiError)
      return showPage(
        title,
        twoThirds(
          homeLink(),
          h("h1", { class: "govuk-heading-l" }, title),
          h("p", { class: "govuk-body" }, error.message),
        ),
      );
    throw error;
  }
  if (!ctx.isCurrent()) return;
  const summary = h("div");
  const base = matchPath(match.matchId);
  showPage(
    title,
    homeLink(),
    takeFlashBanner(),
    twoThirds(
      summary,
      h("h1", { class: "govuk-heading-l" }, title),
      summaryList(frequencyRows(state)),
      paused
        ? warningText(paused)
        : h(
            "a",
            {
              href: `${base}/plan`,
              role: "button",
              draggable: "false",
              class: "govuk-button",
              "data-module": "govuk-button",
            },
            "Plan a visit",
          ),
      h("h2", { class: "govuk-heading-m" }, "Visits"),
      visitList.length === 0
        ? h("p", { class: "govuk-body" }, "No visits planned yet.")
        : h("div", {}, ...visitList.map((v) => visitCard(match.matchId, v, summary, title, paused !== null))),
      h("h2", { class: "govuk-heading-m" }, "Expenses"),
      claims.length === 0
        ? h("p", { class: "govuk-body" }, "You have not claimed any expenses for this match.")
        : claimRows(claims),
      paused
        ? null
        : h("p", { class: "govuk-body" }, h("a", { href: `${base}/claim`, class: "govuk-link" }, "Claim expenses")),
      h("h2", { class: "govuk-heading-m" }, "Something worrying?"),
      h(
        "p",
        { class: "govuk-body" },
        h("a", { href: "/portal/concerns/new", class: "govuk-link" }, "Report a concern"),
        " at any time.",
      ),
    ),
  );
}
