/**
 * The feedback form behind a review's single-use link: its own chunk, loaded when someone opens
 * their link (`/{slug}/feedback/{token}`). The carer, social worker, IRO and volunteer get the adults'
 * form; the child gets a shorter one in plain words, every scale answer a word (any picture beside it
 * would only decorate it). The words are the domain's (`CHILD_FORM_WORDS`, `ADULT_FORM_WORDS`),
 * tested there for length: headings up to 7 words, questions up to 12.
 */
import { ADULT_FORM_WORDS, CHILD_FORM_WORDS, ChildFeelsWords, HowItIsGoingWords } from "@tandem/domain/reviews";
import { ApiError } from "../../api/client";
import { type FeedbackAnswers, type FeedbackFormView, feedbackForm, submitFeedback } from "../../api/reviews";
import type { PublicTenant } from "../../api/types";
import { confirmationPanel } from "../../components";
import { h } from "../../dom";
import { focusHeading, showPage, twoThirds } from "../../layout";
import { readQuestions } from "../../questions/answers";
import type { Attempt } from "../../questions/form";
import { type Question, visibleQuestions } from "../../questions/model";
import { topicPage } from "../../questions/pages";
import type { RouteContext } from "../../router";
import { contactDetails, enterCouncilForm, openLink } from "../branded";

const options = (words: Record<string, string>) => Object.entries(words).map(([value, label]) => ({ value, label }));

const CHILD: Question[] = [
  {
    key: "feels",
    kind: "radios",
    label: CHILD_FORM_WORDS.feels,
    short: "how you feel",
    options: options(ChildFeelsWords),
    missing: "Choose how you feel about your visits",
  },
  { key: "likes", kind: "textarea", label: CHILD_FORM_WORDS.likes, short: "what you like", optional: true, rows: 3 },
  {
    key: "wouldChange",
    kind: "textarea",
    label: CHILD_FORM_WORDS.wouldChange,
    short: "what you would change",
    optional: true,
    rows: 3,
  },
  {
    key: "keepSeeing",
    kind: "radios",
    label: CHILD_FORM_WORDS.keepSeeing,
    short: "keep seeing your visitor",
    options: [
      { value: "yes", label: "Yes" },
      { value: "not_sure", label: "Not sure" },
      { value: "no", label: "No" },
    ],
    missing: "Choose yes, not sure or no",
  },
];

const ADULT: Question[] = [
  {
    key: "howItIsGoing",
    kind: "radios",
    label: ADULT_FORM_WORDS.howItIsGoing,
    short: "how the match is going",
    options: options(HowItIsGoingWords),
    missing: "Choose how the match is going",
  },
  {
    key: "goingWell",
    kind: "textarea",
    label: ADULT_FORM_WORDS.goingWell,
    short: "what is going well",
    optional: true,
    rows: 4,
  },
  {
    key: "couldBeBetter",
    kind: "textarea",
    label: ADULT_FORM_WORDS.couldBeBetter,
    short: "what could be better",
    optional: true,
    rows: 4,
  },
  {
    key: "concerns",
    kind: "radios",
    label: ADULT_FORM_WORDS.concerns,
    short: "concerns",
    options: [
      { value: "no", label: "No" },
      { value: "yes", label: "Yes" },
    ],
    missing: "Choose yes or no",
  },
  {
    key: "concernDetails",
    kind: "textarea",
    label: ADULT_FORM_WORDS.concernDetails,
    short: "your concern",
    rows: 4,
    missing: "Tell us about your concern",
    when: (c) => c.raw.concerns === "yes",
  },
];

const title = (council: PublicTenant, text: string) => `${text} – ${council.name}`;

function gonePage(council: PublicTenant): void {
  const heading = "This link has expired or been used";
  showPage(
    title(council, heading),
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, heading),
      h(
        "p",
        { class: "govuk-body" },
        "Each link works once, for a few weeks. If you have already answered, thank you: there is nothing more to do.",
      ),
      h("p", { class: "govuk-body" }, "If you have not, contact the scheme and ask for a new link."),
      contactDetails(council),
    ),
  );
}

function sentPage(council: PublicTenant, child: boolean): void {
  showPage(
    title(council, "Thank you"),
    twoThirds(
      confirmationPanel(child ? "Thank you for telling us" : "Feedback sent"),
      h(
        "p",
        { class: "govuk-body" },
        child
          ? "Your coordinator will read what you said. You can talk to them at any time."
          : "The coordinator will read your feedback with the match's review. There is nothing more for you to do.",
      ),
    ),
  );
  focusHeading();
}

export async function feedbackPage(ctx: RouteContext): Promise<void> {
  // Feedback can be given even if the council has closed its public forms since the request.
  const entered = await enterCouncilForm(ctx, { needsOpen: false, closed: () => undefined }, async () => null);
  if (!entered) return;
  const { council } = entered;
  const token = ctx.params.token ?? "";
  const view: FeedbackFormView | null = await openLink(
    { loading: title(council, "Feedback"), isCurrent: ctx.isCurrent, gone: () => gonePage(council) },
    () => feedbackForm(council.slug, token),
  );
  if (!view) return;
  const child = view.form === "child";
  const questions = child ? CHILD : ADULT;
  const heading = child ? CHILD_FORM_WORDS.heading : ADULT_FORM_WORDS.heading;
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
      refusal: { noun: "feedback", paths: { prefixes: ["answers"] } },
      onePage: {
        button: "Send",
        lead: [
          h(
            "p",
            { class: "govuk-body" },
            child
              ? "Your answers help us make your visits good for you. There are no right or wrong answers."
              : "Your feedback helps the coordinator review this Independent Visitor match. It takes about 5 minutes.",
          ),
        ],
        end: [],
      },
    },
    "feedback",
  );
}
