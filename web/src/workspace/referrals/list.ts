/** The coordinators' list of referrals: filter, sort, and see flags, priority, days waiting and overdue answers. */
import { parseReferralReference } from "@tandem/domain";
import { ApiError } from "../../api/client";
import { type ReferralPage, type ReferralSummary, referrals } from "../../api/referrals";
import { failurePage } from "../../areas";
import { formatDate, scrollBox, table, tag } from "../../components";
import { h } from "../../dom";
import {
  checkboxes,
  type Field,
  form,
  onSubmit,
  radios,
  select,
  showProblems,
  submitButton,
  textField,
} from "../../forms";
import { showPage, takeFlashBanner } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { enterReferrals, referralsNav } from "./frame";
import { childInList, days, FLAG_NAMES, flagColour, STATUS_COLOURS, STATUS_FILTERS, STATUS_NAMES } from "./labels";
import { apiQuery, filterProblems, filtersFrom, filtersSearch, type ListFilters } from "./list-query";

const TITLE = "Referrals";

function row(r: ReferralSummary): HTMLElement[] {
  const notes = [
    r.kind === "self" ? "Self-referral" : null,
    r.assignedToName ? `Handled by ${r.assignedToName}` : null,
    r.enteredOnBehalf ? "Entered on paper" : null,
    // Made in Welsh: the coordinator replies in Welsh (ADR 22).
    r.language === "cy" ? "made in Welsh" : null,
    // Only a young person without e-mail reaches the list unconfirmed: say so where triage starts.
    r.verified ? null : "no e-mail address confirmed",
  ].filter((n): n is string => n !== null);
  return [
    h(
      "span",
      {},
      h("a", { href: `/workspace/referrals/${encodeURIComponent(r.id)}`, class: "govuk-link" }, r.reference),
      notes.length
        ? h("span", { class: "govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0" }, notes.join(", "))
        : null,
    ),
    h("span", {}, childInList(r)),
    tag(STATUS_NAMES[r.status], STATUS_COLOURS[r.status]),
    r.flags.length === 0
      ? h("span", {}, "None")
      : h(
          "ul",
          { class: "govuk-list govuk-!-margin-bottom-0" },
          ...r.flags.map((f) => h("li", {}, tag(FLAG_NAMES[f] ?? f, flagColour(f)))),
        ),
    h("span", {}, String(r.priority)),
    h("span", {}, days(r.daysWaiting)),
    h(
      "span",
      {},
      formatDate(r.respondBy),
      r.overdue ? h("span", { class: "govuk-!-display-block govuk-!-margin-top-1" }, tag("Overdue", "red")) : null,
    ),
  ];
}

const statusOption = (s: (typeof STATUS_FILTERS)[number]) => ({ value: s.value || "all", label: s.label });

function filterForm(
  f: ListFilters,
  onApply: (next: ListFilters) => Promise<void>,
): {
  form: HTMLFormElement;
  fields: Record<string, Field>;
} {
  // Thirteen choices as radios pushed the list below the fold: a select keeps the filters short.
  const status = select({
    id: "status",
    label: "Status",
    labelClass: "govuk-label--s",
    hint: STATUS_FILTERS.filter((s) => s.hint)
      .map((s) => `${s.label}: ${s.hint?.toLowerCase()}.`)
      .join(" "),
    groups: [
      { options: STATUS_FILTERS.filter((s) => s.hint || !s.value).map(statusOption) },
      { label: "One status", options: STATUS_FILTERS.filter((s) => s.value && !s.hint).map(statusOption) },
    ],
    value: f.status || "all",
  });
  const only = checkboxes({
    id: "only",
    legend: "Show only",
    legendClass: "govuk-fieldset__legend--s",
    options: [
      { value: "flagged", label: "Flagged referrals", hint: "At least one eligibility flag" },
      {
        value: "overdue",
        label: "Overdue for an answer",
        hint: "Past the respond-by date, most overdue first. A referral waiting for the referrer's answer is not overdue: the wait is theirs",
      },
    ],
    values: [f.flagged ? "flagged" : null, f.overdue ? "overdue" : null].filter(
      (v): v is "flagged" | "overdue" => v !== null,
    ),
  });
  const sort = radios({
    id: "sort",
    legend: "Sort by",
    legendClass: "govuk-fieldset__legend--s",
    options: [
      { value: "received", label: "Date received, newest first" },
      { value: "waiting", label: "Time waiting, longest first" },
      { value: "priority", label: "Priority, then time waiting" },
    ],
    value: f.sort,
  });
  const el = form(
    "/workspace/referrals",
    h(
      "div",
      { class: "govuk-grid-row" },
      h("div", { class: "govuk-grid-column-one-third" }, status.group),
      h("div", { class: "govuk-grid-column-one-third" }, only.group),
      h("div", { class: "govuk-grid-column-one-third" }, sort.group),
    ),
    submitButton("Show referrals", "secondary"),
  );
  onSubmit(el, async () => {
    const picked = status.value();
    const ticked = only.values();
    await onApply({
      status: picked === "all" ? "" : (picked as ListFilters["status"]),
      flagged: ticked.includes("flagged"),
      overdue: ticked.includes("overdue"),
      sort: sort.value() ?? "received",
      cursor: null,
    });
  });
  // Links from the error summary: "flagged" and "overdue" live in one group of checkboxes.
  const flaggedField: Field = { id: "only", group: only.group, setError: only.setError };
  const overdueField: Field = { id: "only-2", group: only.group, setError: () => {} };
  return { form: el, fields: { status, flagged: flaggedField, overdue: overdueField, sort } };
}

