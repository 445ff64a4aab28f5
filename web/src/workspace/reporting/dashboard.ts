/**
 * The manager's dashboard (issue 16): a period chosen on the page, then coverage, waiting and
 * recruitment, each figure with its trend in words, charts with their tables, CSV downloads, and a
 * print stylesheet that turns it into the quarterly report for the Corporate Parenting Board.
 */
import { ApiError } from "../../api/client";
import {
  type Dashboard,
  type DashboardQuery,
  dashboard,
  type Figure,
  type ReportTable,
  reportTableCsv,
} from "../../api/reporting";
import { areas } from "../../areas";
import { formatDate, insetText, summaryList, table } from "../../components";
import { dateInput } from "../../date-input";
import { h } from "../../dom";
import { saveFile } from "../../download";
import { form, onSubmit, radios, showErrorSummary, showProblems, submitButton } from "../../forms";
import { problemPage, showPage } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { enterArea } from "../shell";
import { STAGE_NAMES } from "../volunteers/labels";
import { concernsSection, matchesSection, moneySection, visitsSection } from "./activity";
import { chart } from "./chart";
import { monthName, valueText } from "./words";

const TITLE = "Reporting";
type Kind = DashboardQuery["period"] & string;

function queryFromAddress(): DashboardQuery {
  const p = new URLSearchParams(location.search);
  const kind = p.get("period");
  return {
    period: kind === "quarter" || kind === "year" || kind === "custom" ? kind : "month",
    from: p.get("from") ?? undefined,
    to: p.get("to") ?? undefined,
  };
}

const address = (q: DashboardQuery) => {
  const p = new URLSearchParams({ period: q.period ?? "month" });
  if (q.from) p.set("from", q.from);
  if (q.to) p.set("to", q.to);
  return `/workspace/reporting?${p}`;
};

function figureRow(key: string, f: Figure, unit: "" | "%" | " days" = "") {
  return {
    key,
    value: h(
      "span",
      {},
      h("strong", {}, valueText(f, unit)),
      // "No data yet" once, not as the value and again as the trend.
      f.value === null ? null : h("span", { class: "govuk-body-s tandem-trend" }, f.words),
    ),
  };
}

function downloadButton(name: ReportTable, label: string, q: DashboardQuery, status: HTMLElement) {
  const button = h(
    "button",
    { type: "button", class: "govuk-button govuk-button--secondary tandem-no-print" },
    `Download ${label} (CSV)`,
  );
  button.addEventListener("click", async () => {
    status.textContent = "Preparing the download…";
    try {
      const file = await reportTableCsv(name, q);
      saveFile(file.blob, file.filename ?? `${name}.csv`);
      status.textContent = "Downloaded. The download is recorded in the audit trail.";
    } catch (error) {
      status.textContent = error instanceof ApiError ? error.message : "The download failed. Try again";
    }
  });
  return button;
}

function periodForm(q: DashboardQuery, summary: HTMLElement): HTMLFormElement {
  const kind = radios<Kind>({
    id: "period",
    legend: "Period",
    legendClass: "govuk-fieldset__legend--s",
    inline: true,
    value: q.period ?? "month",
    options: [
      { value: "month", label: "Month" },
      { value: "quarter", label: "Quarter" },
      { value: "year", label: "Financial year" },
      { value: "custom", label: "Custom" },
    ],
  });
  const from = dateInput({
    id: "from",
    legend: "A day in the period, or the first day of a custom period",
    hint: "For example, 27 3 2026. Leave it empty for the period that includes today.",
    what: "the day",
    ...(q.from ? { value: q.from } : {}),
  });
  const to = dateInput({
    id: "to",
    legend: "Last day (custom period only)",
    hint: "For example, 30 6 2026",
    what: "the last day",
    ...(q.to ? { value: q.to } : {}),
  });
  const f = form(
    "/workspace/reporting",
    kind.group,
    from.group,
    to.group,
    submitButton("Show the figures", "secondary"),
  );
  f.classList.add("tandem-no-print");
  onSubmit(f, async () => {
    const chosen = kind.value() ?? "month";
    const empty = (id: string) =>
      ["day", "month", "year"].every((p) => !(document.getElementById(`${id}-${p}`) as HTMLInputElement | null)?.value);
    const fromRead = empty("from") ? null : from.read();
    const toRead = chosen === "custom" ? to.read() : null;
    const problems = [
      fromRead && !fromRead.ok ? { key: "from", message: fromRead.message } : null,
      chosen === "custom" && !fromRead ? { key: "from", message: "Enter the first day of the custom period" } : null,
      toRead && !toRead.ok ? { key: "to", message: toRead.message } : null,
    ].filter((p) => p !== null);
    if (problems.length > 0) {
      showProblems(summary, TITLE, { from, to }, problems);
      return;
    }
    navigate(
      address({
        period: chosen,
        from: fromRead?.ok ? fromRead.iso : undefined,
        to: toRead?.ok ? toRead.iso : undefined,
      }),
    );
  });
  return f;
}

