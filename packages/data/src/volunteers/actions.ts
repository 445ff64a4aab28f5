import { happenedOnProblem, todayInLondon } from "@tandem/domain/calendar";
import { invalid } from "@tandem/domain/problems";
import type { Tenant } from "@tandem/domain/tenants";
import {
  applyVolunteerAction,
  approvalBlockers,
  type DocumentCheck,
  decisionLetterDueBy,
  gateBlockers,
  nextSignOff,
  recordsRequired,
  STEP_CATALOGUE,
  type VolunteerActionRequest,
  type VolunteerBlocker,
  type VolunteerStage,
} from "@tandem/domain/volunteers";
import { auditOp, auditRead } from "../audit.js";
import { Problem } from "../errors.js";
import * as keys from "../keys.js";
import type { TenantLinks } from "../links.js";
import { addRolesOps, findMember, invitedMemberOps, newMember } from "../members.js";
import { outboxOp } from "../outbox.js";
import { coordinatorEmails } from "../referrals/coordinators.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import { findMyVolunteer } from "./contact.js";
import { circumstancesEmail, decisionEmail } from "./emails.js";
import { pipelineVersion } from "./pipelines.js";
import {
  boardRow,
  domainRecord,
  historyEntry,
  loadVolunteer,
  loadVolunteerAt,
  referenceChecks,
  type StoredVolunteer,
  saveOps,
  staleVolunteer,
  type VolunteerProfileData,
  volunteerView,
  withHistory,
} from "./records.js";

/** One board page: every volunteer (by id) or one stage (longest in the stage first); one Query either way. */
export async function listVolunteers(
  table: TenantTable,
  tenant: Tenant,
  q: { stage?: VolunteerStage | undefined; limit: number; cursor?: string | undefined },
  now = new Date(),
) {
  const tenantId = table.ctx.tenantId;
  await auditRead(table, { action: "list", subject: { type: "volunteer-list", id: tenantId } });
  const page = q.stage
    ? await table.query({
        pk: keys.volunteerStageView(tenantId, q.stage),
        index: "gsi1",
        limit: q.limit,
        cursor: q.cursor ?? null,
      })
    : await table.query({
        pk: keys.volunteerListPartition(tenantId),
        skPrefix: "V#",
        limit: q.limit,
        cursor: q.cursor ?? null,
      });
  const today = todayInLondon(now);
  return { items: page.items.map((i) => boardRow(i, tenant.policy, today)), cursor: page.cursor };
}

/** The full record for staff; the read is audited before anything is returned. */
export async function getVolunteer(table: TenantTable, tenant: Tenant, id: string, now = new Date()) {
  const v = await loadVolunteer(table, id);
  await auditRead(table, { action: "read", subject: { type: "volunteer", id } });
  return volunteerView(
    v,
    tenant.policy,
    todayInLondon(now),
    table.ctx.roles,
    await pipelineVersion(table, v.pipelineVersion),
  );
}

/** A refusal carrying each blocker, so the SPA can show them as a checklist. */
function blocked(what: string, blockers: readonly VolunteerBlocker[]): Problem {
  return new Problem("conflict", `${what}: ${blockers.map((b) => b.message).join("; ")}`, {
    fields: blockers.map((b) => ({
      path: `blockers.${b.code}${b.check ? `.${b.check}` : ""}`,
      message: b.message,
    })),
  });
}

/**
 * Finds or creates the sign-in for an e-mail address (the identity provider's job, so the API
 * passes it in): approval invites the volunteer to an account of their own.
 */
export type EnsureAccount = (email: string, name: string) => Promise<{ personId: string }>;

/**
 * The writes that give an approved volunteer their own sign-in: a new member of the council with the
 * volunteer role (invited by e-mail, joining when they set a password), or, for someone who is
 * already a member (a coordinator who also volunteers), the volunteer role added to their membership.
 */
async function accountOps(table: TenantTable, v: StoredVolunteer, personId: string, links: TenantLinks) {
  const existing = await findMember(table, personId);
  if (!existing) {
    const member = newMember(table.ctx.tenantId, personId, { name: v.name, email: v.email, roles: ["volunteer"] });
    return invitedMemberOps(
      table,
      member,
      { name: links.tenantName, slug: links.slug },
      links.publicBaseUrl,
      v.language,
    );
  }
  return existing.roles.includes("volunteer") ? [] : addRolesOps(table, existing, ["volunteer"]);
}

