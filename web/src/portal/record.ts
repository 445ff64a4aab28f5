/**
 * After a visit: the record (how long, what you did, how it went), then anything else (notes, the
 * child's own words if they want them passed on), then "check your answers". A note naming the child is
 * flagged by the API before anything is saved (Leicestershire: the visit record must not identify the
 * child), with the reason, on the answer to change. Or the visit is cancelled, with a reason the
 * council accepts.
 */

import { CANCELLATION_WORDS, hoursInWords } from "@tandem/domain/visits";
import { cancelVisit, type RecordVisit, recordVisit, type Visit, visits } from "../api/visits";
import { loadOrNotFound } from "../areas";
import { backLink, formatDate, multiline, summaryList } from "../components";
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
import { setFlash, showPage, twoThirds } from "../layout";
import { navigate, type RouteContext } from "../router";
import { draft, dropDraft } from "./drafts";
import { apiProblems, enterMatch, type MyMatch, matchPath, visitPath } from "./frame";
import { HOW_IT_WENT } from "./labels";

type HowItWent = keyof typeof HOW_IT_WENT;
interface RecordDraft {
  minutes?: number;
  whatWeDid?: string;
  howItWent?: HowItWent;
  notes?: string;
  childsWords?: string;
}

async function enterVisit(
  ctx: RouteContext,
  title: string,
): Promise<{ match: MyMatch; visit: Visit; policy: Parameters<typeof cancelReasons>[0] } | null> {
  const entered = await enterMatch(ctx, title);
  if (!entered) return null;
  const visitId = ctx.params.visitId ?? "";
  const visit = await loadOrNotFound(ctx, async () =>
    (await visits(entered.match.matchId)).items.find((v) => v.id === visitId),
  );
  return visit ? { match: entered.match, visit, policy: entered.policy } : null;
}

const key = (visitId: string) => `record:${visitId}`;
const when = (v: Visit) => `${formatDate(v.plan.on)}, ${v.plan.activity}`;

function frame(title: string, back: string, match: MyMatch, v: Visit, ...content: Parameters<typeof twoThirds>) {
  showPage(
    title,
    backLink(back),
    twoThirds(h("span", { class: "govuk-caption-l" }, `Visit with ${match.childFirstName}: ${when(v)}`), ...content),
  );
}

export async function recordVisitPage(ctx: RouteContext): Promise<void> {
  const title = "Record the visit";
  const found = await enterVisit(ctx, title);
  if (!found) return;
  const { match, visit } = found;
  const d = draft<RecordDraft>(key(visit.id), () => ({}));
  const summary = h("div");
  const hours = textField({
    id: "hours",
    label: "Hours",
    autocomplete: "off",
    inputmode: "numeric",
    widthClass: "govuk-input--width-2",
    value: d.minutes === undefined ? "" : String(Math.floor(d.minutes / 60)),
  });
  const minutes = textField({
    id: "minutes",
    label: "Minutes",
    autocomplete: "off",
    inputmode: "numeric",
    widthClass: "govuk-input--width-2",
    value: d.minutes === undefined ? "" : String(d.minutes % 60),
  });
  const whatWeDid = textArea({
    id: "whatWeDid",
    label: "What did you do?",
    labelClass: "govuk-label--m",
    hint: "Write 'the young person', not their name",
    value: d.whatWeDid,
    rows: 4,
  });
  const how = radios<HowItWent>({
    id: "howItWent",
    legend: "How did it go?",
    legendClass: "govuk-fieldset__legend--m",
    options: Object.entries(HOW_IT_WENT).map(([value, label]) => ({ value: value as HowItWent, label })),
    value: d.howItWent ?? null,
  });
  const fields: Record<string, Field> = { hours, minutes, whatWeDid, howItWent: how };
  const f = form(
    `${visitPath(match.matchId, visit.id)}/record`,
    h(
      "fieldset",
      { class: "govuk-fieldset" },
      h("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--m" }, "How long was the visit?"),
      hours.group,
      minutes.group,
    ),
    whatWeDid.group,
    how.group,
    submitButton("Continue"),
  );
  onSubmit(f, async () => {
    const problems: Problem[] = [];
    const hv = hours.input.value.trim() || "0";
    const mv = minutes.input.value.trim() || "0";
    if (!/^\d{1,2}$/.test(hv)) problems.push({ key: "hours", message: "Enter the hours as a number, like 2" });
    if (!/^\d{1,2}$/.test(mv) || Number(mv) > 59)
      problems.push({ key: "minutes", message: "Enter the minutes as a number from 0 to 59" });
    const total = Number(hv) * 60 + Number(mv);
    if (problems.length === 0 && total < 15)
      problems.push({ key: "hours", message: "Enter how long the visit was: at least 15 minutes" });
    if (!whatWeDid.textarea.value.trim()) problems.push({ key: "whatWeDid", message: "Enter what you did" });
    if (!how.value()) problems.push({ key: "howItWent", message: "Say how the visit went" });
    if (problems.length > 0) return showProblems(summary, title, fields, problems);
    Object.assign(d, {
      minutes: total,
      whatWeDid: whatWeDid.textarea.value.trim(),
      howItWent: how.value() ?? undefined,
    });
    navigate(`${visitPath(match.matchId, visit.id)}/record/more`);
  });
  frame(title, matchPath(match.matchId), match, visit, summary, h("h1", { class: "govuk-heading-l" }, title), f);
}

