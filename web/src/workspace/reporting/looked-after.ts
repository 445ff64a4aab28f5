/**
 * The council's monthly count of its looked-after children, with where the figure comes from: the
 * denominator of coverage. A month's count can be corrected; the audit trail keeps who changed it.
 */
import { ApiError } from "../../api/client";
import { lookedAfterCounts, recordLookedAfterCount } from "../../api/reporting";
import { areas } from "../../areas";
import { backLink, formatDate, table } from "../../components";
import { h } from "../../dom";
import { form, onSubmit, radios, showProblems, submitButton, textArea, textField } from "../../forms";
import { problemPage, setFlash, showPage } from "../../layout";
import { navigate, type RouteContext } from "../../router";
import { enterArea } from "../shell";
import { monthName } from "./words";

const TITLE = "Record the looked-after count";

/** This month and the two before it, newest first ("2026-12", "2026-11", "2026-10"). */
function recentMonths(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return [0, 1, 2].map((back) => {
    const index = y * 12 + (m - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

export async function lookedAfterPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.reporting);
  if (!entered) return;
  let recorded: Awaited<ReturnType<typeof lookedAfterCounts>>["items"];
  try {
    recorded = (await lookedAfterCounts()).items;
  } catch (error) {
    if (ctx.isCurrent()) problemPage(error instanceof ApiError ? error.message : "Try again later.");
    return;
  }
  if (!ctx.isCurrent()) return;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  const months = recentMonths(today);
  const month = radios<string>({
    id: "month",
    legend: "Which month is the count for?",
    legendClass: "govuk-fieldset__legend--s",
    value: months[0] ?? null,
    options: months.map((m) => ({ value: m, label: monthName(m) })),
  });
  const count = textField({
    id: "count",
    label: "How many children did the council look after that month?",
    hint: "The figure at the end of the month, or the latest you have",
    autocomplete: "off",
    inputmode: "numeric",
    widthClass: "govuk-input--width-5",
    spellcheck: false,
  });
  const source = textArea({
    id: "source",
    label: "Where does the figure come from?",
    hint: "For example, the case system's month-end report of children looked after",
  });
  const summary = h("div");
  const fields = { month, count, source };
  const f = form(
    "/workspace/reporting/looked-after",
    month.group,
    count.group,
    source.group,
    submitButton("Save the count"),
  );
  onSubmit(f, async () => {
    const chosen = month.value();
    const n = count.input.value.trim().replace(/,/g, "");
    const problems = [
      chosen ? null : { key: "month", message: "Choose the month the count is for" },
      /^\d+$/.test(n) ? null : { key: "count", message: "Enter the count as a whole number, like 412" },
      source.textarea.value.trim() ? null : { key: "source", message: "Say where the figure comes from" },
    ].filter((p) => p !== null);
    if (problems.length > 0 || !chosen) {
      showProblems(summary, TITLE, fields, problems);
      return;
    }
    try {
      await recordLookedAfterCount(chosen, { count: Number(n), source: source.textarea.value.trim() });
    } catch (error) {
      const message = error instanceof ApiError ? error.message : "Saving did not work. Try again";
      const key = error instanceof ApiError ? error.fields[0]?.path : undefined;
      showProblems(summary, TITLE, fields, [
        { key: key === "month" || key === "count" || key === "source" ? key : undefined, message },
      ]);
      return;
    }
    setFlash("success", `The looked-after count for ${monthName(chosen)} is saved`);
    navigate("/workspace/reporting");
  });
  showPage(
    TITLE,
    backLink("/workspace/reporting", "Back to reporting"),
    summary,
    h("h1", { class: "govuk-heading-l" }, TITLE),
    h(
      "p",
      { class: "govuk-body" },
      "Coverage is the share of the council's looked-after children who have an Independent Visitor. Record the council's own count each month.",
    ),
    f,
    recorded.length > 0
      ? table({
          caption: "Counts recorded",
          head: ["Month", "Children", "Source", "Recorded"],
          rows: [...recorded]
            .reverse()
            .map((c) => [
              monthName(c.month),
              c.count.toLocaleString("en-GB"),
              c.source,
              `${formatDate(c.recordedOn)} by ${c.recordedBy}`,
            ]),
        })
      : null,
  );
}
