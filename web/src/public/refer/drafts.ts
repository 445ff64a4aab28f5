/**
 * "Save and come back later": the answers as typed go to the API, which e-mails a link; the link
 * (`/{slug}/refer/resume/{token}`) brings them back. Nothing is kept in the browser.
 */
import { ApiError } from "../../api/client";
import { createReferralDraft, referralDraft, updateReferralDraft } from "../../api/referrals";
import { backLink, breakable, confirmationPanel } from "../../components";
import { type Child, h } from "../../dom";
import { type Field, form, onSubmit, showProblems, submitButton, textField } from "../../forms";
import { focusHeading, loadingPage, problemPage, showPage, twoThirds } from "../../layout";
import { draftAnswers } from "../../questions/answers";
import { resumePath } from "../../questions/pages";
import { navigate } from "../../router";
import { openLink } from "../branded";
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
      h(
        "p",
        { class: "govuk-body" },
        "For the child's privacy the e-mail has none of your answers in it, only the link. The link stops working after a while, and once the referral is sent.",
      ),
      returnTo
        ? h("p", { class: "govuk-body" }, h("a", { href: returnTo, class: "govuk-link" }, "Carry on with the form now"))
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
    loadingPage(pageTitle(r, "Saving your answers"));
    try {
      a.draftVersion = (await updateReferralDraft(r.slug, a.draftToken, answers, a.draftVersion)).version;
    } catch (error) {
      if (!isCurrent()) return;
      // A 409 says the draft changed in another window (the API's message says what to do).
      if (!(error instanceof ApiError && [404, 410].includes(error.status))) {
        problemPage(error instanceof ApiError ? error.message : "Your answers could not be saved. Try again later.");
        return;
      }
      // The old link has expired: save afresh below, with a new link.
      a.draftToken = null;
    }
    if (!isCurrent()) return;
    if (a.draftToken) {
      savedPage(
        r,
        "Your answers are saved",
        ["Use the link in the e-mail we sent you before to come back to them."],
        returnTo,
      );
      return;
    }
  }
  const title = "Save your answers and come back later";
  const known = a.kind === "self" ? a.raw.email : a.raw["referrer.workEmail"];
  const email = textField({
    id: "email",
    label: a.kind === "self" ? "Your e-mail address" : "Your work e-mail address",
    hint: "We will send a link to carry on from where you stopped",
    type: "email",
    autocomplete: "email",
    spellcheck: false,
    value: known?.trim() ?? "",
  });
  const fields: Record<string, Field> = { email };
  const summary = h("div");
  const page = form(location.pathname, email.group, submitButton("Send me the link"));
  onSubmit(page, async () => {
    const to = email.input.value.trim();
    if (!to)
      return showProblems(summary, pageTitle(r, title), fields, [
        { key: "email", message: "Enter your e-mail address" },
      ]);
    if (!EMAIL.test(to)) {
      return showProblems(summary, pageTitle(r, title), fields, [
        { key: "email", message: "Enter an e-mail address like name@example.org" },
      ]);
    }
    try {
      await createReferralDraft(r.slug, { email: to, kind: a.kind, answers: draftAnswers(a.raw) });
    } catch (error) {
      const problems =
        error instanceof ApiError && error.fields.length > 0
          ? error.fields.map((f) => ({ key: f.path === "email" ? "email" : undefined, message: f.message }))
          : [{ message: error instanceof ApiError ? error.message : "Your answers could not be saved. Try again" }];
      return showProblems(summary, pageTitle(r, title), fields, problems);
    }
    savedPage(
      r,
      "Check your e-mail",
      ["We have sent a link to ", breakable(to), ". Use it to come back to your answers."],
      returnTo,
    );
    focusHeading();
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
      loading: pageTitle(r, "Opening your saved answers"),
      isCurrent,
      gone: () =>
        linkGonePage(
          r,
          "This link has expired or been used",
          "Saved answers are kept for a limited time, and the link stops working once the referral is sent.",
          "Start the form again, or contact the scheme if you need help.",
        ),
    },
    () => referralDraft(r.slug, token),
  );
  if (!draft) return;
  const raw = rawFromDraft(draft.answers, draft.kind === "self" ? SELF_TOPICS : REFERRAL_TOPICS);
  resumeAttempt(r.slug, draft.kind, raw, { token, version: draft.version });
  navigate(await resumePath(referralPages(r, draft.kind)), { replace: true });
}
