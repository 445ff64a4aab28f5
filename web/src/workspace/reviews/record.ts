/**
 * The coordinator's forms on one match's reviews: a review (date, visit or call, who took part, the
 * child's view in their own words, the outcome), feedback links to the carer, social worker, IRO and
 * volunteer (and the child's own link or their form filled in together), a looked-after review and
 * the vulnerable-care-leaver flag. Each is one page with an error summary, back to the match after.
 */
import {
  CHILD_FORM_WORDS,
  ChildFeelsWords,
  ReviewKindWords,
  ReviewOutcomeWords,
  type ReviewParticipantRole,
} from "@tandem/domain/reviews";
import {
  askForFeedback,
  childFeedbackWithCoordinator,
  type FeedbackInvitees,
  type MatchReviews,
  recordLookedAfterReview,
  recordReview,
  setCareLeaver,
} from "../../api/reviews";
import { backLink } from "../../components";
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

const today = () => new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });
const trimmed = (s: string) => s.trim();
const need = (value: string, key: string, message: string): Problem[] => (value.trim() ? [] : [{ key, message }]);
const optional = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});

/** A form page on a match's reviews: the fields, what sending does, and the flash shown back on the match. */
function formPage(
  r: MatchReviews,
  title: string,
  fields: Record<string, Field>,
  send: () => Promise<Problem[] | string>,
  lead: Child[] = [],
): void {
  const summary = h("div");
  const page = form(location.pathname, ...Object.values(fields).map((f) => f.group), submitButton(title));
  onSubmit(page, async () => {
    const done = await send();
    if (typeof done !== "string") return showProblems(summary, title, fields, done);
    setFlash("success", done);
    navigate(reviewsHref(r.matchId));
  });
  showPage(
    title,
    backLink(reviewsHref(r.matchId), "Back to the match's reviews"),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, r.label),
      h("h1", { class: "govuk-heading-l" }, title),
      ...lead,
      page,
    ),
  );
}

/** Sends, and turns a refusal into the problems to show (a field's path without its payload prefix). */
async function sending(
  call: () => Promise<unknown>,
  keyOf: (path: string) => string | undefined = (path) => path.split(".")[0],
): Promise<Problem[] | null> {
  try {
    await call();
    return null;
  } catch (error) {
    return refusal(error, keyOf);
  }
}

const PARTICIPANT_ROLES: Record<Exclude<ReviewParticipantRole, "other">, RegExp> = {
  child: /\b(child|young person)\b/i,
  volunteer: /\b(volunteer|visitor)\b/i,
  carer: /\bcarer\b/i,
  social_worker: /\bsocial worker\b/i,
  iro: /\b(iro|reviewing officer)\b/i,
  coordinator: /\bcoordinator\b/i,
};

/** "Pat Jones, carer" → Pat Jones as the carer; a line without a role word is "other". */
export function participantOf(line: string): { name: string; role: ReviewParticipantRole } {
  const [name = "", ...rest] = line.split(",").map(trimmed);
  const said = rest.join(" ");
  const role = (Object.keys(PARTICIPANT_ROLES) as (keyof typeof PARTICIPANT_ROLES)[]).find((k) =>
    PARTICIPANT_ROLES[k].test(said),
  );
  return { name, role: role ?? "other" };
}

