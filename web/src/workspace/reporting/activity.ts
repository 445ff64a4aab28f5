/**
 * The dashboard's matches, visits, money and concerns sections (issue 16): each figure with its
 * trend, a chart with its text summary and table, and the tables to download. A coordinator sees
 * their own caseload here; the page says so.
 */
import type { Dashboard, DashboardQuery, Figure, ReportTable } from "../../api/reporting";
import { summaryList, table } from "../../components";
import { h } from "../../dom";
import { chart } from "./chart";
import { monthName, pounds, valueText } from "./words";

type Unit = "" | "%" | " days" | " hours" | "£";
type Download = (name: ReportTable, label: string, q: DashboardQuery, status: HTMLElement) => HTMLElement;

function figureRow(key: string, f: Figure, unit: Unit = "") {
  return {
    key,
    value: h(
      "span",
      {},
      h("strong", {}, valueText(f, unit)),
      f.value === null ? null : h("span", { class: "govuk-body-s tandem-trend" }, f.words),
    ),
  };
}

const words = (s: string) => s.replace(/_/g, " ");
const noData = (what: string) => h("p", { class: "govuk-body" }, what);

function section(id: string, title: string, ...children: (HTMLElement | null)[]): HTMLElement {
  return h(
    "section",
    { class: "tandem-report-section", "aria-labelledby": id },
    h("h2", { class: "govuk-heading-m", id }, title),
    ...children,
  );
}

export function matchesSection(d: Dashboard, q: DashboardQuery, status: HTMLElement, download: Download) {
  const m = d.matches;
  const active = m.monthly.map((x) => ({ label: monthName(x.month, true), value: x.active }));
  const started = m.monthly.reduce((a, x) => a + x.started, 0);
  const ended = m.monthly.reduce((a, x) => a + x.ended, 0);
  return section(
    "matches",
    "Matches",
    summaryList([
      figureRow("Active at the end of the period", m.active),
      figureRow("Started", m.started),
      figureRow("Ended", m.ended),
      figureRow("Median length of the matches that ended", m.medianLengthDays, " days"),
      {
        key: "Health of the active matches now",
        value: m.health
          ? `${m.health.onTrack} on track, ${m.health.needsCheckIn} need a check-in, ${m.health.atRisk} at risk`
          : "No data yet",
      },
      { key: "Reviews overdue now", value: m.reviewsOverdue === null ? "No data yet" : String(m.reviewsOverdue) },
      {
        key: "Volunteers' supervision overdue now",
        value: m.supervisionOverdue === null ? "No data yet" : String(m.supervisionOverdue),
      },
    ]),
    m.active.value === null
      ? null
      : chart({
          id: "chart-matches",
          title: "Matches active each month",
          kind: "line",
          series: active,
          valueName: "Matches active at some time in the month",
          summary: `${started} started and ${ended} ended over ${active.length} ${active.length === 1 ? "month" : "months"}; ${active.at(-1)?.value ?? 0} active in ${active.at(-1)?.label ?? "the last month"}.`,
        }),
    download("matches-by-month", "matches by month", q, status),
    m.endingsByReason.length > 0
      ? table({
          caption: "Why matches ended",
          head: ["Reason", "Matches"],
          rows: m.endingsByReason.map((e) => [words(e.reason), String(e.count)]),
          numericColumns: [1],
        })
      : noData(m.ended.value === null ? "No data yet on endings." : "No match ended in the period."),
    download("endings-by-reason", "endings by reason", q, status),
    h(
      "p",
      { class: "govuk-body-s" },
      "Health counts each active match's visits, reviews, supervision and unacknowledged concerns today; feedback and review outcomes are not included here.",
    ),
  );
}

