import { randomUUID } from "node:crypto";
import { displayDateTime, londonDayOf, todayInLondon } from "@tandem/domain/calendar";
import { invalid } from "@tandem/domain/problems";
import type { TenantPolicy } from "@tandem/domain/tenants";
import {
  type ChildName,
  cancellationProblem,
  childNameFlags,
  frequencyState,
  homeSafeDueAt,
  lengthVerdict,
  nextVisitStatus,
  pastVisitDateProblem,
  planProblems,
  type VisitCancellation,
  type VisitPlan,
  type VisitRecord,
  visitDecisionProblem,
  visitWhenInWords,
} from "@tandem/domain/visits";
import { auditOp, auditRead } from "../audit.js";
import { homeSafeOverdueEmail } from "../concerns/emails.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import { visitSummaryOps } from "../reporting/activity.js";
import { staffEmails } from "../staff-emails.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { dueTimers, pendingTimer, timerEntity } from "../timers.js";
import { volunteerContactEntity } from "../volunteers/contact.js";
import { visitAwaitingApprovalEmail, visitDecisionEmail } from "./emails.js";
import { type MatchRef, matchGlanceEntity } from "./match-ref.js";
import { type StoredVisit, type StoredVisitSummary, visitEntity, visitSummaryEntity } from "./records.js";

const subject = (v: { matchId: string; id: string }) => ({ type: "visit", id: `${v.matchId}#${v.id}` });
const timerSubject = (v: { matchId: string; id: string }) => `${v.matchId}#${v.id}`;

function staleVisit(): Problem {
  return new Problem("version_conflict", "The visit was changed by someone else: reload it and try again");
}

function homeSafeTimerOp(table: TenantTable, visit: StoredVisit, policy: TenantPolicy): WriteOp {
  const due = homeSafeDueAt(visit.plan, policy.visits.homeSafeWithinHours);
  return timerEntity.put(table.ctx.tenantId, pendingTimer("home_safe", timerSubject(visit), due), "any");
}

function closeTimerOp(table: TenantTable, visit: StoredVisit, now: Date): WriteOp {
  const due = homeSafeDueAt(visit.plan, 0);
  return timerEntity.put(
    table.ctx.tenantId,
    { ...pendingTimer("home_safe", timerSubject(visit), due), doneAt: now.toISOString() },
    "any",
  );
}

/**
 * Plans a visit: refused when the policy forbids its length or an overnight stay, waiting for a
 * senior manager's approval where the policy allows it (the council's managers are e-mailed in the
 * same transaction), and otherwise planned with its home-safe timer.
 */
export async function planVisit(
  table: TenantTable,
  match: MatchRef,
  plan: VisitPlan,
  policy: TenantPolicy,
  riskAssessedActivities: readonly string[],
  links: TenantLinks,
  now = new Date(),
): Promise<StoredVisit> {
  const problems = planProblems(plan, policy.visits, riskAssessedActivities);
  if (problems.length > 0) throw invalid(problems);
  if (plan.on < todayInLondon(now)) {
    throw invalid([{ path: "on", message: "A visit is planned for today or later: record a past visit instead" }]);
  }
  const verdict = lengthVerdict(plan, policy.visits);
  if (verdict.kind === "refused")
    throw invalid([{ path: plan.overnight ? "overnight" : "endsAt", message: verdict.reason }]);
  const visit: StoredVisit = {
    matchId: match.matchId,
    id: randomUUID(),
    volunteerId: match.volunteerId,
    volunteerName: table.ctx.actor.name,
    status: verdict.kind === "needs_prior_approval" ? "awaiting_approval" : "planned",
    plan,
    approvalReason: verdict.kind === "needs_prior_approval" ? verdict.reason : null,
    decision: null,
    record: null,
    recordedAt: null,
    cancellation: null,
    cancelledAt: null,
    homeSafeAt: null,
    claimedPence: 0,
    createdAt: now.toISOString(),
    version: 1,
  };
  const ops: WriteOp[] = [
    visitEntity.put(table.ctx.tenantId, visit, "absent"),
    auditOp(table, { action: "create", subject: subject(visit) }),
  ];
  if (visit.status === "planned") ops.push(homeSafeTimerOp(table, visit, policy));
  if (visit.status === "awaiting_approval") {
    const managers = await staffEmails(table, ["manager"]);
    if (managers.length > 0) {
      const reason = visit.approvalReason ?? "It needs a senior manager's agreement";
      ops.push(
        outboxOp(
          table,
          visitAwaitingApprovalEmail(links, managers, {
            volunteerName: visit.volunteerName,
            when: visitWhenInWords(plan),
            reason,
          }),
        ),
      );
    }
  }
  await table.transact(ops);
  return visit;
}

