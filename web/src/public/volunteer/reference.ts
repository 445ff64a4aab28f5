/**
 * A referee's reference form, opened from the link e-mailed to them when the applicant applied.
 * The link is single-use and expires: a used or expired one shows a page saying what to do instead.
 */
import { ApiError } from "../../api/client";
import {
  type ReferenceAnswers,
  type ReferenceFormView,
  type ReferenceQuestionId,
  referenceForm,
  submitReference,
} from "../../api/volunteers";
import { confirmationPanel } from "../../components";
import { h } from "../../dom";
import { type MessageKey, t } from "../../i18n";
import { showPage, twoThirds } from "../../layout";
import { type KeyedProblem, readQuestions, tooLongMessage } from "../../questions/answers";
import type { Attempt } from "../../questions/form";
import type { AnyQuestion, Question, RawAnswers } from "../../questions/model";
import { topicPage } from "../../questions/pages";
import type { RouteContext } from "../../router";
import { contactDetails, openLink } from "../branded";
import { enterVolunteerForm, type VolunteerContext } from "./frame";

const LIMITS: Record<Exclude<ReferenceQuestionId, "recommend">, number> = {
  knownFor: 2000,
  suitability: 5000,
  concerns: 5000,
};
const HINTS: Partial<Record<ReferenceQuestionId, MessageKey>> = {
  knownFor: "reference.knownForHint",
  concerns: "reference.concernsHint",
};
const recommendOptions = () => [
  { value: "yes", label: t("reference.yes") },
  { value: "with_reservations", label: t("reference.withReservations") },
  { value: "no", label: t("reference.no") },
];

/** The page's own title; `setTitle` adds the council. */
const pageTitle = (_v: VolunteerContext, text: string) => text;

function gonePage(v: VolunteerContext): void {
  const heading = t("reference.goneTitle");
  showPage(
    pageTitle(v, heading),
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, heading),
      h("p", { class: "govuk-body" }, t("reference.gone1")),
      h("p", { class: "govuk-body" }, t("reference.gone2")),
      contactDetails(v.council),
    ),
  );
}

/**
 * The questions the API lists, in its order; their words from the catalogue in the page's language
 * (the API's English is the same as en.ts's, which the catalogue test keeps honest).
 */
function referenceQuestions(view: ReferenceFormView): Question[] {
  return view.questions.map((q) => {
    const words = {
      key: q.id,
      label: t(`reference.${q.id}`),
      short: t(`reference.${q.id}Short`),
      missing: t(`reference.${q.id}Missing`),
    };
    if (q.id === "recommend") return { ...words, kind: "radios", options: recommendOptions() };
    const hint = HINTS[q.id];
    return { ...words, kind: "textarea", hint: hint && t(hint), rows: q.id === "knownFor" ? 3 : 6 };
  });
}

/** Each answer given, within the API's limits. */
function referenceProblems(questions: readonly AnyQuestion[], raw: RawAnswers): KeyedProblem[] {
  const { problems } = readQuestions(questions, raw);
  for (const q of questions) {
    const limit = LIMITS[q.key as keyof typeof LIMITS];
    if (limit && !problems.some((p) => p.key === q.key) && (raw[q.key] ?? "").trim().length > limit) {
      problems.push({ key: q.key, message: tooLongMessage(q, limit) });
    }
  }
  return problems;
}

export async function refereePage(ctx: RouteContext): Promise<void> {
  // A referee can answer even if the council has closed its forms since the applicant applied.
  const v = await enterVolunteerForm(ctx, { needsOpen: false, needsRules: false });
  if (!v) return;
  const token = ctx.params.token ?? "";
  const view = await openLink(
    {
      loading: pageTitle(v, t("reference.title")),
      isCurrent: ctx.isCurrent,
      gone: () => gonePage(v),
      // 409: the reference has been given already.
      goneStatuses: [400, 404, 409, 410],
    },
    () => referenceForm(v.slug, token),
  );
  if (!view) return;
  const applicant = view.applicantName;
  const attempt: Attempt = { raw: {}, idempotencyKey: null };
  topicPage(
    {
      form: {
        topics: [
          { slug: "reference", title: t("reference.heading", { applicant }), questions: referenceQuestions(view) },
        ],
        schema: { page: (topic, raw) => referenceProblems(topic.questions, raw), all: () => [] },
        async submit(a) {
          const answers = readQuestions(referenceQuestions(view), a.raw).value as ReferenceAnswers;
          try {
            await submitReference(v.slug, token, answers);
          } catch (error) {
            if (error instanceof ApiError && [404, 409, 410].includes(error.status)) return gonePage(v);
            throw error;
          }
          sentPage(v, view);
        },
      },
      attempt: () => attempt,
      context: (raw) => ({ raw }),
      paths: { start: location.pathname, page: () => location.pathname, check: location.pathname },
      // Every page of the reference has the same title; the heading names the applicant.
      title: () => pageTitle(v, t("reference.title")),
      caption: view.tenantName,
      refusal: { noun: t("reference.noun"), paths: { prefixes: ["answers"] } },
      onePage: {
        button: t("reference.send"),
        lead: [
          h("p", { class: "govuk-body" }, t("reference.lead", { applicant })),
          h("p", { class: "govuk-body" }, t("reference.private")),
        ],
        end: [h("p", { class: "govuk-body" }, t("reference.confirm"))],
      },
    },
    "reference",
  );
}

function sentPage(v: VolunteerContext, view: ReferenceFormView): void {
  showPage(
    pageTitle(v, t("reference.sent")),
    twoThirds(
      confirmationPanel(t("reference.sent")),
      h(
        "p",
        { class: "govuk-body" },
        t("reference.thanks", { referee: view.refereeName, applicant: view.applicantName }),
      ),
      h("p", { class: "govuk-body" }, t("reference.next")),
    ),
  );
}
