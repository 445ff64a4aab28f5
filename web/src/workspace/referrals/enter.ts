/**
 * A referral received on paper (a care leaver over 18 referred by another professional, say),
 * typed in by a coordinator: the public form's questions on one page, checked by the same rules,
 * and marked as entered on the referrer's behalf.
 */
import { questionsFor } from "@tandem/domain";
import { newIdempotencyKey } from "../../api/client";
import { type EnterReferral, enterReferral } from "../../api/referrals";
import { h } from "../../dom";
import { type Field, form, onSubmit, type Problem, radios, showProblems, submitButton } from "../../forms";
import { setFlash, showPage } from "../../layout";

import { type RawAnswers, REFERRAL_TOPICS, type VisibleContext, visibleQuestions } from "../../public/refer/questions";
import { sendProblems } from "../../public/refer/refusal";
import { assembleReferral, referralProblems, todayInLondon } from "../../public/refer/validate";
import { type QuestionControl, questionControl } from "../../questions/controls";
import { navigate, type RouteContext } from "../../router";
import { forStaff, staffWording } from "./answers-view";
import { enterReferrals, referralsNav } from "./frame";
import { referralHref } from "./referral";

const TITLE = "Enter a referral received on paper";

export async function enterReferralPage(ctx: RouteContext): Promise<void> {
  const entered = await enterReferrals(ctx, TITLE);
  if (!entered) return;
  const { tenant } = entered;
  if (!entered.canAct) {
    showPage(
      TITLE,
      referralsNav(false),
      h("h1", { class: "govuk-heading-l" }, TITLE),
      h("p", { class: "govuk-body" }, "Only the scheme's coordinators can enter referrals."),
    );
    return;
  }
  const questions = questionsFor(tenant.policy);
  const raw: RawAnswers = {};
  // Every question the policy may ask is on the page; the manager's only counts for a child placed out of area.
  const all: VisibleContext = { questions, raw: { "careStatus.placedInArea": "no" }, councilName: tenant.name };
  const topics = REFERRAL_TOPICS.filter((t) => t.when?.(all) ?? true);
  const controls: QuestionControl[] = [];
  const sections = topics.map((topic) => {
    const mine = visibleQuestions(topic, all).map((q) => questionControl(forStaff(q), raw, all));
    controls.push(...mine);
    return h(
      "div",
      { class: "govuk-!-margin-bottom-6" },
      h("h2", { class: "govuk-heading-m" }, topic.slug === "referrer" ? "The referrer" : topic.title),
      topic.slug === "manager"
        ? h("p", { class: "govuk-body" }, "Only if the child is placed out of the council's area.")
        : topic.slug === "referrer"
          ? h("p", { class: "govuk-body" }, "The person who referred the child on paper, not you.")
          : null,
      ...mine.map((c) => c.field.group),
    );
  });
  // Where the council offers Welsh, the referrer's e-mails are in the language the paper form was in (ADR 22):
  // asked, not assumed, as the public form's language is known from the page.
  const language = tenant.branding.welsh
    ? radios<"en" | "cy">({
        id: "language",
        legend: "Which language should the referrer be written to in?",
        legendClass: "govuk-fieldset__legend--m",
        hint: "The e-mails about this referral are sent in it.",
        options: [
          { value: "en", label: "English" },
          { value: "cy", label: "Welsh" },
        ],
      })
    : null;
  const fields: Record<string, Field> = Object.fromEntries(controls.map((c) => [c.question.key, c.field]));
  if (language) fields.language = language;
  const summary = h("div");
  // One key per set of answers: a retry of the same answers cannot enter the referral twice.
  const attempt: { idempotencyKey: string | null } = { idempotencyKey: null };
  let sentAnswers = "";
  const page = form(location.pathname, ...sections, language?.group ?? null, submitButton("Save the referral"));
  onSubmit(page, async () => {
    const typed: RawAnswers = Object.fromEntries(controls.map((c) => [c.question.key, c.read()]));
    const c: VisibleContext = { questions, raw: typed, councilName: tenant.name };
    const problems: Problem[] = referralProblems(typed, c, todayInLondon()).map((p) =>
      p.key?.startsWith("referrer.") || p.key?.startsWith("manager.") ? { ...p, message: staffWording(p.message) } : p,
    );
    const chosen = language ? language.value() : "en";
    if (!chosen)
      problems.push({ key: "language", message: "Select which language the referrer should be written to in" });
    if (problems.length > 0 || !chosen) return showProblems(summary, TITLE, fields, problems);
    const answers = assembleReferral(typed, c) as EnterReferral["answers"];
    const body = JSON.stringify({ answers, chosen });
    if (body !== sentAnswers) attempt.idempotencyKey = null;
    sentAnswers = body;
    attempt.idempotencyKey ??= newIdempotencyKey();
    try {
      const created = await enterReferral({ kind: "professional", answers, language: chosen }, attempt.idempotencyKey);
      setFlash("success", `Referral ${created.reference} entered`);
      if (ctx.isCurrent()) navigate(referralHref(created.id));
    } catch (error) {
      return showProblems(summary, TITLE, fields, sendProblems(error, attempt));
    }
  });
  showPage(
    TITLE,
    referralsNav(true),
    h(
      "div",
      { class: "govuk-grid-row" },
      h(
        "div",
        { class: "govuk-grid-column-two-thirds" },
        summary,
        h("span", { class: "govuk-caption-l" }, tenant.name),
        h("h1", { class: "govuk-heading-l" }, TITLE),
        h(
          "p",
          { class: "govuk-body" },
          "Type in the answers from the paper form. The referral is marked as entered on the referrer's behalf and goes straight to triage: there is no e-mail to confirm.",
        ),
        page,
      ),
    ),
  );
}
