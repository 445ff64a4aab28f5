import { randomUUID } from "node:crypto";
import { happenedAtProblem } from "@tandem/domain/calendar";
import {
  acknowledgementDueAt,
  type ConcernAction,
  type ConcernAddendum,
  type ConcernReport,
  minutesToAcknowledge,
} from "@tandem/domain/concerns";
import type { TenantRole } from "@tandem/domain/people";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { auditOp, auditRead } from "../audit.js";
import { invalid, Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantLinks } from "../links.js";
import { outboxOp } from "../outbox.js";
import { concernSummaryOps } from "../reporting/activity.js";
import { staffEmails } from "../staff-emails.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { dueTimers, pendingTimer, timerEntity } from "../timers.js";
import { concernReportedEmail, concernUnacknowledgedEmail } from "./emails.js";
import { concernEntity, reportedConcernEntity, type StoredConcern } from "./records.js";
import { socialWorkerNoticeOps } from "./social-worker.js";

const subject = (id: string) => ({ type: "concern", id });
const STAFF: readonly TenantRole[] = ["coordinator", "manager"];

function stale(): Problem {
  return new Problem("version_conflict", "The concern was changed by someone else: reload it and try again");
}

/** Who is told at once: the council's designated safeguarding contacts, or every coordinator and manager. */
async function safeguardingRecipients(table: TenantTable, policy: TenantPolicy): Promise<string[]> {
  const named = policy.concerns.safeguardingContacts;
  return named.length > 0 ? [...named] : staffEmails(table, STAFF);
}

/**
 * A concern, submitted at once: the record, the reporter's own list entry, the acknowledgement timer,
 * the e-mail to the safeguarding contacts and, where the route names them, the notice to the child's social
 * worker (social-worker.ts), all in one transaction.
 */
export async function submitConcern(
  table: TenantTable,
  report: ConcernReport,
  /** The match it is about, already checked as one the reporter may name (their own, for a volunteer). */
  match: { matchId: string; referralId: string } | null,
  policy: TenantPolicy,
  links: TenantLinks,
  /** How the child's social worker reaches the scheme (the council's contact phone or e-mail). */
  contact: string,
  now = new Date(),
): Promise<StoredConcern> {
  // A report of something that has happened: year 9999 or 0000 is a mistyped date, refused before anyone is e-mailed.
  const when = happenedAtProblem(report.happenedAt, now, "When it happened");
  if (when) throw invalid([{ path: "happenedAt", message: when }]);
  const matchId = match?.matchId ?? null;
  const tenantId = table.ctx.tenantId;
  const id = randomUUID();
  const actor = table.ctx.actor;
  const concern: StoredConcern = {
    id,
    reference: `CON-${id.slice(0, 8).toUpperCase()}`,
    report,
    reporter: { personId: actor.personId, name: actor.name, roles: [...table.ctx.roles] },
    matchId,
    submittedAt: now.toISOString(),
    addenda: [],
    actions: [],
    acknowledged: null,
    escalatedAt: null,
    version: 1,
  };
  const to = await safeguardingRecipients(table, policy);
  const due = acknowledgementDueAt(concern.submittedAt, policy.concerns.acknowledgeWithinHours);
  const ops: WriteOp[] = [
    concernEntity.put(tenantId, concern, "absent"),
    reportedConcernEntity.put(
      tenantId,
      {
        personId: actor.personId,
        id,
        reference: concern.reference,
        concernType: report.type,
        submittedAt: concern.submittedAt,
      },
      "absent",
    ),
    timerEntity.put(tenantId, pendingTimer("concern_ack", id, due), "absent"),
    auditOp(table, { action: "create", subject: subject(id) }),
    ...(await concernSummaryOps(table, null, concern)),
  ];
  if (to.length > 0)
    ops.push(outboxOp(table, concernReportedEmail(links, to, { id, reference: concern.reference, type: report.type })));
  if (match) {
    const notice = { referralId: match.referralId, reference: concern.reference, type: report.type, contact };
    ops.push(...(await socialWorkerNoticeOps(table, notice, links, now)));
  }
  await table.transact(ops);
  return concern;
}

/** A concern, for coordinators and managers or the person who reported it; every read is audited. */
export async function getConcern(table: TenantTable, id: string): Promise<StoredConcern> {
  const concern = await concernEntity.get(table, { id });
  const staff = table.ctx.roles.some((r) => STAFF.includes(r));
  if (!concern || (!staff && concern.reporter.personId !== table.ctx.actor.personId)) {
    throw new Problem("not_found", "No concern with that id");
  }
  await auditRead(table, { action: "read", subject: subject(id) });
  return concern;
}

export async function listConcerns(table: TenantTable, limit: number, cursor: string | null) {
  await auditRead(table, { action: "list", subject: { type: "concern-list", id: table.ctx.tenantId } });
  return concernEntity.page(table, {
    pk: keys.concernList(table.ctx.tenantId),
    index: "gsi1",
    limit,
    cursor,
    newestFirst: true,
  });
}