/** The coverage section's links to the council's own reporting pages, in the order they are shown. */
const COUNCIL_LINKS = [
  ["/workspace/reporting/looked-after", "Record the looked-after count for a month"],
  ["/workspace/reporting/never-offered", "Children never offered a visitor"],
  ["/workspace/reporting/benchmark", "Compare with other councils"],
] as const;

function coverageSection(d: Dashboard): HTMLElement {
  const c = d.coverage;
  const lac = c.lookedAfter;
  return h(
    "section",
    { class: "tandem-report-section", "aria-labelledby": "coverage" },
    h("h2", { class: "govuk-heading-m", id: "coverage" }, "Coverage"),
    summaryList([
      {
        key: "Looked-after children",
        value: lac
          ? `${lac.count.toLocaleString("en-GB")} in ${monthName(lac.month)} (source: ${lac.source}; recorded by ${lac.recordedBy} on ${formatDate(lac.recordedOn)})`
          : "Not recorded for this period",
      },
      figureRow("Children with an active visitor", c.childrenWithVisitor),
      figureRow(`Share with a visitor (target ${c.targetPercent}%)`, c.coveragePercent, "%"),
      figureRow("Referrals as a share of looked-after children", c.referralsPercent, "%"),
    ]),
    // Managers and tenant admins (the council's scope) record the count, list the children never offered a
    // visitor and compare the council with others; a coordinator's page has no link they cannot follow.
    ...(d.scope.kind === "council"
      ? COUNCIL_LINKS.map(([href, text]) =>
          h("p", { class: "govuk-body tandem-no-print" }, h("a", { href, class: "govuk-link" }, text)),
        )
      : []),
    h(
      "p",
      { class: "govuk-body-s" },
      `The ${c.targetPercent}% target is the national Independent Visitor campaign's, for every council.`,
    ),
  );
}

function waitingSection(d: Dashboard, q: DashboardQuery, status: HTMLElement): HTMLElement {
  const w = d.waiting;
  const monthly = w.monthly.map((m) => ({ label: monthName(m.month, true), value: m.received }));
  const levels = w.monthly.map((m) => ({ label: monthName(m.month, true), value: m.waitingAtEnd }));
  const total = monthly.reduce((a, b) => a + b.value, 0);
  return h(
    "section",
    { class: "tandem-report-section", "aria-labelledby": "waiting" },
    h("h2", { class: "govuk-heading-m", id: "waiting" }, "Waiting"),
    summaryList([
      figureRow("Children waiting at the end of the period", w.waiting),
      figureRow("Median wait", w.medianDays, " days"),
      figureRow("Longest wait", w.longestDays, " days"),
      figureRow("Referrals received", w.received),
      figureRow("Decisions made", w.decisions),
      figureRow(
        `Decided within ${w.respondWithinWorkingDays} working days (the council's response time)`,
        w.decidedOnTime,
      ),
      figureRow("Decided later than that", w.decidedLate),
      figureRow("Median time from referral to decision", w.decisionMedianDays, " days"),
      figureRow("Children matched", w.matched),
      figureRow("Median time from referral to match", w.referralToMatchMedianDays, " days"),
    ]),
    chart({
      id: "chart-received",
      title: "Referrals received each month",
      kind: "bar",
      series: monthly,
      valueName: "Referrals received",
      summary: `${total} referrals received over ${monthly.length} ${monthly.length === 1 ? "month" : "months"}${
        monthly.length > 1 ? `, most in ${[...monthly].sort((a, b) => b.value - a.value)[0]?.label}` : ""
      }.`,
    }),
    chart({
      id: "chart-waiting",
      title: "Children waiting at the end of each month",
      kind: "line",
      series: levels,
      valueName: "Children waiting",
      summary:
        levels.length > 1
          ? `${levels[0]?.value} waiting at the end of ${levels[0]?.label}, ${levels.at(-1)?.value} at the end of ${levels.at(-1)?.label}.`
          : `${levels[0]?.value ?? 0} waiting at the end of ${levels[0]?.label ?? "the period"}.`,
    }),
    downloadButton("waiting-by-month", "waiting by month", q, status),
    w.byGroup.length > 0
      ? table({
          caption: "Children waiting, by group",
          head: ["Group", "Value", "Waiting", "Median wait (days)", "Longest wait (days)"],
          rows: w.byGroup.map((g) => [
            g.dimensionLabel,
            g.group,
            String(g.count),
            String(g.medianDays ?? "–"),
            String(g.longestDays ?? "–"),
          ]),
          numericColumns: [2, 3, 4],
        })
      : h("p", { class: "govuk-body" }, "No child was waiting at the end of the period."),
    downloadButton("waiting-by-group", "waiting by group", q, status),
  );
}

