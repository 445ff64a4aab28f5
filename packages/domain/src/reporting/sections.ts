import * as z from "zod";
import { addDays } from "../calendar/iso-date.js";
import { type MatchHealth, matchHealth } from "../health/health.js";
import type { TenantPolicy } from "../tenants/policy.js";
import { acknowledgementBucket, concernFlows, unacknowledgedNow } from "./concerns.js";
import { type Counters, OPEN } from "./counters.js";
import { countOf, type Histogram, median } from "./distribution.js";
import {
  activeBetween,
  activeMatchesNow,
  activeOn,
  matchFlows,
  VISITS_A_MONTH_AT_MINIMUM,
  visitMonth,
} from "./matches.js";
import { claimsWaiting, paidBetween, spendIn } from "./money.js";
import { monthsOf, type Period } from "./periods.js";
import { figure, percent } from "./trend.js";

/**
 * The dashboard's matches, visits, money and concerns sections (issue 16), from their summary
 * buckets, plus what stands now (health, reviews and supervision overdue) worked out on read from the
 * active matches' own schedule entries. A section whose group holds nothing for the months read says
 * "No data yet" (null) rather than zero.
 */

const FigureSchema = z.object({
  value: z.number().nullable(),
  previous: z.number().nullable(),
  direction: z.enum(["up", "down", "same", "no_data"]),
  words: z.string(),
});

export const MatchesSection = z.object({
  active: FigureSchema,
  started: FigureSchema,
  ended: FigureSchema,
  medianLengthDays: FigureSchema,
  endingsByReason: z.array(z.object({ reason: z.string(), count: z.number() })),
  /** Active matches' health now (null: no data yet). */
  health: z.object({ onTrack: z.number(), needsCheckIn: z.number(), atRisk: z.number() }).nullable(),
  reviewsOverdue: z.number().nullable(),
  supervisionOverdue: z.number().nullable(),
  monthly: z.array(z.object({ month: z.string(), active: z.number(), started: z.number(), ended: z.number() })),
});

export const VisitsSection = z.object({
  minimumFrequency: z.string(),
  requiredPerMonth: z.number(),
  visits: FigureSchema,
  perMatchPerMonth: FigureSchema,
  atMinimumPercent: FigureSchema,
  monthly: z.array(
    z.object({ month: z.string(), visits: z.number(), matchesActive: z.number(), matchesAtMinimum: z.number() }),
  ),
});

export const MoneySection = z.object({
  /** The council's monthly budget per match, in pence (null: none set). */
  monthlyBudgetPence: z.number().nullable(),
  spentPence: FigureSchema,
  budgetPence: FigureSchema,
  spentOfBudgetPercent: FigureSchema,
  paidPence: FigureSchema,
  perMatch: z.array(
    z.object({ matchId: z.string(), claims: z.number(), pence: z.number(), budgetPence: z.number().nullable() }),
  ),
  waiting: z.array(
    z.object({ status: z.string(), count: z.number(), pence: z.number(), oldest: z.string().nullable() }),
  ),
  waitingCount: z.number().nullable(),
});

export const ConcernsSection = z.object({
  raised: FigureSchema,
  byType: z.array(z.object({ type: z.string(), count: z.number() })),
  acknowledged: FigureSchema,
  medianHoursToAcknowledge: FigureSchema,
  acknowledgementTimes: z.array(z.object({ withinMinutes: z.number(), count: z.number() })),
  waitingAcknowledgement: z.number().nullable(),
});

/** What stands now for each active match, read on request from its schedule entries and visit summary. */
export interface ActiveMatchState {
  matchId: string;
  volunteerId: string;
  activatedOn: string;
  lastVisitOn: string | null;
  reviewDueOn: string | null;
  supervisionDueOn: string | null;
}

export interface SectionsInput {
  period: Period;
  previous: Period;
  end: string;
  prevEnd: string;
  today: string;
  policy: TenantPolicy;
  matches: ReadonlyMap<string, Counters>;
  visits: ReadonlyMap<string, Counters>;
  money: ReadonlyMap<string, Counters>;
  concerns: ReadonlyMap<string, Counters>;
  /** The active matches' schedule and visit state now (one entry per active match of the scope). */
  activeStates: readonly ActiveMatchState[];
}

const hasData = (b: ReadonlyMap<string, Counters>) =>
  [...b.values()].some((c) => Object.values(c).some((v) => v !== 0));