/** One visit of the match, audited; the same 404 for a visit of another match as for none. */
export async function getVisit(table: TenantTable, matchId: string, id: string): Promise<StoredVisit> {
  const visit = await visitEntity.get(table, { matchId, id });
  if (!visit) throw new Problem("not_found", "No visit with that id");
  await auditRead(table, { action: "read", subject: subject(visit) });
  return visit;
}

/** A page of the match's visits (one Query), audited as a list read. */
export async function listVisits(table: TenantTable, matchId: string, limit: number, cursor: string | null) {
  await auditRead(table, { action: "list", subject: { type: "visit-list", id: matchId } });
  return visitEntity.page(table, {
    pk: keys.tenantPartition(table.ctx.tenantId),
    skPrefix: keys.visitPrefix(matchId),
    limit,
    cursor,
    newestFirst: true,
  });
}

async function loadForChange(table: TenantTable, matchId: string, id: string, version: number) {
  const visit = await visitEntity.get(table, { matchId, id }, { consistent: true });
  if (!visit) throw new Problem("not_found", "No visit with that id");
  if (visit.version !== version) throw staleVisit();
  return visit;
}

/**
 * Records a visit afterwards. A note naming the child is refused before anything is saved, each with
 * the field and the reason (Leicestershire), and the match's last visit moves on.
 */
export async function recordVisit(
  table: TenantTable,
  match: MatchRef,
  id: string,
  version: number,
  record: VisitRecord,
  child: ChildName,
  now = new Date(),
  /** Writes of other contexts that go with the record (reviews' schedule after the first visit). */
  alsoWrite: readonly WriteOp[] = [],
): Promise<StoredVisit> {
  const visit = await loadForChange(table, match.matchId, id, version);
  const status = nextVisitStatus(visit.status, "record");
  if (visit.plan.on > todayInLondon(now)) {
    throw new Problem("conflict", "A visit is recorded on or after the day it takes place");
  }
  const flags = childNameFlags(
    { whatWeDid: record.whatWeDid, notes: record.notes, childsWords: record.childsWords },
    child,
  );
  if (flags.length > 0) throw invalid(flags.map((f) => ({ path: f.field, message: f.reason })));
  const next: StoredVisit = { ...visit, status, record, recordedAt: now.toISOString(), version: visit.version + 1 };
  const summary = await visitSummaryEntity.get(table, { matchId: match.matchId }, { consistent: true });
  const lastVisitOn = summary?.lastVisitOn && summary.lastVisitOn > visit.plan.on ? summary.lastVisitOn : visit.plan.on;
  const nextSummary: StoredVisitSummary = {
    matchId: match.matchId,
    lastVisitOn,
    visitsRecorded: (summary?.visitsRecorded ?? 0) + 1,
    version: (summary?.version ?? 0) + 1,
  };
  await table.transact([
    visitEntity.put(table.ctx.tenantId, next, { version: visit.version, message: staleVisit().message }),
    visitSummaryEntity.put(
      table.ctx.tenantId,
      nextSummary,
      summary ? { version: summary.version } : { absent: true, message: staleVisit().message },
    ),
    auditOp(table, { action: "update", subject: subject(next), fields: ["record"] }),
    ...alsoWrite,
    ...(await visitSummaryOps(table, visit, next)),
  ]);
  return next;
}

