import type { Dashboard } from "./dashboard.js";
import type { Figure } from "./trend.js";

/**
 * The dashboard's tables as rows of cells, first row the headings: what the page shows under
 * "Show the table" and what each CSV download holds, so the two never disagree.
 */
/** Pence as pounds with two decimals, as finance reads them. */
export const pounds = (pence: number) => (pence / 100).toFixed(2);

export type Row = (string | number | null)[];

const FIGURE_HEADINGS: Row = ["Section", "Figure", "This period", "Previous period", "Trend"];

function figureRows(d: Dashboard): Row[] {
  const row = (section: string, name: string, f: Figure): Row => [section, name, f.value, f.previous, f.words];
  const w = d.waiting;
  const r = d.recruitment;
  const c = d.coverage;
  return [
    row("Coverage", "Children with an active visitor", c.childrenWithVisitor),
    row("Coverage", "Looked-after children with a visitor (%)", c.coveragePercent),
    row("Coverage", "Referrals as a share of looked-after children (%)", c.referralsPercent),
    row("Waiting", "Children waiting at the end of the period", w.waiting),
    row("Waiting", "Median wait (days)", w.medianDays),
    row("Waiting", "Longest wait (days)", w.longestDays),
    row("Waiting", "Referrals received", w.received),
    row("Waiting", "Decisions made", w.decisions),
    row("Waiting", "Decisions within the response time", w.decidedOnTime),
    row("Waiting", "Decisions after the response time", w.decidedLate),
    row("Waiting", "Median days from referral to decision", w.decisionMedianDays),
    row("Waiting", "Children matched", w.matched),
    row("Waiting", "Median days from referral to match", w.referralToMatchMedianDays),
    row("Recruitment", "Enquiries and applications", r.applied),
    row("Recruitment", "Volunteers approved", r.approved),
    row("Recruitment", "Approvals per 100 enquiries and applications", r.conversionPercent),
    row("Recruitment", "Not approved", r.notApproved),
    row("Recruitment", "Withdrew", r.withdrawn),
    row("Matches", "Active at the end of the period", d.matches.active),
    row("Matches", "Started", d.matches.started),
    row("Matches", "Ended", d.matches.ended),
    row("Matches", "Median length of the matches that ended (days)", d.matches.medianLengthDays),
    row("Visits", "Visits recorded", d.visits.visits),
    row("Visits", "Visits per active match per month", d.visits.perMatchPerMonth),
    row("Visits", "Match-months at the council's minimum (%)", d.visits.atMinimumPercent),
    row("Money", "Spent (pence)", d.money.spentPence),
    row("Money", "Budget (pence)", d.money.budgetPence),
    row("Money", "Spent of the budget (%)", d.money.spentOfBudgetPercent),
    row("Money", "Paid (pence)", d.money.paidPence),
    row("Concerns", "Concerns raised", d.concerns.raised),
    row("Concerns", "Concerns acknowledged", d.concerns.acknowledged),
    row("Concerns", "Median time to acknowledge (hours, at most)", d.concerns.medianHoursToAcknowledge),
  ];
}

export const REPORT_TABLES = {
  figures: { title: "Every figure with its trend", rows: (d: Dashboard) => [FIGURE_HEADINGS, ...figureRows(d)] },
  "waiting-by-group": {
    title: "Children waiting, by group",
    rows: (d: Dashboard): Row[] => [
      ["Group", "Value", "Waiting", "Median wait (days)", "Longest wait (days)"],
      ...d.waiting.byGroup.map((g) => [g.dimensionLabel, g.group, g.count, g.medianDays, g.longestDays]),
    ],
  },
  "waiting-by-month": {
    title: "Referrals received and children waiting, by month",
    rows: (d: Dashboard): Row[] => [
      ["Month", "Referrals received", "Waiting at the end of the month"],
      ...d.waiting.monthly.map((m) => [m.month, m.received, m.waitingAtEnd]),
    ],
  },
  "volunteer-steps": {
    title: "Volunteers in each step now",
    rows: (d: Dashboard): Row[] => [
      ["Step", "Volunteers", "Median days in the step"],
      ...d.recruitment.steps.map((s) => [s.stage.replace(/_/g, " "), s.count, s.medianDays]),
    ],
  },
  "withdrawal-reasons": {
    title: "Why volunteers withdrew",
    rows: (d: Dashboard): Row[] => [
      ["Reason", "Volunteers"],
      ...d.recruitment.withdrawalReasons.map((w) => [w.reason, w.count]),
    ],
  },
  "matches-by-month": {
    title: "Matches active, started and ended, by month",
    rows: (d: Dashboard): Row[] => [
      ["Month", "Active at some time", "Started", "Ended"],
      ...d.matches.monthly.map((m) => [m.month, m.active, m.started, m.ended]),
    ],
  },
  "endings-by-reason": {
    title: "Why matches ended",
    rows: (d: Dashboard): Row[] => [
      ["Reason", "Matches"],
      ...d.matches.endingsByReason.map((e) => [e.reason.replace(/_/g, " "), e.count]),
    ],
  },
  "visits-by-month": {
    title: "Visits by month against the council's minimum",
    rows: (d: Dashboard): Row[] => [
      ["Month", "Visits recorded", "Matches active", `Matches visited at least ${d.visits.requiredPerMonth} times`],
      ...d.visits.monthly.map((m) => [m.month, m.visits, m.matchesActive, m.matchesAtMinimum]),
    ],
  },
  "spend-by-match": {
    title: "Spend per match against its budget",
    rows: (d: Dashboard): Row[] => [
      ["Match", "Claims", "Spent (£)", "Budget (£)"],
      ...d.money.perMatch.map((m) => [
        m.matchId,
        m.claims,
        pounds(m.pence),
        m.budgetPence === null ? null : pounds(m.budgetPence),
      ]),
    ],
  },
  "claims-waiting": {
    title: "Claims waiting now",
    rows: (d: Dashboard): Row[] => [
      ["Waiting for", "Claims", "Amount (£)", "Oldest submitted"],
      ...d.money.waiting.map((w) => [w.status.replace(/_/g, " "), w.count, pounds(w.pence), w.oldest]),
    ],
  },
  "concerns-by-type": {
    title: "Concerns raised, by type",
    rows: (d: Dashboard): Row[] => [
      ["Type", "Concerns"],
      ...d.concerns.byType.map((c) => [c.type.replace(/_/g, " "), c.count]),
    ],
  },
} as const satisfies Record<string, { title: string; rows: (d: Dashboard) => Row[] }>;
export type ReportTableName = keyof typeof REPORT_TABLES;
