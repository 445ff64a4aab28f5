/** Imports (issue 18): inspect, dry run and import a council's spreadsheet; templates and reports as files. */
import { type Body, call, callForFile, type Output } from "./client";

export type InspectRequest = Body<"post", "/api/imports/inspect">;
export type Inspected = Output<"post", "/api/imports/inspect">;
export type InspectedSheet = Inspected["sheets"][number];
export type DryRunRequest = Body<"post", "/api/imports/dry-run">;
export type DryRun = Output<"post", "/api/imports/dry-run">;
export type RunRequest = Body<"post", "/api/imports/run">;
export type RunProgress = Output<"post", "/api/imports/run">;
export type ImportKind = NonNullable<InspectRequest["kind"]>;

const scoped = { tenantScoped: true };

export const inspectFile = (json: InspectRequest) => call("post", "/api/imports/inspect", { json }, scoped);
export const dryRunImport = (json: DryRunRequest) => call("post", "/api/imports/dry-run", { json }, scoped);
export const runImportChunk = (json: RunRequest) => call("post", "/api/imports/run", { json }, scoped);

export const templateFile = (kind: "workbook" | ImportKind, format: "xlsx" | "csv") =>
  callForFile("/api/imports/templates/:kind", { param: { kind }, query: { format } }, scoped);

/** What happened to each row of an import, as CSV (the download is recorded in the audit trail). */
export const importReportFile = (runId: string) =>
  callForFile("/api/imports/runs/:runId/report", { param: { runId } }, scoped);
