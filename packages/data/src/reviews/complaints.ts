import { randomUUID } from "node:crypto";
import { displayDate, happenedOnProblem, todayInLondon } from "@tandem/domain/calendar";
import {
  type ComplaintStage,
  escalationProblem,
  type NewComplaint,
  type StageOutcome,
  stageDueOn,
} from "@tandem/domain/complaints";
import type { TenantPolicy } from "@tandem/domain/tenants";
import { auditOp, auditRead } from "../audit.js";
import { invalid, Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantTable } from "../tenant-table.js";
import { complaintEntity, type StoredComplaint } from "./records.js";
import { stampOf } from "./stamp.js";

/** Opens a complaint at stage 1, due in the council's working days (none until it sets them). */
export async function recordComplaint(
  table: TenantTable,
  input: NewComplaint,
  policy: TenantPolicy,
  now = new Date(),
): Promise<StoredComplaint> {
  // Every later date (each stage's start and response) is on or after this one, so this floor holds for them too.
  const received = happenedOnProblem(input.receivedOn, todayInLondon(now), "The date received");
  if (received) throw invalid([{ path: "receivedOn", message: received }]);
  const c: StoredComplaint = {
    id: randomUUID(),
    receivedOn: input.receivedOn,
    complainant: input.complainant,
    complainantName: input.complainantName,
    summary: input.summary,
    matchId: input.matchId ?? null,
    stages: [{ stage: 1, startedOn: input.receivedOn, dueOn: stageDueOn(1, input.receivedOn, policy), outcome: null }],
    recorded: stampOf(table, now),
    version: 1,
  };
  await table.transact([
    complaintEntity.put(table.ctx.tenantId, c, "absent"),
    auditOp(table, { action: "create", subject: { type: "complaint", id: c.id }, fields: ["complaint"] }),
  ]);
  return c;
}

async function loadAt(table: TenantTable, id: string, version: number) {
  const c = await complaintEntity.get(table, { id });
  if (!c) throw new Problem("not_found", "There is no such complaint");
  if (c.version !== version)
    throw new Problem("version_conflict", "The complaint changed since you opened it: reload and try again");
  return c;
}

/** The current stage's response: its date, outcome and who dealt with it. */
export async function respondToComplaint(
  table: TenantTable,
  id: string,
  version: number,
  outcome: StageOutcome,
  now = new Date(),
): Promise<StoredComplaint> {
  const c = await loadAt(table, id, version);
  const current = c.stages.at(-1);
  if (!current || current.outcome !== null)
    throw new Problem(
      "conflict",
      "This stage has already responded: escalate it to the next stage if it was not accepted",
    );
  const responded =
    outcome.respondedOn < current.startedOn
      ? `The response date cannot be before stage ${current.stage} started, on ${displayDate(current.startedOn)}`
      : happenedOnProblem(outcome.respondedOn, todayInLondon(now), "The response date");
  if (responded) throw invalid([{ path: "outcome.respondedOn", message: responded }]);
  const next: StoredComplaint = {
    ...c,
    stages: [...c.stages.slice(0, -1), { ...current, outcome }],
    version: c.version + 1,
  };
  await table.transact([
    complaintEntity.put(table.ctx.tenantId, next, { version: c.version }),
    auditOp(table, { action: "update", subject: { type: "complaint", id }, fields: ["stages"] }),
  ]);
  return next;
}

/** The complainant "cannot accept" the stage's report: the next stage starts. */
export async function escalateComplaint(
  table: TenantTable,
  id: string,
  version: number,
  startedOn: string,
  policy: TenantPolicy,
  now = new Date(),
): Promise<StoredComplaint> {
  const c = await loadAt(table, id, version);
  const problem = escalationProblem(c.stages);
  if (problem) throw new Problem("conflict", problem);
  const current = c.stages.at(-1);
  if (!current?.outcome) throw new Problem("conflict", "The current stage has not responded yet");
  // On or after the last response, which is on or after the day the complaint was received.
  const started =
    startedOn < current.outcome.respondedOn
      ? `The next stage cannot start before stage ${current.stage}'s response, on ${displayDate(current.outcome.respondedOn)}`
      : happenedOnProblem(startedOn, todayInLondon(now), "The date the next stage starts");
  if (started) throw invalid([{ path: "startedOn", message: started }]);
  const stage = (current.stage + 1) as ComplaintStage;
  const next: StoredComplaint = {
    ...c,
    stages: [...c.stages, { stage, startedOn, dueOn: stageDueOn(stage, startedOn, policy), outcome: null }],
    version: c.version + 1,
  };
  await table.transact([
    complaintEntity.put(table.ctx.tenantId, next, { version: c.version }),
    auditOp(table, { action: "update", subject: { type: "complaint", id }, fields: ["stages"] }),
  ]);
  return next;
}

/** One page of the register, oldest first (audited). */
export async function listComplaints(table: TenantTable, opts: { limit: number; cursor?: string | null }) {
  await auditRead(table, { action: "list", subject: { type: "complaint", id: "register" } });
  return complaintEntity.page(table, {
    pk: keys.complaintsRegister(table.ctx.tenantId),
    index: "gsi1",
    limit: opts.limit,
    cursor: opts.cursor ?? null,
  });
}
