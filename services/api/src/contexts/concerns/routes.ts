import {
  AcknowledgeConcern,
  AddToConcern,
  ConcernIdParam,
  ConcernListQuery,
  ConcernPage,
  ConcernView,
  MyConcernPage,
  RecordConcernAction,
  RunTimers,
  SubmitConcern,
  SubmittedConcern,
  TimersRun,
} from "@tandem/contracts/concerns";
import {
  acknowledgeConcern,
  addToConcern,
  escalateUnacknowledgedConcerns,
  getConcern,
  listConcerns,
  listMyConcerns,
  recordConcernAction,
  submitConcern,
} from "@tandem/data/concerns";
import * as keys from "@tandem/data/keys";
import { alertOverdueHomeSafe } from "@tandem/data/visits";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";
import { matchFor } from "../visits/match-access.js";

const json = jsonResponse;
/** Only coordinators and managers see concerns; a volunteer sees their own reports. */
const staff = { kind: "tenant", roles: ["coordinator", "manager"] } as const;
const reporters = { kind: "tenant", roles: ["volunteer", "coordinator", "manager"] } as const;
const changeRefusals = ["not_found", "conflict", "version_conflict"] as const;

const route = routesFor({ tags: ["concerns"], access: staff });

const submit = route("post", "/api/concerns", {
  summary: "Report a concern, disclosure, incident, accident, missing child or complaint, at any time",
  description:
    "The council's designated safeguarding contacts (or every coordinator and manager) are e-mailed at once, with a " +
    "link and no details of the child. A disclosure in office hours, an incident or an accident on a match also " +
    "sends the child's social worker (when they made the referral) a notice with no details, naming the referral " +
    "and whom to contact. A volunteer can name only their own match (another is 404). The answer carries the " +
    "council's out-of-hours numbers. A report cannot be edited after submission, only added to.",
  access: reporters,
  request: { body: jsonBody(SubmitConcern) },
  refuses: ["not_found"],
  responses: { 201: json(SubmittedConcern, "The report as submitted") },
});

const list = route("get", "/api/concerns", {
  summary: "Concerns, newest first (every read is audited)",
  refuses: ["invalid_cursor"],
  request: { query: ConcernListQuery },
  responses: { 200: json(ConcernPage, "One page of concerns") },
});

const mine = route("get", "/api/concerns/mine", {
  summary: "The reports you made, newest first",
  access: reporters,
  refuses: ["invalid_cursor"],
  request: { query: ConcernListQuery },
  responses: { 200: json(MyConcernPage, "One page of your reports") },
});

const one = route("get", "/api/concerns/{id}", {
  summary: "One concern (coordinators and managers, or the person who reported it); audited",
  access: reporters,
  refuses: ["not_found"],
  request: { params: ConcernIdParam },
  // Whether the caller may see it (staff, or its reporter) is decided by the handler, as before.
  reads: ({ id = "" }, tenantId) => [keys.concern(tenantId, id)],
  responses: { 200: json(ConcernView, "The concern") },
});

const addenda = route("post", "/api/concerns/{id}/addenda", {
  summary: "Add to a report (the reporter, a coordinator or a manager); the report itself never changes",
  access: reporters,
  refuses: changeRefusals,
  request: { params: ConcernIdParam, body: jsonBody(AddToConcern) },
  responses: { 200: json(ConcernView, "The concern with the addition") },
});

const acknowledge = route("post", "/api/concerns/{id}/acknowledge", {
  summary: "Acknowledge a concern; the time it took is recorded and the managers are no longer e-mailed",
  access: { kind: "tenant", roles: ["coordinator"] },
  refuses: changeRefusals,
  request: { params: ConcernIdParam, body: jsonBody(AcknowledgeConcern) },
  responses: { 200: json(ConcernView, "The concern, acknowledged") },
});

const action = route("post", "/api/concerns/{id}/actions", {
  summary: "Record what was done: social worker, carer, police or duty team told, the volunteer suspended...",
  refuses: changeRefusals,
  request: { params: ConcernIdParam, body: jsonBody(RecordConcernAction) },
  responses: { 200: json(ConcernView, "The concern with the action") },
});

const timers = route("post", "/api/jobs/timers/run", {
  summary: "Run the lone-working and acknowledgement timers now (the scheduled job runs the same)",
  description: "Each timer fires once: a second run sends nothing again.",
  request: { body: jsonBody(RunTimers) },
  responses: { 200: json(TimersRun, "What this run sent") },
});

const view = (c: Awaited<ReturnType<typeof getConcern>>) => ConcernView.parse(c);

/** Concerns and incidents for the reporter and for staff, and the timers' manual run. Mounted by the tenant Lambda. */
export const concernRoutes = newRouter()
  .openapi(submit, async (c) => {
    const { table, tenant, links } = c.var;
    const { matchId, ...report } = c.req.valid("json");
    // A volunteer names only their own match; staff any of the council's, whatever its stage (unknown: 404).
    const match = matchId ? await matchFor(table, matchId, "read") : null;
    const contact = tenant.branding.contactPhone || tenant.branding.contactEmail;
    const concern = await submitConcern(table, report, match, tenant.policy, links, contact);
    return c.json(
      SubmittedConcern.parse({ ...concern, outOfHoursPhones: tenant.policy.concerns.outOfHoursPhones }),
      201,
    );
  })
  .openapi(list, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    return c.json(ConcernPage.parse(await listConcerns(c.var.table, limit, cursor ?? null)), 200);
  })
  .openapi(mine, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    return c.json(MyConcernPage.parse(await listMyConcerns(c.var.table, limit, cursor ?? null)), 200);
  })
  .openapi(one, async (c) => c.json(view(await getConcern(c.var.table, c.req.valid("param").id)), 200))
  .openapi(addenda, async (c) => {
    const { version, ...addendum } = c.req.valid("json");
    return c.json(view(await addToConcern(c.var.table, c.req.valid("param").id, version, addendum)), 200);
  })
  .openapi(acknowledge, async (c) =>
    c.json(view(await acknowledgeConcern(c.var.table, c.req.valid("param").id, c.req.valid("json").version)), 200),
  )
  .openapi(action, async (c) => {
    const { action: what, version } = c.req.valid("json");
    return c.json(view(await recordConcernAction(c.var.table, c.req.valid("param").id, version, what)), 200);
  })
  .openapi(timers, async (c) => {
    const { table, tenant, links } = c.var;
    const homeSafeAlerts = await alertOverdueHomeSafe(table, links);
    const concernEscalations = await escalateUnacknowledgedConcerns(table, tenant.policy, links);
    return c.json({ homeSafeAlerts, concernEscalations }, 200);
  });
