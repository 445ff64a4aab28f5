/**
 * The social worker's page behind a proposed match's single-use link (`/{slug}/match-agreement/{token}`):
 * its own chunk. They read the child's first name and the volunteer's pen portrait (never contact
 * details) and agree, with the child's wishes about the match, or do not, with why. Opening the page
 * does not use the link up; the answer does.
 */
import { ApiError } from "../../api/client";
import { type AgreementAnswer, type AgreementFormView, agreementForm, giveAgreement } from "../../api/matches";
import type { PublicTenant } from "../../api/types";
import { confirmationPanel, formatDate, summaryList } from "../../components";
import { h } from "../../dom";
import { focusHeading, showPage, twoThirds } from "../../layout";
import { readQuestions } from "../../questions/answers";
import type { Attempt } from "../../questions/form";
import { type Question, visibleQuestions } from "../../questions/model";
import { topicPage } from "../../questions/pages";
import type { RouteContext } from "../../router";
import { TIME_NAMES } from "../../workspace/matching/labels";
import { contactDetails, enterCouncilForm, openLink } from "../branded";

const questions = (child: string, volunteer: string): Question[] => [
  {
    key: "socialWorkerName",
    kind: "text",
    label: "Your name",
    short: "your name",
    autocomplete: "name",
    missing: "Enter your name",
  },
  {
    key: "agrees",
    kind: "radios",
    label: `Do you agree to ${volunteer} being ${child}'s Independent Visitor?`,
    short: "whether you agree",
    options: [
      { value: "yes", label: "Yes, I agree" },
      { value: "no", label: "No, I do not agree" },
    ],
    missing: "Choose whether you agree to this match",
  },
  {
    key: "childsWishes",
    kind: "textarea",
    label: `${child}'s wishes about this match`,
    hint: `What ${child} has said about having ${volunteer} as their Independent Visitor`,
    short: "the child's wishes",
    rows: 4,
    missing: `Enter ${child}'s wishes about this match`,
    when: (c) => c.raw.agrees === "yes",
  },
  {
    key: "reason",
    kind: "textarea",
    label: "Why do you not agree?",
    hint: "The coordinator reads this to look for a better match",
    short: "why you do not agree",
    rows: 4,
    missing: "Enter why you do not agree to this match",
    when: (c) => c.raw.agrees === "no",
  },
];

const title = (council: PublicTenant, text: string) => `${text} – ${council.name}`;

function linkPage(council: PublicTenant, heading: string, ...lines: string[]): void {
  showPage(
    title(council, heading),
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, heading),
      ...lines.map((line) => h("p", { class: "govuk-body" }, line)),
      contactDetails(council),
    ),
  );
}

const gonePage = (council: PublicTenant) =>
  linkPage(
    council,
    "This link has been used or has expired",
    "Each link works once, for 4 weeks. If you have already answered, thank you: there is nothing more to do.",
    "If you have not, or want to change your answer, contact the scheme.",
  );

const unknownPage = (council: PublicTenant) =>
  linkPage(
    council,
    "This link is not recognised",
    "Check you copied the whole link from the e-mail. If it still does not work, contact the scheme.",
  );

function answeredPage(council: PublicTenant, agrees: boolean, message: string): void {
  showPage(
    title(council, agrees ? "Agreement sent" : "Answer sent"),
    twoThirds(
      confirmationPanel(agrees ? "Agreement sent" : "Answer sent"),
      h("p", { class: "govuk-body" }, message),
      h(
        "p",
        { class: "govuk-body" },
        agrees
          ? "The coordinator will be in touch about the next steps. There is nothing more for you to do."
          : "The coordinator will read why and look for another volunteer. There is nothing more for you to do.",
      ),
    ),
  );
  focusHeading();
}

function penPortrait(view: AgreementFormView): HTMLElement[] {
  const v = view.volunteer;
  const list = (items: string[]) => (items.length ? items.join(", ") : "Not recorded");
  return [
    h("h2", { class: "govuk-heading-m" }, `About ${v.firstName}`),
    summaryList([
      { key: "Age", value: String(v.age) },
      { key: "Interests", value: list(v.interests) },
      { key: "In their own words", value: v.inTheirWords || "Not recorded" },
      { key: "Languages", value: list(v.languages) },
      { key: "Areas they can visit", value: list(v.areas) },
      { key: "When they are free", value: list(v.availability.map((t) => TIME_NAMES[t])) },
      { key: "Approved as a volunteer", value: v.approvedOn ? formatDate(v.approvedOn) : "Not recorded" },
    ]),
  ];
}

function answerOf(raw: Record<string, string>, asked: Question[]): AgreementAnswer {
  const value = readQuestions(visibleQuestions({ questions: asked }, { raw }), raw).value as Record<string, string>;
  const socialWorkerName = value.socialWorkerName ?? "";
  return value.agrees === "yes"
    ? { agrees: true, socialWorkerName, childsWishes: value.childsWishes ?? "" }
    : { agrees: false, socialWorkerName, reason: value.reason ?? "" };
}

export async function matchAgreementPage(ctx: RouteContext): Promise<void> {
  // The link was sent by the council, so it works even if its public forms have closed since.
  const entered = await enterCouncilForm(ctx, { needsOpen: false, closed: () => undefined }, async () => null);
  if (!entered) return;
  const { council } = entered;
  const token = ctx.params.token ?? "";
  let unknown = false;
  const view = await openLink(
    {
      loading: title(council, "Match agreement"),
      isCurrent: ctx.isCurrent,
      gone: () => (unknown ? unknownPage(council) : gonePage(council)),
    },
    async () => {
      try {
        return await agreementForm(council.slug, token);
      } catch (error) {
        unknown = error instanceof ApiError && error.status !== 410;
        throw error;
      }
    },
  );
  if (!view) return;
  const child = view.childFirstName;
  const asked = questions(child, view.volunteer.firstName);
  const heading = `Do you agree to this Independent Visitor for ${child}?`;
  const attempt: Attempt = { raw: {}, idempotencyKey: null };
  topicPage(
    {
      form: {
        topics: [{ slug: "agreement", title: heading, questions: asked }],
        schema: {
          page: (topic, raw) => readQuestions(topic.questions, raw).problems,
          all: () => [],
        },
        async submit(a) {
          const answer = answerOf(a.raw, asked);
          let message: string;
          try {
            ({ message } = await giveAgreement(council.slug, token, answer));
          } catch (error) {
            if (error instanceof ApiError && error.status === 410) return gonePage(council);
            if (error instanceof ApiError && error.status === 404) return unknownPage(council);
            throw error;
          }
          answeredPage(council, answer.agrees, message);
        },
      },
      attempt: () => attempt,
      context: (raw) => ({ raw }),
      paths: { start: location.pathname, page: () => location.pathname, check: location.pathname },
      title: () => title(council, heading),
      caption: view.tenantName,
      refusal: { noun: "answer", paths: { known: new Set(asked.map((q) => q.key)) } },
      onePage: {
        button: "Send your answer",
        lead: [
          h(
            "p",
            { class: "govuk-body" },
            `The Independent Visitor scheme proposes ${view.volunteer.firstName} as ${child}'s Independent Visitor. The match goes ahead only with your agreement.`,
          ),
          ...penPortrait(view),
          h(
            "p",
            { class: "govuk-body" },
            `This link works once, until ${formatDate(view.expiresOn)}. Contact details are shared only once the match goes ahead.`,
          ),
        ],
        end: [],
      },
    },
    "agreement",
  );
}
