/**
 * Ending a match (issue 15): beginning the ending (planned, with the plan the social worker agreed;
 * unplanned, for a coded reason; or immediate, which stops visits at once and sends the formal letter
 * to everyone involved), then ending it after the closure review, the child's referral returning to
 * the waiting list or closing. Both are consequential, so each has a check-and-confirm step that says
 * what will happen before anything is sent.
 */
import { EndingReasonWords } from "@tandem/domain/endings";
import { match as loadMatchRecord } from "../../api/matches";
import { type BeginEndingBody, beginEnding, type EndMatchBody, endMatch, type MatchReviews } from "../../api/reviews";
import { backLink, formatDate, summaryList, warningText } from "../../components";
import { dateInput } from "../../date-input";
import { type Child, h } from "../../dom";
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
} from "../../forms";
import { setFlash, showPage, twoThirds } from "../../layout";
import { notFoundPage } from "../../pages/not-found";
import { navigate, type RouteContext } from "../../router";
import { refusal } from "../matching/frame";
import { loadReviews, reviewsHref } from "./match";

type Kind = BeginEndingBody["ending"]["kind"];
type Ending = BeginEndingBody["ending"];

const KINDS: { value: Kind; label: string; hint: string }[] = [
  {
    value: "planned",
    label: "Planned",
    hint: "Agreed ahead: the young person reaches the end age, someone moves away, circumstances change",
  },
  {
    value: "unplanned",
    label: "Unplanned",
    hint: "A placement move, the child's wish, the volunteer leaving, safeguarding or a breach",
  },
  {
    value: "immediate",
    label: "Immediate",
    hint: "A breach of the boundaries or a safeguarding concern: visits stop at once and a formal letter goes to all",
  },
];

const REASONS: Record<Kind, readonly string[]> = {
  planned: ["reached_end_age", "moving_away", "change_in_circumstances", "other"],
  unplanned: ["placement_move", "childs_wish", "volunteer_left", "safeguarding", "breach", "other"],
  immediate: ["breach", "safeguarding"],
};

const GOODBYE = {
  final_visit: "A final visit",
  final_message: "A final message or card",
  child_did_not_want_one: "The child did not want a goodbye",
  not_possible: "A goodbye is not possible",
} as const;

const today = () => new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });
const text = (id: string, label: string, hint?: string) =>
  textArea({ id, label, hint, rows: 4, labelClass: "govuk-label--s" });
const need = (value: string, key: string, message: string): Problem[] => (value.trim() ? [] : [{ key, message }]);

/** The page around a form or a confirmation on a match's ending. */
function endingPage(r: MatchReviews, title: string, ...content: Child[]): void {
  showPage(
    title,
    backLink(reviewsHref(r.matchId), "Back to the match's reviews"),
    twoThirds(
      h("span", { class: "govuk-caption-l" }, r.label),
      h("h1", { class: "govuk-heading-l" }, title),
      ...content,
    ),
  );
}

/** A check-and-confirm step: what was entered, what will happen, and the button that does it. */
function confirmStep(
  r: MatchReviews,
  title: string,
  rows: { key: string; value: string }[],
  consequences: string[],
  button: string,
  change: () => void,
  act: () => Promise<Problem[] | null>,
  done: string,
): void {
  const summary = h("div");
  const confirm = form(
    location.pathname,
    h(
      "div",
      { class: "govuk-button-group" },
      submitButton(button),
      h("a", { href: location.pathname, class: "govuk-link", id: "change-answers" }, "Change the answers"),
    ),
  );
  onSubmit(confirm, async () => {
    const problems = await act();
    if (problems) return showProblems(summary, title, {}, problems);
    setFlash("success", done);
    navigate(reviewsHref(r.matchId));
  });
  endingPage(
    r,
    title,
    summary,
    summaryList(rows),
    h("h2", { class: "govuk-heading-m" }, "What happens when you confirm"),
    h("ul", { class: "govuk-list govuk-list--bullet" }, ...consequences.map((c) => h("li", {}, c))),
    confirm,
  );
  document.getElementById("change-answers")?.addEventListener("click", (event) => {
    event.preventDefault();
    change();
  });
}

async function send(call: () => Promise<unknown>, prefix: RegExp): Promise<Problem[] | null> {
  try {
    await call();
    return null;
  } catch (error) {
    return refusal(error, (path) => path.replace(prefix, "").split(".")[0]);
  }
}

