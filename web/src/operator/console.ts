import { ApiError } from "../api/client";
import type { SignupRequest, TenantHealth, TenantStatus } from "../api/types";
import { scrollBox, type TagColour, table, tag } from "../components";
import { h } from "../dom";
import { problemPage, showPage, takeFlashBanner } from "../layout";
import type { RouteContext } from "../router";
import { countsInWords } from "./count-words";
import { allTenants, forgetLists, pendingRequests } from "./data";
import { requestSummary } from "./request-summary";
import { enterOperator } from "./shell";

const TITLE = "Operator console";

export const STATUS_WORDS: Record<TenantStatus, { text: string; colour: TagColour; hint: string }> = {
  active: { text: "Active", colour: "green", hint: "Staff work as usual and the public forms are open." },
  suspended: {
    text: "Suspended",
    colour: "orange",
    hint: "Staff can read but not change anything; the public forms are closed with a message.",
  },
  leaving: {
    text: "Leaving",
    colour: "yellow",
    hint: "The council is leaving Tandem: its administrator can download the export before it is closed.",
  },
  closed: { text: "Closed", colour: "grey", hint: "Nobody can sign in to it and its public pages are gone." },
};

function requestCard(r: SignupRequest): HTMLElement {
  const action = (verb: "approve" | "decline", text: string) =>
    h(
      "li",
      { class: "govuk-summary-card__action" },
      h(
        "a",
        { href: `/operator/requests/${encodeURIComponent(r.id)}/${verb}`, class: "govuk-link" },
        text,
        h("span", { class: "govuk-visually-hidden" }, ` the request from ${r.councilName}`),
      ),
    );
  return h(
    "div",
    { class: "govuk-summary-card" },
    h(
      "div",
      { class: "govuk-summary-card__title-wrapper" },
      h("h3", { class: "govuk-summary-card__title" }, r.councilName),
      h("ul", { class: "govuk-summary-card__actions" }, action("approve", "Approve"), action("decline", "Decline")),
    ),
    h("div", { class: "govuk-summary-card__content" }, requestSummary(r)),
  );
}

function tenantRow(t: TenantHealth) {
  const status = STATUS_WORDS[t.status];
  return [
    h("span", {}, t.name, h("br"), h("span", { class: "govuk-hint govuk-!-font-size-16" }, `/${t.slug}`)),
    tag(status.text, status.colour),
    t.runBy === "provider" ? "Provider" : "Council",
    String(t.policyVersion),
    countsInWords(t.counts),
    h(
      "a",
      { href: `/operator/tenants/${encodeURIComponent(t.id)}/status`, class: "govuk-link" },
      "Change status",
      h("span", { class: "govuk-visually-hidden" }, ` of ${t.name}`),
    ),
  ];
}

export async function operatorConsolePage(ctx: RouteContext): Promise<void> {
  if (!enterOperator()) return;
  forgetLists();
  let requests: SignupRequest[];
  let tenants: TenantHealth[];
  try {
    [requests, tenants] = await Promise.all([pendingRequests(), allTenants()]);
  } catch (error) {
    if (ctx.isCurrent()) problemPage(error instanceof ApiError ? error.message : "Try again later.");
    return;
  }
  if (!ctx.isCurrent()) return;
  showPage(
    TITLE,
    takeFlashBanner(),
    h("h1", { class: "govuk-heading-l" }, TITLE),
    h(
      "section",
      { "aria-labelledby": "requests-heading" },
      h("h2", { class: "govuk-heading-m", id: "requests-heading" }, `Sign-up requests waiting (${requests.length})`),
      requests.length === 0
        ? h("p", { class: "govuk-body" }, "No council is waiting for an answer.")
        : h("div", {}, ...requests.map(requestCard)),
    ),
    h(
      "section",
      { "aria-labelledby": "tenants-heading" },
      h("h2", { class: "govuk-heading-m", id: "tenants-heading" }, "Councils"),
      h(
        "p",
        { class: "govuk-body" },
        "Counts of records and the state of each council's scheme. No one's personal details are shown here.",
      ),
      scrollBox(
        "Councils table",
        table({
          caption: `${tenants.length} ${tenants.length === 1 ? "council" : "councils"}`,
          captionClass: "govuk-table__caption--s",
          head: ["Council", "Status", "Run by", "Policy version", "Records", "Action"],
          rows: tenants.map(tenantRow),
          numericColumns: [3],
        }),
      ),
    ),
  );
}
