import { ageOn, todayInLondon } from "@tandem/domain/calendar";
import {
  allowedActions,
  applyReferralAction,
  declinedReviewBy,
  MATCHED_ONLY_THROUGH_A_MATCH,
  offeredActions,
  type ReferralAction,
  type ReferralStatus,
} from "@tandem/domain/referrals";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { auditOp, auditRead } from "../audit.js";
import { invalid, Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantLinks } from "../links.js";
import { childMatchesPrefix, matchLinkEntity } from "../matches/records.js";
import { outboxOp } from "../outbox.js";
import { referralSummaryOps } from "../reporting/summaries.js";
import type { Page, TenantTable, WriteOp } from "../tenant-table.js";
import { informationRequestEmail, outcomeEmail } from "./emails.js";
import {
  addDaysIso,
  type HistoryEntry,
  listEntryOps,
  loadVisibleReferral,
  newReferralToken,
  type ReferralRecord,
  referralItem,
  referralListEntity,
  type StatusGroup,
  type StoredSummary,
  waitingSince,
  withToday,
} from "./records.js";

// ---------------------------------------------------------------------------------------------
// Lists: one Query page each
// ---------------------------------------------------------------------------------------------

export interface ListQuery {
  status?: ReferralStatus | StatusGroup;
  flagged?: "true";
  overdue?: "true";
  sort: "received" | "waiting" | "priority";
  limit: number;
  cursor?: string;
}

const isGroup = (s: string): s is StatusGroup => s === "open" || s === "waiting_list" || s === "closed";

interface ViewChoice {
  pk: string;
  index?: "gsi1";
  skPrefix?: string;
  newestFirst: boolean;
  overdueOnly?: boolean;
}

/** A combination of filters no single view answers: the whole query string is what to change. */
const noView = (message: string) => new Problem("validation_failed", message, { fields: [{ path: "query", message }] });

/** Which single Query answers a list request; combinations without a view are refused, never filtered in memory. */
export function chooseView(tenantId: string, q: ListQuery): ViewChoice {
  const view = (name: string) => keys.referralListView(tenantId, name);
  const base = keys.referralListPartition(tenantId);
  if (q.overdue) {
    if (q.status || q.flagged || q.sort !== "received") {
      throw noView(
        "overdue=true cannot be combined with status, flagged or sort: it lists open referrals, most overdue first",
      );
    }
    return { pk: view("D#open"), index: "gsi1", newestFirst: false, overdueOnly: true };
  }
  if (q.sort === "priority") {
    if (q.flagged || !q.status || !isGroup(q.status)) {
      throw noView(
        "sort=priority needs a status group (status=open, waiting_list or closed) and cannot be combined with flagged",
      );
    }
    return { pk: view(`Q#${q.status}`), index: "gsi1", newestFirst: false };
  }
  const newestFirst = q.sort === "received";
  if (q.flagged) {
    if (!q.status) return { pk: base, skPrefix: "F#", newestFirst };
    if (isGroup(q.status)) return { pk: view(`F#${q.status}`), index: "gsi1", newestFirst };
    throw noView(
      "flagged=true works with no status or a status group (open, waiting_list or closed), not a single status",
    );
  }
  if (!q.status) return { pk: base, skPrefix: "R#", newestFirst };
  if (isGroup(q.status)) return { pk: view(`G#${q.status}`), index: "gsi1", newestFirst };
  return { pk: view(`S#${q.status}`), index: "gsi1", newestFirst };
}

/** The last name's initial and the age today, or null on entries written before they were kept. */
function childDetails(s: StoredSummary, today: string) {
  return {
    childLastInitial: s.childLastInitial || null,
    childAge: s.childDateOfBirth ? ageOn(s.childDateOfBirth, today) : null,
  };
}

const NO_CASE = {
  placementArea: null,
  placementAddress: null,
  carerName: null,
  carerPhone: null,
  carerEmail: null,
  assignedTo: null,
};

/** The case details as the API shows them: every field, null until recorded. */
export function caseView(r: Pick<ReferralRecord, "case">) {
  return r.case ?? NO_CASE;
}

export function summaryView(s: StoredSummary, today: string) {
  return {
    id: s.reference,
    reference: s.reference,
    kind: s.kind,
    status: s.status,
    flags: s.flags,
    priority: s.priority,
    receivedAt: s.receivedAt,
    respondBy: s.respondBy,
    childFirstName: s.childFirstName,
    ...childDetails(s, today),
    assignedToName: s.assignedToName ?? null,
    enteredOnBehalf: s.enteredOnBehalf,
    verified: s.verified,
    language: s.language,
    ...withToday(s, today),
  };
}
export type SummaryView = ReturnType<typeof summaryView>;

