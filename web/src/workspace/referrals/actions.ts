/**
 * The actions that need words: ask the referrer a question, decline (with a reason and a review-by
 * date), record a withdrawal, add the pen picture, and accept (which e-mails the referrer, so it asks
 * to confirm, with optional notes: GOV.UK's confirmation step). Each page checks the referral allows it now.
 */
import { type Referral, type ReferralAction, savePenPicture, takeReferralAction } from "../../api/referrals";
import { backLink } from "../../components";
import { dateInput } from "../../date-input";
import { h } from "../../dom";
import { type Field, form, onSubmit, type Problem, showProblems, submitButton, textArea } from "../../forms";
import { setFlash, showPage, twoThirds } from "../../layout";
import { notFoundPage } from "../../pages/not-found";
import { navigate, type RouteContext } from "../../router";
import { caseDetailsPage } from "./case";
import { referralsNav } from "./frame";
import { loadReferral, referralHref, refusal } from "./referral";

interface ActionPage {
  action: ReferralAction;
  title: string;
  button: string;
  warning?: boolean;
  /** What the action does beyond the referral: shown before the button, so nobody acts on one click. */
  intro?: string;
  text: {
    label: string;
    hint: string;
    min: number;
    max: number;
    empty: string;
    short: string;
    what: string;
    optional?: boolean;
  };
  done: string;
  /** Decline asks when to look at the decision again. */
  reviewBy?: boolean;
}

const PAGES: Record<string, ActionPage> = {
  accept: {
    action: "accept",
    title: "Accept the referral",
    button: "Accept referral",
    intro:
      "The referrer is told by e-mail that the referral is accepted. Next, you meet the child and add the pen picture.",
    text: {
      label: "Notes (optional)",
      hint: "For example, what was agreed at triage. The notes are kept in the referral's history; they are not in the e-mail.",
      min: 3,
      max: 2000,
      empty: "",
      what: "The notes",
      short: "Write at least 3 characters, or leave the notes empty",
      optional: true,
    },
    done: "Referral accepted. Next, meet the child and add the pen picture",
  },
  "request-information": {
    action: "request_information",
    title: "Ask the referrer for information",
    button: "Send the question",
    text: {
      label: "Your question for the referrer",
      hint: "The referrer gets an e-mail with a secure link to this question. The question is not in the e-mail.",
      min: 3,
      max: 2000,
      empty: "Write the question for the referrer",
      what: "The question",
      short: "Write a longer question",
    },
    done: "Question sent. The referral is awaiting information",
  },
  decline: {
    action: "decline",
    title: "Decline the referral",
    button: "Decline referral",
    warning: true,
    text: {
      label: "Why is the referral declined?",
      hint: "The reason is kept with the referral and shown in its history",
      min: 3,
      max: 2000,
      empty: "Give the reason for declining",
      what: "The reason",
      short: "Give a longer reason",
    },
    reviewBy: true,
    done: "Referral declined. It is kept under review",
  },
  withdraw: {
    action: "withdraw",
    title: "Record a withdrawal",
    button: "Record the withdrawal",
    warning: true,
    text: {
      label: "Why was the referral withdrawn?",
      hint: "For example, the referrer withdrew it, or the child no longer wants a visitor",
      min: 3,
      max: 2000,
      empty: "Give the reason for the withdrawal",
      what: "The reason",
      short: "Give a longer reason",
    },
    done: "Withdrawal recorded",
  },
  "pen-picture": {
    action: "add_pen_picture",
    title: "Add the pen picture",
    button: "Save the pen picture",
    text: {
      label: "Pen picture agreed with the child",
      hint: "What the child wants a volunteer to know: their interests, hopes and what they would like to do. It is used for matching.",
      min: 10,
      max: 5000,
      empty: "Write the pen picture agreed with the child",
      what: "The pen picture",
      short: "Write at least 10 characters",
    },
    done: "Pen picture saved. The child is on the waiting list",
  },
};