/**
 * Records a visit that took place on an earlier day and was never planned here: the plan's rules (the
 * policy's longest visit, overnight, the named person, a risk-assessed activity) and the record's (a note
 * naming the child is refused) are the same as planning then recording. A visit that needed a senior
 * manager's agreement beforehand cannot be recorded afterwards by the volunteer; a visit today is planned
 * first, as its home-safe timer still matters. Recording it afterwards is itself the sign the volunteer got
 * home, so no timer is set and it is not offered for a home-safe confirmation.
 */
export async function recordPastVisit(
  table: TenantTable,
  match: MatchRef,
  input: { plan: VisitPlan; record: VisitRecord },
  policy: TenantPolicy,
  riskAssessedActivities: readonly string[],
  child: ChildName,
  now = new Date(),
  /** Writes of other contexts that go with the record (reviews' schedule after the first visit). */
  alsoWrite: readonly WriteOp[] = [],
): Promise<StoredVisit> {
  const { plan, record } = input;
  const problems = planProblems(plan, policy.visits, riskAssessedActivities);
  if (problems.length > 0) throw invalid(problems.map((p) => ({ ...p, path: `plan.${p.path}` })));
  const dateProblem = pastVisitDateProblem(plan.on, todayInLondon(now), match.activatedAt?.slice(0, 10) ?? null);
  if (dateProblem) throw invalid([{ path: "plan.on", message: dateProblem }]);
  const verdict = lengthVerdict(plan, policy.visits);
  if (verdict.kind === "refused") {
    throw invalid([{ path: plan.overnight ? "plan.overnight" : "plan.endsAt", message: verdict.reason }]);
  }
  if (verdict.kind === "needs_prior_approval") {
    throw new Problem(
      "conflict",
      `${verdict.reason}, so it cannot be recorded afterwards here: tell your coordinator about it`,
    );
  }
  const flags = childNameFlags(
    { whatWeDid: record.whatWeDid, notes: record.notes, childsWords: record.childsWords },
    child,
  );
  if (flags.length > 0) throw invalid(flags.map((f) => ({ path: `record.${f.field}`, message: f.reason })));
  const at = now.toISOString();
  const visit: StoredVisit = {
    matchId: match.matchId,
    id: randomUUID(),
    volunteerId: match.volunteerId,
    volunteerName: table.ctx.actor.name,
    status: "recorded",
    plan,
    approvalReason: null,
    decision: null,
    record,
    recordedAt: at,
    cancellation: null,
    cancelledAt: null,
    homeSafeAt: at,
    claimedPence: 0,
    createdAt: at,
    version: 1,
  };
  const summary = await visitSummaryEntity.get(table, { matchId: match.matchId }, { consistent: true });
  const lastVisitOn = summary?.lastVisitOn && summary.lastVisitOn > plan.on ? summary.lastVisitOn : plan.on;
  const nextSummary: StoredVisitSummary = {
    matchId: match.matchId,
    lastVisitOn,
    visitsRecorded: (summary?.visitsRecorded ?? 0) + 1,
    version: (summary?.version ?? 0) + 1,
  };
  await table.transact([
    visitEntity.put(table.ctx.tenantId, visit, "absent"),
    visitSummaryEntity.put(
      table.ctx.tenantId,
      nextSummary,
      summary ? { version: summary.version } : { absent: true, message: staleVisit().message },
    ),
    auditOp(table, { action: "create", subject: subject(visit) }),
    ...alsoWrite,
    ...(await visitSummaryOps(table, null, visit)),
  ]);
  return visit;
}

