import {
  Dashboard,
  DashboardQuery,
  LookedAfterCount,
  LookedAfterList,
  LookedAfterQuery,
  MonthParam,
  RecordLookedAfterCount,
  ReportTableParam,
} from "@tandem/contracts/reporting";
import { auditRead } from "@tandem/data/core";
import { type DashboardScope, loadDashboard, lookedAfterCounts, recordLookedAfterCount } from "@tandem/data/reporting";
import { Problem } from "@tandem/domain/problems";
import { type Period, REPORT_TABLES, resolvePeriod, toCsv } from "@tandem/domain/reporting";
import type { Context } from "hono";
import * as z from "zod";
import type { AppEnv } from "../../deps.js";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

/**
 * Reporting (issue 16): what a manager answers for. The figures are aggregates read from summary
 * items (ADR 16), never a child's or volunteer's record, so a view is not audited; a download is.
 */
const managers = { kind: "tenant", roles: ["manager", "tenant_admin"] } as const;
const route = routesFor({ tags: ["reporting"], access: managers });
/** Coordinators see the dashboard too, limited to their own caseload (issue 16; ADR 16). */
const readers = routesFor({
  tags: ["reporting"],
  access: { kind: "tenant", roles: ["manager", "tenant_admin", "coordinator"] },
});

const PERIOD_HELP =
  "`period` is month, quarter or year (financial: April to March) containing `from` (today when absent), or custom " +
  "with `from` and `to` (at most two years). A period that starts after today, before 2000 or runs backwards is " +
  "refused with 400 naming the field.";

const dashboard = readers("get", "/api/reporting/dashboard", {
  summary:
    "The manager's dashboard for a period: coverage, waiting, recruitment, matches, visits, money and concerns, each figure with its trend",
  description: `${PERIOD_HELP} A coordinator (who is not also a manager or tenant admin) sees the matches, visits, money and concerns of their own caseload: the matches they proposed.`,
  request: { query: DashboardQuery },
  responses: { 200: jsonResponse(Dashboard, "Every figure for the period and the one before") },
});

const table = readers("get", "/api/reporting/tables/{table}", {
  summary: "One of the dashboard's tables as CSV (UTF-8 with BOM, formula cells neutralised); the download is audited",
  description: `${PERIOD_HELP} A coordinator's tables are those of their own caseload.`,
  request: { params: ReportTableParam, query: DashboardQuery },
  responses: { 200: { description: "The table as CSV", content: { "text/csv": { schema: z.string() } } } },
});

const listLookedAfter = route("get", "/api/reporting/looked-after", {
  summary: "The council's recorded counts of looked-after children, by month (the last 24 months when not given)",
  request: { query: LookedAfterQuery },
  responses: { 200: jsonResponse(LookedAfterList, "The counts recorded, oldest first") },
});

const recordLookedAfter = route("put", "/api/reporting/looked-after/{month}", {
  summary: "Record (or correct) the council's count of looked-after children for a month, and where it comes from",
  description: "A month after the current one is refused with 400.",
  refuses: ["version_conflict"],
  request: { params: MonthParam, body: jsonBody(RecordLookedAfterCount) },
  responses: { 200: jsonResponse(LookedAfterCount, "The count as recorded") },
});

function periodOf(c: Context<AppEnv>, q: DashboardQuery): Period {
  const r = resolvePeriod({ kind: q.period, from: q.from, to: q.to }, c.var.today);
  if (!r.ok) throw new Problem("validation_failed", r.message, { fields: [{ path: r.field, message: r.message }] });
  return r.period;
}

/** A manager or tenant admin sees the council; a coordinator only, their caseload. */
function scopeOf(c: Context<AppEnv>): DashboardScope {
  const { roles, actor } = c.var.table.ctx;
  if (roles.includes("manager") || roles.includes("tenant_admin")) return { kind: "council" };
  return { kind: "caseload", personId: actor.personId, name: actor.name };
}

const monthsBack = (today: string, n: number) => {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
};

export const reportingRoutes = newRouter()
  .openapi(dashboard, async (c) => {
    const period = periodOf(c, c.req.valid("query"));
    const d = await loadDashboard(c.var.table, c.var.tenant.policy, period, c.var.today, scopeOf(c));
    return c.json(Dashboard.parse(d), 200);
  })
  .openapi(table, async (c) => {
    const name = c.req.valid("param").table;
    const period = periodOf(c, c.req.valid("query"));
    const d = await loadDashboard(c.var.table, c.var.tenant.policy, period, c.var.today, scopeOf(c));
    await auditRead(c.var.table, {
      action: "export",
      subject: { type: "report-table", id: `${name}:${period.from}:${period.to}` },
    });
    return c.body(toCsv(REPORT_TABLES[name].rows(d)), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${c.var.tenant.slug}-${name}-${period.from}-to-${period.to}.csv"`,
    });
  })
  .openapi(listLookedAfter, async (c) => {
    const q = c.req.valid("query");
    const to = q.to ?? c.var.today.slice(0, 7);
    const from = q.from ?? monthsBack(c.var.today, 23);
    if (from > to) {
      const message = "The first month must be the same as or before the last";
      throw new Problem("validation_failed", message, { fields: [{ path: "from", message }] });
    }
    return c.json({ items: await lookedAfterCounts(c.var.table, from, to) }, 200);
  })
  .openapi(recordLookedAfter, async (c) => {
    const month = c.req.valid("param").month;
    if (month > c.var.today.slice(0, 7)) {
      const message = "You can record a count for this month or an earlier one, not a month to come";
      throw new Problem("validation_failed", message, { fields: [{ path: "month", message }] });
    }
    const body = c.req.valid("json");
    return c.json(await recordLookedAfterCount(c.var.table, { month, ...body }, c.var.today), 200);
  });
