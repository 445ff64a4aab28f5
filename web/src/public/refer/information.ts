/**
 * The coordinator asked the referrer for more information; the e-mail carries only a link, and the
 * question is shown here, behind it. The referrer answers without an account.
 */
import { ApiError } from "../../api/client";
import { answerInformationRequest, informationRequest } from "../../api/referrals";
import { confirmationPanel, multiline } from "../../components";
import { h } from "../../dom";
import { formatDateTimeIn, formatNumber, t } from "../../i18n";
import { showPage, twoThirds } from "../../layout";
import { type KeyedProblem, readQuestions } from "../../questions/answers";
import type { Attempt } from "../../questions/form";
import type { AnyQuestion, RawAnswers } from "../../questions/model";
import { topicPage } from "../../questions/pages";
import { openLink } from "../branded";
import { linkGonePage, pageTitle, type ReferContext } from "./frame";

const MAX_ANSWER = 5000;

function gone(r: ReferContext): void {
  linkGonePage(r, t("verify.goneTitle"), t("info.gone1"), t("info.gone2"));
}

export async function informationPage(r: ReferContext, token: string, isCurrent: () => boolean): Promise<void> {
  const request = await openLink({ loading: pageTitle(r, t("info.title")), isCurrent, gone: () => gone(r) }, () =>
    informationRequest(r.slug, token),
  );
  if (!request) return;
  const title = t("info.title");
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
                label: t("info.label"),
                short: t("info.short"),
                hint: t("info.hint"),
                missing: t("info.missing"),
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
      caption: t("info.caption", { reference: request.reference }),
      // Any field error is about the answer, the one field there is.
      refusal: { noun: t("info.noun"), paths: { aliases: [[/^.*$/, "answer"]] } },
      onePage: {
        button: t("info.send"),
        lead: [
          h("p", { class: "govuk-body" }, t("info.asked", { when: formatDateTimeIn(request.askedAt) })),
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
      message: t("info.tooLong", { max: formatNumber(MAX_ANSWER) }),
    });
  }
  return problems;
}

function sentPage(r: ReferContext, reference: string): void {
  showPage(
    pageTitle(r, t("info.sent")),
    twoThirds(
      confirmationPanel(
        t("info.sent"),
        t("info.referral"),
        h("br"),
        h("strong", { class: "tandem-reference" }, reference),
      ),
      h("p", { class: "govuk-body" }, t("info.next")),
    ),
  );
}