/**
 * Runs one step of safer recruitment on the pipeline version the volunteer applied under: the
 * domain's table decides whether the step exists now and who may take it; a gated step (checks
 * cleared, references, training) and each sign-off are refused while anything blocks them; a
 * sign-off is refused from someone who has already given one. A decision writes the e-mail to the
 * applicant in the same transaction; the final approval also invites them to their own sign-in,
 * linked to this record (`ensureAccount`), so the certificate and their matches are theirs to see.
 */
export async function takeVolunteerAction(
  table: TenantTable,
  tenant: Tenant,
  id: string,
  request: VolunteerActionRequest & { version: number },
  links: TenantLinks,
  ensureAccount?: EnsureAccount,
  now = new Date(),
): Promise<StoredVolunteer> {
  const v = await loadVolunteer(table, id);
  const { pipeline, version: pipelineAt } = await pipelineVersion(table, v.pipelineVersion);
  const roles = table.ctx.roles;
  const tries = roles.map((r) => applyVolunteerAction(v.stage, request.action, r, pipeline));
  const ok = tries.find((t) => t.ok);
  if (!ok?.ok) {
    const first = tries[0] ?? applyVolunteerAction(v.stage, request.action, "volunteer", pipeline);
    if (!first.ok && first.reason === "not_allowed_now") {
      throw new Problem(
        "conflict",
        `"${request.action}" is not possible while the volunteer is at ${v.stage} on their pipeline (version ${pipelineAt}); possible now: ${first.allowed.join(", ") || "nothing (the record is closed)"}`,
        { allowed: first.allowed },
      );
    }
    const needed = tries.flatMap((t) => (!t.ok && t.reason === "wrong_role" ? t.roles : []));
    const uniq = [...new Set(needed)];
    throw new Problem(
      "forbidden",
      `Only someone with the role ${uniq.join(" or ")} can ${request.action.replace(/_/g, " ")} at ${v.stage}`,
    );
  }
  if (v.version !== request.version) throw staleVolunteer();
  const today = todayInLondon(now);
  const record = "record" in request ? request.record : undefined;
  if (ok.step !== undefined && record === undefined && recordsRequired(pipelineAt)) {
    throw invalid(
      [{ path: "record", message: "Record the step: the date, who took part, the outcome and the reason" }],
      "request body",
    );
  }
  if (record !== undefined && ok.step === undefined) {
    // Only a pipeline step has a record; an outcome sent with anything else must not decide anything.
    throw invalid([
      { path: "record", message: `"${request.action}" is not a step of the pipeline: send notes instead of a record` },
    ]);
  }
  // A step that took place: a bad date is the request's fault (400 naming it), not a clash with the record.
  const on = record === undefined ? null : happenedOnProblem(record.on, today, "The date of the step");
  if (on) throw invalid([{ path: "record.on", message: on }]);
  const domain = () => domainRecord({ ...v, references: referenceChecks(v.references) });
  const gate = ok.step ? STEP_CATALOGUE[ok.step].gate : null;
  const proceeding = !(record && "outcome" in record && record.outcome === "do_not_proceed");
  if (gate !== null && proceeding) {
    const blockers = gateBlockers(gate, domain(), tenant.policy, today);
    if (blockers.length > 0)
      throw blocked(
        `"${STEP_CATALOGUE[gate === "checks" ? "checks_cleared" : gate].label}" cannot be recorded yet`,
        blockers,
      );
  }
  let signOffs = v.signOffs;
  let lastSignOff = true;
  if (request.action === "approve") {
    const next = nextSignOff(pipeline, v.signOffs, { personId: table.ctx.actor.personId, roles });
    if (!next.ok) throw new Problem(next.refusal, next.message);
    const blockers = approvalBlockers(domain(), tenant.policy, today);
    if (blockers.length > 0) throw blocked("This volunteer cannot be approved yet", blockers);
    lastSignOff = next.last;
    signOffs = [
      ...v.signOffs,
      {
        title: next.signOff.title,
        by: { personId: table.ctx.actor.personId, name: table.ctx.actor.name },
        on: today,
        ...(request.notes ? { notes: request.notes } : {}),
      },
    ];
  }
  const to = !proceeding ? "not_approved" : lastSignOff ? ok.to : v.stage;
  const reason = "reason" in request ? request.reason : !proceeding ? record?.reason : undefined;
  const notes = "notes" in request ? request.notes : undefined;
  const recommendation = request.action === "record_panel_recommendation" ? request.recommendation : undefined;
  const approved = request.action === "approve" && lastSignOff;
  const declined = to === "not_approved";
  const isDecision = approved || (declined && (v.stage === "manager_decision" || !proceeding));
  // The sign-in is found or made before the transaction; nobody becomes a member until it commits.
  const account = approved && ensureAccount && v.personId === null ? await ensureAccount(v.email, v.name) : null;
  const next: StoredVolunteer = {
    ...v,
    stage: to,
    stageSince: to === v.stage ? v.stageSince : today,
    signOffs,
    history: withHistory(
      v,
      historyEntry(table, request.action, v.stage, to, {
        ...(reason ? { reason } : {}),
        ...(notes ? { notes } : {}),
        ...(recommendation ? { recommendation } : {}),
        ...(record ? { record: { ...record, ...(recommendation ? { outcome: recommendation } : {}) } } : {}),
        ...(request.action === "approve"
          ? { detail: `${signOffs.at(-1)?.title} sign-off (${signOffs.length} of ${pipeline.signOffs.length})` }
          : {}),
      }),
    ),
    ...(recommendation ? { panelRecommendation: recommendation } : {}),
    ...(approved ? { approvedOn: today, approvedBy: { name: table.ctx.actor.name } } : {}),
    ...(isDecision ? { decidedOn: today, decisionLetterDueBy: decisionLetterDueBy(today, tenant.policy) } : {}),
    ...(request.action === "suspend" ? { suspensionReason: reason ?? null } : {}),
    ...(request.action === "reinstate" ? { suspensionReason: null } : {}),
    ...(account ? { personId: account.personId } : {}),
    version: v.version + 1,
  };
  if (account) next.history = withHistory(next, historyEntry(table, "linked_to_account", to, to, {}));
  const ops: WriteOp[] = [
    ...saveOps(table.ctx.tenantId, next, v),
    auditOp(table, {
      action: "update",
      subject: { type: "volunteer", id },
      fields: account ? ["stage", "personId"] : ["stage"],
    }),
    ...(account ? await accountOps(table, v, account.personId, links) : []),
  ];
  // The applicant hears every decision not to go ahead, and the final approval, in writing.
  const firstName = v.application.contact.firstName;
  if (approved) {
    const signers = pipeline.signOffs.length > 1 ? signOffs.map((s) => `${s.by.name} (${s.title})`) : [];
    ops.push(outboxOp(table, decisionEmail(links, v.email, firstName, "approved", null, signers, v.language)));
  } else if (declined) {
    ops.push(outboxOp(table, decisionEmail(links, v.email, firstName, "not_approved", reason ?? null, [], v.language)));
  }
  await table.transact(ops);
  return next;
}

