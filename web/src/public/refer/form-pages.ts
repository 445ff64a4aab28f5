/**
 * The referral form's question pages and "check your answers", for a professional's referral and a
 * young person's own. One topic per page; "Continue" checks the page with the domain's rules, "Save
 * and come back later" keeps the answers as typed.
 */
import { ApiError, newIdempotencyKey } from "../../api/client";
import { type ReferralKind, type SubmitReferral, submitReferral } from "../../api/referrals";
import { backLink, breakable, formatDate, multiline, summaryList } from "../../components";
import { h } from "../../dom";
import { type Field, form, onSubmit, type Problem, showProblems, submitButton } from "../../forms";
import { showPage, twoThirds } from "../../layout";
import { notFoundPage } from "../../pages/not-found";
import { navigate } from "../../router";
import { caption, pageTitle, type ReferContext } from "./frame";
import {
  answerText,
  labelOf,
  type RawAnswers,
  REFERRAL_TOPICS,
  SELF_TOPICS,
  type Topic,
  type VisibleContext,
  visibleQuestions,
  visibleTopics,
} from "./questions";
import { controlId, questionControl } from "./render";
import { attempt, finishAttempt, type ReferralAttempt, saveAnswers } from "./state";
import {
  assembleReferral,
  assembleSelfReferral,
  firstTopicWithProblems,
  type KeyedProblem,
  keyFromApiPath,
  referralProblems,
  selfReferralProblems,
  selfTopicProblems,
  todayInLondon,
  topicProblems,
} from "./validate";

/** The topics a kind of referral asks, in order, and where its pages live. */
export interface Flow {
  kind: ReferralKind;
  topics(c: VisibleContext): readonly Topic[];
  /** Problems on one topic's page. */
  problems(topic: Topic, raw: RawAnswers, c: VisibleContext, today: string): KeyedProblem[];
  /** Every problem, before sending. */
  allProblems(raw: RawAnswers, c: VisibleContext, today: string): KeyedProblem[];
  start(r: ReferContext): string;
  topicPath(r: ReferContext, topic: Topic): string;
  checkPath(r: ReferContext): string;
  caption: string;
}

export const PROFESSIONAL: Flow = {
  kind: "professional",
  topics: (c) => visibleTopics(REFERRAL_TOPICS, c),
  problems: topicProblems,
  allProblems: referralProblems,
  start: (r) => r.base,
  topicPath: (r, t) => `${r.base}/${t.slug}`,
  checkPath: (r) => `${r.base}/check`,
  caption: "Refer a child or young person",
};

export const SELF: Flow = {
  kind: "self",
  topics: () => SELF_TOPICS,
  problems: (topic, raw, _c, today) => selfTopicProblems(topic, raw, today),
  allProblems: (raw, _c, today) => selfReferralProblems(raw, today),
  start: (r) => `${r.base}/myself`,
  topicPath: (r, t) => `${r.base}/myself/${t.slug}`,
  checkPath: (r) => `${r.base}/myself/check`,
  caption: "Ask for an Independent Visitor",
};

export function flowFor(kind: ReferralKind): Flow {
  return kind === "self" ? SELF : PROFESSIONAL;
}

/** Where to go after a topic: the next one, or (when changing an answer) the first with a problem, else the check page. */
export function nextPath(r: ReferContext, flow: Flow, a: ReferralAttempt, current: Topic, changing: boolean): string {
  const c = r.visible(a);
  const topics = flow.topics(c);
  if (changing) {
    const today = todayInLondon();
    const problems = topics.flatMap((t) => flow.problems(t, a.raw, c, today));
    const first = firstTopicWithProblems(topics, problems);
    return first ? `${flow.topicPath(r, first)}?change=1` : flow.checkPath(r);
  }
  const i = topics.findIndex((t) => t.slug === current.slug);
  const next = topics[i + 1];
  return next ? flow.topicPath(r, next) : flow.checkPath(r);
}

