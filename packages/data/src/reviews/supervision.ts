import { randomUUID } from "node:crypto";
import { happenedOnProblem, todayInLondon } from "@tandem/domain/calendar";
import type { SupervisionRecord } from "@tandem/domain/supervision";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { auditOp, auditRead } from "../audit.js";
import { invalid, Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantLinks } from "../links.js";
import { activeMembers } from "../members.js";
import { outboxOp } from "../outbox.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { escalationEmail } from "./emails.js";
import {
  type StoredSupervision,
  supervisionAttendanceEntity,
  supervisionEntity,
  supervisionScheduleEntity,
} from "./records.js";
import { withNextSupervision } from "./schedule.js";
import { stampOf } from "./stamp.js";

/**
 * Records a supervision session once for everyone who attended, moving each volunteer's next
 * supervision on in the same transaction. Only volunteers being supervised (with an active match)
 * can be named: another council's volunteer, or an unknown one, is not found.
 */
export async function recordSupervision(
  table: TenantTable,
  record: SupervisionRecord,
  policy: TenantPolicy,
  links: TenantLinks,
  now = new Date(),
): Promise<StoredSupervision> {
  const today = todayInLondon(now);
  const heldOn = happenedOnProblem(record.heldOn, today, "The session date");
  if (heldOn) throw invalid([{ path: "heldOn", message: heldOn }]);
  const entries = await Promise.all(
    record.volunteerIds.map((volunteerId) => supervisionScheduleEntity.get(table, { volunteerId })),
  );
  const ops: WriteOp[] = [];
  const tenantId = table.ctx.tenantId;
  const session: StoredSupervision = {
    id: randomUUID(),
    kind: record.kind,
    heldOn: record.heldOn,
    volunteerIds: record.volunteerIds,
    notes: record.notes ?? null,
    issuesRaised: record.issuesRaised ?? null,
    escalateToManager: record.escalateToManager,
    recorded: stampOf(table, now),
  };
  entries.forEach((entry, i) => {
    if (!entry) throw new Problem("not_found", `Volunteer ${record.volunteerIds[i]} has no match to be supervised on`);
    const earliest = Object.values(entry.matchStarts).sort()[0];
    if (earliest !== undefined && record.heldOn < earliest)
      throw invalid([{ path: "heldOn", message: `The session cannot be before ${entry.label}'s match started` }]);
    const next = withNextSupervision(
      {
        ...entry,
        sessions: [...entry.sessions, { kind: record.kind, heldOn: record.heldOn }],
        version: entry.version + 1,
      },
      policy,
    );
    ops.push(
      supervisionScheduleEntity.put(tenantId, next, { version: entry.version }),
      supervisionAttendanceEntity.put(
        tenantId,
        { volunteerId: entry.volunteerId, heldOn: record.heldOn, sessionId: session.id, kind: record.kind },
        "absent",
      ),
    );
  });
  ops.push(supervisionEntity.put(tenantId, session, "absent"));
  if (record.escalateToManager) {
    const to = await managerEmails(table);
    if (to.length > 0) ops.push(outboxOp(table, escalationEmail(links, to, record.heldOn, table.ctx.actor.name)));
  }
  for (const id of record.volunteerIds)
    ops.push(auditOp(table, { action: "create", subject: { type: "volunteer", id }, fields: ["supervision"] }));
  await table.transact(ops);
  return session;
}

/**
 * The council's managers, told of an issue raised in supervision (Leicestershire: "raised with the coordinator's
 * manager"): the active members with the role, read from the member records (a few dozen at most), at most 50.
 */
async function managerEmails(table: TenantTable): Promise<string[]> {
  const members = await activeMembers(table);
  return members
    .filter((m) => m.roles.includes("manager"))
    .map((m) => m.email)
    .slice(0, 50);
}

/** A volunteer's supervision sessions, newest first (audited). */
export async function listSupervision(table: TenantTable, volunteerId: string): Promise<StoredSupervision[]> {
  await auditRead(table, { action: "read", subject: { type: "volunteer", id: volunteerId }, fields: ["supervision"] });
  const page = await supervisionAttendanceEntity.page(table, {
    pk: keys.tenantPartition(table.ctx.tenantId),
    skPrefix: keys.supervisionAttendancePrefix(volunteerId),
    limit: 50,
    newestFirst: true,
  });
  const sessions = await Promise.all(page.items.map((a) => supervisionEntity.get(table, { id: a.sessionId })));
  return sessions.filter((s): s is StoredSupervision => s !== undefined);
}
