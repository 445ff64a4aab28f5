import {
  BackfillSchedules,
  BackfillSchedulesDone,
  ComplaintIdParam,
  ComplaintPage,
  ComplaintView,
  DueListQuery,
  DueReviewPage,
  DueSupervisionPage,
  EndAgeAlertPage,
  EscalateComplaint,
  MatchHealthList,
  NewComplaint,
  RespondToComplaint,
  ReviewRemindersRun,
  RunReviewReminders,
  SupervisedVolunteerParam,
  SupervisionList,
  SupervisionRecord,
  SupervisionView,
} from "@tandem/contracts/reviews";
import {
  backfillReviewSchedules,
  dueReviews,
  dueSupervision,
  escalateComplaint,
  listComplaints,
  listEndAgeAlerts,
  listSupervision,
  matchHealthList,
  recordComplaint,
  recordSupervision,
  respondToComplaint,
  runReviewReminders,
  type StoredComplaint,
} from "@tandem/data/reviews";
import { complaintState } from "@tandem/domain/complaints";
import { MatchHealthWords } from "@tandem/domain/health";
import { REVIEW_RULES, type ReviewRule } from "@tandem/domain/reviews";
import { SUPERVISION_RULES, type SupervisionRule } from "@tandem/domain/supervision";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

const json = jsonResponse;
const staff = { kind: "tenant", roles: ["coordinator", "manager"] } as const;
const coordinators = { kind: "tenant", roles: ["coordinator"] } as const;

const route = routesFor({ tags: ["reviews"], access: staff });

const dueReviewList = route("get", "/api/reviews/due", {
  summary: "Matches whose review is overdue or due within 14 days, earliest first (one page)",
  refuses: ["invalid_cursor"],
  request: { query: DueListQuery },
  responses: { 200: json(DueReviewPage, "One page of due and overdue reviews") },
});

const dueSupervisionList = route("get", "/api/supervision/due", {
  summary: "Volunteers whose supervision is overdue or due within 14 days, earliest first (one page)",
  refuses: ["invalid_cursor"],
  request: { query: DueListQuery },
  responses: { 200: json(DueSupervisionPage, "One page of due and overdue supervision") },
});

const recordSession = route("post", "/api/supervision", {
  summary: "Record a supervision session once for everyone who attended",
  description:
    "Each volunteer's next supervision moves on (a first call N weeks after a match starts, then formal every M " +
    "months; informal supervision moves nothing). An issue raised with the manager e-mails the council's managers. " +
    "A volunteer without an active match (or another council's) is 404; a date before their match started is 400.",
  access: coordinators,
  refuses: ["not_found", "version_conflict"],
  request: { body: jsonBody(SupervisionRecord) },
  responses: { 201: json(SupervisionView, "The session as recorded") },
});

const volunteerSupervision = route("get", "/api/supervision/volunteers/{volunteerId}", {
  summary: "A volunteer's supervision sessions, newest first",
  request: { params: SupervisedVolunteerParam },
  responses: { 200: json(SupervisionList, "The sessions") },
});

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

const reminders = route("post", "/api/reviews/reminders/run", {
  summary: "Send today's feedback reminders and end-age alerts; idempotent per day",
  description: "What the daily scheduled job runs; a coordinator can start it too. A second run sends nothing twice.",
  access: coordinators,
  request: { body: jsonBody(RunReviewReminders) },
  responses: { 200: json(ReviewRemindersRun, "What this run sent") },
});

const endAgeAlerts = route("get", "/api/reviews/end-age-alerts", {
  summary: "Matches whose young person nears the council's end age (alerts 6 and 3 months before), soonest first",
  description: "One page of the alerts the daily job has sent and whose match has not begun its ending.",
  refuses: ["invalid_cursor"],
  request: { query: DueListQuery },
  responses: { 200: json(EndAgeAlertPage, "One page of end-age alerts") },
});

const health = route("get", "/api/reviews/health", {
  summary: "The council's active matches by health: at risk first, then needing a check-in, each with its reasons",
  responses: { 200: json(MatchHealthList, "Every active match, the ones needing attention first") },
});

const backfill = route("post", "/api/reviews/schedules/backfill", {
  summary: "Give every active match that predates reviews its review schedule (one-off; idempotent)",
  description:
    "Matches that became active before reviews were scheduled have no next review; this schedules each from the " +
    "day it became active, exactly as activation does now. Running it again schedules nothing twice.",
  access: coordinators,
  request: { body: jsonBody(BackfillSchedules) },
  responses: { 200: json(BackfillSchedulesDone, "How many matches were scheduled") },
});

const complaintView = (c: StoredComplaint, today: string) =>
  ComplaintView.parse({ ...c, state: complaintState(c.stages, today) });

/** Reviews, supervision and complaints inside one council. Mounted by the tenant Lambda. */
export const reviewTenantRoutes = newRouter()
  .openapi(dueReviewList, async (c) => {
    const page = await dueReviews(c.var.table, c.req.valid("query"));
    const items = page.items.flatMap(({ entry, state }) =>
      entry.dueOn === null || entry.kind === null
        ? []
        : [
            {
              matchId: entry.matchId,
              label: entry.label,
              kind: entry.kind,
              dueOn: entry.dueOn,
              why: REVIEW_RULES[entry.rule as ReviewRule]?.words ?? "",
              state,
            },
          ],
    );
    return c.json(DueReviewPage.parse({ items, cursor: page.cursor }), 200);
  })
  .openapi(dueSupervisionList, async (c) => {
    const page = await dueSupervision(c.var.table, c.req.valid("query"));
    const items = page.items.flatMap(({ entry, state }) =>
      entry.dueOn === null || entry.kind === null
        ? []
        : [
            {
              volunteerId: entry.volunteerId,
              label: entry.label,
              kind: entry.kind,
              dueOn: entry.dueOn,
              why: SUPERVISION_RULES[entry.rule as SupervisionRule]?.words ?? "",
              state,
            },
          ],
    );
    return c.json(DueSupervisionPage.parse({ items, cursor: page.cursor }), 200);
  })
  .openapi(recordSession, async (c) =>
    c.json(
      SupervisionView.parse(
        await recordSupervision(c.var.table, c.req.valid("json"), c.var.tenant.policy, c.var.links),
      ),
      201,
    ),
  )
  .openapi(volunteerSupervision, async (c) =>
    c.json(SupervisionList.parse({ items: await listSupervision(c.var.table, c.req.valid("param").volunteerId) }), 200),
  )
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
  })
  .openapi(reminders, async (c) => c.json(await runReviewReminders(c.var.table, c.var.tenant.policy, c.var.links), 200))
  .openapi(endAgeAlerts, async (c) => {
    const page = await listEndAgeAlerts(c.var.table, c.req.valid("query"));
    return c.json(EndAgeAlertPage.parse({ items: page.items, cursor: page.cursor }), 200);
  })
  .openapi(health, async (c) => {
    const lines = await matchHealthList(c.var.table, c.var.tenant.policy);
    return c.json(
      MatchHealthList.parse({
        items: lines.map((l) => ({ ...l, matchId: l.id, words: MatchHealthWords[l.health] })),
      }),
      200,
    );
  })
  .openapi(backfill, async (c) => c.json(await backfillReviewSchedules(c.var.table, c.var.tenant.policy), 200));