export async function recordMorePage(ctx: RouteContext): Promise<void> {
  const title = "Anything else about the visit?";
  const found = await enterVisit(ctx, title);
  if (!found) return;
  const { match, visit } = found;
  const d = draft<RecordDraft>(key(visit.id), () => ({}));
  if (d.minutes === undefined) return navigate(`${visitPath(match.matchId, visit.id)}/record`, { replace: true });
  const notes = textArea({
    id: "notes",
    label: "Notes (optional)",
    labelClass: "govuk-label--m",
    hint: "Anything your coordinator should know. Write 'the young person', not their name",
    value: d.notes,
    rows: 4,
  });
  const words = textArea({
    id: "childsWords",
    label: "The young person's own words (optional)",
    labelClass: "govuk-label--m",
    hint: "Only if they want them passed on",
    value: d.childsWords,
    rows: 4,
  });
  const f = form(
    `${visitPath(match.matchId, visit.id)}/record/more`,
    notes.group,
    words.group,
    submitButton("Continue"),
  );
  onSubmit(f, async () => {
    d.notes = notes.textarea.value.trim() || undefined;
    d.childsWords = words.textarea.value.trim() || undefined;
    navigate(`${visitPath(match.matchId, visit.id)}/record/check`);
  });
  frame(
    title,
    `${visitPath(match.matchId, visit.id)}/record`,
    match,
    visit,
    h("h1", { class: "govuk-heading-l" }, title),
    f,
  );
}

export async function recordCheckPage(ctx: RouteContext): Promise<void> {
  const title = "Check the visit record";
  const found = await enterVisit(ctx, title);
  if (!found) return;
  const { match, visit } = found;
  const d = draft<RecordDraft>(key(visit.id), () => ({}));
  const base = `${visitPath(match.matchId, visit.id)}/record`;
  if (d.minutes === undefined || !d.whatWeDid || !d.howItWent) return navigate(base, { replace: true });
  const summary = h("div");
  const link = (id: string) => ({ id: `change-${id}`, group: h("div"), setError: () => {} });
  const fields: Record<string, Field> = {
    minutes: link("minutes"),
    whatWeDid: link("whatWeDid"),
    howItWent: link("howItWent"),
    notes: link("notes"),
    childsWords: link("childsWords"),
  };
  const f = form(`${base}/check`, submitButton("Save the record"));
  onSubmit(f, async () => {
    const record: RecordVisit["record"] = {
      minutes: d.minutes ?? 0,
      whatWeDid: d.whatWeDid ?? "",
      howItWent: d.howItWent ?? "well",
      ...(d.notes ? { notes: d.notes } : {}),
      ...(d.childsWords ? { childsWords: d.childsWords } : {}),
    };
    try {
      await recordVisit(match.matchId, visit.id, { record, version: visit.version });
      dropDraft(key(visit.id));
      setFlash("success", "The visit is recorded");
      navigate(matchPath(match.matchId));
    } catch (error) {
      // The API names each answer that names the child, as "record.notes": its reason goes on that answer's Change link.
      showProblems(
        summary,
        title,
        fields,
        apiProblems(error, (path) => path.replace(/^record\./, "")),
      );
    }
  });
  const row = (k: string, label: string, value: string, step: string) => ({
    key: label,
    value: multiline(value),
    action: { href: `${base}${step}`, hidden: label.toLowerCase(), id: `change-${k}` },
  });
  frame(
    title,
    `${base}/more`,
    match,
    visit,
    summary,
    h("h1", { class: "govuk-heading-l" }, title),
    summaryList([
      row("minutes", "How long", hoursInWords(d.minutes), ""),
      row("whatWeDid", "What you did", d.whatWeDid, ""),
      row("howItWent", "How it went", HOW_IT_WENT[d.howItWent], ""),
      row("notes", "Notes", d.notes ?? "None", "/more"),
      row("childsWords", "Their own words", d.childsWords ?? "None", "/more"),
    ]),
    f,
  );
}

function cancelReasons(policy: { visits: { cancellationReasons: readonly (keyof typeof CANCELLATION_WORDS)[] } }) {
  return policy.visits.cancellationReasons.map((r) => ({
    value: r,
    label: CANCELLATION_WORDS[r].replace(/^./, (c) => c.toUpperCase()),
  }));
}

export async function cancelVisitPage(ctx: RouteContext): Promise<void> {
  const title = "Why are you cancelling the visit?";
  const found = await enterVisit(ctx, title);
  if (!found) return;
  const { match, visit, policy } = found;
  const summary = h("div");
  const reason = radios({
    id: "reason",
    legend: title,
    legendAsHeading: true,
    hint: "Your council cancels visits only for these reasons",
    options: cancelReasons(policy),
  });
  const details = textArea({ id: "details", label: "Anything to add (optional)", rows: 3 });
  const fields = { reason, details };
  const f = form(
    `${visitPath(match.matchId, visit.id)}/cancel`,
    reason.group,
    details.group,
    submitButton("Cancel the visit", "warning"),
  );
  onSubmit(f, async () => {
    const chosen = reason.value();
    if (!chosen)
      return showProblems(summary, title, fields, [
        { key: "reason", message: "Choose why you are cancelling the visit" },
      ]);
    const text = details.textarea.value.trim();
    try {
      await cancelVisit(match.matchId, visit.id, {
        cancellation: { reason: chosen, ...(text ? { details: text } : {}) },
        version: visit.version,
      });
      setFlash("success", `The visit on ${formatDate(visit.plan.on)} is cancelled`);
      navigate(matchPath(match.matchId));
    } catch (error) {
      showProblems(
        summary,
        title,
        fields,
        apiProblems(error, (p) => (p.includes("details") ? "details" : "reason")),
      );
    }
  });
  frame(title, matchPath(match.matchId), match, visit, summary, f);
}
