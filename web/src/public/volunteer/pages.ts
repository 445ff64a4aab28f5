/**
 * The volunteer application on the question-page engine: its topics (declarations last), the
 * domain's checks under the council's rules, and its submit; then the confirmation.
 */
import { type SubmitVolunteerApplication, submitVolunteerApplication } from "../../api/volunteers";
import { breakable, confirmationPanel } from "../../components";
import { h } from "../../dom";
import { showPage, twoThirds } from "../../layout";
import type { AnswerContext } from "../../questions/model";
import type { FormPages } from "../../questions/pages";
import { navigate } from "../../router";
import { contactDetails } from "../branded";
import { type VolunteerContext, volunteerTitle } from "./frame";
import { applicationTopics } from "./questions";
import { finishVolunteerAttempt, volunteerAttempt } from "./state";
import { applicationSchema, assembleApplication, VOLUNTEER_REFUSAL } from "./validate";

export function volunteerPages(v: VolunteerContext): FormPages<AnswerContext> {
  const pathOf = (slug: string) => `${v.base}/${slug}`;
  return {
    form: {
      topics: applicationTopics(v.rules),
      schema: applicationSchema(v.rules),
      async submit(a, _c, idempotencyKey) {
        const email = (a.raw["contact.email"] ?? "").trim();
        const application = assembleApplication(a.raw) as SubmitVolunteerApplication;
        const receipt = await submitVolunteerApplication(v.slug, application, idempotencyKey);
        finishVolunteerAttempt(volunteerAttempt(v.slug), { reference: receipt.reference, email });
        navigate(pathOf("done"), { replace: true });
      },
    },
    attempt: () => volunteerAttempt(v.slug),
    context: (raw) => ({ raw }),
    paths: { start: v.base, page: pathOf, check: pathOf("check") },
    title: (text) => volunteerTitle(v, text),
    caption: "Become an Independent Visitor",
    privacy: { controller: v.council.name, href: `/${v.slug}/privacy` },
    refusal: VOLUNTEER_REFUSAL,
    check: {
      title: "Check your answers before sending your application",
      sendHeading: "Now send your application",
      button: "Send application",
      send: (raw) => [
        "We will send a confirmation to ",
        breakable((raw["contact.email"] ?? "").trim()),
        ". After your home visit we will e-mail your referees a link to a short reference form.",
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
  const title = "Application sent";
  showPage(
    volunteerTitle(v, title),
    twoThirds(
      confirmationPanel(title, "Your reference number", h("br"), h("strong", {}, receipt.reference)),
      h(
        "p",
        { class: "govuk-body" },
        "We have sent a confirmation to ",
        breakable(receipt.email),
        ". Keep the reference number: quote it if you contact the scheme.",
      ),
      h("h2", { class: "govuk-heading-m" }, "What happens next"),
      h(
        "p",
        { class: "govuk-body" },
        "A coordinator will contact you to arrange a visit at home to talk about the role. After the visit we e-mail your referees a link to a short reference form.",
      ),
      contactDetails(v.council),
    ),
  );
}
