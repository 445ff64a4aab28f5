/**
 * The referral form: its own chunk, loaded when a referrer starts the form (the council's start page
 * at `/{slug}/refer` is in the entry). Two routes cover every page:
 *
 *   /{slug}/refer/{page}            a topic, check, check-email, done, save, myself
 *   /{slug}/refer/{page}/{token}    verify/{token}, resume/{token}, information/{token}, myself/{topic}
 */
import { bulletList, link, startButton } from "../../components";
import { h } from "../../dom";
import { showPage, twoThirds } from "../../layout";
import { notFoundPage } from "../../pages/not-found";
import { checkPage, topicPage } from "../../questions/pages";
import type { RouteContext } from "../../router";
import { contactDetails, howWeUseInformation } from "../branded";
import { resumePage, savePage } from "./drafts";
import { referralPages } from "./form-pages";
import { caption, enterReferralForm, pageTitle, type ReferContext } from "./frame";
import { informationPage } from "./information";
import { SELF_TOPICS } from "./questions";
import { existingAttempt, forgetAttempt, forgetSentAttempt } from "./state";
import { checkEmailPage, donePage, verifyLinkPage } from "./verify";

export async function referPage(ctx: RouteContext): Promise<void> {
  const page = ctx.params.page ?? "";
  // Pages after sending work even if the council has closed its forms meanwhile.
  const afterSending = page === "check-email" || page === "done";
  const r = await enterReferralForm(ctx, { needsOpen: !afterSending });
  if (!r) return;
  switch (page) {
    case "check":
      if (alreadySent(r)) return alreadySentPage(r);
      return checkPage(referralPages(r, "professional"));
    case "check-email":
      return checkEmailPage(r);
    case "done":
      return donePage(r);
    case "save":
      return savePage(r, ctx.isCurrent);
    case "myself":
      return selfStartPage(r);
    default:
      if (alreadySent(r)) return alreadySentPage(r);
      return topicPage(referralPages(r, "professional"), page);
  }
}

export async function referTokenPage(ctx: RouteContext): Promise<void> {
  const page = ctx.params.page ?? "";
  const token = ctx.params.token ?? "";
  if (!["verify", "resume", "information", "myself"].includes(page)) return notFoundPage();
  const r = await enterReferralForm(ctx, { needsOpen: page === "resume" || page === "myself" });
  if (!r) return;
  switch (page) {
    case "verify":
      return verifyLinkPage(r, token, ctx.isCurrent);
    case "resume":
      return resumePage(r, token, ctx.isCurrent);
    case "information":
      return informationPage(r, token, ctx.isCurrent);
    default: {
      if (!r.form.selfReferralsAccepted) return selfClosedPage(r);
      if (alreadySent(r)) return alreadySentPage(r);
      const self = referralPages(r, "self");
      return token === "check" ? checkPage(self) : topicPage(self, token);
    }
  }
}

/** Sent in this tab: its answers are gone from memory, so a question page would only be empty. */
const alreadySent = (r: ReferContext) => existingAttempt(r.slug)?.receipt != null;

/**
 * Back (or a bookmarked question) after sending lands here rather than on an empty question page
 * (issue 19, item 6): the reference, where the referral stands, and a way to start another one.
 */
function alreadySentPage(r: ReferContext): void {
  const a = existingAttempt(r.slug);
  const receipt = a?.receipt;
  if (!a || !receipt) return;
  const self = a.kind === "self";
  const title = self ? "You have already sent this request" : "You have already sent this referral";
  const waitingForCode = receipt.verification === "email" && !a.verified;
  const another = link(r.base, self ? "Start a new request" : "Start a new referral");
  another.addEventListener("click", () => forgetAttempt());
  showPage(
    pageTitle(r, title),
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, title),
      h(
        "p",
        { class: "govuk-body" },
        "Your reference is ",
        h("strong", { class: "tandem-reference" }, receipt.reference),
        ". The answers are no longer shown here, to keep them private.",
      ),
      waitingForCode
        ? h(
            "p",
            { class: "govuk-body" },
            "It reaches the coordinator once you confirm your e-mail address. ",
            link(`${r.base}/check-email`, "Enter the code from the e-mail"),
            ".",
          )
        : h("p", { class: "govuk-body" }, link(`${r.base}/done`, "See what happens next"), "."),
      h("p", { class: "govuk-body" }, another, "."),
    ),
  );
}

/** A young person's start page, in plain words. */
function selfStartPage(r: ReferContext): void {
  forgetSentAttempt(r.slug);
  if (!r.form.selfReferralsAccepted) {
    selfClosedPage(r);
    return;
  }
  const title = "Ask for an Independent Visitor for yourself";
  const first = SELF_TOPICS[0];
  showPage(
    pageTitle(r, title),
    twoThirds(
      caption(r.council.name),
      h("h1", { class: "govuk-heading-l" }, title),
      h(
        "p",
        { class: "govuk-body" },
        "An Independent Visitor is an adult who chooses to spend time with you, because they want to. They are not paid and they are not a social worker.",
      ),
      h(
        "p",
        { class: "govuk-body" },
        "You might go to the park, play a sport, see a film or just talk. You choose together.",
      ),
      h("h2", { class: "govuk-heading-m" }, "What we will ask"),
      bulletList(
        "your name and birthday",
        "what you would like to do with a visitor",
        "how we can get in touch with you",
      ),
      h("p", { class: "govuk-body" }, "It takes about 5 minutes. You do not need to ask anyone first."),
      ...howWeUseInformation(r.council, null),
      startButton(`${r.base}/myself/${first?.slug ?? ""}`, "Start"),
      contactDetails(r.council),
    ),
  );
}

function selfClosedPage(r: ReferContext): void {
  const title = "Ask your social worker to refer you";
  showPage(
    pageTitle(r, title),
    twoThirds(
      caption(r.council.name),
      h("h1", { class: "govuk-heading-l" }, title),
      h(
        "p",
        { class: "govuk-body" },
        `${r.council.name}'s scheme takes requests for an Independent Visitor from social workers and other professionals.`,
      ),
      h(
        "p",
        { class: "govuk-body" },
        "If you would like one, tell your social worker or your Independent Reviewing Officer. You can also contact the scheme yourself.",
      ),
      contactDetails(r.council),
    ),
  );
}
