/**
 * Importing a council's spreadsheets (issue 18): choose the file, match its columns to Tandem's, see
 * the dry run (every problem by row and column, what would be created), choose all rows or only the
 * valid ones, and watch the import go chunk by chunk; then download the report of every row. The
 * file is read in the browser only to send it: it is parsed on the server (ADR 21).
 */
import { fileTooLarge, IMPORT_FILE_MAX_BYTES, IMPORT_FILE_MAX_TEXT } from "@tandem/domain/imports";
import { ApiError } from "../../api/client";
import {
  type DryRun,
  dryRunImport,
  type ImportKind,
  type Inspected,
  importReportFile,
  inspectFile,
  type RunProgress,
  runImportChunk,
  templateFile,
} from "../../api/imports";
import { areas } from "../../areas";
import { confirmationPanel, insetText, table } from "../../components";
import { h } from "../../dom";
import { saveFile } from "../../download";
import { fileUpload, form, onSubmit, radios, showErrorSummary, submitButton } from "../../forms";
import { setTitle, showPage } from "../../layout";
import type { RouteContext } from "../../router";
import { settingsFrame } from "../settings/nav";
import { enterArea } from "../shell";

const TITLE = "Import records";
const KIND_NAMES: Record<ImportKind, string> = {
  volunteers: "Volunteers",
  children: "Children waiting",
  matches: "Matches",
};

interface Upload {
  file: { name: string; dataBase64: string };
  kind?: ImportKind;
}

function base64Of(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let text = "";
  for (let i = 0; i < view.length; i += 0x8000) text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(text);
}

const problemMessages = (error: unknown) =>
  error instanceof ApiError
    ? error.fields.length > 0
      ? error.fields.map((f) => ({ message: f.message }))
      : [{ message: error.message }]
    : [{ message: "Something went wrong. Try again" }];

/**
 * One chunk; a 503 after the run has started is sent again a few times (the run answers where it has got
 * to, so a chunk that finished after its answer was lost is not written twice).
 */
async function chunkWithRetry(request: Parameters<typeof runImportChunk>[0]): Promise<RunProgress> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await runImportChunk(request);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 503 && request.runId && attempt < 5)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