/** A check recorded by the coordinator; its expiry follows from the tenant's rules on every read. */
export async function recordCheck(
  table: TenantTable,
  id: string,
  check: DocumentCheck,
  version: number,
  now = new Date(),
): Promise<StoredVolunteer> {
  const v = await loadVolunteerAt(table, id, version);
  const today = todayInLondon(now);
  const requested = happenedOnProblem(check.requestedOn, today, "The date the check was requested");
  if (requested) throw invalid([{ path: "check.requestedOn", message: requested }]);
  const completed =
    check.completedOn === undefined ? null : happenedOnProblem(check.completedOn, today, "The date of the outcome");
  if (completed) throw invalid([{ path: "check.completedOn", message: completed }]);
  if (["not_approved", "withdrawn", "ended"].includes(v.stage)) {
    throw new Problem("conflict", `This record is closed (${v.stage}): checks can no longer be recorded on it`);
  }
  // A new pending record replaces an older pending one of the same kind; outcomes are kept as history.
  const checks = [...v.checks.filter((c) => !(c.kind === check.kind && c.status === "pending")), check].slice(-200);
  const next: StoredVolunteer = {
    ...v,
    checks,
    history: withHistory(
      v,
      historyEntry(table, "check_recorded", v.stage, v.stage, { detail: `${check.kind}: ${check.status}` }),
    ),
    version: v.version + 1,
  };
  await table.transact([
    ...saveOps(table.ctx.tenantId, next, v),
    auditOp(table, { action: "update", subject: { type: "volunteer", id }, fields: ["checks"] }),
  ]);
  return next;
}

