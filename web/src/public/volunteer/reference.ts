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
import { type Field, form, onSubmit, type Problem, radios, showProblems, submitButton, textArea } from "../../forms";
import { focusHeading, loadingPage, showPage, twoThirds } from "../../layout";
import type { RouteContext } from "../../router";
import { contactDetails } from "../branded";
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
] as const;
type Recommend = (typeof RECOMMEND)[number]["value"];

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

/** Controls for the questions the API lists, in its order and words. */
function controls(view: ReferenceFormView) {
  const text: { id: Exclude<ReferenceQuestionId, "recommend">; field: ReturnType<typeof textArea> }[] = [];
  let recommend: ReturnType<typeof radios<Recommend>> | null = null;
  const groups: HTMLElement[] = [];
  for (const q of view.questions) {
    if (q.id === "recommend") {
      recommend = radios<Recommend>({
        id: "recommend",
        legend: q.text,
        legendClass: "govuk-fieldset__legend--s",
        options: RECOMMEND,
      });
      groups.push(recommend.group);
    } else {
      const field = textArea({
        id: q.id,
        label: q.text,
        hint: HINTS[q.id],
        rows: q.id === "knownFor" ? 3 : 6,
        labelClass: "govuk-label--s",
      });
      text.push({ id: q.id, field });
      groups.push(field.group);
    }
  }
  return { text, recommend, groups };
}

export async function refereePage(ctx: RouteContext): Promise<void> {
  // A referee can answer even if the council has closed its forms since the applicant applied.
  const v = await enterVolunteerForm(ctx, { needsOpen: false, needsRules: false });
  if (!v) return;
  const token = ctx.params.token ?? "";
  loadingPage(pageTitle(v, TITLE));
  let view: ReferenceFormView;
  try {
    view = await referenceForm(v.slug, token);
  } catch (error) {
    if (!ctx.isCurrent()) return;
    if (error instanceof ApiError && [400, 404, 409, 410].includes(error.status)) return gonePage(v);
    throw error;
  }
  if (!ctx.isCurrent()) return;
  const applicant = view.applicantName;
  const c = controls(view);
  const fields: Record<string, Field> = Object.fromEntries([
    ...c.text.map((t) => [t.id, t.field] as const),
    ...(c.recommend ? [["recommend", c.recommend] as const] : []),
  ]);
  const summary = h("div");
  const page = form(
    location.pathname,
    ...c.groups,
    h(
      "p",
      { class: "govuk-body" },
      "By sending this reference you confirm it is true to the best of your knowledge. The scheme may phone you to confirm it.",
    ),
    submitButton("Send reference"),
  );
  onSubmit(page, async () => {
    const problems: Problem[] = [];
    const answers: Record<string, string> = {};
    for (const t of c.text) {
      const value = t.field.textarea.value.trim();
      answers[t.id] = value;
      if (!value) problems.push({ key: t.id, message: MISSING[t.id] });
      else if (value.length > LIMITS[t.id])
        problems.push({ key: t.id, message: `Use ${LIMITS[t.id]} characters or fewer` });
    }
    const recommend = c.recommend?.value() ?? null;
    if (!recommend) problems.push({ key: "recommend", message: MISSING.recommend });
    else answers.recommend = recommend;
    if (problems.length > 0) return showProblems(summary, pageTitle(v, TITLE), fields, problems);
    try {
      await submitReference(v.slug, token, answers as ReferenceAnswers);
    } catch (error) {
      if (error instanceof ApiError && [404, 409, 410].includes(error.status)) return gonePage(v);
      const refused =
        error instanceof ApiError && error.fields.length > 0
          ? error.fields.map((f) => ({ key: f.path.split(".").pop(), message: f.message }))
          : [{ message: error instanceof ApiError ? error.message : "Your reference could not be sent. Try again" }];
      return showProblems(summary, pageTitle(v, TITLE), fields, refused);
    }
    showPage(
      pageTitle(v, "Reference sent"),
      twoThirds(
        confirmationPanel("Reference sent"),
        h(
          "p",
          { class: "govuk-body" },
          `Thank you, ${view.refereeName}. The scheme will consider your reference with ${applicant}'s application.`,
        ),
        h(
          "p",
          { class: "govuk-body" },
          "A coordinator may phone you to confirm it. There is nothing more for you to do now.",
        ),
      ),
    );
    focusHeading();
  });
  showPage(
    pageTitle(v, TITLE),
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, view.tenantName),
      h("h1", { class: "govuk-heading-l" }, `Give a reference for ${applicant}`),
      h(
        "p",
        { class: "govuk-body" },
        `${applicant} has applied to become an Independent Visitor: a volunteer who visits a child in care as a trusted adult friend. They gave your name as a referee.`,
      ),
      h("p", { class: "govuk-body" }, "Only the scheme's staff read your reference. It takes about 10 minutes."),
      page,
    ),
  );
}
