/**
 * The volunteer application on the question-page engine: its topics (declarations last), the
 * domain's checks under the council's rules, and its submit; then the confirmation.
 */
import { type SubmitVolunteerApplication, submitVolunteerApplication } from "../../api/volunteers";
import { breakable, confirmationPanel } from "../../components";
import { h } from "../../dom";
import { language, t } from "../../i18n";
import { showPage, twoThirds } from "../../layout";
import type { AnswerContext } from "../../questions/model";
import type { FormPages } from "../../questions/pages";
import { navigate } from "../../router";
import { contactDetails } from "../branded";
import { type VolunteerContext, volunteerTitle } from "./frame";
import { applicationTopicsIn } from "./questions";
import { finishVolunteerAttempt, volunteerAttempt } from "./state";
import { applicationSchema, assembleApplication, VOLUNTEER_REFUSAL } from "./validate";

export function volunteerPages(v: VolunteerContext): FormPages<AnswerContext> {
  const pathOf = (slug: string) => `${v.base}/${slug}`;
  return {
    form: {
      topics: applicationTopicsIn(v.rules),
      schema: applicationSchema(v.rules),
      async submit(a, _c, idempotencyKey) {
        const email = (a.raw["contact.email"] ?? "").trim();
        // The language the form was filled in travels with it: the API sends its e-mails in it (ADR 22).
        const application = { ...assembleApplication(a.raw), language: language() } as SubmitVolunteerApplication;
        const receipt = await submitVolunteerApplication(v.slug, application, idempotencyKey);
        finishVolunteerAttempt(volunteerAttempt(v.slug), { reference: receipt.reference, email });
        navigate(pathOf("done"), { replace: true });
      },
    },
    attempt: () => volunteerAttempt(v.slug),
    context: (raw) => ({ raw }),
    paths: { start: v.base, page: pathOf, check: pathOf("check") },
    title: (text) => volunteerTitle(v, text),
    caption: t("volunteer.title"),
    privacy: { controller: v.council.name, href: `/${v.slug}/privacy` },
    refusal: { ...VOLUNTEER_REFUSAL, noun: t("apply.noun") },
    check: {
      title: t("apply.checkTitle"),
      sendHeading: t("apply.sendHeading"),
      button: t("apply.sendButton"),
      send: (raw) => [
        t("apply.sendConfirm"),
        breakable((raw["contact.email"] ?? "").trim()),
        t("apply.sendConfirmEnd"),
      ],
    },
  };
}

export function volunteerDonePage(v: VolunteerContext): void {
  const a = volunteerAttempt(v.slug);
  const receipt = a.receipt;
  if (!receipt) {
    navigate(v.base, { replace: true });
    return;
  }
  const title = t("apply.sentTitle");
  showPage(
    volunteerTitle(v, title),
    twoThirds(
      confirmationPanel(title, t("apply.yourReference"), h("br"), h("strong", {}, receipt.reference)),
      h("p", { class: "govuk-body" }, t("apply.sentTo"), breakable(receipt.email), t("apply.sentToEnd")),
      h("h2", { class: "govuk-heading-m" }, t("apply.next")),
      h("p", { class: "govuk-body" }, t("apply.nextText")),
      contactDetails(v.council),
    ),
  );
}