function recruitmentSection(d: Dashboard, q: DashboardQuery, status: HTMLElement): HTMLElement {
  const r = d.recruitment;
  const stageName = (s: string) => STAGE_NAMES[s as keyof typeof STAGE_NAMES] ?? s.replace(/_/g, " ");
  return h(
    "section",
    { class: "tandem-report-section", "aria-labelledby": "recruitment" },
    h("h2", { class: "govuk-heading-m", id: "recruitment" }, "Recruitment"),
    summaryList([
      figureRow("Enquiries and applications", r.applied),
      figureRow("Volunteers approved", r.approved),
      figureRow("Approvals for every 100 enquiries and applications", r.conversionPercent, "%"),
      figureRow("Not approved", r.notApproved),
      figureRow("Withdrew", r.withdrawn),
    ]),
    r.steps.length > 0
      ? table({
          caption: "Volunteers in each step now",
          head: ["Step", "Volunteers", "Median days in the step"],
          rows: r.steps.map((s) => [stageName(s.stage), String(s.count), String(s.medianDays ?? "–")]),
          numericColumns: [1, 2],
        })
      : h("p", { class: "govuk-body" }, "No volunteer is in a step now."),
    downloadButton("volunteer-steps", "volunteers by step", q, status),
    r.withdrawalReasons.length > 0
      ? table({
          caption: "Why volunteers withdrew",
          head: ["Reason", "Volunteers"],
          rows: r.withdrawalReasons.map((w) => [w.reason, String(w.count)]),
          numericColumns: [1],
        })
      : h("p", { class: "govuk-body" }, "No volunteer withdrew in the period."),
    downloadButton("withdrawal-reasons", "withdrawal reasons", q, status),
    table({
      caption: "Approved volunteers' checks and training running out",
      head: ["What", "Within 30 days", "Within 60 days", "Within 90 days"],
      rows: [
        ["Checks", ...[r.checksExpiring.within30, r.checksExpiring.within60, r.checksExpiring.within90].map(String)],
        [
          "Training",
          ...[r.trainingExpiring.within30, r.trainingExpiring.within60, r.trainingExpiring.within90].map(String),
        ],
      ],
      numericColumns: [1, 2, 3],
    }),
  );
}

// Closed "Show the table" sections would not print: the report opens them first.
addEventListener("beforeprint", () => {
  for (const d of document.querySelectorAll<HTMLDetailsElement>(".tandem-chart__table")) d.open = true;
});

export async function reportingPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.reporting);
  if (!entered) return;
  const q = queryFromAddress();
  const summary = h("div");
  let d: Dashboard;
  try {
    d = await dashboard(q);
  } catch (error) {
    if (!ctx.isCurrent()) return;
    if (error instanceof ApiError && error.status === 400) {
      const f = periodForm(q, summary);
      showPage(TITLE, summary, h("h1", { class: "govuk-heading-l" }, TITLE), f);
      showErrorSummary(summary, [
        { target: error.fields[0]?.path === "to" ? "to-day" : "from-day", message: error.message },
      ]);
      return;
    }
    problemPage(error instanceof ApiError ? error.message : "Try again later.");
    return;
  }
  if (!ctx.isCurrent()) return;
  const status = h("p", { class: "govuk-body tandem-no-print", role: "status" });
  const print = h("button", { type: "button", class: "govuk-button govuk-button--secondary" }, "Print or save as PDF");
  print.addEventListener("click", () => print.ownerDocument.defaultView?.print());
  showPage(
    `${TITLE}: ${d.period.label}`,
    summary,
    h(
      "div",
      { class: "tandem-report-cover" },
      h("span", { class: "govuk-caption-l" }, entered.tenant.name),
      h("h1", { class: "govuk-heading-l" }, `${TITLE}: ${d.period.label}`),
      h(
        "p",
        { class: "govuk-body" },
        `From ${formatDate(d.period.from)} to ${formatDate(d.period.countedTo)}`,
        d.period.countedTo < d.period.to ? " (the period is not over yet)" : "",
        `, compared with ${d.previous.label}.`,
      ),
      h(
        "p",
        { class: "govuk-body tandem-print-only" },
        "Independent Visitor scheme: report to the Corporate Parenting Board.",
      ),
    ),
    d.scope.kind === "caseload" ? insetText(d.scope.words) : null,
    periodForm(q, summary),
    print,
    status,
    coverageSection(d),
    waitingSection(d, q, status),
    recruitmentSection(d, q, status),
    matchesSection(d, q, status, downloadButton),
    visitsSection(d, q, status, downloadButton),
    moneySection(d, q, status, downloadButton),
    concernsSection(d, q, status, downloadButton),
    h("p", { class: "govuk-body" }, downloadButton("figures", "every figure", q, status)),
  );
}