export async function listMyConcerns(table: TenantTable, limit: number, cursor: string | null) {
  const personId = table.ctx.actor.personId;
  await auditRead(table, { action: "list", subject: { type: "concern-list", id: personId } });
  return reportedConcernEntity.page(table, {
    pk: keys.tenantPartition(table.ctx.tenantId),
    skPrefix: keys.reportedConcernPrefix(personId),
    limit,
    cursor,
    newestFirst: true,
  });
}

async function change(
  table: TenantTable,
  id: string,
  version: number,
  build: (c: StoredConcern) => StoredConcern,
  field: string,
  extra: (c: StoredConcern, before: StoredConcern) => WriteOp[] | Promise<WriteOp[]> = () => [],
): Promise<StoredConcern> {
  const current = await getConcern(table, id);
  if (current.version !== version) throw stale();
  const next = { ...build(current), version: current.version + 1 };
  await table.transact([
    concernEntity.put(table.ctx.tenantId, next, { version: current.version, message: stale().message }),
    auditOp(table, { action: "update", subject: subject(id), fields: [field] }),
    ...(await extra(next, current)),
  ]);
  return next;
}

const byActor = (table: TenantTable) => ({ personId: table.ctx.actor.personId, name: table.ctx.actor.name });

/** Adds to a report (the reporter or staff): the report itself is never changed. */
export function addToConcern(
  table: TenantTable,
  id: string,
  version: number,
  addendum: ConcernAddendum,
  now = new Date(),
) {
  return change(
    table,
    id,
    version,
    (c) => ({ ...c, addenda: [...c.addenda, { ...addendum, at: now.toISOString(), by: byActor(table) }] }),
    "addenda",
  );
}

/** A coordinator acknowledges the concern: the time it took is kept, and the timer stops. */
export function acknowledgeConcern(table: TenantTable, id: string, version: number, now = new Date()) {
  return change(
    table,
    id,
    version,
    (c) => {
      if (c.acknowledged) throw new Problem("conflict", `This concern was acknowledged by ${c.acknowledged.by.name}`);
      const at = now.toISOString();
      return { ...c, acknowledged: { at, by: byActor(table), minutes: minutesToAcknowledge(c.submittedAt, at) } };
    },
    "acknowledged",
    async (c, before) => [
      timerEntity.put(
        table.ctx.tenantId,
        { ...pendingTimer("concern_ack", c.id, new Date(c.submittedAt)), doneAt: now.toISOString() },
        "any",
      ),
      ...(await concernSummaryOps(table, before, c)),
    ],
  );
}

/** What staff did (social worker told, carer, police, the volunteer suspended...). */
export async function recordConcernAction(
  table: TenantTable,
  id: string,
  version: number,
  action: ConcernAction,
  now = new Date(),
) {
  const when = happenedAtProblem(action.at, now, "When it was done");
  if (when) throw invalid([{ path: "action.at", message: when }]);
  return change(
    table,
    id,
    version,
    (c) => ({ ...c, actions: [...c.actions, { ...action, by: byActor(table), recordedAt: now.toISOString() }] }),
    "actions",
  );
}

/**
 * The acknowledgement timer's run: each concern still unacknowledged past the council's hours e-mails
 * the managers, once (the timer leaves the due view in the same transaction). Returns how many fired.
 */
export async function escalateUnacknowledgedConcerns(
  table: TenantTable,
  policy: TenantPolicy,
  links: TenantLinks,
  now = new Date(),
): Promise<number> {
  const due = await dueTimers(table, "concern_ack", now);
  if (due.length === 0) return 0;
  const managers = await staffEmails(table, ["manager"]);
  let fired = 0;
  for (const timer of due) {
    const concern = await concernEntity.get(table, { id: timer.subjectId }, { consistent: true });
    const firedTimer = { ...timer, firedAt: now.toISOString() };
    const ops: WriteOp[] = [timerEntity.put(table.ctx.tenantId, firedTimer, "any")];
    // The timer fell due at the council's hours after submission; it fires unless someone acknowledged meanwhile.
    if (concern && concern.acknowledged === null && concern.escalatedAt === null) {
      ops.push(
        concernEntity.put(
          table.ctx.tenantId,
          { ...concern, escalatedAt: now.toISOString(), version: concern.version + 1 },
          { version: concern.version },
        ),
        auditOp(table, { action: "update", subject: subject(concern.id), fields: ["escalatedAt"] }),
      );
      if (managers.length > 0) {
        ops.push(
          outboxOp(
            table,
            concernUnacknowledgedEmail(
              links,
              managers,
              { ...concern, type: concern.report.type },
              policy.concerns.acknowledgeWithinHours,
            ),
          ),
        );
      }
      fired += 1;
    }
    try {
      await table.transact(ops);
    } catch (e) {
      // A coordinator acknowledged it, or another run fired it, in between: nothing more to do for it.
      if (!(e instanceof Problem && e.code === "version_conflict")) throw e;
      fired -= ops.length > 1 ? 1 : 0;
    }
  }
  return fired;
}
