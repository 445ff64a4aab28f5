import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import {
  DryRunRequest,
  DryRunResponse,
  InspectRequest,
  InspectResponse,
  RunIdParam,
  RunRequest,
  RunResponse,
  TemplateParams,
  TemplateQuery,
} from "@tandem/contracts/imports";
import { auditRead } from "@tandem/data/core";
import {
  CHUNK_ROWS,
  importReport,
  planImport,
  runImportChunk,
  type SheetInput,
  savedMapping,
  saveMappings,
} from "@tandem/data/imports";
import {
  type ColumnMapping,
  columnsOf,
  type ImportKind,
  mappingProblems,
  problemText,
  suggestMapping,
} from "@tandem/domain/imports";
import { Problem } from "@tandem/domain/problems";
import { toCsv } from "@tandem/domain/reporting";
import type { Context } from "hono";
import * as z from "zod";
import type { AppEnv } from "../../deps.js";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";
import { chosenSheets } from "./sheets.js";
import { templateCsv, templateXlsx } from "./templates.js";

/**
 * Imports (issue 18, ADR 21): a council moving in brings its spreadsheets of volunteers, children
 * waiting and active matches. Inspect (which sheets, which headings, the suggested mapping), dry run
 * (every row checked, nothing written), then the import in chunks, and a report of every row. Moving
 * a whole scheme's records in is the tenant admin's job: a coordinator enters records one at a time.
 */
const admins = { kind: "tenant", roles: ["tenant_admin"] } as const;
const route = routesFor({ tags: ["imports"], access: admins });

const template = route("get", "/api/imports/templates/{kind}", {
  summary: "A template spreadsheet: the workbook (one sheet per kind, xlsx only) or one kind as xlsx or CSV",
  request: { params: TemplateParams, query: TemplateQuery },
  responses: {
    200: {
      description: "The template",
      content: {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string() },
        "text/csv": { schema: z.string() },
      },
    },
  },
});

const inspect = route("post", "/api/imports/inspect", {
  summary: "Read an uploaded spreadsheet: the sheets found, their headings and the suggested column mapping",
  description:
    "The file (CSV or XLSX, at most 4 MB) is sent as base64. A file that is not a spreadsheet, has macros, a formula with no saved value, no rows, or (a workbook) no sheet the import knows, is refused with 400 naming the problem; one over 4 MB with 413.",
  request: { body: jsonBody(InspectRequest) },
  responses: { 200: jsonResponse(InspectResponse, "The sheets and their suggested mapping") },
});

const dryRun = route("post", "/api/imports/dry-run", {
  summary: "Check every row with the forms' rules and say what an import would create, update or leave; writes nothing",
  request: { body: jsonBody(DryRunRequest) },
  responses: { 200: jsonResponse(DryRunResponse, "The summary per sheet and every problem, by row and column") },
});

const run = route("post", "/api/imports/run", {
  summary:
    "Import the next rows (up to 500, as many as fit a few seconds); call again from `next` with the same file until it is null",
  description:
    "mode `all` refuses with 409 (writing nothing) while any row has a problem; `valid_only` skips those rows. Rows are matched by the council's own reference: a row imported before is left alone when unchanged and updated when it changed. After the last chunk the reporting summaries are rebuilt.",
  refuses: ["conflict", "not_found", "version_conflict"],
  request: { body: jsonBody(RunRequest) },
  responses: { 200: jsonResponse(RunResponse, "Where the import has got to") },
});

const report = route("get", "/api/imports/runs/{runId}/report", {
  summary: "What happened to each row of an import, as CSV (formula cells neutralised); the download is audited",
  refuses: ["not_found"],
  request: { params: RunIdParam },
  responses: { 200: { description: "The report as CSV", content: { "text/csv": { schema: z.string() } } } },
});

type Upload = {
  file: InspectRequest["file"];
  kind?: ImportKind | undefined;
  sheets?: Partial<Record<ImportKind, string>> | undefined;
};

/** The sheets with the mapping to read them by: the one sent, else the saved or suggested one; 400 when unusable. */
async function sheetInputs(c: Context<AppEnv>, body: Upload, mappings: Partial<Record<ImportKind, ColumnMapping>>) {
  const { chosen } = await chosenSheets(body.file, body.kind, body.sheets);
  const inputs: SheetInput[] = [];
  const fields: { path: string; message: string }[] = [];
  for (const { kind, sheet } of chosen) {
    const columns = columnsOf(kind, c.var.tenant.policy);
    const mapping = mappings[kind] ?? suggestMapping(sheet.headings, columns, await savedMapping(c.var.table, kind));
    for (const p of mappingProblems(mapping, sheet.headings, columns)) {
      fields.push({ path: `mappings.${kind}.${p.column}`, message: `Sheet '${sheet.name}': ${p.message}` });
    }
    inputs.push({ kind, sheet: sheet.name, rows: sheet.rows, mapping });
  }
  if (fields.length > 0) {
    throw new Problem("validation_failed", "Some of Tandem's columns are not matched to the file's columns", {
      fields,
    });
  }
  return inputs;
}

