/**
 * The coordinator asked the referrer for more information; the e-mail carries only a link, and the
 * question is shown here, behind it. The referrer answers without an account.
 */
import { ApiError } from "../../api/client";
import { answerInformationRequest, type InformationRequestView, informationRequest } from "../../api/referrals";
import { confirmationPanel, formatDateTime, multiline } from "../../components";
import { h } from "../../dom";
import { type Field, form, onSubmit, showProblems, submitButton, textArea } from "../../forms";
import { focusHeading, loadingPage, showPage, twoThirds } from "../../layout";
import { caption, linkGonePage, pageTitle, type ReferContext } from "./frame";

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
  loadingPage(pageTitle(r, "Answer the coordinator's question"));
  let request: InformationRequestView;
  try {
    request = await informationRequest(r.slug, token);
  } catch (error) {
    if (!isCurrent()) return;
    if (error instanceof ApiError && [400, 404, 410].includes(error.status)) return gone(r);
    throw error;
  }
  if (!isCurrent()) return;
  const title = "Answer the coordinator's question";
  const answer = textArea({
    id: "answer",
    label: "Your answer",
    hint: "Only the scheme's coordinators can read it",
    rows: 8,
    labelClass: "govuk-label--m",
  });
  const fields: Record<string, Field> = { answer };
  const summary = h("div");
  const page = form(location.pathname, answer.group, submitButton("Send answer"));
  onSubmit(page, async () => {
    const text = answer.textarea.value.trim();
    const problem = !text
      ? "Enter your answer"
      : text.length > MAX_ANSWER
        ? `Your answer must be ${MAX_ANSWER.toLocaleString("en-GB")} characters or fewer`
        : null;
    if (problem) return showProblems(summary, pageTitle(r, title), fields, [{ key: "answer", message: problem }]);
    try {
      await answerInformationRequest(r.slug, token, text);
    } catch (error) {
      if (error instanceof ApiError && error.status === 410) return gone(r);
      const problems =
        error instanceof ApiError && error.fields.length > 0
          ? error.fields.map((f) => ({ key: "answer", message: f.message }))
          : [{ message: error instanceof ApiError ? error.message : "Your answer could not be sent. Try again" }];
      return showProblems(summary, pageTitle(r, title), fields, problems);
    }
    showPage(
      pageTitle(r, "Answer sent"),
      twoThirds(
        confirmationPanel(
          "Answer sent",
          "Referral",
          h("br"),
          h("strong", { class: "tandem-reference" }, request.reference),
        ),
        h(
          "p",
          { class: "govuk-body" },
          "The coordinator will carry on with the referral. There is nothing more for you to do now.",
        ),
      ),
    );
    focusHeading();
  });
  showPage(
    pageTitle(r, title),
    twoThirds(
      summary,
      caption(`Referral ${request.reference}`),
      h("h1", { class: "govuk-heading-l" }, title),
      h("p", { class: "govuk-body" }, `The coordinator asked on ${formatDateTime(request.askedAt)}:`),
      h("div", { class: "govuk-inset-text" }, ...multiline(request.question)),
      page,
    ),
  );
}
