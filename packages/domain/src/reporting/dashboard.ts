import * as z from "zod";
import type { TenantPolicy } from "../tenants/policy.js";
import type { Counters } from "./counters.js";
import { countOf, median } from "./distribution.js";
import { activeOn } from "./matches.js";
import { countedTo, monthsOf, type Period, PeriodKind, periodLabel, previousPeriod } from "./periods.js";
import { expiringWithin, recruitmentFlows, stepsNow } from "./recruitment.js";
import {
  type ActiveMatchState,
  ConcernsSection,
  concernsSection,
  MatchesSection,
  MoneySection,
  matchesSection,
  moneySection,
  VisitsSection,
  visitsSection,
} from "./sections.js";
import { figure, percent } from "./trend.js";
import { DIMENSION_LABELS, referralFlows, WAITING_DIMENSIONS, type WaitFigures, waitingOn } from "./waiting.js";

/**
 * The manager's dashboard, worked out from summary buckets only (see counters.ts), and its shape,
 * which the API publishes and the SPA renders.
 */

/**
 * The national Independent Visitor campaign's target: an Independent Visitor for 10% of looked-after
 * children in every council (named in issue 16; no source document in the seeds gives it, so it is
 * shown as the campaign's, not the council's).
 */
export const COVERAGE_TARGET_PERCENT = 10;

export const FigureSchema = z.object({
  value: z.number().nullable(),
  previous: z.number().nullable(),
  direction: z.enum(["up", "down", "same", "no_data"]),
  words: z.string(),
});

const WaitRow = z.object({
  dimension: z.string(),
  dimensionLabel: z.string(),
  group: z.string(),
  count: z.number(),
  medianDays: z.number().nullable(),
  longestDays: z.number().nullable(),
});

const Expiring = z.object({ within30: z.number(), within60: z.number(), within90: z.number() });

export const LookedAfterCount = z.object({
  month: z.string(),
  count: z.number().int(),
  source: z.string(),
  recordedOn: z.string(),
  recordedBy: z.string(),
});
export type LookedAfterCount = z.output<typeof LookedAfterCount>;

export const Dashboard = z.object({
  period: z.object({ kind: PeriodKind, from: z.string(), to: z.string(), label: z.string(), countedTo: z.string() }),
  previous: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  coverage: z.object({
    lookedAfter: LookedAfterCount.nullable(),
    childrenWithVisitor: FigureSchema,
    coveragePercent: FigureSchema,
    targetPercent: z.number(),
    referralsPercent: FigureSchema,
  }),
  waiting: z.object({
    waiting: FigureSchema,
    medianDays: FigureSchema,
    longestDays: FigureSchema,
    byGroup: z.array(WaitRow),
    received: FigureSchema,
    decisions: FigureSchema,
    decidedOnTime: FigureSchema,
    decidedLate: FigureSchema,
    decisionMedianDays: FigureSchema,
    respondWithinWorkingDays: z.number(),
    matched: FigureSchema,
    referralToMatchMedianDays: FigureSchema,
    monthly: z.array(z.object({ month: z.string(), received: z.number(), waitingAtEnd: z.number() })),
  }),
  recruitment: z.object({
    steps: z.array(z.object({ stage: z.string(), count: z.number(), medianDays: z.number().nullable() })),
    applied: FigureSchema,
    approved: FigureSchema,
    conversionPercent: FigureSchema,
    notApproved: FigureSchema,
    withdrawn: FigureSchema,
    withdrawalReasons: z.array(z.object({ reason: z.string(), count: z.number() })),
    checksExpiring: Expiring,
    trainingExpiring: Expiring,
  }),
  matches: MatchesSection,
  visits: VisitsSection,
  money: MoneySection,
  concerns: ConcernsSection,
  /**
   * Whose figures: the council's, or a coordinator's caseload (the matches they proposed; ADR 16).
   * Coverage, waiting and recruitment are always the council's: no child or volunteer is a
   * coordinator's before a match.
   */
  scope: z.object({ kind: z.enum(["council", "caseload"]), words: z.string() }),
});
export type Dashboard = z.output<typeof Dashboard>;

export interface DashboardInput {
  period: Period;
  today: string;
  /** Referral buckets from the previous period's first month to now, and OPEN. */
  referrals: ReadonlyMap<string, Counters>;
  /** Volunteer buckets over the same months, and OPEN. */
  volunteers: ReadonlyMap<string, Counters>;
  /** The council's looked-after counts recorded for months of the two periods. */
  lookedAfter: readonly LookedAfterCount[];
  /** Each approved volunteer's checks' and training's last valid days. */
  checkExpiries: readonly string[];
  trainingExpiries: readonly string[];
  respondWithinWorkingDays: number;
  policy: TenantPolicy;
  /** The council's match buckets (coverage), and the scope's match, visit, money and concern buckets. */
  councilMatches: ReadonlyMap<string, Counters>;
  matches: ReadonlyMap<string, Counters>;
  visits: ReadonlyMap<string, Counters>;
  money: ReadonlyMap<string, Counters>;
  concerns: ReadonlyMap<string, Counters>;
  activeStates: readonly ActiveMatchState[];
  scope: Dashboard["scope"];
}

const latestIn = (counts: readonly LookedAfterCount[], p: Period) =>
  [...counts]
    .filter((c) => c.month >= p.from.slice(0, 7) && c.month <= p.to.slice(0, 7))
    .sort((a, b) => (a.month < b.month ? 1 : -1))[0] ?? null;

