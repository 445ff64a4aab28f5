import {
  ComplaintIdParam,
  ComplaintPage,
  ComplaintView,
  EscalateComplaint,
  NewComplaint,
  RespondToComplaint,
} from "@tandem/contracts/complaints";
import { DueListQuery } from "@tandem/contracts/review-common";
import {
  escalateComplaint,
  listComplaints,
  recordComplaint,
  respondToComplaint,
  type StoredComplaint,
} from "@tandem/data/reviews";
import { complaintState } from "@tandem/domain/complaints";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

const json = jsonResponse;
const staff = { kind: "tenant", roles: ["coordinator", "manager"] } as const;
const route = routesFor({ tags: ["reviews"], access: staff });

const complaints = route("get", "/api/complaints", {
  summary: "The complaints register, oldest first (one page)",
  refuses: ["invalid_cursor"],
  request: { query: DueListQuery },
  responses: { 200: json(ComplaintPage, "One page of the register") },
});

const newComplaint = route("post", "/api/complaints", {
  summary: "Record a complaint; it starts at stage 1, due in the council's working days",
  request: { body: jsonBody(NewComplaint) },
  responses: { 201: json(ComplaintView, "The complaint as recorded") },
});

const respond = route("post", "/api/complaints/{id}/response", {
  summary: "The current stage's response: date, outcome and who dealt with it",
  refuses: ["not_found", "conflict", "version_conflict"],
  request: { params: ComplaintIdParam, body: jsonBody(RespondToComplaint) },
  responses: { 200: json(ComplaintView, "The complaint") },
});

const escalate = route("post", "/api/complaints/{id}/escalation", {
  summary: "The complainant cannot accept the stage's response: the next stage starts (to stage 3)",
  refuses: ["not_found", "conflict", "version_conflict"],
  request: { params: ComplaintIdParam, body: jsonBody(EscalateComplaint) },
  responses: { 200: json(ComplaintView, "The complaint") },
});

const complaintView = (c: StoredComplaint, today: string) =>
  ComplaintView.parse({ ...c, state: complaintState(c.stages, today) });

/** The complaints register inside one council (the endings function, ADR 23). */
export const complaintRoutes = newRouter()
  .openapi(complaints, async (c) => {
    const page = await listComplaints(c.var.table, c.req.valid("query"));
    return c.json(
      ComplaintPage.parse({ items: page.items.map((x) => complaintView(x, c.var.today)), cursor: page.cursor }),
      200,
    );
  })
  .openapi(newComplaint, async (c) =>
    c.json(
      complaintView(await recordComplaint(c.var.table, c.req.valid("json"), c.var.tenant.policy), c.var.today),
      201,
    ),
  )
  .openapi(respond, async (c) => {
    const body = c.req.valid("json");
    const next = await respondToComplaint(c.var.table, c.req.valid("param").id, body.version, body.outcome);
    return c.json(complaintView(next, c.var.today), 200);
  })
  .openapi(escalate, async (c) => {
    const body = c.req.valid("json");
    const next = await escalateComplaint(
      c.var.table,
      c.req.valid("param").id,
      body.version,
      body.startedOn,
      c.var.tenant.policy,
    );
    return c.json(complaintView(next, c.var.today), 200);
  });
