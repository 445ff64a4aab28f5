import {
  MyVolunteerRecord,
  RecordPhoneConfirmation,
  RecordTraining,
  RecordVolunteerCheck,
  RemindersRun,
  RequestReference,
  RunVolunteerReminders,
  SuspendVolunteer,
  TakeVolunteerAction,
  UpdateMyVolunteerRecord,
  Volunteer,
  VolunteerCheckParam,
  VolunteerIdParam,
  VolunteerListQuery,
  VolunteerPage,
  VolunteerReferenceParam,
  VolunteerTrainingParam,
} from "@tandem/contracts/volunteers";
import { auditRead } from "@tandem/data/core";
import * as keys from "@tandem/data/keys";
import {
  certificateAvailable,
  confirmReferenceByPhone,
  getVolunteer,
  listVolunteers,
  loadMyVolunteer,
  loadVolunteer,
  myView,
  pipelineVersion,
  recordCheck,
  recordTraining,
  requestReference,
  runVolunteerReminders,
  type StoredVolunteer,
  takeVolunteerAction,
  updateMyVolunteer,
  volunteerView,
} from "@tandem/data/volunteers";
import { invalid, Problem } from "@tandem/domain/problems";
import { DocumentCheckKind } from "@tandem/domain/volunteers";
import type { Context } from "hono";
import * as z from "zod";
import type { AppEnv } from "../../deps.js";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";
import { CERTIFICATE_CSP, certificateHtml } from "./certificate.js";

const json = jsonResponse;
const readers = { kind: "tenant", roles: ["coordinator", "manager", "panel_member"] } as const;
const coordinators = { kind: "tenant", roles: ["coordinator"] } as const;
/** Actions are open to every role that takes one; the domain's table says which role may take which. */
const deciders = { kind: "tenant", roles: ["coordinator", "panel_member", "manager"] } as const;
const volunteers = { kind: "tenant", roles: ["volunteer"] } as const;
/** A change to a volunteer's record: it may be gone, closed to the change, or changed meanwhile. */
const changeRefusals = ["not_found", "conflict", "version_conflict"] as const;

const route = routesFor({ tags: ["volunteers"], access: coordinators });

const list = route("get", "/api/volunteers", {
  summary:
    "The recruitment board: one page of volunteers, all or one stage (longest in stage first). " +
    "Panel members see only the applicants at the panel stage (stage=panel).",
  access: readers,
  refuses: ["invalid_cursor"],
  request: { query: VolunteerListQuery },
  responses: { 200: json(VolunteerPage, "One page of board rows") },
});

const me = route("get", "/api/volunteers/me", {
  summary: "The signed-in volunteer's own record (profile, training, whether matchable)",
  access: volunteers,
  refuses: ["not_found"],
  responses: { 200: json(MyVolunteerRecord, "Your record") },
});

const updateMe = route("patch", "/api/volunteers/me", {
  summary: "Update your own profile and/or report a change of circumstances (the coordinator is told)",
  access: volunteers,
  refuses: changeRefusals,
  request: { body: jsonBody(UpdateMyVolunteerRecord) },
  responses: { 200: json(MyVolunteerRecord, "Your record") },
});

const myCertificate = route("get", "/api/volunteers/me/certificate", {
  summary: "Your certificate of approval (a page to print or save as PDF), once approved",
  access: volunteers,
  refuses: ["not_found", "conflict"],
  responses: { 200: { description: "The certificate", content: { "text/html": { schema: z.string() } } } },
});

const reminders = route("post", "/api/volunteers/reminders/run", {
  summary: "Send today's reminders (checks about to expire, referees not answering); idempotent per day",
  description:
    "Reminders go through the outbox; a second run on the same day sends nothing twice. A scheduled daily run in " +
    "AWS is not set up yet: a coordinator starts it.",
  request: { body: jsonBody(RunVolunteerReminders) },
  responses: { 200: json(RemindersRun, "What this run sent") },
});

const one = route("get", "/api/volunteers/{id}", {
  summary: "A volunteer's full record, every check's state today, blockers and your possible actions (audited read)",
  access: readers,
  refuses: ["not_found"],
  request: { params: VolunteerIdParam },
  reads: ({ id = "" }, tenantId) => [keys.volunteer(tenantId, id)],
  responses: { 200: json(Volunteer, "The volunteer") },
});