export async function recordReviewPage(ctx: RouteContext): Promise<void> {
  const loaded = await loadReviews(ctx, "Record a review");
  if (!loaded) return;
  const { reviews: r, entered } = loaded;
  const closing = r.stage === "ending";
  if (r.stage !== "active" && !closing) return notFoundPage();
  const title = closing ? "Record the closure review" : "Record a review";
  const kinds = closing ? (["closure"] as const) : (["informal", "first_formal", "formal"] as const);
  const kind = radios({
    id: "kind",
    legend: "Which review is it?",
    legendClass: "govuk-fieldset__legend--s",
    options: kinds.map((k) => ({ value: k, label: ReviewKindWords[k] })),
    value: closing ? "closure" : r.next && r.next.kind !== "closure" ? r.next.kind : null,
  });
  const heldOn = dateInput({
    id: "heldOn",
    legend: "When was the review?",
    hint: "For example, 27 3 2026",
    what: "date of the review",
    value: today(),
  });
  const seen = radios({
    id: "childSeenBy",
    legend: "How was the child seen?",
    legendClass: "govuk-fieldset__legend--s",
    options: [
      { value: "visit", label: "On a visit" },
      { value: "call", label: "By a phone or video call" },
    ],
  });
  const [child = "", volunteer = ""] = r.label.split(" and ");
  const people = textArea({
    id: "participants",
    label: "Who took part?",
    hint: "One person a line, with their role after a comma: for example, Pat Jones, carer",
    rows: 4,
    labelClass: "govuk-label--s",
    value: `${child}, child\n${volunteer}, volunteer\n${entered.me.name}, coordinator`,
  });
  const view = textArea({
    id: "childsView",
    label: "The child's view, in their own words",
    hint: "Write down what they said, not a summary",
    rows: 5,
    labelClass: "govuk-label--s",
  });
  const outcome = radios({
    id: "outcome",
    legend: "What is the outcome?",
    legendClass: "govuk-fieldset__legend--s",
    options: (["continue", "change", "end"] as const).map((o) => ({ value: o, label: ReviewOutcomeWords[o] })),
  });
  const change = textArea({
    id: "change",
    label: "What will change? (if something will)",
    rows: 3,
    labelClass: "govuk-label--s",
  });
  const notes = textArea({ id: "notes", label: "Notes (optional)", rows: 3, labelClass: "govuk-label--s" });
  const fields = { kind, heldOn, childSeenBy: seen, participants: people, childsView: view, outcome, change, notes };
  formPage(r, title, fields, async () => {
    const d = heldOn.read();
    const k = kind.value();
    const s = seen.value();
    const o = outcome.value();
    const participants = people.textarea.value.split("\n").map(trimmed).filter(Boolean).map(participantOf);
    const problems: Problem[] = [
      ...(k ? [] : [{ key: "kind", message: "Choose which review it is" }]),
      ...(d.ok ? [] : [{ key: "heldOn", message: d.message }]),
      ...(s ? [] : [{ key: "childSeenBy", message: "Choose how the child was seen" }]),
      ...(participants.length === 0 ? [{ key: "participants", message: "Say who took part" }] : []),
      ...need(view.textarea.value, "childsView", "Enter the child's view, in their own words"),
      ...(o ? [] : [{ key: "outcome", message: "Choose the outcome" }]),
      ...(o === "change" ? need(change.textarea.value, "change", "Say what will change") : []),
    ];
    if (problems.length > 0 || !k || !d.ok || !s || !o) return problems;
    const refused = await sending(() =>
      recordReview(r.matchId, {
        kind: k,
        heldOn: d.iso,
        childSeenBy: s,
        participants,
        childsView: view.textarea.value.trim(),
        outcome: o,
        ...(o === "change" ? optional("change", change.textarea.value) : {}),
        ...optional("notes", notes.textarea.value),
      }),
    );
    return refused ?? "The review has been recorded";
  });
}

const ADULTS = [
  ["carer", "The carer"],
  ["social_worker", "The social worker"],
  ["iro", "The Independent Reviewing Officer"],
  ["volunteer", "The Independent Visitor"],
] as const;

