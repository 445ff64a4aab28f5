/**
 * The application's question pages, declarations, "check your answers" and the confirmation. One
 * topic per page; "Continue" checks the page with the domain's rules.
 */
import { ApiError, newIdempotencyKey } from "../../api/client";
import { type SubmitVolunteerApplication, submitVolunteerApplication } from "../../api/volunteers";
import { backLink, breakable, confirmationPanel, formatDate, multiline, summaryList } from "../../components";
import { h } from "../../dom";
import { checkboxes, type Field, form, onSubmit, type Problem, showProblems, submitButton } from "../../forms";
import { showPage, twoThirds } from "../../layout";
import { notFoundPage } from "../../pages/not-found";
import { navigate } from "../../router";
import { contactDetails } from "../branded";
import { answerText, type RawAnswers, type Topic, type VisibleContext } from "../refer/questions";
import { controlId, questionControl } from "../refer/render";
import { todayInLondon } from "../refer/validate";
import { type VolunteerContext, volunteerCaption, volunteerTitle } from "./frame";
import { DECLARATIONS, DECLARATIONS_SLUG, DECLARATIONS_TITLE, VOLUNTEER_TOPICS } from "./questions";
import { finishVolunteerAttempt, saveVolunteerAnswers, type VolunteerAttempt, volunteerAttempt } from "./state";
import { applicationProblemsOf, assembleApplication, firstTopicWith, keyFromApiPath, topicProblems } from "./validate";

/** The referral controls want a context for labels that depend on it; the application's never do. */
function visible(v: VolunteerContext, a: VolunteerAttempt): VisibleContext {
  return { questions: {} as VisibleContext["questions"], raw: a.raw, councilName: v.council.name };
}

const SLUGS = [...VOLUNTEER_TOPICS.map((t) => t.slug), DECLARATIONS_SLUG];

function pathOf(v: VolunteerContext, slug: string): string {
  return `${v.base}/${slug}`;
}

function neighbours(v: VolunteerContext, slug: string): { previous: string; next: string } {
  const i = SLUGS.indexOf(slug);
  const previous = i > 0 ? pathOf(v, SLUGS[i - 1] as string) : v.base;
  const next = i < SLUGS.length - 1 ? pathOf(v, SLUGS[i + 1] as string) : pathOf(v, "check");
  return { previous, next };
}

/** After a page: the next one, or when changing an answer the first page with a problem, else the check page. */
function afterPage(v: VolunteerContext, a: VolunteerAttempt, slug: string, changing: boolean): string {
  if (!changing) return neighbours(v, slug).next;
  const first = firstTopicWith(applicationProblemsOf(a.raw, v.rules, todayInLondon()));
  if (first === null) return pathOf(v, "check");
  return `${pathOf(v, first === "declarations" ? DECLARATIONS_SLUG : first.slug)}?change=1`;
}

export function volunteerTopicPage(v: VolunteerContext, slug: string): void {
  if (slug === DECLARATIONS_SLUG) {
    declarationsPage(v);
    return;
  }
  const topic = VOLUNTEER_TOPICS.find((t) => t.slug === slug);
  if (!topic) {
    notFoundPage();
    return;
  }
  const a = volunteerAttempt(v.slug);
  const change = new URLSearchParams(location.search).get("change");
  const changing = change !== null;
  const title = topic.title;
  const controls = topic.questions.map((q) => questionControl(q, a.raw, visible(v, a)));
  const fields: Record<string, Field> = Object.fromEntries(controls.map((c) => [c.question.key, c.field]));
  const summary = h("div");
  const page = form(
    location.pathname,
    ...controls.map((c) => c.field.group),
    submitButton(changing ? "Save and go back to your answers" : "Continue"),
  );
  onSubmit(page, async () => {
    saveVolunteerAnswers(a, Object.fromEntries(controls.map((c) => [c.question.key, c.read()])));
    const problems = topicProblems(topic.questions, a.raw, v.rules, todayInLondon());
    if (problems.length > 0) return showProblems(summary, volunteerTitle(v, title), fields, problems);
    navigate(afterPage(v, a, slug, changing));
  });
  showPage(
    volunteerTitle(v, title),
    backLink(changing ? pathOf(v, "check") : neighbours(v, slug).previous),
    twoThirds(
      summary,
      volunteerCaption(),
      h("h1", { class: "govuk-heading-l" }, title),
      topic.intro ? h("p", { class: "govuk-body" }, topic.intro) : null,
      page,
    ),
  );
  const focus = change && fields[change] ? document.getElementById(fields[change].id) : null;
  focus?.focus();
}

/** The declarations: one group of checkboxes, each of which must be ticked. */
function declarationsPage(v: VolunteerContext): void {
  const a = volunteerAttempt(v.slug);
  const changing = new URLSearchParams(location.search).has("change");
  const title = DECLARATIONS_TITLE;
  const field = checkboxes({
    id: "declarations",
    legend: "Tick each statement to confirm it",
    legendClass: "govuk-fieldset__legend--s",
    options: DECLARATIONS.map((d) => ({ value: d.key, label: typeof d.label === "string" ? d.label : d.short })),
    values: DECLARATIONS.filter((d) => a.raw[d.key] === "yes").map((d) => d.key),
  });
  const summary = h("div");
  const page = form(
    location.pathname,
    field.group,
    submitButton(changing ? "Save and go back to your answers" : "Continue"),
  );
  onSubmit(page, async () => {
    const ticked = field.values();
    saveVolunteerAnswers(a, Object.fromEntries(DECLARATIONS.map((d) => [d.key, ticked.includes(d.key) ? "yes" : ""])));
    const problems = topicProblems(DECLARATIONS, a.raw, v.rules, todayInLondon());
    if (problems.length > 0) {
      // One group, one message: the first statement left unticked.
      return showProblems(summary, volunteerTitle(v, title), { declarations: field }, [
        { key: "declarations", message: problems[0]?.message ?? "" },
      ]);
    }
    navigate(afterPage(v, a, DECLARATIONS_SLUG, changing));
  });
  showPage(
    volunteerTitle(v, title),
    backLink(changing ? pathOf(v, "check") : neighbours(v, DECLARATIONS_SLUG).previous),
    twoThirds(
      summary,
      volunteerCaption(),
      h("h1", { class: "govuk-heading-l" }, title),
      h(
        "p",
        { class: "govuk-body" },
        "Independent Visitors spend time alone with children, so the scheme makes the checks the law asks of anyone who does. Your answers are kept securely and seen only by the scheme's staff.",
      ),
      page,
    ),
  );
}