export async function recordTraining(
  table: TenantTable,
  tenant: Tenant,
  id: string,
  code: string,
  completedOn: string,
  version: number,
  now = new Date(),
): Promise<StoredVolunteer> {
  const v = await loadVolunteerAt(table, id, version);
  const known = tenant.policy.volunteers.training.map((t) => t.code);
  if (!known.includes(code)) {
    throw new Problem(
      "not_found",
      `This scheme has no training "${code}"; its training is: ${known.join(", ") || "none"}`,
    );
  }
  const completed = happenedOnProblem(completedOn, todayInLondon(now), "The date the training was completed");
  if (completed) throw invalid([{ path: "completedOn", message: completed }]);
  const next: StoredVolunteer = {
    ...v,
    training: [...v.training, { code, completedOn }].slice(-200),
    history: withHistory(
      v,
      historyEntry(table, "training_recorded", v.stage, v.stage, { detail: `${code}: ${completedOn}` }),
    ),
    version: v.version + 1,
  };
  await table.transact([
    ...saveOps(table.ctx.tenantId, next, v),
    auditOp(table, { action: "update", subject: { type: "volunteer", id }, fields: ["training"] }),
  ]);
  return next;
}

/**
 * The signed-in volunteer's own record: found through the e-mail they applied with, which must be
 * the verified e-mail of their sign-in. No id is taken from the request, so nobody can reach
 * another volunteer's record this way. The first visit links the record to their account.
 */
export const loadMyVolunteer = (table: TenantTable): Promise<StoredVolunteer> =>
  findMyVolunteer(table, (id) => loadVolunteer(table, id));

export async function updateMyVolunteer(
  table: TenantTable,
  input: { profile?: VolunteerProfileData | undefined; changeOfCircumstances?: string | undefined; version: number },
  links: TenantLinks,
  now = new Date(),
): Promise<StoredVolunteer> {
  const v = await loadMyVolunteer(table);
  if (v.version !== input.version) throw staleVolunteer();
  const at = now.toISOString();
  let history = v.history;
  const push = (e: Parameters<typeof withHistory>[1]) => {
    history = withHistory({ ...v, history }, e);
  };
  if (v.personId === null) push(historyEntry(table, "linked_to_account", v.stage, v.stage, {}, at));
  if (input.profile) push(historyEntry(table, "profile_updated", v.stage, v.stage, {}, at));
  if (input.changeOfCircumstances) push(historyEntry(table, "circumstances_reported", v.stage, v.stage, {}, at));
  const next: StoredVolunteer = {
    ...v,
    personId: table.ctx.actor.personId,
    ...(input.profile ? { profile: input.profile } : {}),
    circumstances: input.changeOfCircumstances
      ? [...v.circumstances, { at, text: input.changeOfCircumstances }].slice(-50)
      : v.circumstances,
    history,
    version: v.version + 1,
  };
  const ops: WriteOp[] = [
    ...saveOps(table.ctx.tenantId, next, v),
    auditOp(table, {
      action: "update",
      subject: { type: "volunteer", id: v.id },
      fields: [...(input.profile ? ["profile"] : []), ...(input.changeOfCircumstances ? ["circumstances"] : [])],
    }),
  ];
  if (input.changeOfCircumstances) {
    const to = await coordinatorEmails(table);
    if (to.length > 0) ops.push(outboxOp(table, circumstancesEmail(links, to, v.name, v.reference)));
  }
  await table.transact(ops);
  return next;
}
