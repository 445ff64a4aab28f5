/**
 * Reporting a concern, from the volunteer's portal or the workspace, at any time: what kind, what
 * happened and when and who was told, then "check your answers". On submission the council's
 * safeguarding contacts are e-mailed by the API, and the reporter sees the council's out-of-hours
 * numbers. A report is never edited afterwards, only added to.
 */

import { londonTimeToInstant, todayInLondon } from "@tandem/domain/calendar";
import type { ConcernType } from "../api/concerns";
import { type SubmittedConcern, submitConcern } from "../api/concerns";
import { myMatches } from "../api/matches";
import type { TenantView } from "../api/types";
import { apiProblems } from "../api-problems";
import { type Area, areas } from "../areas";
import { backLink, confirmationPanel, formatDateTime, multiline, summaryList, warningText } from "../components";
import { dateInput } from "../date-input";
import { h } from "../dom";
import {
  type Field,
  form,
  onSubmit,
  type Problem,
  radios,
  showProblems,
  submitButton,
  textArea,
  textField,
} from "../forms";
import { showPage, twoThirds } from "../layout";
import { navigate, type RouteContext } from "../router";
import { enterArea } from "../workspace/shell";
import { CONCERN_TYPES } from "./labels";

interface ReportDraft {
  type?: ConcernType;
  /** The volunteer's match it is about, or "none"; unasked (undefined) in the workspace. */
  matchId?: string;
  childName?: string;
  whatHappened?: string;
  on?: string;
  time?: string;
  whoWasTold?: string;
}

/** Where the pages live: the portal's for volunteers, the workspace's for staff. */
export function concernsBase(ctx: RouteContext): { base: string; area: Area; home: string; homeText: string } {
  return ctx.path.startsWith("/portal")
    ? { base: "/portal/concerns", area: areas.portal, home: "/portal", homeText: "Back to your volunteering" }
    : { base: "/workspace/concerns", area: areas.concerns, home: "/workspace/concerns", homeText: "Back to concerns" };
}

let report: ReportDraft = {};
let sent: SubmittedConcern | null = null;

async function enter(ctx: RouteContext, title: string): Promise<{ tenant: TenantView; base: string } | null> {
  const where = concernsBase(ctx);
  const entered = await enterArea(ctx, title, where.area);
  return entered ? { tenant: entered.tenant, base: where.base } : null;
}

const immediate = () => warningText("If a child is in danger now, call 999.");

export async function reportTypePage(ctx: RouteContext): Promise<void> {
  const title = "What are you reporting?";
  const entered = await enter(ctx, title);
  if (!entered) return;
  const { base } = entered;
  const summary = h("div");
  const type = radios<ConcernType>({
    id: "type",
    legend: title,
    legendAsHeading: true,
    options: (Object.keys(CONCERN_TYPES) as ConcernType[]).map((t) => ({ value: t, ...CONCERN_TYPES[t] })),
    value: report.type ?? null,
  });
  const f = form(`${base}/new`, type.group, submitButton("Continue"));
  onSubmit(f, async () => {
    const t = type.value();
    if (!t) return showProblems(summary, title, { type }, [{ key: "type", message: "Choose what you are reporting" }]);
    report.type = t;
    navigate(`${base}/new/details`);
  });
  showPage(title, backLink(concernsBase(ctx).home, concernsBase(ctx).homeText), twoThirds(summary, immediate(), f));
}

/** The stages in which a volunteer sees the child: a report from the portal may be about one of them. */
const SEEING = new Set(["introduction", "trial", "ratified", "active", "ending"]);
const NOT_ONE_CHILD = "none";

/**
 * The children a volunteer visits, to ask which the report is about: the council's record then links it to the
 * match, and the child's social worker is told where the procedure says so. None in the workspace, or when the
 * list cannot be read (the report matters more than the link: it is still sent).
 */
async function childrenVisited(base: string): Promise<{ matchId: string; childFirstName: string }[]> {
  if (!base.startsWith("/portal")) return [];
  try {
    return (await myMatches()).items.filter((m) => SEEING.has(m.stage));
  } catch {
    return [];
  }
}

