/**
 * The social worker's page behind a proposed match's single-use link (`/{slug}/match-agreement/{token}`):
 * its own chunk. They read the child's first name and the volunteer's pen portrait (never contact
 * details) and agree, with the child's wishes about the match, or do not, with why. Opening the page
 * does not use the link up; the answer does.
 */
import { ApiError } from "../../api/client";
import { type AgreementAnswer, type AgreementFormView, agreementForm, giveAgreement } from "../../api/matches";
import type { TimeOfWeek } from "../../api/matching";
import type { PublicTenant } from "../../api/types";
import { confirmationPanel, summaryList } from "../../components";
import { h } from "../../dom";
import { formatDateIn, type MessageKey, ruleMessage, t } from "../../i18n";
import { showPage, twoThirds } from "../../layout";
import { readQuestions } from "../../questions/answers";
import type { Attempt } from "../../questions/form";
import { type Question, visibleQuestions } from "../../questions/model";
import { topicPage } from "../../questions/pages";
import type { RouteContext } from "../../router";
import { contactDetails, enterCouncilForm, openLink } from "../branded";

const questions = (child: string, volunteer: string): Question[] => [
  {
    key: "socialWorkerName",
    kind: "text",
    label: t("agreement.name"),
    short: t("agreement.nameShort"),
    autocomplete: "name",
    missing: t("agreement.nameMissing"),
  },
  {
    key: "agrees",
    kind: "radios",
    label: t("agreement.agrees", { volunteer, child }),
    short: t("agreement.agreesShort"),
    options: [
      { value: "yes", label: t("agreement.yes") },
      { value: "no", label: t("agreement.no") },
    ],
    missing: t("agreement.agreesMissing"),
  },
  {
    key: "childsWishes",
    kind: "textarea",
    label: t("agreement.wishes", { child }),
    hint: t("agreement.wishesHint", { child, volunteer }),
    short: t("agreement.wishesShort"),
    rows: 4,
    missing: t("agreement.wishesMissing", { child }),
    when: (c) => c.raw.agrees === "yes",
  },
  {
    key: "reason",
    kind: "textarea",
    label: t("agreement.reason"),
    hint: t("agreement.reasonHint"),
    short: t("agreement.reasonShort"),
    rows: 4,
    missing: t("agreement.reasonMissing"),
    when: (c) => c.raw.agrees === "no",
  },
];

/** The times of the week in the page's language (the workspace's `TIME_NAMES` are English only). */
const TIME_WORDS: Record<TimeOfWeek, MessageKey> = {
  weekday_after_school: "agreement.weekdayAfterSchool",
  weekday_evening: "agreement.weekdayEvening",
  saturday: "agreement.saturday",
  sunday: "agreement.sunday",
  school_holidays: "agreement.schoolHolidays",
};

/** The page's own title; `setTitle` adds the council. */
const title = (_council: PublicTenant, text: string) => text;

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
  linkPage(council, t("agreement.goneTitle"), t("agreement.gone1"), t("agreement.gone2"));

const unknownPage = (council: PublicTenant) => linkPage(council, t("agreement.unknownTitle"), t("agreement.unknown1"));

function answeredPage(council: PublicTenant, agrees: boolean, message: string): void {
  showPage(
    title(council, agrees ? t("agreement.agreedTitle") : t("agreement.answeredTitle")),
    twoThirds(
      confirmationPanel(agrees ? t("agreement.agreedTitle") : t("agreement.answeredTitle")),
      // The API's thanks, in Welsh where the catalogue has it (ADR 22).
      h("p", { class: "govuk-body" }, ruleMessage(message)),
      h("p", { class: "govuk-body" }, agrees ? t("agreement.agreedNext") : t("agreement.notAgreedNext")),
    ),
  );
}

function penPortrait(view: AgreementFormView): HTMLElement[] {
  const v = view.volunteer;
  const none = t("agreement.notRecorded");
  const list = (items: string[]) => (items.length ? items.join(", ") : none);
  return [
    h("h2", { class: "govuk-heading-m" }, t("agreement.about", { volunteer: v.firstName })),
    summaryList([
      { key: t("agreement.age"), value: String(v.age) },
      { key: t("agreement.interests"), value: list(v.interests) },
      { key: t("agreement.ownWords"), value: v.inTheirWords || none },
      { key: t("agreement.languages"), value: list(v.languages) },
      { key: t("agreement.areas"), value: list(v.areas) },
      { key: t("agreement.free"), value: list(v.availability.map((time) => t(TIME_WORDS[time]))) },
      { key: t("agreement.approved"), value: v.approvedOn ? formatDateIn(v.approvedOn) : none },
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
  const entered = await enterCouncilForm(
    ctx,
    { needsOpen: false, closed: () => undefined, translated: true },
    async () => null,
  );
  if (!entered) return;
  const { council } = entered;
  const token = ctx.params.token ?? "";
  let unknown = false;
  const view = await openLink(
    {
      loading: title(council, t("agreement.title")),
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
  const heading = t("agreement.heading", { child });
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
      refusal: { noun: t("agreement.noun"), paths: { known: new Set(asked.map((q) => q.key)) } },
      onePage: {
        button: t("agreement.send"),
        lead: [
          h("p", { class: "govuk-body" }, t("agreement.lead", { volunteer: view.volunteer.firstName, child })),
          ...penPortrait(view),
          h("p", { class: "govuk-body" }, t("agreement.until", { date: formatDateIn(view.expiresOn) })),
        ],
        end: [],
      },
    },
    "agreement",
  );
}