export async function listReferrals(table: TenantTable, q: ListQuery, now = new Date()): Promise<Page<SummaryView>> {
  const choice = chooseView(table.ctx.tenantId, q);
  const today = todayInLondon(now);
  const page = await referralListEntity.page(table, {
    pk: choice.pk,
    index: choice.index,
    skPrefix: choice.skPrefix,
    limit: q.limit,
    cursor: q.cursor ?? null,
    newestFirst: choice.newestFirst,
  });
  let items = page.items.map((i) => summaryView(i, today));
  let cursor = page.cursor;
  if (choice.overdueOnly) {
    // The view is in respond-by order, so the overdue ones are the front of the page: the page
    // ends at the first referral not yet due, and so does the list. One waiting on the referrer's
    // answer is left out wherever it falls (the wait is theirs), without ending the list.
    const due = items.findIndex((i) => !i.overdue && i.status !== "awaiting_information");
    if (due >= 0) {
      items = items.slice(0, due);
      cursor = null;
    }
    items = items.filter((i) => i.overdue);
  }
  return { items, cursor };
}

/** Accepted referrals, heaviest priority first and then longest waiting: one Query page of gsi1. */
export async function waitingList(table: TenantTable, limit: number, cursor: string | null, now = new Date()) {
  const today = todayInLondon(now);
  const page = await referralListEntity.page(table, {
    pk: keys.referralListView(table.ctx.tenantId, "Q#waiting_list"),
    index: "gsi1",
    limit,
    cursor,
  });
  return {
    items: page.items.map((s) => ({
      id: s.reference,
      reference: s.reference,
      status: s.status as "accepted" | "waiting_for_match",
      childFirstName: s.childFirstName,
      ...childDetails(s, today),
      priority: s.priority,
      priorityReasons: s.priorityReasons ?? [],
      waitingSince: s.waitingSince,
      hasPenPicture: s.hasPenPicture ?? false,
      daysWaiting: withToday(s, today).daysWaiting,
    })),
    cursor: page.cursor,
  };
}

// ---------------------------------------------------------------------------------------------
// One referral
// ---------------------------------------------------------------------------------------------

export function referralView(r: ReferralRecord, now = new Date()) {
  const today = todayInLondon(now);
  return {
    id: r.reference,
    reference: r.reference,
    kind: r.kind,
    status: r.status,
    answers: r.answers,
    flags: r.flags,
    priorityReasons: r.priorityReasons,
    policyVersion: r.policyVersion,
    receivedAt: r.receivedAt,
    verifiedAt: r.verifiedAt,
    verified: r.verified,
    enteredOnBehalf: r.enteredOnBehalf,
    language: r.language,
    respondBy: r.respondBy,
    ...withToday({ status: r.status, respondBy: r.respondBy, waitingSince: waitingSince(r) }, today),
    acceptedAt: r.acceptedOn,
    reviewBy: r.reviewBy,
    penPicture: r.penPicture,
    case: caseView(r),
    history: r.history,
    allowedActions: offeredActions(r.status).filter((a) => a !== "information_received"),
    version: r.version,
  };
}
export type ReferralView = ReturnType<typeof referralView>;

/** The whole referral for a coordinator or manager; the read is audited before the data leaves. */
export async function getReferral(table: TenantTable, reference: string, now = new Date()): Promise<ReferralView> {
  const r = await loadVisibleReferral(table, reference);
  await auditRead(table, { action: "read", subject: { type: "referral", id: reference } });
  return referralView(r, now);
}

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

export interface ActionInput {
  /** "match" is accepted only to be refused with the reason: see MATCHED_ONLY_THROUGH_A_MATCH. */
  action: Exclude<ReferralAction, "add_pen_picture" | "information_received"> | "match";
  version: number;
  reason?: string;
  reviewBy?: string;
  question?: string;
}

/** The council's periods for a referral's decisions (`referrals` in its policy). */
export type ReferralPeriods = Pick<TenantPolicy["referrals"], "declinedReviewMonths" | "informationRequestDays">;

export function checkReferralVersion(r: ReferralRecord, version: number) {
  if (r.version !== version) {
    throw new Problem(
      "version_conflict",
      `Referral ${r.reference} has changed since you loaded it (now version ${r.version}); reload and try again`,
    );
  }
}

function illegal(r: ReferralRecord, action: ReferralAction, allowed: ReferralAction[]): Problem {
  const offered = offeredActions(r.status);
  const shown = allowed.filter((a) => a !== "information_received" && offered.includes(a));
  return new Problem(
    "conflict",
    `A referral that is ${r.status.replace(/_/g, " ")} cannot take "${action}"; allowed: ${shown.join(", ") || "none"}`,
    { allowed: shown },
  );
}

/** A change to a referral: the referral, its list entries, summaries, audit and any other writes, in one transaction guarded by its version. */
export async function commitReferralChange(
  table: TenantTable,
  before: ReferralRecord,
  next: ReferralRecord,
  fields: string[],
  extra: WriteOp[],
) {
  const tenantId = table.ctx.tenantId;
  await table.transact([
    { kind: "put", item: referralItem(tenantId, next), expect: "version", version: before.version },
    ...listEntryOps(tenantId, next),
    ...referralSummaryOps(tenantId, before, next),
    auditOp(table, { action: "update", subject: { type: "referral", id: next.reference }, fields }),
    ...extra,
  ]);
}

/**
 * A referral follows its match (matched while the match runs): putting it back on the waiting list by hand
 * while a match is still running would list a matched child as waiting. The match's ending does it instead.
 */