export function visitsSection(d: Dashboard, q: DashboardQuery, status: HTMLElement, download: Download) {
  const v = d.visits;
  const series = v.monthly.map((x) => ({ label: monthName(x.month, true), value: x.visits }));
  return section(
    "visits",
    "Visits",
    summaryList([
      { key: "The council's minimum", value: `${words(v.minimumFrequency)}: at least ${v.requiredPerMonth} a month` },
      figureRow("Visits recorded", v.visits),
      figureRow("Visits per active match per month", v.perMatchPerMonth),
      figureRow("Match-months with at least the minimum", v.atMinimumPercent, "%"),
    ]),
    v.visits.value === null
      ? null
      : chart({
          id: "chart-visits",
          title: "Visits recorded each month",
          kind: "bar",
          series,
          valueName: "Visits recorded",
          summary: v.monthly
            .map(
              (x) =>
                `${monthName(x.month)}: ${x.visits} visits, ${x.matchesAtMinimum} of ${x.matchesActive} matches at the minimum`,
            )
            .join("; ")
            .concat("."),
        }),
    download("visits-by-month", "visits by month", q, status),
  );
}

export function moneySection(d: Dashboard, q: DashboardQuery, status: HTMLElement, download: Download) {
  const m = d.money;
  return section(
    "money",
    "Money",
    summaryList([
      {
        key: "Budget per match",
        value: m.monthlyBudgetPence === null ? "No monthly budget set" : `${pounds(m.monthlyBudgetPence)} a month`,
      },
      figureRow("Spent (claims not rejected)", m.spentPence, "£"),
      figureRow("Budget for the matches active in the period", m.budgetPence, "£"),
      figureRow("Spent of the budget", m.spentOfBudgetPercent, "%"),
      figureRow("Paid", m.paidPence, "£"),
      { key: "Claims waiting now", value: m.waitingCount === null ? "No data yet" : String(m.waitingCount) },
    ]),
    m.perMatch.length > 0
      ? table({
          caption: "Spend per match",
          head: ["Match", "Claims", "Spent", "Budget for the period"],
          rows: m.perMatch.map((x) => [
            x.matchId.slice(0, 8),
            String(x.claims),
            pounds(x.pence),
            x.budgetPence === null ? "–" : pounds(x.budgetPence),
          ]),
          numericColumns: [1, 2, 3],
        })
      : noData(m.spentPence.value === null ? "No data yet on spending." : "No claim in the period."),
    download("spend-by-match", "spend by match", q, status),
    m.waiting.length > 0
      ? table({
          caption: "Claims waiting now",
          head: ["Waiting for", "Claims", "Amount", "Oldest submitted"],
          rows: m.waiting.map((w) => [words(w.status), String(w.count), pounds(w.pence), w.oldest ?? "–"]),
          numericColumns: [1, 2],
        })
      : noData(m.waitingCount === null ? "No data yet on claims." : "No claim is waiting."),
    download("claims-waiting", "claims waiting", q, status),
  );
}

export function concernsSection(d: Dashboard, q: DashboardQuery, status: HTMLElement, download: Download) {
  const c = d.concerns;
  const series = c.byType.map((t) => ({ label: words(t.type), value: t.count }));
  return section(
    "concerns",
    "Concerns",
    summaryList([
      figureRow("Concerns raised", c.raised),
      figureRow("Acknowledged", c.acknowledged),
      figureRow("Median time to acknowledge (at most)", c.medianHoursToAcknowledge, " hours"),
      {
        key: "Waiting for acknowledgement now",
        value: c.waitingAcknowledgement === null ? "No data yet" : String(c.waitingAcknowledgement),
      },
    ]),
    series.length > 0
      ? chart({
          id: "chart-concerns",
          title: "Concerns raised, by type",
          kind: "bar",
          series,
          valueName: "Concerns",
          summary: series
            .map((s) => `${s.value} ${s.label}`)
            .join(", ")
            .concat("."),
        })
      : noData(c.raised.value === null ? "No data yet on concerns." : "No concern was raised in the period."),
    download("concerns-by-type", "concerns by type", q, status),
    h(
      "p",
      { class: "govuk-body-s" },
      "Times to acknowledge are counted to the next quarter hour within 4 hours, the next hour within 2 days, the next day beyond: the median is at most the figure shown.",
    ),
  );
}
