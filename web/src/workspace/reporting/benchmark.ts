/**
 * Comparing with councils of the same kind (issue 16 item 7, ADR 20). The scheme administrator opts
 * in or out, knowing what is shared; the council's coverage, median wait and match length stand
 * beside the median and quartiles of councils of its kind only when at least five share theirs, and
 * otherwise a plain sentence says so. A chunk of its own: few people open it, and rarely.
 */
import { type BenchmarkSettings, type BenchmarkView, benchmark, saveBenchmarkSettings } from "../../api/benchmark";
import { ApiError } from "../../api/client";
import { areas, failurePage, mayCall } from "../../areas";
import { backLink, formatDate, insetText, paragraph, scrollBox, summaryList, table } from "../../components";
import { h } from "../../dom";
import { form, onSubmit, radios, showProblems, submitButton } from "../../forms";
import { setFlash, showPage, takeFlashBanner } from "../../layout";
import type { RouteContext } from "../../router";
import { enterArea } from "../shell";

const TITLE = "Compare with other councils";
const PATH = "/workspace/reporting/benchmark";
/** As the API counts (MIN_CONTRIBUTORS): fewer councils' quartiles would come close to one council's figure. */
const AT_LEAST = 5;

type Kind = NonNullable<BenchmarkSettings["kind"]>;
type Figure = BenchmarkView["figures"][number];

const KINDS: Record<Kind, string> = {
  county: "County council",
  unitary: "Unitary authority",
  metropolitan_district: "Metropolitan district",
  london_borough: "London borough",
  welsh_principal_area: "Welsh principal area",
};

const FIGURES: Record<Figure["name"], { label: string; value: (n: number) => string }> = {
  coveragePercent: {
    label: "Children with a visitor, as a share of looked-after children",
    value: (n) => `${n.toLocaleString("en-GB")}%`,
  },
  medianWaitDays: { label: "Median wait for a visitor", value: (n) => days(n) },
  matchLengthDays: { label: "Median length of a match", value: (n) => days(n) },
};

