import { NeverOfferedView, UploadCohort } from "@tandem/contracts/cohort";
import { loadNeverOffered, replaceCohort } from "@tandem/data/reporting";
import { Problem } from "@tandem/domain/problems";
import { checkCohort } from "@tandem/domain/reporting";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";
import { readCsv } from "./read-csv.js";

/**
 * The council's list of looked-after children and the children on it never offered an Independent
 * Visitor (issue 16 item 6, ADR 20). Managers (and the tenant admin, who answers for the council's
 * data) only: the list is about children by case reference, so every view is audited.
 */
const managers = { kind: "tenant", roles: ["manager", "tenant_admin"] } as const;
const route = routesFor({ tags: ["reporting"], access: managers });

const upload = route("post", "/api/reporting/cohort", {
  summary:
    "Upload this month's list of looked-after children (CSV), replacing the last; refused whole, with every row's problems, when any row is wrong",
  description:
    "The CSV has a heading row and one row per child with five columns: Case reference, Date of birth, Date came " +
    "into care, Legal status, Placement area. Other columns are ignored, not stored, and named in `warnings`. A " +
    "file with any problem is refused with 400: each problem in `fields` (path `file`) names the row (the heading " +
    "is row 1) and the column. The list is deleted 13 months after its upload unless replaced sooner.",
  refuses: ["version_conflict"],
  request: { body: jsonBody(UploadCohort) },
  responses: { 200: jsonResponse(NeverOfferedView, "The list now in force and the children on it never offered") },
});

const neverOfferedList = route("get", "/api/reporting/never-offered", {
  summary: "The children on the council's list who meet its policy and have never been referred (audited)",
  responses: {
    200: jsonResponse(NeverOfferedView, "The list in force (null when none) and the children never offered"),
  },
});

const EMPTY = {
  listed: 0,
  withinPolicy: 0,
  referred: 0,
  outside: {
    below_minimum_age: 0,
    above_maximum_age: 0,
    not_long_enough_in_care: 0,
    proceedings_not_concluded: 0,
    placed_out_of_area: 0,
  },
  children: [],
};

export const cohortRoutes = newRouter()
  .openapi(upload, async (c) => {
    const body = c.req.valid("json");
    const rows = await readCsv(body.content);
    const checked = rows.ok ? checkCohort(rows.rows, c.var.today) : { ok: false as const, problems: [rows.problem] };
    if (!checked.ok) {
      const count = checked.problems.length;
      throw new Problem(
        "validation_failed",
        `The list was not uploaded: ${count === 1 ? "there is a problem" : `there are ${count} problems`} with the file. ${checked.problems[0]?.message ?? ""}`,
        { fields: checked.problems.map((p) => ({ path: "file", message: p.message })) },
      );
    }
    await replaceCohort(
      c.var.table,
      { children: checked.children, warnings: checked.warnings, fileName: body.fileName },
      new Date(),
      c.var.today,
    );
    const loaded = await loadNeverOffered(c.var.table, c.var.tenant.policy, c.var.today);
    return c.json(
      NeverOfferedView.parse(loaded ? { upload: loaded.upload, ...loaded.list } : { upload: null, ...EMPTY }),
      200,
    );
  })
  .openapi(neverOfferedList, async (c) => {
    const loaded = await loadNeverOffered(c.var.table, c.var.tenant.policy, c.var.today);
    return c.json(
      NeverOfferedView.parse(loaded ? { upload: loaded.upload, ...loaded.list } : { upload: null, ...EMPTY }),
      200,
    );
  });