const orNull = (ok: boolean, v: number | null) => (ok ? v : null);
const sumOf = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
/** The last day of a month: the day before the first of the next (the 28th plus 4 days is always in the next month). */
const lastDayOf = (month: string) => addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);

/** A month's first and last counted days within [from, to]. */
function monthSpan(month: string, from: string, to: string): [string, string] {
  const first = `${month}-01` < from ? from : `${month}-01`;
  const last = lastDayOf(month) > to ? to : lastDayOf(month);
  return [first, last];
}

export function matchesSection(i: SectionsInput): z.output<typeof MatchesSection> {
  const ok = hasData(i.matches);
  const now = matchFlows(i.matches, i.period.from, i.end);
  const prev = matchFlows(i.matches, i.previous.from, i.prevEnd);
  const f = (a: number | null, b: number | null, unit = "") => figure(orNull(ok, a), orNull(ok, b), unit);
  const health = ok ? healthCounts(i) : null;
  const overdue = (d: (s: ActiveMatchState) => string | null) =>
    i.activeStates.filter((s) => {
      const due = d(s);
      return due !== null && due < i.today;
    });
  return {
    active: f(activeOn(i.matches, i.end), activeOn(i.matches, i.prevEnd)),
    started: f(now.started, prev.started),
    ended: f(countOf(now.lengths), countOf(prev.lengths)),
    medianLengthDays: f(median(now.lengths), median(prev.lengths), " days"),
    endingsByReason: [...now.endedBy.entries()]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    health,
    reviewsOverdue: ok ? overdue((s) => s.reviewDueOn).length : null,
    // A volunteer with two matches is one supervision: counted once.
    supervisionOverdue: ok ? new Set(overdue((s) => s.supervisionDueOn).map((s) => s.volunteerId)).size : null,
    monthly: monthsOf({ from: i.period.from, to: i.end }).map((month) => {
      const [first, last] = monthSpan(month, i.period.from, i.end);
      const flows = matchFlows(i.matches, first, last);
      return {
        month,
        active: activeBetween(i.matches, first, last),
        started: flows.started,
        ended: countOf(flows.lengths),
      };
    }),
  };
}

function healthCounts(i: SectionsInput) {
  const unack = unacknowledgedNow(i.concerns.get(OPEN) ?? {});
  const out = { onTrack: 0, needsCheckIn: 0, atRisk: 0 };
  const key: Record<MatchHealth, keyof typeof out> = {
    on_track: "onTrack",
    needs_check_in: "needsCheckIn",
    at_risk: "atRisk",
  };
  for (const s of i.activeStates) {
    const c = unack.byMatch.get(s.matchId) ?? { all: 0, safeguarding: 0 };
    const { health } = matchHealth(
      {
        today: i.today,
        activatedOn: s.activatedOn,
        lastVisitOn: s.lastVisitOn,
        reviewDueOn: s.reviewDueOn,
        supervisionDueOn: s.supervisionDueOn,
        openConcerns: c.all,
        openSafeguardingConcerns: c.safeguarding,
        // Feedback and review outcomes are not summarised: the dashboard's health leaves them out (ADR 16).
        recentFeedbackRaisedConcern: false,
        lastReviewSaidEnd: false,
      },
      i.policy,
    );
    out[key[health]] += 1;
  }
  return out;
}

export function visitsSection(i: SectionsInput): z.output<typeof VisitsSection> {
  const ok = hasData(i.visits) || hasData(i.matches);
  const required = VISITS_A_MONTH_AT_MINIMUM[i.policy.visits.minimumFrequency];
  const over = (p: Period, end: string) => {
    const months = monthsOf({ from: p.from, to: end }).map((month) => {
      const [first, last] = monthSpan(month, p.from, end);
      return {
        month,
        ...visitMonth(i.visits.get(month), required),
        matchesActive: activeBetween(i.matches, first, last),
      };
    });
    const visits = months.reduce((a, m) => a + m.visits, 0);
    const matchMonths = months.reduce((a, m) => a + m.matchesActive, 0);
    const atMinimum = months.reduce((a, m) => a + m.matchesAtMinimum, 0);
    return {
      months,
      visits,
      perMatch: matchMonths > 0 ? Math.round((visits / matchMonths) * 10) / 10 : null,
      atMinimumPercent: percent(atMinimum, matchMonths),
    };
  };
  const now = over(i.period, i.end);
  const prev = over(i.previous, i.prevEnd);
  return {
    minimumFrequency: i.policy.visits.minimumFrequency,
    requiredPerMonth: required,
    visits: figure(orNull(ok, now.visits), orNull(ok, prev.visits)),
    perMatchPerMonth: figure(orNull(ok, now.perMatch), orNull(ok, prev.perMatch)),
    atMinimumPercent: figure(orNull(ok, now.atMinimumPercent), orNull(ok, prev.atMinimumPercent), "%"),
    monthly: now.months.map(({ month, visits, matchesActive, matchesAtMinimum }) => ({
      month,
      visits,
      matchesActive,
      matchesAtMinimum,
    })),
  };
}

