/**
 * The feedback form behind a review's single-use link: its own chunk, loaded when someone opens
 * their link (`/{slug}/feedback/{token}`). The carer, social worker, IRO and volunteer get the adults'
 * form; the child gets a shorter one in plain words, every scale answer a word (any picture beside it
 * would only decorate it). The English words are the domain's (`CHILD_FORM_WORDS`, `ADULT_FORM_WORDS`),
 * tested there for length: headings up to 7 words, questions up to 12; in the catalogue in English
 * and Welsh (ADR 22), the Welsh child's words held to the same limits by the catalogue test.
 */
import { ApiError } from "../../api/client";
import { type FeedbackAnswers, type FeedbackFormView, feedbackForm, submitFeedback } from "../../api/reviews";
import type { PublicTenant } from "../../api/types";
import { confirmationPanel } from "../../components";
import { h } from "../../dom";
import { t } from "../../i18n";
import { showPage, twoThirds } from "../../layout";
import { readQuestions } from "../../questions/answers";
import type { Attempt } from "../../questions/form";
import { type Question, visibleQuestions } from "../../questions/model";
import { topicPage } from "../../questions/pages";
import type { RouteContext } from "../../router";
import { contactDetails, enterCouncilForm, openLink } from "../branded";

/**
 * The forms' questions in the page's language (ADR 22). The English in the catalogue is the domain's
 * (the catalogue test checks they agree); the Welsh child's form keeps to the same limits.
 */
function childQuestions(): Question[] {
  return [
    {
      key: "feels",
      kind: "radios",
      label: t("feedback.child.feels"),
      short: t("feedback.child.feelsShort"),
      options: [
        { value: "happy", label: t("feedback.child.happy") },
        { value: "okay", label: t("feedback.child.okay") },
        { value: "not_sure", label: t("feedback.child.notSure") },
        { value: "unhappy", label: t("feedback.child.unhappy") },
      ],
      missing: t("feedback.child.feelsMissing"),
    },
    {
      key: "likes",
      kind: "textarea",
      label: t("feedback.child.likes"),
      short: t("feedback.child.likesShort"),
      optional: true,
      rows: 3,
    },
    {
      key: "wouldChange",
      kind: "textarea",
      label: t("feedback.child.wouldChange"),
      short: t("feedback.child.wouldChangeShort"),
      optional: true,
      rows: 3,
    },
    {
      key: "keepSeeing",
      kind: "radios",
      label: t("feedback.child.keepSeeing"),
      short: t("feedback.child.keepSeeingShort"),
      options: [
        { value: "yes", label: t("feedback.child.yes") },
        { value: "not_sure", label: t("feedback.child.notSure") },
        { value: "no", label: t("feedback.child.no") },
      ],
      missing: t("feedback.child.keepSeeingMissing"),
    },
  ];
}

function adultQuestions(): Question[] {
  return [
    {
      key: "howItIsGoing",
      kind: "radios",
      label: t("feedback.adult.howItIsGoing"),
      short: t("feedback.adult.howItIsGoingShort"),
      options: [
        { value: "very_well", label: t("feedback.adult.veryWell") },
        { value: "well", label: t("feedback.adult.well") },
        { value: "not_sure", label: t("feedback.adult.notSure") },
        { value: "not_well", label: t("feedback.adult.notWell") },
      ],
      missing: t("feedback.adult.howItIsGoingMissing"),
    },
    {
      key: "goingWell",
      kind: "textarea",
      label: t("feedback.adult.goingWell"),
      short: t("feedback.adult.goingWellShort"),
      optional: true,
      rows: 4,
    },
    {
      key: "couldBeBetter",
      kind: "textarea",
      label: t("feedback.adult.couldBeBetter"),
      short: t("feedback.adult.couldBeBetterShort"),
      optional: true,
      rows: 4,
    },
    {
      key: "concerns",
      kind: "radios",
      label: t("feedback.adult.concerns"),
      short: t("feedback.adult.concernsShort"),
      options: [
        { value: "no", label: t("feedback.adult.no") },
        { value: "yes", label: t("feedback.adult.yes") },
      ],
      missing: t("feedback.adult.concernsMissing"),
    },
    {
      key: "concernDetails",
      kind: "textarea",
      label: t("feedback.adult.concernDetails"),
      short: t("feedback.adult.concernDetailsShort"),
      rows: 4,
      missing: t("feedback.adult.concernDetailsMissing"),
      when: (c) => c.raw.concerns === "yes",
    },
  ];
}

/** The page's own title; `setTitle` adds the council. */
const title = (_council: PublicTenant, text: string) => text;

function gonePage(council: PublicTenant): void {
  const heading = t("feedback.goneTitle");
  showPage(
    title(council, heading),
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, heading),
      h("p", { class: "govuk-body" }, t("feedback.gone1")),
      h("p", { class: "govuk-body" }, t("feedback.gone2")),
      contactDetails(council),
    ),
  );
}

function sentPage(council: PublicTenant, child: boolean): void {
  showPage(
    title(council, t("feedback.thanks")),
    twoThirds(
      confirmationPanel(child ? t("feedback.childSent") : t("feedback.adultSent")),
      h("p", { class: "govuk-body" }, child ? t("feedback.childNext") : t("feedback.adultNext")),
    ),
  );
}

export async function feedbackPage(ctx: RouteContext): Promise<void> {
  // Feedback can be given even if the council has closed its public forms since the request.
  const entered = await enterCouncilForm(
    ctx,
    { needsOpen: false, closed: () => undefined, translated: true },
    async () => null,
  );
  if (!entered) return;
  const { council } = entered;
  const token = ctx.params.token ?? "";
  const view: FeedbackFormView | null = await openLink(
    { loading: title(council, t("feedback.title")), isCurrent: ctx.isCurrent, gone: () => gonePage(council) },
    () => feedbackForm(council.slug, token),
  );
  if (!view) return;
  const child = view.form === "child";
  const questions = child ? childQuestions() : adultQuestions();
  const heading = child ? t("feedback.child.heading") : t("feedback.adult.heading");
  const attempt: Attempt = { raw: {}, idempotencyKey: null };
  topicPage(
    {
      form: {
        topics: [{ slug: "feedback", title: heading, questions }],
        schema: { page: (topic, raw) => readQuestions(topic.questions, raw).problems, all: () => [] },
        async submit(a) {
          // Only what was asked: a concern typed and then answered "No" again is not sent.
          const asked = visibleQuestions({ questions }, { raw: a.raw });
          const answers = readQuestions(asked, a.raw).value as FeedbackAnswers;
          try {
            await submitFeedback(council.slug, token, answers);
          } catch (error) {
            if (error instanceof ApiError && [404, 410].includes(error.status)) return gonePage(council);
            throw error;
          }
          sentPage(council, child);
        },
      },
      attempt: () => attempt,
      context: (raw) => ({ raw }),
      paths: { start: location.pathname, page: () => location.pathname, check: location.pathname },
      title: () => title(council, heading),
      caption: view.tenantName,
      refusal: { noun: t("feedback.noun"), paths: { prefixes: ["answers"] } },
      onePage: {
        button: t("feedback.send"),
        lead: [h("p", { class: "govuk-body" }, child ? t("feedback.childLead") : t("feedback.adultLead"))],
        end: [],
      },
    },
    "feedback",
  );
}