export async function askForFeedbackPage(ctx: RouteContext): Promise<void> {
  const loaded = await loadReviews(ctx, "Ask for feedback");
  if (!loaded) return;
  const { reviews: r } = loaded;
  if (r.stage !== "active" && r.stage !== "ending") return notFoundPage();
  const fields: Record<string, Field> = {};
  const adults = ADULTS.map(([respondent, who], i) => {
    const name = textField({ id: `${respondent}-name`, label: `${who}: name`, autocomplete: "off" });
    const email = textField({
      id: `${respondent}-email`,
      label: `${who}: e-mail address`,
      type: "email",
      autocomplete: "off",
      spellcheck: false,
    });
    fields[`invitees.${i}.name`] = name;
    fields[`invitees.${i}.email`] = email;
    return { respondent, name, email };
  });
  const childHow = radios({
    id: "child",
    legend: "How will the child give their feedback?",
    legendClass: "govuk-fieldset__legend--s",
    options: [
      { value: "link", label: "Their own link, by e-mail" },
      { value: "together", label: "With me, on their form" },
      { value: "no", label: "Not this time" },
    ],
    value: "together",
  });
  const childName = textField({ id: "child-name", label: "The child's first name", autocomplete: "off" });
  const childEmail = textField({
    id: "child-email",
    label: "The child's e-mail address (for their own link)",
    type: "email",
    autocomplete: "off",
    spellcheck: false,
  });
  Object.assign(fields, { child: childHow, "child-name": childName, "child-email": childEmail });
  formPage(
    r,
    "Ask for feedback",
    fields,
    async () => {
      const invitees: FeedbackInvitees = [];
      /** Where each invitee's fields are on the page, so the API's "invitees.N.email" finds its field. */
      const slots: string[] = [];
      const problems: Problem[] = [];
      for (const [i, a] of adults.entries()) {
        const name = a.name.input.value.trim();
        const email = a.email.input.value.trim();
        if (!name && !email) continue;
        if (!name) problems.push({ key: `invitees.${i}.name`, message: "Enter the person's name" });
        if (!email) problems.push({ key: `invitees.${i}.email`, message: "Enter the person's e-mail address" });
        invitees.push({ respondent: a.respondent, name, email });
        slots.push(`invitees.${i}.`);
      }
      const how = childHow.value();
      if (how === "link" || how === "together") {
        const name = childName.input.value.trim();
        if (!name) problems.push({ key: "child-name", message: "Enter the child's first name" });
        const email = childEmail.input.value.trim();
        if (how === "link" && !email)
          problems.push({
            key: "child-email",
            message: "Enter the child's e-mail address, or fill in the form with them",
          });
        invitees.push({ respondent: "child", name, ...(how === "link" ? { email } : {}) });
        slots.push("child-");
      }
      if (invitees.length === 0) problems.push({ key: `invitees.0.name`, message: "Ask at least one person" });
      if (problems.length > 0) return problems;
      const refused = await sending(
        () => askForFeedback(r.matchId, invitees),
        (path) => {
          const [, n, field] = path.match(/^invitees\.(\d+)\.(\w+)/) ?? [];
          return n === undefined ? undefined : `${slots[Number(n)] ?? ""}${field}`;
        },
      );
      if (refused) return refused;
      return `Feedback asked from ${invitees.length} ${invitees.length === 1 ? "person" : "people"}`;
    },
    [
      h(
        "p",
        { class: "govuk-body" },
        "Each person gets a link that works once. Leave a person out if you are not asking them this time.",
      ),
    ],
  );
}

export async function childFeedbackPage(ctx: RouteContext): Promise<void> {
  const loaded = await loadReviews(ctx, "The child's feedback");
  if (!loaded) return;
  const { reviews: r } = loaded;
  const request = r.feedback.find((f) => f.id === ctx.params.requestId && f.respondent === "child");
  if (!request || request.answeredOn !== null) return notFoundPage();
  const feels = radios({
    id: "feels",
    legend: CHILD_FORM_WORDS.feels,
    legendClass: "govuk-fieldset__legend--s",
    options: Object.entries(ChildFeelsWords).map(([value, label]) => ({ value, label })),
  });
  const likes = textArea({ id: "likes", label: CHILD_FORM_WORDS.likes, rows: 3, labelClass: "govuk-label--s" });
  const wouldChange = textArea({
    id: "wouldChange",
    label: CHILD_FORM_WORDS.wouldChange,
    rows: 3,
    labelClass: "govuk-label--s",
  });
  const keepSeeing = radios({
    id: "keepSeeing",
    legend: CHILD_FORM_WORDS.keepSeeing,
    legendClass: "govuk-fieldset__legend--s",
    options: [
      { value: "yes", label: "Yes" },
      { value: "not_sure", label: "Not sure" },
      { value: "no", label: "No" },
    ],
  });
  formPage(
    r,
    `${request.name}'s feedback`,
    { feels, likes, wouldChange, keepSeeing },
    async () => {
      const f = feels.value();
      const k = keepSeeing.value();
      const problems: Problem[] = [
        ...(f ? [] : [{ key: "feels", message: "Choose how they feel about their visits" }]),
        ...(k ? [] : [{ key: "keepSeeing", message: "Choose yes, not sure or no" }]),
      ];
      if (problems.length > 0 || !f || !k) return problems;
      const refused = await sending(
        () =>
          childFeedbackWithCoordinator(r.matchId, request.id, {
            feels: f as keyof typeof ChildFeelsWords,
            keepSeeing: k as "yes" | "not_sure" | "no",
            completedWith: "with_coordinator",
            ...optional("likes", likes.textarea.value),
            ...optional("wouldChange", wouldChange.textarea.value),
          }),
        (path) => path.replace(/^answers\./, "").split(".")[0],
      );
      return refused ?? `${request.name}'s feedback has been recorded`;
    },
    [h("p", { class: "govuk-body" }, "Read each question to them and write down their answers in their words.")],
  );
}

