/**
 * Planning a visit, one question a page: when (date, start and end, overnight), what and where (an
 * activity from the match's risk assessment), who knows about it (lone working), then "check your
 * answers". Over the policy's longest visit or overnight, the volunteer is told at once: it goes for a
 * senior manager's approval where the policy allows that, and is refused in words where it does not.
 */

import { todayInLondon } from "@tandem/domain/calendar";
import { hoursInWords, lengthVerdict, plannedMinutes } from "@tandem/domain/visits";
import { type PlanVisit, planVisit, visitState } from "../api/visits";
import { loadOrNotFound } from "../areas";
import { backLink, formatDate, insetText, summaryList, warningText } from "../components";
import { dateInput } from "../date-input";
import { h } from "../dom";
import { checkboxes, form, onSubmit, type Problem, radios, showProblems, submitButton, textField } from "../forms";
import { setFlash, showPage, twoThirds } from "../layout";
import { navigate, type RouteContext } from "../router";
import { draft, dropDraft } from "./drafts";
import { apiProblems, clockTime, enterMatch, type MyMatch, matchPath, type Policy } from "./frame";

interface PlanDraft {
  on?: string;
  startsAt?: string;
  endsAt?: string;
  overnight?: boolean;
  activity?: string;
  place?: string;
  name?: string;
  phone?: string;
}

const key = (matchId: string) => `plan:${matchId}`;
const stepPath = (matchId: string, step: "" | "/activity" | "/named-person" | "/check") =>
  `${matchPath(matchId)}/plan${step}`;

function page(title: string, back: string, match: MyMatch, ...content: Parameters<typeof twoThirds>) {
  showPage(
    title,
    backLink(back),
    twoThirds(h("span", { class: "govuk-caption-l" }, `Plan a visit with ${match.childFirstName}`), ...content),
  );
}

function verdictOf(d: PlanDraft, policy: Policy) {
  if (!d.startsAt || !d.endsAt) return null;
  return lengthVerdict({ startsAt: d.startsAt, endsAt: d.endsAt, overnight: d.overnight ?? false }, policy.visits);
}

export async function planWhenPage(ctx: RouteContext): Promise<void> {
  const title = "When is the visit?";
  const entered = await enterMatch(ctx, title);
  if (!entered) return;
  const { match, policy } = entered;
  const d = draft<PlanDraft>(key(match.matchId), () => ({}));
  const summary = h("div");
  const on = dateInput({
    id: "on",
    legend: "Date",
    hint: "For example, 27 3 2027",
    what: "date of the visit",
    value: d.on,
  });
  const hint = "Use the 24-hour clock, for example 14:00";
  const starts = textField({
    id: "startsAt",
    label: "Start time",
    hint,
    autocomplete: "off",
    widthClass: "govuk-input--width-5",
    value: d.startsAt,
  });
  const ends = textField({
    id: "endsAt",
    label: "End time",
    hint,
    autocomplete: "off",
    widthClass: "govuk-input--width-5",
    value: d.endsAt,
  });
  const overnight = checkboxes({
    id: "overnight",
    legend: "Overnight",
    legendClass: "govuk-fieldset__legend--s",
    options: [{ value: "yes", label: "The visit ends the next day" }],
    values: d.overnight ? ["yes"] : [],
  });
  const fields = { on, startsAt: starts, endsAt: ends, overnight };
  const f = form(
    stepPath(match.matchId, ""),
    on.group,
    starts.group,
    ends.group,
    overnight.group,
    h(
      "p",
      { class: "govuk-body" },
      `A visit lasts at most ${hoursInWords(policy.visits.maxHours * 60)}${policy.visits.overnight === "never" ? ", and never overnight" : ""}.`,
    ),
    submitButton("Continue"),
  );
  onSubmit(f, async () => {
    const problems: Problem[] = [];
    const date = on.read();
    if (!date.ok) problems.push({ key: "on", message: date.message });
    else if (date.iso < todayInLondon()) {
      problems.push({
        key: "on",
        message: "A visit is planned for today or later: record a past visit with your coordinator",
      });
    }
    const s = clockTime(starts.input.value);
    const e = clockTime(ends.input.value);
    if (!s) problems.push({ key: "startsAt", message: "Enter the start time like 14:00" });
    if (!e) problems.push({ key: "endsAt", message: "Enter the end time like 16:30" });
    const next: PlanDraft = {
      ...d,
      on: date.ok ? date.iso : undefined,
      startsAt: s ?? undefined,
      endsAt: e ?? undefined,
      overnight: overnight.values().includes("yes"),
    };
    if (s && e && !next.overnight && plannedMinutes({ startsAt: s, endsAt: e, overnight: false }) <= 0) {
      problems.push({ key: "endsAt", message: "The visit must end after it starts (or say it ends the next day)" });
    }
    const verdict = problems.length === 0 ? verdictOf(next, policy) : null;
    if (verdict?.kind === "refused")
      problems.push({ key: next.overnight ? "overnight" : "endsAt", message: verdict.reason });
    if (problems.length > 0) return showProblems(summary, title, fields, problems);
    Object.assign(d, next);
    navigate(stepPath(match.matchId, "/activity"));
  });
  page(title, matchPath(match.matchId), match, summary, h("h1", { class: "govuk-heading-l" }, title), f);
}