const action = route("post", "/api/volunteers/{id}/actions", {
  summary: "Move a volunteer on, stop them with a reason, record the panel's recommendation or the manager's decision",
  description:
    "Wrong role: 403 naming the roles that may. Not possible at this stage: 409 with `allowed`. `approve` is refused " +
    "with 409 listing every blocker (in `fields`) while any check, reference or independence question is open. " +
    "The final approval invites the volunteer by e-mail to a sign-in of their own with the volunteer role, linked " +
    "to their record (or adds the volunteer role to an existing member with their e-mail).",
  access: deciders,
  refuses: changeRefusals,
  request: { params: VolunteerIdParam, body: jsonBody(TakeVolunteerAction) },
  responses: { 200: json(Volunteer, "The volunteer after the action") },
});

const suspend = route("post", "/api/volunteers/{id}/suspend", {
  summary: "Suspend an approved volunteer with a reason; blocks new matches",
  refuses: changeRefusals,
  request: { params: VolunteerIdParam, body: jsonBody(SuspendVolunteer) },
  responses: { 200: json(Volunteer, "The volunteer, suspended") },
});

const check = route("put", "/api/volunteers/{id}/checks/{kind}", {
  summary: "Record a check (DBS with certificate number and issue date, local authority, right to work, ...)",
  refuses: changeRefusals,
  request: { params: VolunteerCheckParam, body: jsonBody(RecordVolunteerCheck) },
  responses: { 200: json(Volunteer, "The volunteer with the check") },
});

const referenceRequest = route("post", "/api/volunteers/{id}/references/{index}/request", {
  summary:
    "E-mail referee {index} (from 0) a single-use link to the reference form; a new request replaces the old link",
  refuses: changeRefusals,
  request: { params: VolunteerReferenceParam, body: jsonBody(RequestReference) },
  responses: { 200: json(Volunteer, "The volunteer; the e-mail is on its way") },
});

const phoneConfirmation = route("put", "/api/volunteers/{id}/references/{index}/phone-confirmation", {
  summary: "Record the phone call confirming referee {index}'s written reference",
  refuses: changeRefusals,
  request: { params: VolunteerReferenceParam, body: jsonBody(RecordPhoneConfirmation) },
  responses: { 200: json(Volunteer, "The volunteer") },
});

const training = route("put", "/api/volunteers/{id}/training/{code}", {
  summary: "Record a training course completed (codes from the tenant's policy)",
  refuses: changeRefusals,
  request: { params: VolunteerTrainingParam, body: jsonBody(RecordTraining) },
  responses: { 200: json(Volunteer, "The volunteer") },
});

const certificate = route("get", "/api/volunteers/{id}/certificate", {
  summary: "The volunteer's certificate of approval (a page to print or save as PDF), once approved",
  access: { kind: "tenant", roles: ["coordinator", "manager"] },
  refuses: ["not_found", "conflict"],
  request: { params: VolunteerIdParam },
  responses: { 200: { description: "The certificate", content: { "text/html": { schema: z.string() } } } },
});

function checkKindOf(kind: string): DocumentCheckKind {
  const parsed = DocumentCheckKind.safeParse(kind);
  if (!parsed.success) {
    throw new Problem("not_found", `There is no check "${kind}"; checks are ${DocumentCheckKind.options.join(", ")}`);
  }
  return parsed.data;
}

function refereeIndexOf(index: string): number {
  if (!/^[0-9]{1,2}$/.test(index)) {
    throw new Problem("not_found", `There is no referee "${index}": referees are numbered from 0`);
  }
  return Number(index);
}

/** The record as the caller sees it, on the pipeline version the volunteer applied under. */
async function view(c: Context<AppEnv>, v: StoredVolunteer) {
  const pipeline = await pipelineVersion(c.var.table, v.pipelineVersion);
  return Volunteer.parse(volunteerView(v, c.var.tenant.policy, c.var.today, c.var.table.ctx.roles, pipeline));
}

async function sendCertificate(c: Context<AppEnv>, v: StoredVolunteer) {
  if (!certificateAvailable(v) || v.approvedOn === null) {
    throw new Problem("conflict", `There is no certificate: ${v.name} is not approved (at ${v.stage})`);
  }
  const page = certificateHtml({
    volunteerName: v.name,
    tenantName: c.var.tenant.name,
    approvedOn: v.approvedOn,
    // The last sign-off is the one that approved (the Service Manager's, on Leicestershire's pipeline).
    ...(v.approvedBy
      ? { approvedBy: { name: v.approvedBy.name, jobTitle: v.signOffs.at(-1)?.title ?? "Manager" } }
      : {}),
  });
  const file = `certificate-${v.reference}.html`;
  return c.body(page, 200, {
    "content-type": "text/html; charset=utf-8",
    "content-disposition": `attachment; filename="${file}"`,
    "content-security-policy": CERTIFICATE_CSP,
  });
}