const yesNo = (
  id: string,
  legend: string,
  value: "yes" | "no" | null = null,
  extra: { value: string; label: string }[] = [],
) =>
  radios({
    id,
    legend,
    legendClass: "govuk-fieldset__legend--s",
    inline: extra.length === 0,
    options: [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }, ...extra],
    value,
  });

export async function lookedAfterReviewPage(ctx: RouteContext): Promise<void> {
  const loaded = await loadReviews(ctx, "Record a looked-after review");
  if (!loaded) return;
  const { reviews: r } = loaded;
  if (r.stage !== "active") return notFoundPage();
  const reviewOn = dateInput({
    id: "reviewOn",
    legend: "When is (or was) the child's looked-after review?",
    hint: "For example, 27 3 2026",
    what: "date of the looked-after review",
  });
  const asked = yesNo("childAskedForVisitor", "Did the child ask for their visitor to attend?");
  const invited = yesNo("visitorInvited", "Was the visitor invited?");
  const attended = yesNo("visitorAttended", "Did the visitor attend?", null, [
    { value: "unknown", label: "Not yet known" },
  ]);
  const notes = textArea({ id: "notes", label: "Notes (optional)", rows: 3, labelClass: "govuk-label--s" });
  formPage(
    r,
    "Record a looked-after review",
    { reviewOn, childAskedForVisitor: asked, visitorInvited: invited, visitorAttended: attended, notes },
    async () => {
      const d = reviewOn.read();
      const a = asked.value();
      const i = invited.value();
      const t = attended.value();
      const problems: Problem[] = [
        ...(d.ok ? [] : [{ key: "reviewOn", message: d.message }]),
        ...(a ? [] : [{ key: "childAskedForVisitor", message: "Choose whether the child asked for their visitor" }]),
        ...(i ? [] : [{ key: "visitorInvited", message: "Choose whether the visitor was invited" }]),
        ...(t ? [] : [{ key: "visitorAttended", message: "Choose whether the visitor attended" }]),
      ];
      if (problems.length > 0 || !d.ok || !a || !i || !t) return problems;
      const refused = await sending(() =>
        recordLookedAfterReview(r.matchId, {
          reviewOn: d.iso,
          childAskedForVisitor: a === "yes",
          visitorInvited: i === "yes",
          visitorAttended: t === "unknown" ? null : t === "yes",
          ...optional("notes", notes.textarea.value),
        }),
      );
      return refused ?? "The looked-after review has been recorded";
    },
    [
      h(
        "p",
        { class: "govuk-body" },
        "The visitor attends the child's looked-after review only when the child asks them to.",
      ),
    ],
  );
}

export async function careLeaverPage(ctx: RouteContext): Promise<void> {
  const loaded = await loadReviews(ctx, "Vulnerable care leaver");
  if (!loaded) return;
  const { reviews: r } = loaded;
  if (r.stage !== "active") return notFoundPage();
  const flag = yesNo(
    "vulnerableCareLeaver",
    "Is the young person a vulnerable care leaver?",
    r.vulnerableCareLeaver ? "yes" : "no",
  );
  formPage(
    r,
    "Vulnerable care leaver",
    { vulnerableCareLeaver: flag },
    async () => {
      const v = flag.value();
      if (!v) return [{ key: "vulnerableCareLeaver", message: "Choose yes or no" }];
      const refused = await sending(() => setCareLeaver(r.matchId, v === "yes"));
      return (
        refused ?? (v === "yes" ? "Marked as a vulnerable care leaver" : "No longer marked as a vulnerable care leaver")
      );
    },
    [
      h(
        "p",
        { class: "govuk-body" },
        r.vulnerableAgeApplies
          ? "Your scheme supports vulnerable care leavers for longer: their end-age alerts follow the higher age."
          : "Your scheme's policy has no higher age for vulnerable care leavers, so the end age stays the same.",
      ),
    ],
  );
}