/** Cancels a planned visit for one of the reasons the council accepts; its home-safe timer stops. */
export async function cancelVisit(
  table: TenantTable,
  match: MatchRef,
  id: string,
  version: number,
  cancellation: VisitCancellation,
  policy: TenantPolicy,
  now = new Date(),
): Promise<StoredVisit> {
  const visit = await loadForChange(table, match.matchId, id, version);
  const status = nextVisitStatus(visit.status, "cancel");
  const problem = cancellationProblem(cancellation.reason, policy.visits.cancellationReasons);
  if (problem) throw invalid([{ path: "reason", message: problem }]);
  const next: StoredVisit = {
    ...visit,
    status,
    cancellation,
    cancelledAt: now.toISOString(),
    version: visit.version + 1,
  };
  await table.transact([
    visitEntity.put(table.ctx.tenantId, next, { version: visit.version, message: staleVisit().message }),
    closeTimerOp(table, visit, now),
    auditOp(table, { action: "update", subject: subject(next), fields: ["status"] }),
  ]);
  return next;
}

/** The volunteer is home safe: the timer stops, and no e-mail goes to the coordinator. */
export async function confirmHomeSafe(
  table: TenantTable,
  match: MatchRef,
  id: string,
  version: number,
  now = new Date(),
): Promise<StoredVisit> {
  const visit = await loadForChange(table, match.matchId, id, version);
  nextVisitStatus(visit.status, "confirm_home_safe");
  if (visit.homeSafeAt) return visit;
  const next: StoredVisit = { ...visit, homeSafeAt: now.toISOString(), version: visit.version + 1 };
  await table.transact([
    visitEntity.put(table.ctx.tenantId, next, { version: visit.version, message: staleVisit().message }),
    closeTimerOp(table, visit, now),
    auditOp(table, { action: "update", subject: subject(next), fields: ["homeSafeAt"] }),
  ]);
  return next;
}

/**
 * A senior manager's decision on a visit over the hours or overnight: a refusal says why. An approved
 * visit starts its timer; either way the visit leaves the approvals list (its gsi1 entry follows its
 * status) and the volunteer is e-mailed the decision, in the same transaction.
 */
export async function decideVisit(
  table: TenantTable,
  matchId: string,
  id: string,
  decision: { version: number; approved: boolean; reason?: string | undefined },
  policy: TenantPolicy,
  links: TenantLinks,
  now = new Date(),
): Promise<StoredVisit> {
  const { approved, version } = decision;
  const problem = visitDecisionProblem(approved, decision.reason);
  if (problem) throw invalid([problem]);
  const visit = await loadForChange(table, matchId, id, version);
  const status = nextVisitStatus(visit.status, approved ? "approve" : "refuse");
  const reason = decision.reason?.trim() || null;
  const next: StoredVisit = {
    ...visit,
    status,
    decision: {
      by: { personId: table.ctx.actor.personId, name: table.ctx.actor.name },
      at: now.toISOString(),
      approved,
      reason,
    },
    version: visit.version + 1,
  };
  const ops: WriteOp[] = [
    visitEntity.put(table.ctx.tenantId, next, { version: visit.version, message: staleVisit().message }),
    auditOp(table, { action: "update", subject: subject(next), fields: ["status", "decision"] }),
  ];
  if (approved) ops.push(homeSafeTimerOp(table, next, policy));
  const volunteer = await volunteerContactEntity.get(table, { id: visit.volunteerId });
  if (volunteer) {
    const firstName = volunteer.name.split(/\s+/)[0] ?? volunteer.name;
    const language = volunteer.language;
    ops.push(
      outboxOp(
        table,
        visitDecisionEmail(
          links,
          volunteer.email,
          firstName,
          { when: visitWhenInWords(visit.plan, language), approved, reason },
          language,
        ),
      ),
    );
  }
  await table.transact(ops);
  return next;
}

/** A visit with what a manager reads it by: the match's label ("Mika and Robin") and who planned it. */
export interface VisitForApproval extends StoredVisit {
  matchLabel: string;
}