export async function beginEndingPage(ctx: RouteContext): Promise<void> {
  const loaded = await loadReviews(ctx, "Begin the ending");
  if (!loaded) return;
  const { reviews: r } = loaded;
  if (r.stage !== "active") return notFoundPage();
  const kind = new URLSearchParams(location.search).get("kind") as Kind | null;
  if (!kind || !REASONS[kind]) return chooseKind(r);
  const record = await loadMatchRecord(r.matchId);
  const title = `Begin ${kind === "immediate" ? "an immediate" : `a ${kind}`} ending`;
  const reason = radios({
    id: "reason",
    legend: "Why is the match ending?",
    legendClass: "govuk-fieldset__legend--s",
    options: REASONS[kind].map((v) => ({ value: v, label: EndingReasonWords[v] ?? v })),
  });
  const fields: Record<string, Field> = { reason };
  const details = kind === "planned" ? null : text("details", "What happened?");
  if (details) fields.details = details;
  const goodbye =
    kind === "unplanned"
      ? radios({
          id: "goodbye",
          legend: "How will the child say goodbye?",
          legendClass: "govuk-fieldset__legend--s",
          hint: "If they do not want a goodbye, respect that",
          options: Object.entries(GOODBYE).map(([value, label]) => ({ value, label })),
        })
      : null;
  if (goodbye) fields.goodbye = goodbye;
  const howTold =
    kind === "unplanned"
      ? text("howChildIsTold", "If there is no goodbye, how and when will the child be told?")
      : null;
  if (howTold) fields.howChildIsTold = howTold;
  const plan =
    kind === "immediate" ? null : text("plan", "The ending plan", "What happens, when, and who tells the child");
  if (plan) fields.plan = plan;
  const lastVisit =
    kind === "planned"
      ? dateInput({
          id: "lastVisitOn",
          legend: "The last visit (if planned)",
          hint: "For example, 27 3 2026",
          what: "date of the last visit",
        })
      : null;
  if (lastVisit) fields.lastVisitOn = lastVisit;
  const swName =
    kind === "immediate"
      ? null
      : textField({
          id: "socialWorkerName",
          label: "The social worker who agreed the plan",
          autocomplete: "off",
          labelClass: "govuk-label--s",
        });
  if (swName) fields.socialWorkerName = swName;
  const swOn =
    kind === "immediate"
      ? null
      : dateInput({
          id: "socialWorkerAgreedOn",
          legend: "When did the social worker agree it?",
          hint: "For example, 27 3 2026",
          what: "date the social worker agreed",
          value: today(),
        });
  if (swOn) fields.socialWorkerAgreedOn = swOn;
  const conversation =
    kind === "immediate"
      ? dateInput({
          id: "conversationHeldOn",
          legend: "When did you talk to the child and the volunteer?",
          hint: "The conversation comes before the letter",
          what: "date of the conversation",
          value: today(),
        })
      : null;
  if (conversation) fields.conversationHeldOn = conversation;
  const alsoTell = text(
    "alsoTell",
    kind === "immediate"
      ? "Who else gets the formal letter? (e-mail addresses)"
      : "Who else should be told? (e-mail addresses, optional)",
    "One a line: the carer, the IRO. The volunteer and the social worker are told anyway",
  );
  fields.alsoTell = alsoTell;
  const summary = h("div");
  const page = form(
    location.pathname + location.search,
    ...Object.values(fields).map((f) => f.group),
    submitButton("Continue"),
  );
  const show = () =>
    endingPage(
      r,
      title,
      summary,
      kind === "immediate"
        ? warningText("Visits stop as soon as you confirm, and the formal letter is sent at once.")
        : null,
      page,
    );
  onSubmit(page, async () => {
    const problems: Problem[] = [];
    const why = reason.value();
    if (!why) problems.push({ key: "reason", message: "Choose why the match is ending" });
    if (details) problems.push(...need(details.textarea.value, "details", "Say what happened"));
    if (plan) problems.push(...need(plan.textarea.value, "plan", "Enter the ending plan"));
    if (swName) problems.push(...need(swName.input.value, "socialWorkerName", "Enter the social worker's name"));
    const bye = goodbye?.value() ?? null;
    if (goodbye && !bye) problems.push({ key: "goodbye", message: "Choose how the child will say goodbye" });
    const dates: Record<string, string | undefined> = {};
    for (const [key, f] of [
      ["socialWorkerAgreedOn", swOn],
      ["conversationHeldOn", conversation],
      ["lastVisitOn", lastVisit],
    ] as const) {
      if (!f) continue;
      const d = f.read();
      if (d.ok) dates[key] = d.iso;
      else if (key !== "lastVisitOn" || !/^Enter/.test(d.message)) problems.push({ key, message: d.message });
    }
    const emails = alsoTell.textarea.value.split(/[\s,;]+/).filter(Boolean);
    if (kind === "immediate" && emails.length === 0)
      problems.push({ key: "alsoTell", message: "Enter the carer's e-mail address, and anyone else involved" });
    if (problems.length > 0 || !why) return showProblems(summary, title, fields, problems);
    const ending = {
      kind,
      reason: why,
      ...(details ? { details: details.textarea.value.trim() } : {}),
      ...(plan ? { plan: plan.textarea.value.trim() } : {}),
      ...(bye ? { goodbye: bye } : {}),
      ...(howTold?.textarea.value.trim() ? { howChildIsTold: howTold.textarea.value.trim() } : {}),
      ...(swName ? { socialWorkerName: swName.input.value.trim() } : {}),
      ...dates,
    } as Ending;
    confirmStep(
      r,
      "Check and confirm the ending",
      [
        { key: "Kind", value: KINDS.find((k) => k.value === kind)?.label ?? kind },
        { key: "Reason", value: EndingReasonWords[why] ?? why },
        ...(plan ? [{ key: "The plan", value: plan.textarea.value.trim() }] : []),
        ...(details ? [{ key: "What happened", value: details.textarea.value.trim() }] : []),
        ...(swName && dates.socialWorkerAgreedOn
          ? [{ key: "Agreed by", value: `${swName.input.value.trim()}, ${formatDate(dates.socialWorkerAgreedOn)}` }]
          : []),
        { key: "Also told", value: emails.join(", ") || "Nobody else" },
      ],
      kind === "immediate"
        ? [
            "Visits stop at once: the volunteer cannot record another visit.",
            "The formal letter is e-mailed now to the volunteer, the social worker and everyone above.",
            "The closure review becomes due.",
          ]
        : [
            "The match moves to ending; a goodbye visit can still be recorded.",
            "The volunteer and the social worker are told by e-mail.",
            "The closure review becomes due.",
          ],
      kind === "immediate" ? "Confirm the immediate ending" : "Confirm and begin the ending",
      show,
      () => send(() => beginEnding(r.matchId, { version: record.version, ending, alsoTell: emails }), /^(ending\.)/),
      kind === "immediate" ? "The match was ended immediately and the formal letter sent" : "The ending has begun",
    );
  });
  show();
}

