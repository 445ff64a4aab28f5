/**
 * The referral form: its own chunk, loaded when a referrer starts the form (the council's start page
 * at `/{slug}/refer` is in the entry). Two routes cover every page:
 *
 *   /{slug}/refer/{page}            a topic, check, check-email, done, save, myself
 *   /{slug}/refer/{page}/{token}    verify/{token}, resume/{token}, information/{token}, myself/{topic}
 */
import { bulletList, link, startButton } from "../../components";
import { h } from "../../dom";
import { t } from "../../i18n";
import { showPage, twoThirds } from "../../layout";
import { notFoundPage } from "../../pages/not-found";
import { checkPage, topicPage } from "../../questions/pages";
import type { RouteContext } from "../../router";
import { contactDetails, howWeUseInformation } from "../branded";
import { resumePage, savePage } from "./drafts";
import { referralPages } from "./form-pages";
import { caption, enterReferralForm, pageTitle, type ReferContext } from "./frame";
import { informationPage } from "./information";
import { selfTopics } from "./questions";
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
  const title = t(self ? "sent.titleRequest" : "sent.titleReferral");
  const waitingForCode = receipt.verification === "email" && !a.verified;
  const another = link(r.base, t(self ? "sent.newRequest" : "sent.newReferral"));
  another.addEventListener("click", () => forgetAttempt());
  showPage(
    pageTitle(r, title),
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, title),
      h("p", { class: "govuk-body" }, t("sent.reference", { reference: receipt.reference })),
      waitingForCode
        ? h(
            "p",
            { class: "govuk-body" },
            `${t("sent.waitingForCode")} `,
            link(`${r.base}/check-email`, t("sent.enterCode")),
            ".",
          )
        : h("p", { class: "govuk-body" }, link(`${r.base}/done`, t("sent.next")), "."),
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
  const title = t("self.title");
  const first = selfTopics()[0];
  showPage(
    pageTitle(r, title),
    twoThirds(
      caption(r.council.name),
      h("h1", { class: "govuk-heading-l" }, title),
      h("p", { class: "govuk-body" }, t("self.intro1")),
      h("p", { class: "govuk-body" }, t("self.intro2")),
      h("h2", { class: "govuk-heading-m" }, t("self.asks")),
      bulletList(t("self.ask1"), t("self.ask2"), t("self.ask3")),
      h("p", { class: "govuk-body" }, t("self.time")),
      ...howWeUseInformation(r.council, null),
      startButton(`${r.base}/myself/${first?.slug ?? ""}`, t("form.start")),
      contactDetails(r.council),
    ),
  );
}

function selfClosedPage(r: ReferContext): void {
  const title = t("self.closedTitle");
  showPage(
    pageTitle(r, title),
    twoThirds(
      caption(r.council.name),
      h("h1", { class: "govuk-heading-l" }, title),
      h("p", { class: "govuk-body" }, t("self.closed1", { council: r.council.name })),
      h("p", { class: "govuk-body" }, t("self.closed2")),
      contactDetails(r.council),
    ),
  );
}