function previousPath(r: ReferContext, flow: Flow, a: ReferralAttempt, current: Topic): string {
  const topics = flow.topics(r.visible(a));
  const i = topics.findIndex((t) => t.slug === current.slug);
  const previous = i > 0 ? topics[i - 1] : undefined;
  return previous ? flow.topicPath(r, previous) : flow.start(r);
}

/** One topic's page. `?change=…` comes from "check your answers": focus that question and go back there after. */
export function topicPage(r: ReferContext, flow: Flow, topicSlug: string): void {
  const a = attempt(r.slug, flow.kind);
  const c = r.visible(a);
  const topic = flow.topics(c).find((t) => t.slug === topicSlug);
  if (!topic) {
    // A topic the form does not ask (now): the manager's page once the child is in area, say.
    const known = (flow.kind === "self" ? SELF_TOPICS : REFERRAL_TOPICS).some((t) => t.slug === topicSlug);
    if (known) navigate(flow.checkPath(r), { replace: true });
    else notFoundPage();
    return;
  }
  const params = new URLSearchParams(location.search);
  const change = params.get("change");
  const changing = change !== null;
  const title = topic.title;
  const controls = visibleQuestions(topic, c).map((q) => questionControl(q, a.raw, c));
  const fields: Record<string, Field> = Object.fromEntries(controls.map((ctl) => [ctl.question.key, ctl.field]));
  const summary = h("div");
  const save = h(
    "button",
    {
      type: "submit",
      name: "save",
      value: "1",
      class: "govuk-button govuk-button--secondary",
      "data-module": "govuk-button",
    },
    "Save and come back later",
  );
  const page = form(
    location.pathname,
    ...controls.map((ctl) => ctl.field.group),
    h(
      "div",
      { class: "govuk-button-group" },
      submitButton(changing ? "Save and go back to your answers" : "Continue"),
      save,
    ),
  );
  let saving = false;
  // Registered before onSubmit's listener, so the handler knows which button sent the form.
  page.addEventListener("submit", (event) => {
    saving = event.submitter === save;
  });
  onSubmit(page, async () => {
    const typed: RawAnswers = Object.fromEntries(controls.map((ctl) => [ctl.question.key, ctl.read()]));
    saveAnswers(a, typed);
    if (saving) {
      a.savedFrom = location.pathname;
      navigate(`${r.base}/save`);
      return;
    }
    const problems = flow.problems(topic, a.raw, r.visible(a), todayInLondon());
    if (problems.length > 0) return showProblems(summary, pageTitle(r, title), fields, problems);
    navigate(nextPath(r, flow, a, topic, changing));
  });
  showPage(
    pageTitle(r, title),
    backLink(changing ? flow.checkPath(r) : previousPath(r, flow, a, topic)),
    twoThirds(
      summary,
      caption(flow.caption),
      h("h1", { class: "govuk-heading-l" }, title),
      topic.intro ? h("p", { class: "govuk-body" }, topic.intro) : null,
      page,
    ),
  );
  const focus = change && fields[change] ? document.getElementById(fields[change].id) : null;
  focus?.focus();
}

/** A summary-list stand-in for each question, so the error summary on "check your answers" links to its "Change" link. */
function changeLinkFields(keys: readonly string[]): Record<string, Field> {
  return Object.fromEntries(
    keys.map((key) => [key, { id: `change-${controlId(key)}`, group: h("div"), setError: () => {} } satisfies Field]),
  );
}

