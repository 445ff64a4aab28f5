/**
 * Reviews and supervision in the workspace (issue 15): what is overdue and due soon, earliest first,
 * and the complaints register. Each list is one page of the API's due view.
 */
import { MatchHealthWords } from "@tandem/domain/health";
import { type Complaint, complaints, dueReviews, dueSupervision, endAgeAlerts, matchHealth } from "../../api/reviews";
import { areas } from "../../areas";
import { formatDate, link, table, tag } from "../../components";
import { h } from "../../dom";
import { showPage, takeFlashBanner } from "../../layout";
import type { RouteContext } from "../../router";
import { enterArea } from "../shell";
import { reviewsHref } from "./match";

const healthTag = (health: keyof typeof MatchHealthWords) =>
  tag(MatchHealthWords[health], health === "at_risk" ? "red" : health === "needs_check_in" ? "yellow" : "green");

const stateTag = (state: "due" | "overdue") =>
  state === "overdue" ? tag("Overdue", "red") : tag("Due soon", "yellow");

export async function reviewsPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, "Reviews and supervision", areas.reviews);
  if (!entered) return;
  const [reviews, supervision, alerts, health] = await Promise.all([
    dueReviews({ limit: 50 }),
    dueSupervision({ limit: 50 }),
    endAgeAlerts({ limit: 50 }),
    matchHealth(),
  ]);
  if (!ctx.isCurrent()) return;
  const isCoordinator = entered.membership.roles.includes("coordinator");
  showPage(
    "Reviews and supervision",
    takeFlashBanner(),
    h(
      "div",
      { class: "govuk-grid-row" },
      h(
        "div",
        { class: "govuk-grid-column-full" },
        h("span", { class: "govuk-caption-l" }, entered.tenant.name),
        h("h1", { class: "govuk-heading-l" }, "Reviews and supervision"),
        h(
          "p",
          { class: "govuk-body" },
          "Overdue first, then what is due in the next 14 days. The dates follow your scheme's policy.",
        ),
        reviews.items.length === 0
          ? h("p", { class: "govuk-body", id: "no-reviews" }, "No reviews are overdue or due in the next 14 days.")
          : table({
              caption: "Match reviews",
              head: ["Match", "Review", "Due", "Status"],
              rows: reviews.items.map((r) => [
                link(reviewsHref(r.matchId), r.label),
                `${r.why}`,
                formatDate(r.dueOn),
                stateTag(r.state),
              ]),
            }),
        alerts.items.length === 0
          ? h("p", { class: "govuk-body", id: "no-end-age-alerts" }, "No young person is near the end age.")
          : table({
              caption: "Nearing the end age",
              head: ["Match", "Alert", "Support ends"],
              rows: alerts.items.map((a) => [link(reviewsHref(a.matchId), a.label), a.words, formatDate(a.endsOn)]),
            }),
        supervision.items.length === 0
          ? h(
              "p",
              { class: "govuk-body", id: "no-supervision" },
              "No supervision is overdue or due in the next 14 days.",
            )
          : table({
              caption: "Volunteer supervision",
              head: ["Volunteer", "Supervision", "Due", "Status"],
              rows: supervision.items.map((s) => [s.label, s.why, formatDate(s.dueOn), stateTag(s.state)]),
            }),
        isCoordinator
          ? h("p", { class: "govuk-body" }, link("/workspace/reviews/supervision", "Record supervision"))
          : null,
        health.items.length === 0
          ? h("p", { class: "govuk-body" }, "There are no active matches.")
          : table({
              caption: "Active matches by health",
              head: ["Match", "Health", "Why"],
              rows: health.items.map((m) => [
                link(reviewsHref(m.matchId), m.label),
                healthTag(m.health),
                m.reasons.length === 0 ? "Nothing to act on" : m.reasons.map((x) => x.words).join("; "),
              ]),
            }),
        h(
          "p",
          { class: "govuk-body" },
          h("a", { href: "/workspace/complaints", class: "govuk-link" }, "Complaints register"),
        ),
      ),
    ),
  );
}

const COMPLAINANT: Record<Complaint["complainant"], string> = {
  child: "Child or young person",
  carer: "Carer",
  volunteer: "Volunteer",
  professional: "Professional",
};

const complaintState = (c: Complaint) =>
  c.state === "overdue" ? tag("Overdue", "red") : c.state === "open" ? tag("Open", "blue") : tag("Answered", "green");

export async function complaintsPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, "Complaints register", areas.reviews);
  if (!entered) return;
  const page = await complaints({ limit: 100 });
  if (!ctx.isCurrent()) return;
  showPage(
    "Complaints register",
    h(
      "div",
      { class: "govuk-grid-row" },
      h(
        "div",
        { class: "govuk-grid-column-full" },
        h("span", { class: "govuk-caption-l" }, entered.tenant.name),
        h("h1", { class: "govuk-heading-l" }, "Complaints register"),
        page.items.length === 0
          ? h("p", { class: "govuk-body" }, "No complaints have been recorded.")
          : table({
              caption: "Complaints, oldest first",
              captionClass: "govuk-visually-hidden",
              head: ["Received", "From", "About", "Stage", "Due", "Status"],
              rows: page.items.map((c) => {
                const stage = c.stages.at(-1);
                return [
                  formatDate(c.receivedOn),
                  `${c.complainantName} (${COMPLAINANT[c.complainant]})`,
                  c.summary,
                  `Stage ${stage?.stage ?? 1}`,
                  stage?.dueOn ? formatDate(stage.dueOn) : "Not set by the council",
                  complaintState(c),
                ];
              }),
            }),
      ),
    ),
  );
}

export { beginEndingPage, endMatchPage } from "./ending";
export { matchReviewsPage } from "./match";
export {
  askForFeedbackPage,
  careLeaverPage,
  childFeedbackPage,
  lookedAfterReviewPage,
  recordReviewPage,
} from "./record";
export { recordSupervisionPage } from "./supervision";