function days(n: number): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? "day" : "days"}`;
}

const own = (f: Figure) => (f.own === null ? "No data yet" : FIGURES[f.name].value(f.own));

export async function benchmarkPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.benchmark);
  if (!entered) return;
  let view: BenchmarkView;
  try {
    view = await benchmark();
  } catch (error) {
    if (ctx.isCurrent()) failurePage(error);
    return;
  }
  if (!ctx.isCurrent()) return;
  render(ctx, view, mayCall("PUT /api/reporting/benchmark-settings", entered.membership.roles));
}

function whatIsShared(): HTMLElement[] {
  return [
    h("h2", { class: "govuk-heading-m" }, "What the council shares"),
    paragraph(
      "When the council shares, Tandem adds three of its figures for the last twelve months to those of other councils of the same kind:",
    ),
    h("ul", { class: "govuk-list govuk-list--bullet" }, ...Object.values(FIGURES).map((f) => h("li", {}, f.label))),
    paragraph(
      `Nothing else leaves the council's records: no child, volunteer or referral, and no name. Other councils see only the median and quartiles of at least ${AT_LEAST} councils together, never one council's figure, and neither does Tandem's operator. The figures are rebuilt once a day. Stopping sharing takes the council's figures out at the next daily rebuild.`,
    ),
  ];
}

function figuresSection(view: BenchmarkView): HTMLElement[] {
  const s = view.settings;
  const built = view.builtOn ? ` Built on ${formatDate(view.builtOn)}.` : "";
  if (!s.optedIn) {
    return [
      paragraph("The council does not share its figures, so it sees only its own:"),
      summaryList(view.figures.map((f) => ({ key: FIGURES[f.name].label, value: own(f) }))),
    ];
  }
  const kind = s.kind ? KINDS[s.kind].toLowerCase() : "council";
  const shown = view.figures.filter((f) => f.spread !== null);
  const notYet = view.figures.filter((f) => f.spread === null);
  const out: HTMLElement[] = [];
  if (shown.length > 0) {
    out.push(
      // Six columns do not fit a phone: the table scrolls inside its box, never the page.
      scrollBox(
        "The council against councils of the same kind",
        table({
          caption: `The council against councils of the same kind (${kind}), the last twelve months.${built}`,
          head: ["Figure", "This council", "Lower quartile", "Median", "Upper quartile", "Councils"],
          numericColumns: [1, 2, 3, 4, 5],
          rows: shown.map((f) => {
            const v = FIGURES[f.name].value;
            return [
              FIGURES[f.name].label,
              own(f),
              f.spread ? v(f.spread.lowerQuartile) : "",
              f.spread ? v(f.spread.median) : "",
              f.spread ? v(f.spread.upperQuartile) : "",
              String(f.contributors),
            ];
          }),
        }),
      ),
      paragraph(
        "Half of the councils lie between the lower and upper quartile; a quarter are below the lower, a quarter above the upper.",
      ),
    );
  }
  if (notYet.length > 0) {
    const most = Math.max(...notYet.map((f) => f.contributors));
    out.push(
      insetText(
        `${shown.length > 0 ? "For the other figures, not" : "Not"} enough councils of the same kind (${kind}) share them yet: they are shown when at least ${AT_LEAST} do, and ${most === 1 ? "1 does" : `${most} do`} so far.${built}`,
      ),
      summaryList(notYet.map((f) => ({ key: `${FIGURES[f.name].label} (this council)`, value: own(f) }))),
    );
  }
  return out;
}

function settingsForm(ctx: RouteContext, view: BenchmarkView): HTMLElement[] {
  const s = view.settings;
  const share = radios<"yes" | "no">({
    id: "optedIn",
    legend: "Share the council's figures?",
    legendClass: "govuk-fieldset__legend--s",
    options: [
      { value: "yes", label: "Yes, share them anonymously" },
      { value: "no", label: "No, do not share them" },
    ],
    value: s.optedIn ? "yes" : "no",
  });
  const kind = radios<Kind>({
    id: "kind",
    legend: "What kind of council is it?",
    legendClass: "govuk-fieldset__legend--s",
    hint: "The council is compared only with councils of the same kind. Needed to share.",
    options: (Object.keys(KINDS) as Kind[]).map((k) => ({ value: k, label: KINDS[k] })),
    value: s.kind,
  });
  const summary = h("div");
  const fields = { optedIn: share, kind };
  const f = form(PATH, share.group, kind.group, submitButton("Save"));
  onSubmit(f, async () => {
    const optedIn = share.value() === "yes";
    if (optedIn && kind.value() === null) {
      showProblems(summary, TITLE, fields, [{ key: "kind", message: "Choose the kind of council to compare with" }]);
      return;
    }
    try {
      await saveBenchmarkSettings({ optedIn, kind: kind.value(), version: s.version });
    } catch (error) {
      const problems =
        error instanceof ApiError && error.fields.length > 0
          ? error.fields.map((p) => ({ key: p.path === "kind" ? "kind" : "optedIn", message: p.message }))
          : [
              {
                key: "optedIn",
                message: error instanceof ApiError ? error.message : "Saving did not work. Try again",
              },
            ];
      showProblems(summary, TITLE, fields, problems);
      return;
    }
    if (!ctx.isCurrent()) return;
    setFlash(
      "success",
      optedIn
        ? "The council now shares its figures: they join the comparison at the next daily rebuild"
        : "The council no longer shares its figures: they leave the comparison at the next daily rebuild",
    );
    await benchmarkPage(ctx);
  });
  return [h("h2", { class: "govuk-heading-m" }, "Sharing"), summary, f];
}

function render(ctx: RouteContext, view: BenchmarkView, mayChange: boolean): void {
  const s = view.settings;
  const status = s.optedIn
    ? `The council shares its figures, compared with councils of the same kind (${s.kind ? KINDS[s.kind].toLowerCase() : "not chosen"}).`
    : "The council does not share its figures.";
  const changed = s.changedOn ? ` Last changed on ${formatDate(s.changedOn)}.` : "";
  showPage(
    TITLE,
    backLink("/workspace/reporting", "Back to reporting"),
    takeFlashBanner(),
    h("h1", { class: "govuk-heading-l" }, TITLE),
    paragraph(`${status}${changed}`),
    ...figuresSection(view),
    ...whatIsShared(),
    ...(mayChange
      ? settingsForm(ctx, view)
      : [paragraph("Only the scheme administrator can choose whether the council shares its figures.")]),
  );
}
