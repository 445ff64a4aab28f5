import { DueListQuery } from "@tandem/contracts/review-common";
import {
  DueReviewPage,
  DueSupervisionPage,
  EndAgeAlertPage,
  MatchHealthList,
  ReviewRemindersRun,
  RunReviewReminders,
  SupervisedVolunteerParam,
  SupervisionList,
  SupervisionRecord,
  SupervisionView,
} from "@tandem/contracts/reviews";
import {
  dueReviews,
  dueSupervision,
  listEndAgeAlerts,
  listSupervision,
  matchHealthList,
  recordSupervision,
  runReviewReminders,
} from "@tandem/data/reviews";
import { MatchHealthWords } from "@tandem/domain/health";
import { isReviewRule, reviewRuleWords } from "@tandem/domain/reviews";
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

/** Reviews and supervision inside one council. Mounted by the tenant Lambda. */
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
              why: isReviewRule(entry.rule) ? reviewRuleWords(entry.rule, c.var.tenant.policy) : "",
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
  });