/** Check your answers: every topic's answers with "Change" links, then send. */
export function checkPage(r: ReferContext, flow: Flow): void {
  const a = attempt(r.slug, flow.kind);
  if (Object.keys(a.raw).length === 0) {
    navigate(flow.start(r), { replace: true });
    return;
  }
  const c = r.visible(a);
  const topics = flow.topics(c);
  const title = flow.kind === "self" ? "Check what you have told us" : "Check your answers before sending the referral";
  const keys = topics.flatMap((t) => visibleQuestions(t, c).map((q) => q.key));
  const fields = changeLinkFields(keys);
  const summary = h("div");
  const sections = topics.map((topic) => [
    h("h2", { class: "govuk-heading-m" }, topic.title),
    summaryList(
      visibleQuestions(topic, c).map((q) => ({
        key: labelOf(q, c).replace(/ \((optional|you can leave this empty|if you have one|if you know it)\)$/, ""),
        value:
          q.kind === "textarea"
            ? multiline(answerText(q, a.raw[q.key], formatDate))
            : answerText(q, a.raw[q.key], formatDate),
        action: {
          href: `${flow.topicPath(r, topic)}?change=${encodeURIComponent(q.key)}`,
          hidden: q.short,
          id: `change-${controlId(q.key)}`,
        },
      })),
    ),
  ]);
  const email = flow.kind === "self" ? (a.raw.email ?? "").trim() : (a.raw["referrer.workEmail"] ?? "").trim();
  const send = form(location.pathname, submitButton(flow.kind === "self" ? "Send" : "Send referral"));
  onSubmit(send, async () => {
    const problems = flow.allProblems(a.raw, r.visible(a), todayInLondon());
    if (problems.length > 0) return showProblems(summary, pageTitle(r, title), fields, problems);
    a.idempotencyKey ??= newIdempotencyKey();
    const body = (
      flow.kind === "self"
        ? { kind: "self", answers: assembleSelfReferral(a.raw) }
        : { kind: "professional", answers: assembleReferral(a.raw, r.visible(a)) }
    ) as SubmitReferral;
    try {
      const receipt = await submitReferral(r.slug, body, a.idempotencyKey);
      finishAttempt(a, { ...receipt, email: email || null });
      navigate(receipt.verification === "email" ? `${r.base}/check-email` : `${r.base}/done`, { replace: true });
    } catch (error) {
      showProblems(summary, pageTitle(r, title), fields, sendProblems(error, a));
    }
  });
  showPage(
    pageTitle(r, title),
    backLink(flow.topicPath(r, topics[topics.length - 1] as Topic)),
    twoThirds(
      summary,
      caption(flow.caption),
      h("h1", { class: "govuk-heading-l" }, title),
      ...sections.flat(),
      h("h2", { class: "govuk-heading-m" }, flow.kind === "self" ? "Send it to us" : "Now send your referral"),
      flow.kind === "self"
        ? h(
            "p",
            { class: "govuk-body" },
            ...(email
              ? ["We will send a code to ", breakable(email), " to check it is yours."]
              : ["You have not given an e-mail address, so we will contact your social worker to talk about it."]),
          )
        : h(
            "p",
            { class: "govuk-body" },
            "By sending this referral you confirm that the information is correct as far as you know. We will send a code to ",
            breakable(email),
            " to check it is your work e-mail address: the referral reaches the coordinator when you use it.",
          ),
      send,
    ),
  );
  // Arriving with problems (a saved draft, an address typed in): say so at once.
  const problems = flow.allProblems(a.raw, c, todayInLondon());
  if (problems.length > 0) showProblems(summary, pageTitle(r, title), fields, problems);
}

/** The API's refusal as problems: field errors link to their "Change" links; anything else says what to do. */
export function sendProblems(error: unknown, a: Pick<ReferralAttempt, "idempotencyKey">): Problem[] {
  if (!(error instanceof ApiError)) return [{ message: "Sorry, the referral could not be sent. Try again" }];
  if (error.fields.length > 0) return error.fields.map((f) => ({ key: keyFromApiPath(f.path), message: f.message }));
  if (error.code === "idempotency_key_reused") {
    // The answers changed under the same key (should not happen: a change clears it). A fresh one lets them send.
    a.idempotencyKey = null;
    return [{ message: "Your answers changed since you first sent them. Send the referral again" }];
  }
  if (error.status === 429)
    return [{ message: error.message || "Too many referrals from here. Wait a few minutes, then try again" }];
  return [{ message: error.message }];
}
