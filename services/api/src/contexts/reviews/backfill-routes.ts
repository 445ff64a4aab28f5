import { BackfillSchedules, BackfillSchedulesDone } from "@tandem/contracts/review-schedules";
import { backfillReviewSchedules } from "@tandem/data/reviews";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

const json = jsonResponse;
const coordinators = { kind: "tenant", roles: ["coordinator"] } as const;
const route = routesFor({ tags: ["reviews"], access: coordinators });

const backfill = route("post", "/api/reviews/schedules/backfill", {
  summary: "Give every active match that predates reviews its review schedule (one-off; idempotent)",
  description:
    "Matches that became active before reviews were scheduled have no next review; this schedules each from the " +
    "day it became active, exactly as activation does now. Running it again schedules nothing twice.",
  access: coordinators,
  request: { body: jsonBody(BackfillSchedules) },
  responses: { 200: json(BackfillSchedulesDone, "How many matches were scheduled") },
});

/**
 * The one-off backfill of review schedules. Served by the endings function (ADR 23): it pages matching's
 * board and reads each active match's whole record, as an ending does, which the reviews function does not.
 */
export const scheduleBackfillRoutes = newRouter().openapi(backfill, async (c) =>
  c.json(await backfillReviewSchedules(c.var.table, c.var.tenant.policy), 200),
);