/**
 * The filters folded into a GOV.UK details, so the first referral is above the fold on a laptop: open
 * when a filter (or a sort other than the default) is in force, or when the address asks for a
 * combination the page must explain, so what shapes the list and its error summary's links are in view.
 */
function filterDetails(filtersForm: HTMLFormElement, open: boolean): HTMLElement {
  return h(
    "details",
    { class: "govuk-details", id: "referral-filters", open },
    h(
      "summary",
      { class: "govuk-details__summary" },
      h("span", { class: "govuk-details__summary-text" }, "Filter referrals"),
    ),
    h("div", { class: "govuk-details__text" }, filtersForm),
  );
}

/** A referrer on the phone quotes a reference: go straight to it, forgiving case, spaces and O for 0. */
function findForm(summary: HTMLElement): HTMLFormElement {
  const reference = textField({
    id: "find-reference",
    label: "Find a referral by its reference",
    hint: "As the referrer quotes it, like RIV-7K3M9QXD",
    autocomplete: "off",
    spellcheck: false,
    widthClass: "govuk-input--width-10",
    labelClass: "govuk-label--s",
  });
  // The button beside the box, not below it, and no heading of its own: with the filters folded, the
  // first referral stays above the fold on a laptop (issue 19, item 17).
  const el = form(
    "/workspace/referrals",
    h("div", { class: "tandem-inline-find" }, reference.group, submitButton("Find", "secondary")),
  );
  onSubmit(el, async () => {
    const found = parseReferralReference(reference.input.value);
    if (found) return navigate(`/workspace/referrals/${encodeURIComponent(found)}`);
    showProblems(summary, TITLE, { reference }, [
      { key: "reference", message: "Enter the reference as the referrer gives it, like RIV-7K3M9QXD" },
    ]);
  });
  return el;
}

export async function referralsPage(ctx: RouteContext): Promise<void> {
  const entered = await enterReferrals(ctx, TITLE);
  if (!entered) return;
  const filters = filtersFrom(new URLSearchParams(location.search));
  const summary = h("div");
  const { form: filtersForm, fields } = filterForm(filters, async (next) => {
    const problems = filterProblems(next);
    if (problems.length > 0) return showProblems(summary, TITLE, fields, problems);
    navigate(`/workspace/referrals${filtersSearch(next)}`);
  });
  const problems = filterProblems(filters);
  let page: ReferralPage | null = null;
  let failure: string | null = null;
  if (problems.length === 0) {
    try {
      page = await referrals(apiQuery(filters));
    } catch (error) {
      if (!ctx.isCurrent()) return;
      if (!(error instanceof ApiError) || error.status !== 400) {
        failurePage(error);
        return;
      }
      failure = error.message;
    }
  }
  if (!ctx.isCurrent()) return;
  const results = page
    ? page.items.length === 0
      ? h("p", { class: "govuk-body" }, "No referrals match these filters.")
      : scrollBox(
          "Referrals",
          table({
            caption: `${page.items.length} ${page.items.length === 1 ? "referral" : "referrals"} on this page`,
            captionClass: "govuk-table__caption--s",
            head: ["Reference", "Child", "Status", "Flags", "Priority", "Waiting", "Respond by"],
            rows: page.items.map(row),
            numericColumns: [4],
          }),
        )
    : null;
  const next = page?.cursor ? `/workspace/referrals${filtersSearch({ ...filters, cursor: page.cursor })}` : null;
  showPage(
    TITLE,
    takeFlashBanner(),
    referralsNav(entered.canAct),
    summary,
    h("span", { class: "govuk-caption-l" }, entered.tenant.name),
    h("h1", { class: "govuk-heading-l" }, TITLE),
    h(
      "p",
      { class: "govuk-body" },
      "Referrals appear here once the referrer has confirmed their e-mail address. Flags show where a referral does not meet the scheme's rules as answered: you decide.",
    ),
    findForm(summary),
    filterDetails(filtersForm, filtersSearch(filters, false) !== "" || problems.length > 0),
    failure ? h("p", { class: "govuk-body" }, failure) : null,
    results,
    next || filters.cursor
      ? h(
          "nav",
          { class: "govuk-body", "aria-label": "Pages of referrals" },
          filters.cursor
            ? h(
                "a",
                {
                  href: `/workspace/referrals${filtersSearch(filters, false)}`,
                  class: "govuk-link govuk-!-margin-right-4",
                },
                "First page",
              )
            : null,
          next ? h("a", { href: next, class: "govuk-link" }, "Next page") : null,
        )
      : null,
  );
  if (problems.length > 0) showProblems(summary, TITLE, fields, problems);
}
