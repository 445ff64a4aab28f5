/**
 * Children never offered a visitor (issue 16 item 6, ADR 20): the manager uploads the council's
 * monthly list of looked-after children from its case system, and sees the children on it who meet
 * the scheme's policy and whom no referral names, to raise at each child's next review. A file with
 * problems is refused whole; each problem (row and column) is listed in the error summary.
 */
import { ApiError } from "../../api/client";
import { type NeverOfferedView, neverOffered, uploadCohort } from "../../api/cohort";
import { areas, failurePage } from "../../areas";
import { backLink, formatDate, insetText, paragraph, scrollBox, table, warningText } from "../../components";
import { h } from "../../dom";
import { fileUpload, form, onSubmit, showProblems, submitButton } from "../../forms";
import { setFlash, showPage, takeFlashBanner } from "../../layout";
import type { RouteContext } from "../../router";
import { enterArea } from "../shell";

const TITLE = "Children never offered a visitor";
const PATH = "/workspace/reporting/never-offered";
/** The API takes up to 1 MB of text: 10,000 children in five columns fit several times over. */
const MAX_BYTES = 1_000_000;

const LEGAL_STATUS: Record<string, string> = {
  section_20_accommodated: "Section 20",
  interim_care_order: "Interim care order",
  care_order: "Care order",
  placement_order: "Placement order",
  remanded: "Remanded",
  care_leaver: "Care leaver",
  other: "Other",
};
const OUTSIDE: Record<keyof NeverOfferedView["outside"], string> = {
  below_minimum_age: "younger than the scheme takes",
  above_maximum_age: "older than the scheme takes",
  not_long_enough_in_care: "not yet in care as long as the scheme requires",
  proceedings_not_concluded: "on an interim care order, where the scheme needs proceedings concluded",
  placed_out_of_area: "placed out of area, which the scheme does not take",
};
const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

export async function neverOfferedPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.reporting);
  if (!entered) return;
  let view: NeverOfferedView;
  try {
    view = await neverOffered();
  } catch (error) {
    if (ctx.isCurrent()) failurePage(error);
    return;
  }
  if (!ctx.isCurrent()) return;
  render(ctx, view);
}

function listSection(view: NeverOfferedView): HTMLElement[] {
  const u = view.upload;
  if (!u) {
    return [
      paragraph(
        "No list has been uploaded, or the last one is more than 13 months old. Upload this month's list to see which children have never been referred.",
      ),
    ];
  }
  const outside = (Object.keys(OUTSIDE) as (keyof typeof OUTSIDE)[]).filter((k) => view.outside[k] > 0);
  return [
    paragraph(
      `The list in use was uploaded by ${u.uploadedBy} on ${formatDate(u.uploadedOn)} (${u.fileName}, ${plural(u.children, "child", "children")}). It is deleted after ${formatDate(u.keptUntil)} unless a newer list replaces it sooner.`,
    ),
    ...u.warnings.map((w) => warningText(w)),
    h(
      "ul",
      { class: "govuk-list govuk-list--bullet" },
      h("li", {}, `${plural(view.withinPolicy, "child meets", "children meet")} the scheme's policy today`),
      h("li", {}, `${plural(view.referred, "has", "have")} been referred`),
      ...outside.map((k) => h("li", {}, `${plural(view.outside[k], "child is", "children are")} ${OUTSIDE[k]}`)),
    ),
    view.children.length === 0
      ? insetText("Every child on the list who meets the scheme's policy has been referred.")
      : scrollBox(
          "Children never offered a visitor",
          table({
            caption: `${plural(view.children.length, "child", "children")} to raise at their next review`,
            head: ["Case reference", "Age", "In care since", "Legal status", "Placement"],
            numericColumns: [1],
            rows: view.children.map((c) => [
              c.caseReference,
              String(c.age),
              formatDate(c.dateCameIntoCare),
              LEGAL_STATUS[c.legalStatus] ?? c.legalStatus,
              c.placementArea === "in_area" ? "In area" : "Out of area",
            ]),
          }),
        ),
  ];
}

function render(ctx: RouteContext, view: NeverOfferedView): void {
  const file = fileUpload({
    id: "file",
    label: "Upload this month's list",
    hint: "A CSV file with a heading row and one row per child: Case reference, Date of birth, Date came into care, Legal status (for example Care order or Section 20), Placement area (In area or Out of area). Nothing else: other columns are ignored and not stored.",
    accept: ".csv,text/csv",
  });
  const summary = h("div");
  const fields = { file };
  const f = form(PATH, file.group, submitButton("Upload the list"));
  onSubmit(f, async () => {
    const chosen = file.file();
    const local = !chosen
      ? "Choose the CSV file of the council's looked-after children"
      : chosen.size > MAX_BYTES
        ? "The file is larger than 1 MB: a list needs only five columns"
        : null;
    if (local || !chosen) {
      showProblems(summary, TITLE, fields, [{ key: "file", message: local ?? "Choose a file" }]);
      return;
    }
    let next: NeverOfferedView;
    try {
      next = await uploadCohort({ fileName: chosen.name, content: await chosen.text() });
    } catch (error) {
      const problems =
        error instanceof ApiError && error.fields.length > 0
          ? error.fields.map((p) => ({ key: "file", message: p.message }))
          : [{ key: "file", message: error instanceof ApiError ? error.message : "Uploading did not work. Try again" }];
      showProblems(summary, TITLE, fields, problems);
      return;
    }
    if (!ctx.isCurrent()) return;
    setFlash(
      "success",
      `The list of ${plural(next.listed, "child", "children")} is uploaded and replaces the last one`,
    );
    render(ctx, next);
  });
  showPage(
    TITLE,
    backLink("/workspace/reporting", "Back to reporting"),
    summary,
    takeFlashBanner(),
    h("h1", { class: "govuk-heading-l" }, TITLE),
    paragraph(
      "Children in care often lack an Independent Visitor because nobody offered one. Upload the council's list of looked-after children each month: Tandem lists those who meet the scheme's policy and have never been referred, so you can raise each one at their next review.",
    ),
    paragraph(
      "Children are matched to referrals by the council case reference the referral gives. A referral without one cannot be matched, so a child referred that way may still appear here.",
    ),
    ...listSection(view),
    h("h2", { class: "govuk-heading-m" }, "Upload a new list"),
    paragraph(
      "A new list replaces the last one. A file with any problem is not uploaded, and each problem is listed by row and column.",
    ),
    f,
  );
}