export async function referralActionPage(ctx: RouteContext): Promise<void> {
  if (ctx.params.action === "case") return caseDetailsPage(ctx);
  const spec = PAGES[ctx.params.action ?? ""];
  if (!spec) return notFoundPage();
  const loaded = await loadReferral(ctx, spec.title);
  if (!loaded) return;
  const { entered, referral: r } = loaded;
  const title = `${spec.title}: ${r.reference}`;
  if (!entered.canAct || !r.allowedActions.includes(spec.action)) return notNowPage(r, spec, entered.canAct);
  const text = textArea({
    id: "text",
    label: spec.text.label,
    hint: spec.text.hint,
    rows: spec.action === "add_pen_picture" ? 10 : 5,
    labelClass: "govuk-label--s",
    value: spec.action === "add_pen_picture" ? (r.penPicture ?? "") : "",
  });
  const review = spec.reviewBy
    ? dateInput({
        id: "reviewBy",
        legend: "Review the decision by (optional)",
        hint: `If you leave this empty, the decision is reviewed in ${entered.tenant.policy.referrals.declinedReviewMonths} months, as your scheme's policy says. For example, 1 9 2026`,
        what: "review date",
      })
    : null;
  const fields: Record<string, Field> = review ? { text, reviewBy: review } : { text };
  const summary = h("div");
  const page = form(
    location.pathname,
    spec.intro ? h("p", { class: "govuk-body" }, spec.intro) : null,
    text.group,
    review?.group,
    h(
      "div",
      { class: "govuk-button-group" },
      submitButton(spec.button, spec.warning ? "warning" : undefined),
      h("a", { href: referralHref(r.id), class: "govuk-link" }, "Cancel"),
    ),
  );
  onSubmit(page, async () => {
    const value = text.textarea.value.trim();
    const problems: Problem[] = [];
    if (!value) {
      if (!spec.text.optional) problems.push({ key: "text", message: spec.text.empty });
    } else if (value.length < spec.text.min) problems.push({ key: "text", message: spec.text.short });
    else if (value.length > spec.text.max) {
      problems.push({
        key: "text",
        message: `${spec.text.what} must be ${spec.text.max.toLocaleString("en-GB")} characters or fewer`,
      });
    }
    let reviewBy: string | undefined;
    if (review) {
      const parts = [...review.group.querySelectorAll("input")].map((i) => i.value.trim());
      if (parts.some(Boolean)) {
        const read = review.read();
        if (read.ok) reviewBy = read.iso;
        else problems.push({ key: "reviewBy", message: read.message });
      }
    }
    if (problems.length > 0) return showProblems(summary, title, fields, problems);
    try {
      if (spec.action === "add_pen_picture") await savePenPicture(r.id, { text: value, version: r.version });
      else {
        await takeReferralAction(r.id, {
          action: spec.action as "decline",
          version: r.version,
          ...(spec.action === "request_information" ? { question: value } : value ? { reason: value } : {}),
          ...(reviewBy ? { reviewBy } : {}),
        });
      }
    } catch (error) {
      const refused = refusal(error).map((p) => ({
        ...p,
        key:
          p.key === "reviewBy"
            ? "reviewBy"
            : p.key && ["question", "reason", "text"].includes(p.key)
              ? "text"
              : undefined,
      }));
      return showProblems(summary, title, fields, refused);
    }
    setFlash("success", spec.done);
    navigate(referralHref(r.id));
  });
  showPage(
    title,
    referralsNav(entered.canAct),
    backLink(referralHref(r.id), "Back to the referral"),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, `Referral ${r.reference}`),
      h("h1", { class: "govuk-heading-l" }, spec.title),
      page,
    ),
  );
}

function notNowPage(r: Referral, spec: ActionPage, canAct: boolean): void {
  const title = "You cannot do this now";
  showPage(
    title,
    referralsNav(canAct),
    twoThirds(
      h("span", { class: "govuk-caption-l" }, `Referral ${r.reference}`),
      h("h1", { class: "govuk-heading-l" }, title),
      h(
        "p",
        { class: "govuk-body" },
        canAct
          ? `"${spec.title}" is not possible for this referral in its current status.`
          : "Only the scheme's coordinators can act on referrals.",
      ),
      h(
        "p",
        { class: "govuk-body" },
        h("a", { href: referralHref(r.id), class: "govuk-link" }, "Go back to the referral"),
      ),
    ),
  );
}