function chooseKind(r: MatchReviews): void {
  const title = "Begin the ending";
  const kind = radios({
    id: "kind",
    legend: "What kind of ending is it?",
    legendClass: "govuk-fieldset__legend--m",
    options: KINDS,
  });
  const summary = h("div");
  const page = form(location.pathname, kind.group, submitButton("Continue"));
  onSubmit(page, async () => {
    const k = kind.value();
    if (!k) return showProblems(summary, title, { kind }, [{ key: "kind", message: "Choose the kind of ending" }]);
    navigate(`${location.pathname}?kind=${k}`);
  });
  endingPage(r, title, summary, page);
}

export async function endMatchPage(ctx: RouteContext): Promise<void> {
  const loaded = await loadReviews(ctx, "End the match");
  if (!loaded) return;
  const { reviews: r } = loaded;
  if (r.stage !== "ending") return notFoundPage();
  const record = await loadMatchRecord(r.matchId);
  const title = "End the match";
  const closure = r.reviews.some((v) => v.record.kind === "closure");
  const endedOn = dateInput({
    id: "endedOn",
    legend: "When did the match end?",
    hint: "For example, 27 3 2026",
    what: "end date",
    value: today(),
  });
  const afterwards = radios<EndMatchBody["end"]["afterwards"]>({
    id: "afterwards",
    legend: "What happens to the child's referral?",
    legendClass: "govuk-fieldset__legend--s",
    options: [
      {
        value: "return_to_waiting_list",
        label: "Back on the waiting list",
        hint: "The child would like a new visitor",
      },
      {
        value: "close_referral",
        label: "Close it",
        hint: "No new visitor is looked for: the child reached the end age, or does not want one",
      },
    ],
  });
  const notes = textArea({
    id: "notes",
    label: "Notes (optional)",
    hint: "What was agreed, and anything the next coordinator should know",
    rows: 3,
    labelClass: "govuk-label--s",
  });
  const fields = { endedOn, afterwards, notes };
  const summary = h("div");
  const page = form(location.pathname, endedOn.group, afterwards.group, notes.group, submitButton("Continue"));
  const show = () =>
    endingPage(
      r,
      title,
      summary,
      closure ? null : warningText("Hold the closure review first: record it on the match's reviews."),
      page,
    );
  onSubmit(page, async () => {
    const d = endedOn.read();
    const a = afterwards.value();
    const problems: Problem[] = [
      ...(d.ok ? [] : [{ key: "endedOn", message: d.message }]),
      ...(a ? [] : [{ key: "afterwards", message: "Choose what happens to the child's referral" }]),
    ];
    if (problems.length > 0 || !d.ok || !a) return showProblems(summary, title, fields, problems);
    const note = notes.textarea.value.trim();
    confirmStep(
      r,
      "Check and confirm the end of the match",
      [
        { key: "Ends on", value: formatDate(d.iso) },
        { key: "The child's referral", value: a === "close_referral" ? "Closes" : "Back on the waiting list" },
        { key: "Notes", value: note || "None" },
      ],
      [
        "The match ends: no more visits or claims.",
        "The volunteer's place is freed for another match.",
        a === "close_referral"
          ? "The child's referral closes."
          : "The child goes back on the waiting list for a new match.",
      ],
      "Confirm and end the match",
      show,
      () =>
        send(
          () =>
            endMatch(r.matchId, {
              version: record.version,
              end: { endedOn: d.iso, afterwards: a, ...(note ? { notes: note } : {}) },
            }),
          /^(end\.)/,
        ),
      "The match has ended",
    );
  });
  show();
}