export function buildDashboard(input: DashboardInput): Dashboard {
  const { period, today } = input;
  const prev = previousPeriod(period);
  const end = countedTo(period, today);
  const prevEnd = countedTo(prev, today);

  const waitNow = waitingOn(end, input.referrals);
  const waitPrev = waitingOn(prevEnd, input.referrals);
  const all = (m: Map<string, WaitFigures>) => m.get("all") ?? { count: 0, medianDays: null, longestDays: null };
  const flows = referralFlows(input.referrals, period.from, end);
  const prevFlows = referralFlows(input.referrals, prev.from, prevEnd);
  const received = flows.received.get("all") ?? 0;
  const prevReceived = prevFlows.received.get("all") ?? 0;

  const lookedAfter = latestIn(input.lookedAfter, period);
  const prevLookedAfter = latestIn(input.lookedAfter, prev);

  // A child with an active match has a visitor: one open match per child.
  const hasMatches = [...input.councilMatches.values()].some((c) => Object.keys(c).length > 0);
  const withVisitor = hasMatches ? activeOn(input.councilMatches, end) : null;
  const prevWithVisitor = hasMatches ? activeOn(input.councilMatches, prevEnd) : null;
  const sections = { ...input, previous: prev, end, prevEnd };

  const rec = recruitmentFlows(input.volunteers, period.from, end);
  const prevRec = recruitmentFlows(input.volunteers, prev.from, prevEnd);
  const withdrawn = [...rec.withdrawn.values()].reduce((a, b) => a + b, 0);
  const prevWithdrawn = [...prevRec.withdrawn.values()].reduce((a, b) => a + b, 0);

  const byGroup = [...waitNow.entries()]
    .filter(([g]) => g !== "all")
    .map(([g, w]) => {
      const at = g.indexOf("=");
      const [dimension, group] = [g.slice(0, at), g.slice(at + 1)];
      const label = DIMENSION_LABELS[dimension as (typeof WAITING_DIMENSIONS)[number]] ?? dimension;
      return { dimension, dimensionLabel: label, group, ...w };
    })
    .sort((a, b) =>
      a.dimension === b.dimension
        ? a.group.localeCompare(b.group)
        : WAITING_DIMENSIONS.indexOf(a.dimension as never) - WAITING_DIMENSIONS.indexOf(b.dimension as never),
    );

  const monthly = monthsOf({ from: period.from, to: end }).map((month) => {
    const last = month === end.slice(0, 7) ? end : lastDay(month);
    const first = month === period.from.slice(0, 7) ? period.from : `${month}-01`;
    return {
      month,
      received: referralFlows(input.referrals, first, last).received.get("all") ?? 0,
      waitingAtEnd: all(waitingOn(last, input.referrals)).count,
    };
  });

  return {
    period: { kind: period.kind, from: period.from, to: period.to, label: periodLabel(period), countedTo: end },
    previous: { from: prev.from, to: prev.to, label: periodLabel(prev) },
    coverage: {
      lookedAfter,
      childrenWithVisitor: figure(withVisitor, prevWithVisitor),
      coveragePercent: figure(
        percent(withVisitor, lookedAfter?.count ?? null),
        percent(prevWithVisitor, prevLookedAfter?.count ?? null),
        "%",
      ),
      targetPercent: COVERAGE_TARGET_PERCENT,
      referralsPercent: figure(
        percent(received, lookedAfter?.count ?? null),
        percent(prevReceived, prevLookedAfter?.count ?? null),
        "%",
      ),
    },
    waiting: {
      waiting: figure(all(waitNow).count, all(waitPrev).count),
      medianDays: figure(all(waitNow).medianDays, all(waitPrev).medianDays, " days"),
      longestDays: figure(all(waitNow).longestDays, all(waitPrev).longestDays, " days"),
      byGroup,
      received: figure(received, prevReceived),
      decisions: figure(flows.onTime + flows.late, prevFlows.onTime + prevFlows.late),
      decidedOnTime: figure(flows.onTime, prevFlows.onTime),
      decidedLate: figure(flows.late, prevFlows.late),
      decisionMedianDays: figure(median(flows.decisionDays), median(prevFlows.decisionDays), " days"),
      respondWithinWorkingDays: input.respondWithinWorkingDays,
      matched: figure(countOf(flows.toMatchDays), countOf(prevFlows.toMatchDays)),
      referralToMatchMedianDays: figure(median(flows.toMatchDays), median(prevFlows.toMatchDays), " days"),
      monthly,
    },
    recruitment: {
      steps: stepsNow(input.volunteers.get("OPEN") ?? {}, today),
      applied: figure(rec.applied, prevRec.applied),
      approved: figure(rec.approved, prevRec.approved),
      conversionPercent: figure(percent(rec.approved, rec.applied), percent(prevRec.approved, prevRec.applied), "%"),
      notApproved: figure(rec.notApproved, prevRec.notApproved),
      withdrawn: figure(withdrawn, prevWithdrawn),
      withdrawalReasons: [...rec.withdrawn.entries()]
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
      checksExpiring: expiringWithin(input.checkExpiries, today),
      trainingExpiring: expiringWithin(input.trainingExpiries, today),
    },
    matches: matchesSection(sections),
    visits: visitsSection(sections),
    money: moneySection(sections),
    concerns: concernsSection(sections),
    scope: input.scope,
  };
}

function lastDay(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
