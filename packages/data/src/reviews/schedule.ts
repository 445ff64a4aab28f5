import { todayInLondon } from "@tandem/domain/calendar";
import { type DueState, dueListUntil, dueState, nextReview, type ReviewKind } from "@tandem/domain/reviews";
import { nextSupervision } from "@tandem/domain/supervision";
import type { TenantPolicy } from "@tandem/domain/tenants";
import * as keys from "../keys.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import type { MatchFacts } from "./match-facts.js";
import { reviewEntity } from "./records.js";
import {
  type ReviewScheduleEntry,
  reviewScheduleEntity,
  type SupervisionScheduleEntry,
  supervisionScheduleEntity,
} from "./schedule-entries.js";

/**
 * The due lists: one small entry per active match (its next review) and per supervised volunteer
 * (their next supervision), each in a gsi1 view ordered by due date. Every change that moves a date
 * (the match starting, its first visit, a review, a supervision, an ending) rewrites the entry in the
 * same transaction, so the coordinator's list is one Query of a page, at the same cost for 10 matches
 * as for 1,000.
 */

/** The entry with its next review worked out again from the reviews held. */
export function withNextReview(
  e: Omit<ReviewScheduleEntry, "kind" | "dueOn" | "rule">,
  held: { kind: ReviewKind; heldOn: string }[],
  policy: TenantPolicy,
): ReviewScheduleEntry {
  const next = nextReview(
    {
      activatedOn: e.activatedOn,
      firstVisitOn: e.firstVisitOn,
      ending: e.endingBeganOn === null ? null : { beganOn: e.endingBeganOn },
      reviews: held,
    },
    policy,
  );
  return { ...e, kind: next?.kind ?? null, dueOn: next?.dueOn ?? null, rule: next?.rule ?? null };
}

export async function loadReviewSchedule(table: TenantTable, matchId: string) {
  return reviewScheduleEntity.get(table, { matchId });
}

export async function heldReviews(table: TenantTable, matchId: string) {
  const out: { kind: ReviewKind; heldOn: string }[] = [];
  let cursor: string | null = null;
  do {
    const page = await reviewEntity.page(table, {
      pk: keys.tenantPartition(table.ctx.tenantId),
      skPrefix: keys.matchReviewPrefix(matchId),
      limit: 100,
      cursor,
    });
    out.push(...page.items.map((r) => ({ kind: r.record.kind, heldOn: r.record.heldOn })));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/**
 * The writes that start a match's schedules when it becomes active: its review entry, and its start
 * added to the volunteer's supervision entry. Matching's activation puts these in its transaction.
 */
export async function scheduleOpsOnActivation(
  table: TenantTable,
  match: MatchFacts & { activatedOn: string },
  policy: TenantPolicy,
  people: { volunteerLabel: string; childDateOfBirth: string | null; vulnerableCareLeaver: boolean },
): Promise<WriteOp[]> {
  const tenantId = table.ctx.tenantId;
  const review = withNextReview(
    {
      matchId: match.id,
      referralId: match.referralId,
      volunteerId: match.volunteerId,
      activatedOn: match.activatedOn,
      firstVisitOn: null,
      endingBeganOn: null,
      label: match.label,
      childDateOfBirth: people.childDateOfBirth,
      vulnerableCareLeaver: people.vulnerableCareLeaver,
      version: 1,
    },
    [],
    policy,
  );
  const current = await supervisionScheduleEntity.get(table, { volunteerId: match.volunteerId });
  const supervision = withNextSupervision(
    {
      volunteerId: match.volunteerId,
      label: current?.label ?? people.volunteerLabel,
      matchStarts: { ...(current?.matchStarts ?? {}), [match.id]: match.activatedOn },
      sessions: current?.sessions ?? [],
      version: (current?.version ?? 0) + 1,
    },
    policy,
  );
  return [
    reviewScheduleEntity.put(tenantId, review, { absent: true, message: "This match's reviews are already scheduled" }),
    supervisionScheduleEntity.put(tenantId, supervision, current ? { version: current.version } : "absent"),
  ];
}

export function withNextSupervision(
  e: Omit<SupervisionScheduleEntry, "kind" | "dueOn" | "rule">,
  policy: TenantPolicy,
): SupervisionScheduleEntry {
  const next = nextSupervision({ matchStarts: Object.values(e.matchStarts), sessions: e.sessions }, policy);
  return { ...e, kind: next?.kind ?? null, dueOn: next?.dueOn ?? null, rule: next?.rule ?? null };
}

/** A match's first visit after it started: its informal review becomes due where the policy asks. */
export async function noteFirstVisit(
  table: TenantTable,
  matchId: string,
  visitedOn: string,
  policy: TenantPolicy,
): Promise<WriteOp[]> {
  const entry = await loadReviewSchedule(table, matchId);
  if (!entry || entry.firstVisitOn !== null || visitedOn < entry.activatedOn) return [];
  const next = withNextReview(
    { ...entry, firstVisitOn: visitedOn, version: entry.version + 1 },
    await heldReviews(table, matchId),
    policy,
  );
  return [reviewScheduleEntity.put(table.ctx.tenantId, next, { version: entry.version })];
}

export interface DueItem<E> {
  entry: E;
  state: Exclude<DueState, "upcoming">;
}

/**
 * One page of what is overdue or due soon, earliest first: one Query of the view, cut at the last day
 * the list reaches (the rest of the view is upcoming), so a page costs the same however many matches
 * the council has.
 */
function cutAtDue<E extends { dueOn: string | null }>(
  page: { items: E[]; cursor: string | null },
  now: Date | undefined,
): { items: DueItem<E>[]; cursor: string | null } {
  const today = todayInLondon(now);
  const until = dueListUntil(today);
  const items: DueItem<E>[] = [];
  for (const entry of page.items) {
    if (entry.dueOn === null || entry.dueOn > until) return { items, cursor: null };
    items.push({ entry, state: dueState(entry.dueOn, today) === "overdue" ? "overdue" : "due" });
  }
  return { items, cursor: page.cursor };
}

interface PageOpts {
  limit: number;
  cursor?: string | null;
  now?: Date;
}

export async function dueReviews(table: TenantTable, opts: PageOpts) {
  const q = { pk: keys.scheduleView(table.ctx.tenantId, "reviews"), index: "gsi1" as const, limit: opts.limit };
  return cutAtDue(await reviewScheduleEntity.page(table, { ...q, cursor: opts.cursor ?? null }), opts.now);
}

export async function dueSupervision(table: TenantTable, opts: PageOpts) {
  const q = { pk: keys.scheduleView(table.ctx.tenantId, "supervision"), index: "gsi1" as const, limit: opts.limit };
  return cutAtDue(await supervisionScheduleEntity.page(table, { ...q, cursor: opts.cursor ?? null }), opts.now);
}
