/**
 * A senior manager's approvals of visits over the council's hours or overnight: the list at
 * `/workspace/visits-to-approve`, soonest first, and the decision on one visit as a question page
 * (approve with an optional note, refuse with a reason the volunteer is told), as claims are decided.
 */
import { visitWhenInWords } from "@tandem/domain/visits";
import { decideVisit, type VisitForApproval, visitForApproval, visitsAwaitingApproval } from "../../api/visits";
import { areas, loadOrNotFound } from "../../areas";
import { backLink, formatDateTime, summaryList, tag } from "../../components";
import { h } from "../../dom";
import { setFlash, showPage, takeFlashBanner, twoThirds } from "../../layout";
import { notFoundPage } from "../../pages/not-found";
import { navigate, type RouteContext } from "../../router";
import { decisionWithReason } from "../decision-with-reason";
import { enterArea } from "../shell";

const LIST = "/workspace/visits-to-approve";

export const visitDecisionHref = (v: { matchId: string; id: string }, decision: "approve" | "refuse") =>
  `${LIST}/${encodeURIComponent(v.matchId)}/${encodeURIComponent(v.id)}/${decision}`;

/** The visit as a summary list (it stacks on a phone): who, when in words, what, where, and why it waits. */
function visitDetails(v: VisitForApproval): HTMLElement {
  return summaryList([
    { key: "Match", value: v.matchLabel },
    { key: "Planned by", value: v.volunteerName },
    { key: "When", value: visitWhenInWords(v.plan) },
    { key: "Activity", value: v.plan.activity },
    { key: "Where", value: v.plan.place },
    {
      key: "Who knows about it",
      value: v.plan.namedPerson
        ? `${v.plan.namedPerson.name}${v.plan.namedPerson.phone ? `, ${v.plan.namedPerson.phone}` : ""}`
        : "Nobody named",
    },
    { key: "Why it needs agreement", value: v.approvalReason ?? "Over the council's limits" },
    { key: "Asked", value: formatDateTime(v.createdAt) },
  ]);
}

/** Approve and Refuse, as links to the decision's question page; the match and day finish each for screen readers. */
function decisionButtons(v: VisitForApproval): HTMLElement {
  const hidden = () =>
    h("span", { class: "govuk-visually-hidden" }, ` the visit of ${v.matchLabel} on ${visitWhenInWords(v.plan)}`);
  return h(
    "div",
    { class: "govuk-button-group" },
    h(
      "a",
      { href: visitDecisionHref(v, "approve"), class: "govuk-button", role: "button", draggable: "false" },
      "Approve",
      hidden(),
    ),
    h(
      "a",
      {
        href: visitDecisionHref(v, "refuse"),
        class: "govuk-button govuk-button--warning",
        role: "button",
        draggable: "false",
      },
      "Refuse",
      hidden(),
    ),
  );
}

/** The manager's list: the council's visits waiting for agreement, soonest first. */
export async function visitsToApprovePage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, "Visits to approve", areas.visitApprovals);
  if (!entered) return;
  const cursor = new URLSearchParams(location.search).get("after") ?? undefined;
  const page = await loadOrNotFound(ctx, () => visitsAwaitingApproval({ limit: 20, ...(cursor ? { cursor } : {}) }));
  if (!page) return;
  showPage(
    "Visits to approve",
    takeFlashBanner(),
    backLink("/workspace", "Back to the workspace"),
    twoThirds(
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, "Visits to approve"),
      h(
        "p",
        { class: "govuk-body" },
        "Visits longer than the scheme allows, or overnight, go ahead only when a senior manager agrees beforehand. The soonest are first. The volunteer is e-mailed your decision.",
      ),
      page.items.length === 0
        ? h("p", { class: "govuk-body", id: "no-visits" }, "No visits are waiting for approval.")
        : h(
            "div",
            {},
            ...page.items.map((v) =>
              h(
                "section",
                { class: "govuk-!-margin-bottom-8", "aria-labelledby": `visit-${v.id}` },
                h("h2", { class: "govuk-heading-m", id: `visit-${v.id}` }, v.matchLabel),
                tag(v.plan.overnight ? "Overnight" : "Over the hours", "orange"),
                visitDetails(v),
                decisionButtons(v),
              ),
            ),
          ),
      page.cursor
        ? h(
            "p",
            { class: "govuk-body" },
            h("a", { href: `${LIST}?after=${encodeURIComponent(page.cursor)}`, class: "govuk-link" }, "Next visits"),
          )
        : null,
    ),
  );
}

/**
 * Approve or refuse one visit: the visit again, then a note (optional to approve, a reason required to
 * refuse), then the button. A visit decided or cancelled meanwhile is refused with why.
 */
export async function visitDecisionPage(ctx: RouteContext): Promise<void> {
  const decision = ctx.params.decision;
  if (decision !== "approve" && decision !== "refuse") return notFoundPage();
  const approving = decision === "approve";
  const entered = await enterArea(ctx, approving ? "Approve visit" : "Refuse visit", areas.visitApprovals);
  if (!entered) return;
  const v = await loadOrNotFound(ctx, () => visitForApproval(ctx.params.matchId ?? "", ctx.params.visitId ?? ""));
  if (!v) return;
  const title = approving ? "Approve this visit" : "Refuse this visit";
  const decisionForm = decisionWithReason({
    approving,
    title,
    words: {
      noun: "visit",
      label: approving ? "Note for the volunteer (optional)" : "Why are you refusing this visit?",
      hint: approving
        ? "For example, what was agreed with the child's social worker. The volunteer is e-mailed this note."
        : "The volunteer is e-mailed this reason, so say what they can do instead, for example plan a shorter visit.",
    },
    decide: (reason) =>
      decideVisit(v.matchId, v.id, { approved: approving, version: v.version, ...(reason ? { reason } : {}) }),
    done: () => {
      setFlash(
        "success",
        `Visit ${approving ? "approved" : "refused"}: ${v.matchLabel}, ${visitWhenInWords(v.plan)}. ${v.volunteerName} has been e-mailed.`,
      );
      navigate(LIST);
    },
  });
  showPage(
    title,
    backLink(LIST, "Back to the visits to approve"),
    twoThirds(
      decisionForm.summary,
      h("span", { class: "govuk-caption-l" }, v.matchLabel),
      h("h1", { class: "govuk-heading-l" }, title),
      v.status === "awaiting_approval"
        ? null
        : h("div", { class: "govuk-inset-text" }, "This visit is no longer waiting for approval."),
      visitDetails(v),
      decisionForm.form,
    ),
  );
}
