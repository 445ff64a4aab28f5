/**
 * "Save and come back later": the answers as typed go to the API, which e-mails a link; the link
 * (`/{slug}/refer/resume/{token}`) brings them back. The window that saved keeps the link's token in memory
 * (it holds the answers already) to save again under the same link and to delete the draft when it sends.
 */
import { ApiError } from "../../api/client";
import { createReferralDraft, referralDraft, updateReferralDraft } from "../../api/referrals";
import { problemMessage } from "../../api-problems";
import { backLink, breakable, confirmationPanel } from "../../components";
import { type Child, h } from "../../dom";
import { type Field, form, onSubmit, showProblems, submitButton, textField } from "../../forms";
import { language, ruleMessage, t } from "../../i18n";
import { loadingPage, problemPage, showPage, twoThirds } from "../../layout";
import { draftAnswers } from "../../questions/answers";
import { resumePath } from "../../questions/pages";
import { navigate } from "../../router";
import { openLink } from "../branded";
import { handOver, readEarly } from "../early";
import { rawFromDraft } from "./drafted";
import { referralCaption, referralPages } from "./form-pages";
import { caption, linkGonePage, pageTitle, type ReferContext } from "./frame";
import { REFERRAL_TOPICS, SELF_TOPICS } from "./questions";
import { existingAttempt, resumeAttempt } from "./state";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function savedPage(r: ReferContext, title: string, lead: Child[], returnTo: string | null): void {
  showPage(
    pageTitle(r, title),
    twoThirds(
      confirmationPanel(title),
      h("p", { class: "govuk-body" }, ...lead),
      h("p", { class: "govuk-body" }, t("save.privacy")),
      returnTo
        ? h("p", { class: "govuk-body" }, h("a", { href: returnTo, class: "govuk-link" }, t("save.carryOn")))
        : null,
    ),
  );
}

/** Asks where to send the link (or, for a draft already saved, saves it again under the same link). */
export async function savePage(r: ReferContext, isCurrent: () => boolean): Promise<void> {
  const a = existingAttempt(r.slug);
  const answers = a ? draftAnswers(a.raw) : {};
  if (!a || Object.keys(answers).length === 0) {
    navigate(r.base, { replace: true });
    return;
  }
  const returnTo = a.savedFrom;
  if (a.draftToken) {
    loadingPage(pageTitle(r, t("save.saving")));
    try {
      a.draftVersion = (await updateReferralDraft(r.slug, a.draftToken, answers, a.draftVersion)).version;
    } catch (error) {
      if (!isCurrent()) return;
      // A 409 says the draft changed in another window (the API's message says what to do).
      if (!(error instanceof ApiError && [404, 410].includes(error.status))) {
        problemPage(error instanceof ApiError ? problemMessage(error) : t("save.failedLater"));
        return;
      }
      // The old link has expired: save afresh below, with a new link.
      a.draftToken = null;
    }
    if (!isCurrent()) return;
    if (a.draftToken) {
      savedPage(r, t("save.savedTitle"), [t("save.savedLead")], returnTo);
      return;
    }
  }
  const title = t("save.title");
  const known = a.kind === "self" ? a.raw.email : a.raw["referrer.workEmail"];
  const email = textField({
    id: "email",
    label: a.kind === "self" ? t("save.email") : t("save.workEmail"),
    hint: t("save.emailHint"),
    type: "email",
    autocomplete: "email",
    spellcheck: false,
    value: known?.trim() ?? "",
  });
  const fields: Record<string, Field> = { email };
  const summary = h("div");
  const page = form(location.pathname, email.group, submitButton(t("save.send")));
  onSubmit(page, async () => {
    const to = email.input.value.trim();
    if (!to)
      return showProblems(summary, pageTitle(r, title), fields, [{ key: "email", message: t("save.enterEmail") }]);
    if (!EMAIL.test(to)) {
      return showProblems(summary, pageTitle(r, title), fields, [{ key: "email", message: t("save.emailShape") }]);
    }
    try {
      // The language travels with the draft: its e-mail is in it, and its link opens the form in it (ADR 22).
      const created = await createReferralDraft(r.slug, {
        email: to,
        kind: a.kind,
        answers: draftAnswers(a.raw),
        language: language(),
      });
      // This window carries on under the same link: a later save updates the draft (no second e-mail), and
      // sending the referral deletes it, so the child's answers are not left behind in a draft.
      a.draftToken = created.token;
      a.draftVersion = created.version;
    } catch (error) {
      const problems =
        error instanceof ApiError && error.fields.length > 0
          ? error.fields.map((f) => ({
              key: f.path === "email" ? "email" : undefined,
              message: ruleMessage(f.message),
            }))
          : [{ message: error instanceof ApiError ? problemMessage(error) : t("save.failed") }];
      return showProblems(summary, pageTitle(r, title), fields, problems);
    }
    savedPage(r, t("verify.title"), [t("save.sentTo"), breakable(to), t("save.sentToEnd")], returnTo);
  });
  showPage(
    pageTitle(r, title),
    backLink(returnTo ?? r.base),
    twoThirds(summary, caption(referralCaption(a.kind)), h("h1", { class: "govuk-heading-l" }, title), page),
  );
}

/** The link from the e-mail: the answers come back and the referrer carries on where something is still missing. */
export async function resumePage(r: ReferContext, token: string, isCurrent: () => boolean): Promise<void> {
  const draft = await openLink(
    {
      loading: pageTitle(r, t("save.opening")),
      isCurrent,
      gone: () => linkGonePage(r, t("verify.goneTitle"), t("save.gone1"), t("save.gone2")),
    },
    () => readEarly(`referral-draft:${r.slug}:${token}`, () => referralDraft(r.slug, token)),
  );
  if (!draft) return;
  const raw = rawFromDraft(draft.answers, draft.kind === "self" ? SELF_TOPICS : REFERRAL_TOPICS);
  resumeAttempt(r.slug, draft.kind, raw, { token, version: draft.version });
  const to = await resumePath(referralPages(r, draft.kind));
  if (!isCurrent()) return;
  // The council and its form were read for this link a moment ago: the page it opens uses them.
  handOver(`tenant:${r.slug}`, r.council);
  handOver(`referral-form:${r.slug}`, r.form);
  navigate(to, { redirect: true });
}