/** A sum of money as a figure: its value in pence, its trend in pounds. */
function moneyFigure(value: number | null, previous: number | null) {
  const f = figure(value, previous);
  const gbp = (p: number) => `£${(p / 100).toFixed(2)}`;
  if (value === null || previous === null || f.direction === "same") {
    return f.direction === "same" && previous !== null
      ? { ...f, words: `The same as the previous period (${gbp(previous)})` }
      : f;
  }
  return {
    ...f,
    words: `${f.direction === "up" ? "Up" : "Down"} ${gbp(Math.abs(value - previous))} from ${gbp(previous)} in the previous period`,
  };
}

export function moneySection(i: SectionsInput): z.output<typeof MoneySection> {
  const ok = hasData(i.money);
  const amount = i.policy.expenses.monthlyBudget?.amountPence ?? null;
  const over = (p: Period, end: string) => {
    const months = monthsOf({ from: p.from, to: end });
    const spend = spendIn(i.money, months);
    const spent = [...spend.values()].reduce((a, r) => a + r.pence, 0);
    const matchMonths = months.reduce((a, m) => a + activeBetween(i.matches, ...monthSpan(m, p.from, end)), 0);
    const budget = amount === null ? null : amount * matchMonths;
    return { months, spend, spent, budget, paid: paidBetween(i.money, p.from, end) };
  };
  const now = over(i.period, i.end);
  const prev = over(i.previous, i.prevEnd);
  const waiting = claimsWaiting(i.money.get(OPEN) ?? {});
  return {
    monthlyBudgetPence: amount,
    spentPence: moneyFigure(orNull(ok, now.spent), orNull(ok, prev.spent)),
    budgetPence: moneyFigure(orNull(ok, now.budget), orNull(ok, prev.budget)),
    spentOfBudgetPercent: figure(
      orNull(ok, percent(now.spent, now.budget)),
      orNull(ok, percent(prev.spent, prev.budget)),
      "%",
    ),
    paidPence: moneyFigure(orNull(ok, now.paid), orNull(ok, prev.paid)),
    perMatch: [...now.spend.entries()]
      .map(([matchId, r]) => ({ matchId, ...r, budgetPence: amount === null ? null : amount * now.months.length }))
      .sort((a, b) => b.pence - a.pence || a.matchId.localeCompare(b.matchId)),
    waiting,
    waitingCount: ok ? waiting.reduce((a, w) => a + w.count, 0) : null,
  };
}

export function concernsSection(i: SectionsInput): z.output<typeof ConcernsSection> {
  const ok = hasData(i.concerns);
  const now = concernFlows(i.concerns, i.period.from, i.end);
  const prev = concernFlows(i.concerns, i.previous.from, i.prevEnd);
  const hours = (h: Histogram) => {
    const m = median(h);
    return m === null ? null : Math.round((m / 60) * 10) / 10;
  };
  return {
    raised: figure(orNull(ok, sumOf(now.byType)), orNull(ok, sumOf(prev.byType))),
    byType: [...now.byType.entries()]
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    acknowledged: figure(orNull(ok, countOf(now.ackMinutes)), orNull(ok, countOf(prev.ackMinutes))),
    medianHoursToAcknowledge: figure(hours(now.ackMinutes), hours(prev.ackMinutes), " hours"),
    acknowledgementTimes: [...now.ackMinutes.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([withinMinutes, count]) => ({ withinMinutes: acknowledgementBucket(withinMinutes), count })),
    waitingAcknowledgement: ok ? unacknowledgedNow(i.concerns.get(OPEN) ?? {}).count : null,
  };
}

export const activeMatchIds = (matches: ReadonlyMap<string, Counters>) => activeMatchesNow(matches.get(OPEN) ?? {});
