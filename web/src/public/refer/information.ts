/**
 * The coordinator asked the referrer for more information; the e-mail carries only a link, and the
 * question is shown here, behind it. The referrer answers without an account.
 */
import { ApiError } from "../../api/client";
import { answerInformationRequest, informationRequest } from "../../api/referrals";
import { confirmationPanel, formatDateTime, multiline } from "../../components";
import { h } from "../../dom";
import { focusHeading, showPage, twoThirds } from "../../layout";
import { type KeyedProblem, readQuestions } from "../../questions/answers";
import type { Attempt } from "../../questions/form";
import type { AnyQuestion, RawAnswers } from "../../questions/model";
import { topicPage } from "../../questions/pages";
import { openLink } from "../branded";
import { linkGonePage, pageTitle, type ReferContext } from "./frame";

const MAX_ANSWER = 5000;

function gone(r: ReferContext): void {
  linkGonePage(
    r,
    "This link has expired or been used",
    "Each link works until you answer, for a limited time. If you have already answered, the coordinator has it.",
    "If you still need to tell the coordinator something, contact the scheme and quote your referral reference.",
  );
}

export async function informationPage(r: ReferContext, token: string, isCurrent: () => boolean): Promise<void> {
  const request = await openLink(
    { loading: pageTitle(r, "Answer the coordinator's question"), isCurrent, gone: () => gone(r) },
    () => informationRequest(r.slug, token),
  );
  if (!request) return;
  const title = "Answer the coordinator's question";
  const attempt: Attempt = { raw: {}, idempotencyKey: null };
  topicPage(
    {
      form: {
        topics: [
          {
            slug: "answer",
            title,
            questions: [
              {
                key: "answer",
                kind: "textarea",
                label: "Your answer",
                short: "your answer",
                hint: "Only the scheme's coordinators can read it",
                missing: "Enter your answer",
                rows: 8,
              },
            ],
          },
        ],
        schema: {
          page: (topic, raw) => answerProblems(topic.questions, raw),
          all: () => [],
        },
        async submit(a) {
          try {
            await answerInformationRequest(r.slug, token, (a.raw.answer ?? "").trim());
          } catch (error) {
            if (error instanceof ApiError && error.status === 410) return gone(r);
            throw error;
          }
          sentPage(r, request.reference);
        },
      },
      attempt: () => attempt,
      context: (raw) => ({ raw }),
      paths: { start: location.pathname, page: () => location.pathname, check: location.pathname },
      title: (text) => pageTitle(r, text),
      caption: `Referral ${request.reference}`,
      // Any field error is about the answer, the one field there is.
      refusal: { noun: "answer", paths: { aliases: [[/^.*$/, "answer"]] } },
      onePage: {
        button: "Send answer",
        lead: [
          h("p", { class: "govuk-body" }, `The coordinator asked on ${formatDateTime(request.askedAt)}:`),
          h("div", { class: "govuk-inset-text" }, ...multiline(request.question)),
        ],
      },
    },
    "answer",
  );
}

/** Empty, or longer than the API takes. */
function answerProblems(questions: readonly AnyQuestion[], raw: RawAnswers): KeyedProblem[] {
  const { problems } = readQuestions(questions, raw);
  if ((raw.answer ?? "").trim().length > MAX_ANSWER) {
    problems.push({
      key: "answer",
      message: `Your answer must be ${MAX_ANSWER.toLocaleString("en-GB")} characters or fewer`,
    });
  }
  return problems;
}

function sentPage(r: ReferContext, reference: string): void {
  showPage(
    pageTitle(r, "Answer sent"),
    twoThirds(
      confirmationPanel("Answer sent", "Referral", h("br"), h("strong", { class: "tandem-reference" }, reference)),
      h(
        "p",
        { class: "govuk-body" },
        "The coordinator will carry on with the referral. There is nothing more for you to do now.",
      ),
    ),
  );
  focusHeading();
}
