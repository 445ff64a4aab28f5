/** Reporting (issue 16): the manager's dashboard, its tables as CSV, the looked-after counts. */
import { type Body, call, callForFile, type Input, type Output } from "./client";

export type Dashboard = Output<"get", "/api/reporting/dashboard">;
export type DashboardQuery = NonNullable<Input<"get", "/api/reporting/dashboard">["query"]>;
export type Figure = Dashboard["waiting"]["waiting"];
export type LookedAfterCount = Output<"put", "/api/reporting/looked-after/:month">;
export type RecordLookedAfterCount = Body<"put", "/api/reporting/looked-after/:month">;
export type ReportTable = Input<"get", "/api/reporting/tables/:table">["param"]["table"];

const scoped = { tenantScoped: true };

export const dashboard = (query: DashboardQuery) => call("get", "/api/reporting/dashboard", { query }, scoped);

export const lookedAfterCounts = () => call("get", "/api/reporting/looked-after", { query: {} }, scoped);

export const recordLookedAfterCount = (month: string, json: RecordLookedAfterCount) =>
  call("put", "/api/reporting/looked-after/:month", { param: { month }, json }, scoped);

/** One of the dashboard's tables as a CSV file (the download is recorded in the audit trail). */
export const reportTableCsv = (table: ReportTable, query: DashboardQuery) =>
  callForFile("/api/reporting/tables/:table", { param: { table }, query }, scoped);
