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
import { focusHeading, showPage, twoThirds } from "../../layout";
import { type KeyedProblem, readQuestions, tooLongMessage } from "../../questions/answers";
import type { Attempt } from "../../questions/form";
import type { AnyQuestion, Question, RawAnswers } from "../../questions/model";
import { topicPage } from "../../questions/pages";
import type { RouteContext } from "../../router";
import { contactDetails, openLink } from "../branded";
import { enterVolunteerForm, type VolunteerContext } from "./frame";

const TITLE = "Give a reference";
const LIMITS: Record<Exclude<ReferenceQuestionId, "recommend">, number> = {
  knownFor: 2000,
  suitability: 5000,
  concerns: 5000,
};
const HINTS: Partial<Record<ReferenceQuestionId, string>> = {
  knownFor: "For example, 4 years, as their line manager",
  concerns: "Write 'None' if you know of none",
};
const MISSING: Record<ReferenceQuestionId, string> = {
  knownFor: "Say how long you have known the applicant, and in what capacity",
  suitability: "Tell us how suitable the applicant is to befriend a child in care",
  concerns: "Tell us of any reason the applicant should not work with children, or write 'None'",
  recommend: "Say whether you would recommend the applicant",
};
const RECOMMEND = [
  { value: "yes", label: "Yes" },
  { value: "with_reservations", label: "Yes, with reservations" },
  { value: "no", label: "No" },
];

const pageTitle = (v: VolunteerContext, text: string) => `${text} – ${v.council.name}`;

function gonePage(v: VolunteerContext): void {
  const heading = "This reference link has expired or been used";
  showPage(
    pageTitle(v, heading),
    twoThirds(
      h("h1", { class: "govuk-heading-l" }, heading),
      h(
        "p",
        { class: "govuk-body" },
        "Each link works once, for a limited time. If you have already sent your reference, the scheme has it and there is nothing more to do.",
      ),
      h("p", { class: "govuk-body" }, "If you have not sent it yet, contact the scheme and ask for a new link."),
      contactDetails(v.council),
    ),
  );
}

/** The questions the API lists, in its order and words. */
function referenceQuestions(view: ReferenceFormView): Question[] {
  return view.questions.map((q) =>
    q.id === "recommend"
      ? {
          key: q.id,
          kind: "radios",
          label: q.text,
          short: "recommendation",
          options: RECOMMEND,
          missing: MISSING[q.id],
        }
      : {
          key: q.id,
          kind: "textarea",
          label: q.text,
          short: q.id,
          hint: HINTS[q.id],
          rows: q.id === "knownFor" ? 3 : 6,
          missing: MISSING[q.id],
        },
  );
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
      loading: pageTitle(v, TITLE),
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
          { slug: "reference", title: `Give a reference for ${applicant}`, questions: referenceQuestions(view) },
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
      title: () => pageTitle(v, TITLE),
      caption: view.tenantName,
      refusal: { noun: "reference", paths: { prefixes: ["answers"] } },
      onePage: {
        button: "Send reference",
        lead: [
          h(
            "p",
            { class: "govuk-body" },
            `${applicant} has applied to become an Independent Visitor: a volunteer who visits a child in care as a trusted adult friend. They gave your name as a referee.`,
          ),
          h("p", { class: "govuk-body" }, "Only the scheme's staff read your reference. It takes about 10 minutes."),
        ],
        end: [
          h(
            "p",
            { class: "govuk-body" },
            "By sending this reference you confirm it is true to the best of your knowledge. The scheme may phone you to confirm it.",
          ),
        ],
      },
    },
    "reference",
  );
}

function sentPage(v: VolunteerContext, view: ReferenceFormView): void {
  showPage(
    pageTitle(v, "Reference sent"),
    twoThirds(
      confirmationPanel("Reference sent"),
      h(
        "p",
        { class: "govuk-body" },
        `Thank you, ${view.refereeName}. The scheme will consider your reference with ${view.applicantName}'s application.`,
      ),
      h(
        "p",
        { class: "govuk-body" },
        "A coordinator may phone you to confirm it. There is nothing more for you to do now.",
      ),
    ),
  );
  focusHeading();
}