/** The labels of the matches on a page (one BatchGet): the child's and the volunteer's first names. */
async function matchLabels(table: TenantTable, matchIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(matchIds)];
  const found = ids.length ? await table.getMany(ids.map((id) => keys.match(table.ctx.tenantId, id))) : [];
  const out = new Map<string, string>();
  for (const item of found) {
    if (!item) continue;
    const m = matchGlanceEntity.parse(item);
    out.set(m.matchId, `${m.child.firstName} and ${m.volunteer.firstName}`);
  }
  return out;
}

/**
 * One page of the council's visits waiting for a senior manager's agreement, soonest first: one Query
 * on gsi1 and one BatchGet for the matches' labels, audited as a list read.
 */
export async function visitsAwaitingApproval(table: TenantTable, limit: number, cursor: string | null) {
  await auditRead(table, { action: "list", subject: { type: "visit-approvals", id: "awaiting_approval" } });
  const page = await visitEntity.page(table, {
    pk: keys.visitsAwaitingApproval(table.ctx.tenantId),
    index: "gsi1",
    limit,
    cursor,
  });
  const labels = await matchLabels(
    table,
    page.items.map((v) => v.matchId),
  );
  return {
    items: page.items.map((v): VisitForApproval => ({ ...v, matchLabel: labels.get(v.matchId) ?? "Match not found" })),
    cursor: page.cursor,
  };
}

/**
 * One visit with its match's label (the read is audited), for the decision page: two reads by key, which
 * the route reads ahead with its access check. Another council's visit, or another match's, is not found.
 */
export async function visitForApproval(table: TenantTable, matchId: string, id: string): Promise<VisitForApproval> {
  const visit = await getVisit(table, matchId, id);
  const m = await matchGlanceEntity.get(table, { matchId });
  return { ...visit, matchLabel: m ? `${m.child.firstName} and ${m.volunteer.firstName}` : "Match not found" };
}

/** The match's last visit and whether it is behind the council's minimum frequency. */
export async function matchVisitState(table: TenantTable, match: MatchRef, policy: TenantPolicy, now = new Date()) {
  const summary = await visitSummaryEntity.get(table, { matchId: match.matchId });
  const activeSince = match.activatedAt ? londonDayOf(match.activatedAt) : todayInLondon(now);
  return frequencyState(policy.visits.minimumFrequency, summary?.lastVisitOn ?? null, activeSince, todayInLondon(now));
}

/**
 * The lone-working timer's run: each visit whose volunteer has not confirmed they are home safe by the
 * council's hours after its planned end e-mails the coordinators, once. Returns how many fired.
 */
export async function alertOverdueHomeSafe(table: TenantTable, links: TenantLinks, now = new Date()): Promise<number> {
  const due = await dueTimers(table, "home_safe", now);
  if (due.length === 0) return 0;
  const coordinators = await staffEmails(table, ["coordinator"]);
  let fired = 0;
  for (const timer of due) {
    const [matchId = "", id = ""] = timer.subjectId.split("#");
    const visit = await visitEntity.get(table, { matchId, id }, { consistent: true });
    const ops: WriteOp[] = [timerEntity.put(table.ctx.tenantId, { ...timer, firedAt: now.toISOString() }, "any")];
    const overdue = visit && visit.homeSafeAt === null && (visit.status === "planned" || visit.status === "recorded");
    if (visit && overdue && coordinators.length > 0) {
      const end = homeSafeDueAt(visit.plan, 0).toISOString();
      ops.push(
        outboxOp(
          table,
          homeSafeOverdueEmail(links, coordinators, {
            matchId,
            volunteerName: visit.volunteerName,
            plannedEnd: displayDateTime(end),
          }),
        ),
        auditOp(table, { action: "update", subject: subject(visit), fields: ["homeSafeAlert"] }),
      );
      fired += 1;
    }
    await table.transact(ops);
  }
  return fired;
}