/** Volunteer recruitment for staff, and a volunteer's own record. Mounted by the tenant Lambda. */
export const volunteerTenantRoutes = newRouter()
  .openapi(list, async (c) => {
    const { table, tenant } = c.var;
    const query = c.req.valid("query");
    // A panel member needs the applicants put to the panel, not the whole recruitment pipeline.
    const staff = table.ctx.roles.some((r) => r === "coordinator" || r === "manager");
    if (!staff && query.stage !== "panel") {
      throw new Problem("forbidden", "Panel members can list the applicants at the panel stage: ask for stage=panel", {
        allowed: ["coordinator", "manager"],
      });
    }
    return c.json(VolunteerPage.parse(await listVolunteers(table, tenant, query)), 200);
  })
  .openapi(me, async (c) => {
    const { table, tenant, today } = c.var;
    const v = await loadMyVolunteer(table);
    await auditRead(table, { action: "read", subject: { type: "volunteer", id: v.id } });
    return c.json(MyVolunteerRecord.parse(myView(v, tenant.policy, today)), 200);
  })
  .openapi(updateMe, async (c) => {
    const { table, tenant, links, today } = c.var;
    const next = await updateMyVolunteer(table, c.req.valid("json"), links);
    return c.json(MyVolunteerRecord.parse(myView(next, tenant.policy, today)), 200);
  })
  .openapi(myCertificate, (async (c: Context<AppEnv>) => {
    const v = await loadMyVolunteer(c.var.table);
    await auditRead(c.var.table, { action: "read", subject: { type: "volunteer-certificate", id: v.id } });
    return sendCertificate(c, v);
  }) as never)
  .openapi(reminders, async (c) =>
    c.json(await runVolunteerReminders(c.var.table, c.var.tenant.policy, c.var.links), 200),
  )
  .openapi(one, async (c) =>
    c.json(Volunteer.parse(await getVolunteer(c.var.table, c.var.tenant, c.req.valid("param").id)), 200),
  )
  .openapi(action, async (c) => {
    const { table, tenant, links, deps } = c.var;
    // The final approval invites the volunteer to a sign-in of their own, linked to their record.
    const ensureAccount = (email: string, name: string) => deps.identity.ensureUser(email, name);
    const id = c.req.valid("param").id;
    return c.json(
      await view(c, await takeVolunteerAction(table, tenant, id, c.req.valid("json"), links, ensureAccount)),
      200,
    );
  })
  .openapi(suspend, async (c) => {
    const { table, tenant, links } = c.var;
    const request = { action: "suspend" as const, ...c.req.valid("json") };
    return c.json(
      await view(c, await takeVolunteerAction(table, tenant, c.req.valid("param").id, request, links)),
      200,
    );
  })
  .openapi(check, async (c) => {
    const { id } = c.req.valid("param");
    const kind = checkKindOf(c.req.valid("param").kind);
    const body = c.req.valid("json");
    if (body.check.kind !== kind) {
      const message = `The check recorded is a ${body.check.kind} but the address is for ${kind}: send it to its own address`;
      throw invalid([{ path: "check.kind", message }]);
    }
    return c.json(await view(c, await recordCheck(c.var.table, id, body.check, body.version)), 200);
  })
  .openapi(referenceRequest, async (c) => {
    const { id } = c.req.valid("param");
    const index = refereeIndexOf(c.req.valid("param").index);
    const { version, notes } = c.req.valid("json");
    const requested = await requestReference(c.var.table, id, index, version, c.var.links, new Date(), notes);
    return c.json(await view(c, requested), 200);
  })
  .openapi(phoneConfirmation, async (c) => {
    const { id } = c.req.valid("param");
    const index = refereeIndexOf(c.req.valid("param").index);
    return c.json(await view(c, await confirmReferenceByPhone(c.var.table, id, index, c.req.valid("json"))), 200);
  })
  .openapi(training, async (c) => {
    const { table, tenant } = c.var;
    const { id, code } = c.req.valid("param");
    const { completedOn, version } = c.req.valid("json");
    return c.json(await view(c, await recordTraining(table, tenant, id, code, completedOn, version)), 200);
  })
  .openapi(certificate, (async (c: Context<AppEnv>) => {
    const id = VolunteerIdParam.parse({ id: c.req.param("id") }).id;
    const v = await loadVolunteer(c.var.table, id);
    await auditRead(c.var.table, { action: "read", subject: { type: "volunteer-certificate", id } });
    return sendCertificate(c, v);
  }) as never);