export async function planActivityPage(ctx: RouteContext): Promise<void> {
  const title = "What will you do, and where?";
  const entered = await enterMatch(ctx, title);
  if (!entered) return;
  const { match } = entered;
  const d = draft<PlanDraft>(key(match.matchId), () => ({}));
  if (!d.on) return navigate(stepPath(match.matchId, ""), { replace: true });
  const state = await loadOrNotFound(ctx, () => visitState(match.matchId));
  if (!state) return;
  const summary = h("div");
  const activity =
    state.activities.length > 0
      ? radios({
          id: "activity",
          legend: "Activity",
          legendClass: "govuk-fieldset__legend--m",
          hint: "These are the activities the match's risk assessment covers",
          options: state.activities.map((a) => ({ value: a, label: a })),
          value: d.activity ?? null,
        })
      : null;
  // Without a risk-assessed list (the API then takes any activity), the volunteer types one.
  const typed = textField({
    id: "activity",
    label: "Activity",
    autocomplete: "off",
    value: d.activity,
    labelClass: "govuk-label--m",
  });
  const place = textField({
    id: "place",
    label: "Where will the visit be?",
    hint: "A place, not an address, for example Riverside Park",
    autocomplete: "off",
    value: d.place,
    labelClass: "govuk-label--m",
  });
  const fields = { activity: activity ?? typed, place };
  const f = form(
    stepPath(match.matchId, "/activity"),
    activity ? activity.group : typed.group,
    place.group,
    submitButton("Continue"),
  );
  onSubmit(f, async () => {
    const chosen = activity ? activity.value() : typed.input.value.trim() || null;
    const where = place.input.value.trim();
    const problems: Problem[] = [];
    if (!chosen) problems.push({ key: "activity", message: "Choose the activity" });
    if (!where) problems.push({ key: "place", message: "Enter where the visit will be" });
    if (problems.length > 0) return showProblems(summary, title, fields, problems);
    d.activity = chosen ?? undefined;
    d.place = where;
    navigate(stepPath(match.matchId, "/named-person"));
  });
  page(title, stepPath(match.matchId, ""), match, summary, h("h1", { class: "govuk-heading-l" }, title), f);
}

export async function planNamedPersonPage(ctx: RouteContext): Promise<void> {
  const title = "Who will know about the visit?";
  const entered = await enterMatch(ctx, title);
  if (!entered) return;
  const { match, policy } = entered;
  const d = draft<PlanDraft>(key(match.matchId), () => ({}));
  if (!d.activity) return navigate(stepPath(match.matchId, ""), { replace: true });
  const summary = h("div");
  const name = textField({ id: "name", label: "Their name", autocomplete: "off", value: d.name });
  const phone = textField({
    id: "phone",
    label: "Their phone number (optional)",
    type: "tel",
    autocomplete: "off",
    widthClass: "govuk-input--width-20",
    value: d.phone,
  });
  const fields = { name, phone };
  const f = form(stepPath(match.matchId, "/named-person"), name.group, phone.group, submitButton("Continue"));
  onSubmit(f, async () => {
    const n = name.input.value.trim();
    const p = phone.input.value.trim();
    const problems: Problem[] = [];
    if (!n && (policy.visits.namedPersonRequired || p))
      problems.push({ key: "name", message: "Enter the name of the person who will know about the visit" });
    if (p && !/^\+?[0-9][0-9 ]{5,18}[0-9]$/.test(p))
      problems.push({ key: "phone", message: "Enter a phone number like 07700 900123" });
    if (problems.length > 0) return showProblems(summary, title, fields, problems);
    d.name = n || undefined;
    d.phone = p || undefined;
    navigate(stepPath(match.matchId, "/check"));
  });
  page(
    title,
    stepPath(match.matchId, "/activity"),
    match,
    summary,
    h("h1", { class: "govuk-heading-l" }, title),
    h(
      "p",
      { class: "govuk-body" },
      "Someone you trust should know where and when the visit is. Tell them when you are home safe afterwards.",
    ),
    f,
  );
}