export const importRoutes = newRouter()
  .openapi(template, async (c) => {
    const { kind } = c.req.valid("param");
    const { format } = c.req.valid("query");
    const slug = c.var.tenant.slug;
    if (format === "csv") {
      if (kind === "workbook") {
        const message =
          "A CSV file holds one kind: download the volunteers, children or matches template, or the workbook as xlsx";
        throw new Problem("validation_failed", message, { fields: [{ path: "format", message }] });
      }
      return c.body(templateCsv(kind, c.var.tenant.policy), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${slug}-${kind}-template.csv"`,
      });
    }
    const kinds: ImportKind[] = kind === "workbook" ? ["volunteers", "children", "matches"] : [kind];
    const bytes = await templateXlsx(kinds, c.var.tenant.policy);
    return c.body(new Uint8Array(bytes), 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${slug}-${kind}-template.xlsx"`,
    });
  })
  .openapi(inspect, async (c) => {
    const body = c.req.valid("json");
    const { chosen, others } = await chosenSheets(body.file, body.kind, body.sheets);
    const sheets = [];
    for (const { kind, sheet } of chosen) {
      const columns = columnsOf(kind, c.var.tenant.policy);
      sheets.push({
        kind,
        sheet: sheet.name,
        headings: sheet.headings,
        rows: sheet.rows.length,
        columns: columns.map((col) => ({
          key: col.key,
          heading: col.heading,
          required: col.required,
          type: col.type,
          ...(col.choices ? { choices: Object.keys(col.choices) } : {}),
        })),
        mapping: suggestMapping(sheet.headings, columns, await savedMapping(c.var.table, kind)),
      });
    }
    return c.json({ fileName: body.file.name, sheets, otherSheets: others }, 200);
  })
  .openapi(dryRun, async (c) => {
    const body = c.req.valid("json");
    const inputs = await sheetInputs(c, body, body.mappings);
    const plan = await planImport(c.var.table, c.var.tenant, inputs, c.var.today);
    const problems = plan.sheets.flatMap((s) =>
      s.rows.flatMap((r) => r.problems.map((p) => ({ sheet: s.sheet, ...p, text: problemText(p) }))),
    );
    const count = (rows: { action: string }[], action: string) => rows.filter((r) => r.action === action).length;
    return c.json(
      {
        sheets: plan.sheets.map((s) => ({
          kind: s.kind,
          sheet: s.sheet,
          rows: s.rows.length,
          create: count(s.rows, "create"),
          update: count(s.rows, "update"),
          unchanged: count(s.rows, "unchanged"),
          invalid: count(s.rows, "invalid"),
        })),
        problems: problems.slice(0, 1000),
        problemCount: problems.length,
      },
      200,
    );
  })
  .openapi(run, async (c) => {
    const startedAt = performance.now();
    const body = c.req.valid("json");
    const inputs = await sheetInputs(c, body, body.mappings);
    // The first chunk plans the whole file (so `all` can refuse it whole); later ones look up only their rows.
    const window = body.runId === null ? undefined : { from: body.start, to: body.start + CHUNK_ROWS };
    const plan = await planImport(c.var.table, c.var.tenant, inputs, c.var.today, window);
    if (body.runId === null) {
      await saveMappings(c.var.table, plan, Object.fromEntries(inputs.map((i) => [i.kind, i.mapping])));
    }
    const result = await runImportChunk(c.var.table, c.var.tenant, plan, {
      mode: body.mode,
      fileName: body.file.name,
      fileHash: createHash("sha256").update(body.file.dataBase64).digest("hex"),
      runId: body.runId,
      start: body.start,
      startedAt,
    });
    return c.json(
      {
        runId: result.runId,
        total: result.total,
        processed: result.processed,
        next: result.next,
        counts: result.counts,
      },
      200,
    );
  })
  .openapi(report, async (c) => {
    const { runId } = c.req.valid("param");
    const { run: r, rows } = await importReport(c.var.table, runId);
    await auditRead(c.var.table, { action: "export", subject: { type: "import", id: runId } });
    const table = [
      ["Sheet", "Row", "Your reference", "What happened", "Detail"],
      ...rows.map((x) => [x.sheet, x.row, x.reference, x.outcome, x.detail]),
    ];
    return c.body(toCsv(table), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="import-${r.startedAt.slice(0, 10)}-${runId.slice(0, 8)}.csv"`,
    });
  });