export async function reportDetailsPage(ctx: RouteContext): Promise<void> {
  const title = "What happened?";
  const entered = await enter(ctx, title);
  if (!entered) return;
  const { base } = entered;
  if (!report.type) return navigate(`${base}/new`, { replace: true });
  const children = await childrenVisited(base);
  if (!ctx.isCurrent()) return;
  const summary = h("div");
  const about =
    children.length > 0
      ? radios<string>({
          id: "about",
          legend: "Which child is it about?",
          legendClass: "govuk-fieldset__legend--s",
          options: [
            ...children.map((m) => ({ value: m.matchId, label: m.childFirstName })),
            { value: NOT_ONE_CHILD, label: "Not about one of the children I visit" },
          ],
          value: report.matchId ?? null,
        })
      : null;
  const what = textArea({
    id: "whatHappened",
    label: "Describe what you saw or heard",
    labelClass: "govuk-label--s",
    hint: "In the words that were used, where you can",
    value: report.whatHappened,
    rows: 6,
  });
  const on = dateInput({
    id: "on",
    legend: "When did it happen?",
    hint: "For example, 27 3 2027",
    what: "date it happened",
    value: report.on ?? todayInLondon(),
  });
  const time = textField({
    id: "time",
    label: "Time (if you know it)",
    hint: "For example, 14:30",
    autocomplete: "off",
    widthClass: "govuk-input--width-5",
    value: report.time,
  });
  const told = textArea({
    id: "whoWasTold",
    label: "Who have you told? (optional)",
    labelClass: "govuk-label--s",
    value: report.whoWasTold,
    rows: 3,
  });
  const fields: Record<string, Field> = { whatHappened: what, on, time, whoWasTold: told, ...(about ? { about } : {}) };
  const f = form(
    `${base}/new/details`,
    about?.group ?? null,
    what.group,
    on.group,
    time.group,
    told.group,
    submitButton("Continue"),
  );
  onSubmit(f, async () => {
    const problems: Problem[] = [];
    const aboutMatch = about?.value() ?? null;
    if (about && !aboutMatch) problems.push({ key: "about", message: "Choose which child it is about" });
    const text = what.textarea.value.trim();
    if (!text) problems.push({ key: "whatHappened", message: "Enter what happened" });
    const date = on.read();
    if (!date.ok) problems.push({ key: "on", message: date.message });
    const raw = time.input.value.trim();
    const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(raw);
    if (raw && (!m || Number(m[1]) > 23 || Number(m[2]) > 59))
      problems.push({ key: "time", message: "Enter the time like 14:30, or leave it empty" });
    if (date.ok && date.iso > todayInLondon())
      problems.push({ key: "on", message: "The date it happened must be today or in the past" });
    if (problems.length > 0) return showProblems(summary, title, fields, problems);
    const child = children.find((m) => m.matchId === aboutMatch);
    report = {
      ...report,
      matchId: about ? (aboutMatch ?? undefined) : undefined,
      childName: child?.childFirstName,
      whatHappened: text,
      on: date.ok ? date.iso : undefined,
      time: m ? `${m[1]?.padStart(2, "0")}:${m[2]}` : undefined,
      whoWasTold: told.textarea.value.trim() || undefined,
    };
    navigate(`${base}/new/check`);
  });
  showPage(
    title,
    backLink(`${base}/new`),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, CONCERN_TYPES[report.type].label),
      h("h1", { class: "govuk-heading-l" }, title),
      f,
    ),
  );
}

export async function reportCheckPage(ctx: RouteContext): Promise<void> {
  const title = "Check your report before you send it";
  const entered = await enter(ctx, title);
  if (!entered) return;
  const { base } = entered;
  const { type, whatHappened, on } = report;
  if (!type || !whatHappened || !on) return navigate(`${base}/new`, { replace: true });
  const summary = h("div");
  const f = form(`${base}/new/check`, submitButton("Send the report"));
  onSubmit(f, async () => {
    try {
      sent = await submitConcern({
        type,
        whatHappened,
        happenedAt: londonTimeToInstant(on, report.time ?? "00:00").toISOString(),
        ...(report.whoWasTold ? { whoWasTold: report.whoWasTold } : {}),
        ...(report.matchId && report.matchId !== NOT_ONE_CHILD ? { matchId: report.matchId } : {}),
      });
      report = {};
      navigate(`${base}/new/sent`, { replace: true });
    } catch (error) {
      showProblems(summary, title, {}, apiProblems(error));
    }
  });
  const change = (step: string, hidden: string) => ({ href: `${base}/new${step}`, hidden });
  showPage(
    title,
    backLink(`${base}/new/details`),
    twoThirds(
      summary,
      h("h1", { class: "govuk-heading-l" }, title),
      summaryList([
        { key: "What it is", value: CONCERN_TYPES[type].label, action: change("", "what it is") },
        ...(report.matchId
          ? [
              {
                key: "About",
                value: report.childName ?? "Not about one of the children I visit",
                action: change("/details", "which child it is about"),
              },
            ]
          : []),
        { key: "What happened", value: multiline(whatHappened), action: change("/details", "what happened") },
        {
          key: "When",
          value: formatDateTime(londonTimeToInstant(on, report.time ?? "00:00").toISOString()),
          action: change("/details", "when"),
        },
        {
          key: "Who was told",
          value: report.whoWasTold ? multiline(report.whoWasTold) : "Nobody yet",
          action: change("/details", "who was told"),
        },
      ]),
      h(
        "p",
        { class: "govuk-body" },
        "Once sent, the report cannot be changed, but you can add to it. The council's safeguarding contacts are told at once.",
      ),
      f,
    ),
  );
}

export async function reportSentPage(ctx: RouteContext): Promise<void> {
  const title = "Report sent";
  const entered = await enter(ctx, title);
  if (!entered) return;
  const where = concernsBase(ctx);
  if (!sent) return navigate(where.home, { replace: true });
  const phones = sent.outOfHoursPhones;
  showPage(
    title,
    twoThirds(
      confirmationPanel(title, "Your reference is", h("br"), h("strong", {}, sent.reference)),
      h("p", { class: "govuk-body" }, "The council's safeguarding contacts have been told. Someone will be in touch."),
      h("h2", { class: "govuk-heading-m" }, "If you need to speak to someone now"),
      phones.length > 0
        ? h(
            "p",
            { class: "govuk-body" },
            "Out of office hours, call the council's duty team on ",
            ...phones.flatMap((p, i) => [
              i > 0 ? " or " : null,
              h("a", { href: `tel:${p.replace(/\s/g, "")}`, class: "govuk-link" }, p),
            ]),
            ".",
          )
        : h(
            "p",
            { class: "govuk-body" },
            "Call your coordinator. Your council has not given an out-of-hours number here.",
          ),
      immediate(),
      h(
        "p",
        { class: "govuk-body" },
        h(
          "a",
          { href: `${where.base}/${encodeURIComponent(sent.id)}`, class: "govuk-link" },
          "See your report or add to it",
        ),
      ),
      h("p", { class: "govuk-body" }, h("a", { href: where.home, class: "govuk-link" }, where.homeText)),
    ),
  );
}