async function refuseWhileMatched(table: TenantTable, r: ReferralRecord) {
  const links = await matchLinkEntity.page(table, {
    pk: keys.matchLinkPartition(table.ctx.tenantId),
    skPrefix: childMatchesPrefix(r.reference),
    limit: 100,
  });
  const running = links.items.find((m) => m.stage !== "ended" && m.stage !== "did_not_proceed");
  if (running) {
    throw new Problem(
      "conflict",
      `This child's match with ${running.volunteerFirstName} is ${running.stage.replace(/_/g, " ")}: end the match (or record that it did not proceed) to return the child to the waiting list`,
      { allowed: [] },
    );
  }
}

/**
 * Applies a coordinator's action through the domain's state machine. An illegal action is
 * refused with the allowed ones; the referral, its list entries, the audit record and any e-mail
 * are one transaction, guarded by the version the coordinator loaded.
 */
export async function takeReferralAction(
  table: TenantTable,
  reference: string,
  input: ActionInput,
  opts: { links: TenantLinks; periods: ReferralPeriods; now?: Date },
): Promise<ReferralView> {
  const now = opts.now ?? new Date();
  const today = todayInLondon(now);
  const at = now.toISOString();
  const r = await loadVisibleReferral(table, reference);
  if (input.action === "match") {
    throw new Problem("conflict", MATCHED_ONLY_THROUGH_A_MATCH, { allowed: offeredActions(r.status) });
  }
  checkReferralVersion(r, input.version);
  const t = applyReferralAction(r.status, input.action);
  if (!t.ok) throw illegal(r, input.action, t.allowed);
  if (input.action === "return_to_waiting_list") await refuseWhileMatched(table, r);

  const actor = table.ctx.actor;
  const entry: HistoryEntry = {
    at,
    action: input.action,
    by: { personId: actor.personId, name: actor.name },
    from: r.status,
    to: t.to,
    ...(input.reason ? { reason: input.reason } : {}),
  };
  const next: ReferralRecord = { ...r, status: t.to, version: r.version + 1 };
  const extra: WriteOp[] = [];
  const fields = ["status"];

  switch (input.action) {
    case "decline": {
      if (!input.reason) throw invalid([{ path: "reason", message: "Give the reason for declining" }]);
      const reviewBy = input.reviewBy ?? declinedReviewBy(today, opts.periods.declinedReviewMonths);
      if (reviewBy <= today) throw invalid([{ path: "reviewBy", message: "The review-by date must be in the future" }]);
      next.reviewBy = reviewBy;
      entry.reviewBy = reviewBy;
      fields.push("reviewBy");
      if (r.contactEmail)
        extra.push(outboxOp(table, outcomeEmail(opts.links, r.contactEmail, reference, "declined", r.language)));
      break;
    }
    case "request_information": {
      if (!input.question) throw invalid([{ path: "question", message: "Write the question for the referrer" }]);
      if (!r.contactEmail) {
        throw illegal(
          r,
          input.action,
          allowedActions(r.status).filter((a) => a !== "request_information"),
        );
      }
      const link = newReferralToken(reference);
      const expiresAt = addDaysIso(now, opts.periods.informationRequestDays);
      next.pendingInformation = { tokenHash: link.hash, question: input.question, askedAt: at, expiresAt };
      entry.question = input.question;
      fields.push("pendingInformation");
      extra.push(
        outboxOp(
          table,
          informationRequestEmail(opts.links, r.contactEmail, reference, link.token, expiresAt, r.language),
        ),
      );
      break;
    }
    case "accept":
      next.acceptedOn = today;
      fields.push("acceptedOn");
      if (r.contactEmail)
        extra.push(outboxOp(table, outcomeEmail(opts.links, r.contactEmail, reference, "accepted", r.language)));
      break;
    case "reopen":
      next.reviewBy = null;
      fields.push("reviewBy");
      break;
    default:
      break;
  }
  next.history = [...r.history, entry];
  await commitReferralChange(table, r, next, fields, extra);
  return referralView(next, now);
}

/** The pen picture agreed with the child; recording it puts an accepted referral on the waiting list for a match. */
export async function addPenPicture(
  table: TenantTable,
  reference: string,
  input: { text: string; version: number },
  now = new Date(),
): Promise<ReferralView> {
  const r = await loadVisibleReferral(table, reference);
  checkReferralVersion(r, input.version);
  const t = applyReferralAction(r.status, "add_pen_picture");
  if (!t.ok) throw illegal(r, "add_pen_picture", t.allowed);
  const actor = table.ctx.actor;
  const next: ReferralRecord = {
    ...r,
    status: t.to,
    penPicture: input.text,
    history: [
      ...r.history,
      {
        at: now.toISOString(),
        action: "add_pen_picture",
        by: { personId: actor.personId, name: actor.name },
        from: r.status,
        to: t.to,
      },
    ],
    version: r.version + 1,
  };
  await commitReferralChange(table, r, next, ["status", "penPicture"], []);
  return referralView(next, now);
}