export async function planCheckPage(ctx: RouteContext): Promise<void> {
  const title = "Check the visit before you plan it";
  const entered = await enterMatch(ctx, title);
  if (!entered) return;
  const { match, policy } = entered;
  const d = draft<PlanDraft>(key(match.matchId), () => ({}));
  if (!d.on || !d.startsAt || !d.endsAt || !d.activity || !d.place)
    return navigate(stepPath(match.matchId, ""), { replace: true });
  const summary = h("div");
  const verdict = verdictOf(d, policy);
  const change = (step: "" | "/activity" | "/named-person", hidden: string, id: string) => ({
    href: stepPath(match.matchId, step),
    hidden,
    id,
  });
  const f = form(
    stepPath(match.matchId, "/check"),
    submitButton(verdict?.kind === "needs_prior_approval" ? "Ask for approval" : "Plan the visit"),
  );
  onSubmit(f, async () => {
    const body: PlanVisit = {
      on: d.on ?? "",
      startsAt: d.startsAt ?? "",
      endsAt: d.endsAt ?? "",
      overnight: d.overnight ?? false,
      activity: d.activity ?? "",
      place: d.place ?? "",
      ...(d.name ? { namedPerson: { name: d.name, ...(d.phone ? { phone: d.phone } : {}) } } : {}),
    };
    try {
      const visit = await planVisit(match.matchId, body);
      dropDraft(key(match.matchId));
      setFlash(
        "success",
        visit.status === "awaiting_approval"
          ? "Your visit is waiting for a senior manager's approval: do not go ahead until it is approved"
          : `Your visit on ${formatDate(visit.plan.on)} is planned`,
      );
      navigate(matchPath(match.matchId));
    } catch (error) {
      const target = (path: string) =>
        path.startsWith("namedPerson") ? "name" : path === "activity" || path === "place" ? "activity" : "when";
      showProblems(
        summary,
        title,
        {
          when: { id: "change-when", group: h("div"), setError: () => {} },
          activity: { id: "change-activity", group: h("div"), setError: () => {} },
          name: { id: "change-name", group: h("div"), setError: () => {} },
        },
        apiProblems(error, target),
      );
    }
  });
  const when = `${formatDate(d.on)}, ${d.startsAt} to ${d.endsAt}${d.overnight ? " the next day" : ""}`;
  page(
    title,
    stepPath(match.matchId, "/named-person"),
    match,
    summary,
    h("h1", { class: "govuk-heading-l" }, title),
    summaryList([
      { key: "When", value: when, action: change("", "when", "change-when") },
      { key: "Activity", value: d.activity, action: change("/activity", "activity", "change-activity") },
      { key: "Where", value: d.place, action: change("/activity", "where", "change-place") },
      {
        key: "Who knows",
        value: d.name ? `${d.name}${d.phone ? `, ${d.phone}` : ""}` : "Nobody named",
        action: change("/named-person", "who knows", "change-name"),
      },
    ]),
    verdict?.kind === "needs_prior_approval"
      ? warningText(`${verdict.reason}. Your coordinator's manager will decide; do not go ahead until it is approved.`)
      : insetText(
          `Afterwards, tell us you are home safe: we e-mail your coordinator if you have not within ${policy.visits.homeSafeWithinHours} ${policy.visits.homeSafeWithinHours === 1 ? "hour" : "hours"} of the end.`,
        ),
    f,
  );
}