export async function importPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.imports);
  if (!entered) return;
  const { tenant } = entered;
  const summary = h("div");
  const step = h("div");
  const frame = (...content: Parameters<typeof h>[2][]) => {
    step.replaceChildren(...(content as Node[]));
    window.scrollTo(0, 0);
  };
  const fail = (title: string, error: unknown) => {
    setTitle(title, true);
    showErrorSummary(summary, problemMessages(error));
  };
  const ok = (title: string) => {
    setTitle(title);
    showErrorSummary(summary, []);
  };

  // Step 1: the file.
  const templates = h(
    "ul",
    { class: "govuk-list" },
    ...(
      [
        ["workbook", "xlsx", "The workbook: volunteers, children waiting and matches (Excel)"],
        ["volunteers", "csv", "Volunteers (CSV)"],
        ["children", "csv", "Children waiting (CSV)"],
        ["matches", "csv", "Matches (CSV)"],
      ] as const
    ).map(([kind, format, text]) => {
      const button = h(
        "button",
        { type: "button", class: "govuk-button govuk-button--secondary govuk-!-margin-bottom-2" },
        `Download the template: ${text}`,
      );
      button.addEventListener("click", async () => {
        try {
          const f = await templateFile(kind, format);
          saveFile(f.blob, f.filename ?? `${kind}-template.${format}`);
        } catch (error) {
          fail(TITLE, error);
        }
      });
      return h("li", {}, button);
    }),
  );
  const upload = fileUpload({
    id: "file",
    label: "Choose the spreadsheet",
    hint: `An Excel workbook (.xlsx) or a CSV file, at most ${IMPORT_FILE_MAX_TEXT}. Files with macros are refused.`,
    accept: ".xlsx,.csv",
  });
  const kind = radios<"workbook" | ImportKind>({
    id: "kind",
    legend: "What does the file hold?",
    legendClass: "govuk-fieldset__legend--s",
    hint: "A workbook says so by its sheets' names; a CSV file holds one kind",
    value: "workbook",
    options: [
      { value: "workbook", label: "A workbook with sheets named Volunteers, Children waiting and Matches" },
      { value: "volunteers", label: "Volunteers" },
      { value: "children", label: "Children waiting" },
      { value: "matches", label: "Matches" },
    ],
  });
  const first = form("/workspace/settings/import", upload.group, kind.group, submitButton("Continue"));
  onSubmit(first, async () => {
    const chosen = upload.file();
    if (!chosen) {
      upload.setError("Choose the spreadsheet to import");
      fail(
        TITLE,
        new ApiError(400, "Choose the spreadsheet to import", "validation_failed", [
          { path: "file", message: "Choose the spreadsheet to import" },
        ]),
      );
      return;
    }
    if (chosen.size > IMPORT_FILE_MAX_BYTES) {
      // Refused here, with the API's own words: in AWS a file this size never reaches the API to be told why.
      const message = fileTooLarge(chosen.size);
      upload.setError(message);
      fail(TITLE, new ApiError(413, message, "payload_too_large", [{ path: "file", message }]));
      return;
    }
    upload.setError(null);
    const k = kind.value();
    const u: Upload = {
      file: { name: chosen.name, dataBase64: base64Of(await chosen.arrayBuffer()) },
      ...(k && k !== "workbook" ? { kind: k } : {}),
    };
    try {
      const inspected = await inspectFile(u);
      ok("Match the columns");
      mappingStep(u, inspected);
    } catch (error) {
      fail(TITLE, error);
    }
  });

  // Step 2: the mapping.
  const mappingStep = (u: Upload, inspected: Inspected) => {
    const selects: { kind: ImportKind; key: string; select: HTMLSelectElement }[] = [];
    const sections = inspected.sheets.map((sheet) =>
      h(
        "fieldset",
        { class: "govuk-fieldset govuk-!-margin-bottom-6" },
        h(
          "legend",
          { class: "govuk-fieldset__legend govuk-fieldset__legend--m" },
          `${KIND_NAMES[sheet.kind]}: sheet '${sheet.sheet}', ${sheet.rows} rows`,
        ),
        ...sheet.columns.map((c) => {
          const id = `map-${sheet.kind}-${c.key.replace(/[^a-zA-Z0-9]/g, "-")}`;
          const select = h(
            "select",
            { class: "govuk-select", id, name: id },
            h("option", { value: "" }, "Not in the file"),
            ...sheet.headings.map((heading) => h("option", { value: heading }, heading)),
          );
          select.value = sheet.mapping[c.key] ?? "";
          selects.push({ kind: sheet.kind, key: c.key, select });
          return h(
            "div",
            { class: "govuk-form-group" },
            h("label", { class: "govuk-label", for: id }, `${c.heading}${c.required ? "" : " (optional)"}`),
            select,
          );
        }),
      ),
    );
    const mappings = () => {
      const out: Partial<Record<ImportKind, Record<string, string | null>>> = {};
      for (const s of selects) {
        const m = out[s.kind] ?? {};
        m[s.key] = s.select.value === "" ? null : s.select.value;
        out[s.kind] = m;
      }
      return out;
    };
    const next = form("/workspace/settings/import", ...sections, submitButton("Check the rows"));
    onSubmit(next, async () => {
      try {
        const m = mappings();
        const dry = await dryRunImport({ ...u, mappings: m });
        ok("Check the rows");
        dryRunStep(u, m, dry);
      } catch (error) {
        fail("Match the columns", error);
      }
    });
    frame(
      h("h1", { class: "govuk-heading-l" }, "Match the columns"),
      h(
        "p",
        { class: "govuk-body" },
        `For each of Tandem's columns, choose the column of ${inspected.fileName} that holds it. Tandem remembers your choices for the next import.`,
      ),
      next,
    );
  };

  // Step 3: the dry run.
  const dryRunStep = (u: Upload, mappings: Partial<Record<ImportKind, Record<string, string | null>>>, dry: DryRun) => {
    const sheets = table({
      caption: "What the import would do",
      head: ["Sheet", "Rows", "New", "Changed", "Unchanged", "With problems"],
      numericColumns: [1, 2, 3, 4, 5],
      rows: dry.sheets.map((s) => [
        s.sheet,
        String(s.rows),
        String(s.create),
        String(s.update),
        String(s.unchanged),
        String(s.invalid),
      ]),
    });
    const problems =
      dry.problemCount === 0
        ? h("p", { class: "govuk-body" }, "Every row can be imported.")
        : table({
            caption: `${dry.problemCount} ${dry.problemCount === 1 ? "problem" : "problems"} to fix`,
            head: ["Sheet", "Row", "Column", "Problem"],
            numericColumns: [1],
            rows: dry.problems.slice(0, 200).map((p) => [p.sheet, String(p.row), p.column, p.text]),
          });
    const mode = radios<"all" | "valid_only">({
      id: "mode",
      legend: "Which rows do you want to import?",
      legendClass: "govuk-fieldset__legend--m",
      value: dry.problemCount === 0 ? "all" : "valid_only",
      options: [
        { value: "all", label: "All rows", hint: "Nothing is imported while any row has a problem" },
        {
          value: "valid_only",
          label: "Only the rows without problems",
          hint: "Rows with problems are skipped and listed in the report",
        },
      ],
    });
    const go = form("/workspace/settings/import", mode.group, submitButton("Import"));
    onSubmit(go, async () => {
      const progress = h("progress", {
        max: "1",
        value: "0",
        class: "govuk-!-width-full",
        "aria-labelledby": "import-progress",
      });
      const status = h("p", { class: "govuk-body", id: "import-progress", role: "status" }, "Starting the import…");
      frame(h("h1", { class: "govuk-heading-l" }, "Importing"), progress, status);
      setTitle("Importing");
      let next: number | null = 0;
      let runId: string | null = null;
      let last: RunProgress | null = null;
      try {
        while (next !== null) {
          last = await chunkWithRetry({ ...u, mappings, mode: mode.value() ?? "valid_only", runId, start: next });
          runId = last.runId;
          next = last.next;
          progress.max = last.total;
          progress.value = last.processed;
          status.textContent = `Imported ${last.processed} of ${last.total} rows`;
        }
        if (last) doneStep(last);
      } catch (error) {
        fail("Check the rows", error);
        dryRunStep(u, mappings, dry);
      }
    });
    frame(h("h1", { class: "govuk-heading-l" }, "Check the rows"), sheets, problems, go);
  };

  // Step 4: done.
  const doneStep = (r: RunProgress) => {
    const c = r.counts;
    ok("Import complete");
    const report = h("button", { type: "button", class: "govuk-button" }, "Download the report of every row");
    report.addEventListener("click", async () => {
      try {
        const f = await importReportFile(r.runId);
        saveFile(f.blob, f.filename ?? `import-${r.runId}.csv`);
      } catch (error) {
        fail("Import complete", error);
      }
    });
    frame(
      confirmationPanel("Import complete", `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`),
      h(
        "p",
        { class: "govuk-body" },
        `${c.skipped} ${c.skipped === 1 ? "row was" : "rows were"} skipped for problems and ${c.failed} could not be written. The report says what happened to each row.`,
      ),
      report,
      h(
        "p",
        { class: "govuk-body" },
        h("a", { href: "/workspace/settings/import", class: "govuk-link" }, "Import another file"),
      ),
    );
  };

  step.append(
    h("h1", { class: "govuk-heading-l" }, TITLE),
    h(
      "p",
      { class: "govuk-body" },
      "Bring your scheme's existing spreadsheets into Tandem: approved volunteers with their checks and training, children waiting for a match, and active matches.",
    ),
    insetText(
      "Nothing is written until you have seen the check of every row. Importing the same file again creates nothing new: rows are matched by your own reference column.",
    ),
    h("h2", { class: "govuk-heading-m" }, "Templates"),
    templates,
    h("h2", { class: "govuk-heading-m" }, "Your file"),
    first,
  );
  showPage(TITLE, settingsFrame(summary, h("span", { class: "govuk-caption-l" }, tenant.name), step));
}
