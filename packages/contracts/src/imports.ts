/**
 * Payloads for importing a council's spreadsheets (issue 18, ADR 21). The file travels as base64
 * inside JSON, as the logo does, so every route keeps the one JSON body rule; it is read on the
 * server only. Each step sends the file again (inspect, dry run, each chunk of the import): the API
 * keeps no upload between requests, and the council's own references make a repeated chunk harmless.
 */
import {
  base64Length,
  ColumnMapping,
  IMPORT_FILE_MAX_BYTES,
  IMPORT_FILE_MAX_TEXT,
  ImportKind,
} from "@tandem/domain/imports";
import * as z from "zod";

export { ImportKind };

/**
 * The largest file's base64 (4 MB: 5,592,408 characters), and a tenth more, so that a file a little over the
 * cap reaches the handler, which answers 413 with the file's size in MB rather than a schema error.
 */
const MAX_BASE64 = Math.ceil(base64Length(IMPORT_FILE_MAX_BYTES) * 1.1);

export const ImportFile = z
  .object({
    name: z.string().trim().min(1, "Give the file's name").max(200),
    dataBase64: z
      .string()
      .max(MAX_BASE64, `The file is larger than ${IMPORT_FILE_MAX_TEXT}: split it into smaller files`)
      .regex(/^[A-Za-z0-9+/=\s]*$/, "The file must be sent as base64"),
  })
  .strict();

const Upload = {
  file: ImportFile,
  /** For a CSV, which kind of rows it holds; a workbook says so by its sheets' names. */
  kind: ImportKind.optional(),
  /** For a workbook whose sheets have other names: which sheet holds each kind. */
  sheets: z.partialRecord(ImportKind, z.string().max(100)).optional(),
};

export const InspectRequest = z.object(Upload).strict();
export type InspectRequest = z.infer<typeof InspectRequest>;

export const ImportColumnView = z.object({
  key: z.string(),
  heading: z.string(),
  required: z.boolean(),
  type: z.string(),
  choices: z.array(z.string()).optional(),
});

export const InspectedSheet = z.object({
  kind: ImportKind,
  sheet: z.string(),
  headings: z.array(z.string()),
  rows: z.number().int(),
  columns: z.array(ImportColumnView),
  /** The suggestion: the council's saved mapping where its headings are still there, then Tandem's headings and aliases. */
  mapping: ColumnMapping,
});

export const InspectResponse = z.object({
  fileName: z.string(),
  sheets: z.array(InspectedSheet),
  /** The file's sheets that hold none of the kinds (named so a person can choose them). */
  otherSheets: z.array(z.string()),
});
export type InspectResponse = z.infer<typeof InspectResponse>;

export const Mappings = z.partialRecord(ImportKind, ColumnMapping);

export const DryRunRequest = z.object({ ...Upload, mappings: Mappings }).strict();
export type DryRunRequest = z.infer<typeof DryRunRequest>;

export const ImportProblem = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
  /** The whole sentence: "Row 14, 'DBS date': 31/02/2023 is not a date". */
  text: z.string(),
});

export const SheetSummary = z.object({
  kind: ImportKind,
  sheet: z.string(),
  rows: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  invalid: z.number().int(),
});

export const DryRunResponse = z.object({
  sheets: z.array(SheetSummary),
  problems: z.array(ImportProblem),
  /** How many problems there are in all (the list holds the first 1,000). */
  problemCount: z.number().int(),
});
export type DryRunResponse = z.infer<typeof DryRunResponse>;

export const RunRequest = z
  .object({
    ...Upload,
    mappings: Mappings,
    mode: z.enum(["all", "valid_only"]).describe("all: nothing is written while any row has a problem"),
    runId: z.uuid().nullable().default(null).describe("null for the first chunk; then the runId it answered"),
    start: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(0)
      .describe("The row to start from: the last answer's `next`"),
  })
  .strict();
export type RunRequest = z.infer<typeof RunRequest>;

const Counts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
});

export const RunResponse = z.object({
  runId: z.string(),
  total: z.number().int(),
  processed: z.number().int(),
  /** Where the next chunk starts; null when the import has finished. */
  next: z.number().int().nullable(),
  counts: Counts,
});
export type RunResponse = z.infer<typeof RunResponse>;

export const TemplateParams = z.object({ kind: z.enum(["workbook", "volunteers", "children", "matches"]) });
export const TemplateQuery = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") }).strict();
export const RunIdParam = z.object({ runId: z.uuid() });