/** A summary-list stand-in for each question, so the error summary on "check your answers" links to its "Change" link. */
function changeLinkFields(keys: readonly string[]): Record<string, Field> {
  return Object.fromEntries(
    keys.map((key) => [key, { id: `change-${controlId(key)}`, group: h("div"), setError: () => {} } satisfies Field]),
  );
}

const declarationsTopic: Topic = { slug: DECLARATIONS_SLUG, title: DECLARATIONS_TITLE, questions: DECLARATIONS };

export function volunteerCheckPage(v: VolunteerContext): void {
  const a = volunteerAttempt(v.slug);
  if (Object.keys(a.raw).length === 0) {
    navigate(v.base, { replace: true });
    return;
  }
  const title = "Check your answers before sending your application";
  const topics = [...VOLUNTEER_TOPICS, declarationsTopic];
  const fields = changeLinkFields(topics.flatMap((t) => t.questions.map((q) => q.key)));
  const summary = h("div");
  const sections = topics.map((topic) => [
    h("h2", { class: "govuk-heading-m" }, topic.title),
    summaryList(
      topic.questions.map((q) => ({
        key: (typeof q.label === "string" ? q.label : q.short).replace(/ \(optional\)$/, ""),
        value:
          topic === declarationsTopic
            ? a.raw[q.key] === "yes"
              ? "Confirmed"
              : "Not confirmed"
            : q.kind === "textarea"
              ? multiline(answerText(q, a.raw[q.key], formatDate))
              : answerText(q, a.raw[q.key], formatDate),
        action: {
          href: `${pathOf(v, topic.slug)}?change=${encodeURIComponent(q.key)}`,
          hidden: q.short,
          id: `change-${controlId(q.key)}`,
        },
      })),
    ),
  ]);
  const email = (a.raw["contact.email"] ?? "").trim();
  const send = form(location.pathname, submitButton("Send application"));
  onSubmit(send, async () => {
    const problems = applicationProblemsOf(a.raw, v.rules, todayInLondon());
    if (problems.length > 0) return showProblems(summary, volunteerTitle(v, title), fields, problems);
    a.idempotencyKey ??= newIdempotencyKey();
    try {
      const receipt = await submitVolunteerApplication(
        v.slug,
        assembleApplication(a.raw) as SubmitVolunteerApplication,
        a.idempotencyKey,
      );
      finishVolunteerAttempt(a, { reference: receipt.reference, email });
      navigate(pathOf(v, "done"), { replace: true });
    } catch (error) {
      showProblems(summary, volunteerTitle(v, title), fields, sendProblems(error, a));
    }
  });
  showPage(
    volunteerTitle(v, title),
    backLink(pathOf(v, DECLARATIONS_SLUG)),
    twoThirds(
      summary,
      volunteerCaption(),
      h("h1", { class: "govuk-heading-l" }, title),
      ...sections.flat(),
      h("h2", { class: "govuk-heading-m" }, "Now send your application"),
      h(
        "p",
        { class: "govuk-body" },
        "We will send a confirmation to ",
        breakable(email),
        ". After your home visit we will e-mail your referees a link to a short reference form.",
      ),
      send,
    ),
  );
  const problems = applicationProblemsOf(a.raw, v.rules, todayInLondon());
  if (problems.length > 0) showProblems(summary, volunteerTitle(v, title), fields, problems);
}

/** The API's refusal as problems: field errors link to their "Change" links; anything else says what to do. */
export function sendProblems(error: unknown, a: Pick<VolunteerAttempt, "idempotencyKey">): Problem[] {
  if (!(error instanceof ApiError)) return [{ message: "Sorry, the application could not be sent. Try again" }];
  if (error.fields.length > 0) return error.fields.map((f) => ({ key: keyFromApiPath(f.path), message: f.message }));
  if (error.code === "idempotency_key_reused") {
    a.idempotencyKey = null;
    return [{ message: "Your answers changed since you first sent them. Send the application again" }];
  }
  return [{ message: error.message }];
}

export function volunteerDonePage(v: VolunteerContext): void {
  const a = volunteerAttempt(v.slug);
  const receipt = a.receipt;
  if (!receipt) {
    navigate(v.base, { replace: true });
    return;
  }
  const title = "Application sent";
  showPage(
    volunteerTitle(v, title),
    twoThirds(
      confirmationPanel(title, "Your reference number", h("br"), h("strong", {}, receipt.reference)),
      h(
        "p",
        { class: "govuk-body" },
        "We have sent a confirmation to ",
        breakable(receipt.email),
        ". Keep the reference number: quote it if you contact the scheme.",
      ),
      h("h2", { class: "govuk-heading-m" }, "What happens next"),
      h(
        "p",
        { class: "govuk-body" },
        "A coordinator will contact you to arrange a visit at home to talk about the role. After the visit we e-mail your referees a link to a short reference form.",
      ),
      contactDetails(v.council),
    ),
  );
}

export type { RawAnswers };
