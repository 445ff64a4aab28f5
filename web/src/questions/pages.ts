/**
 * The question pages a form is made of, from its description: one page per topic with "Continue",
 * "check your answers" with "Change" links that come back to it, and a one-page form for short
 * ones. The error summary, the page title's "Error:", answers kept on the page and in memory, and
 * the save-and-return hook are the same for every form.
 */
import { newIdempotencyKey } from "../api/client";
import { backLink, multiline, summaryList } from "../components";
import { type Child, h } from "../dom";
import { checkboxes, type Field, form, onSubmit, type Problem, showProblems, submitButton } from "../forms";
import { formatDateIn, t } from "../i18n";
import { showPage, showPageInParts, twoThirds } from "../layout";
import { notFoundPage } from "../pages/not-found";
import { navigate } from "../router";
import { type KeyedProblem, todayInLondon } from "./answers";
import { controlId, type QuestionControl, questionControl } from "./controls";
import { nextStep, previousStep, type Step } from "./flow";
import { type Attempt, ownProblems, type QuestionForm, saveAnswers } from "./form";
import {
  type AnswerContext,
  allTopics,
  answerText,
  countKey,
  itemCount,
  itemOf,
  labelOf,
  type Question,
  type RawAnswers,
  type Topic,
  visibleQuestions,
  visibleTopics,
} from "./model";
import { type RefusalWords, refusalProblems } from "./refusal";
import { drawnQuestions, type Placement, placements } from "./reveal";

/** How a form's pages look and where they live. */
export interface FormPages<C extends AnswerContext> {
  form: QuestionForm<C>;
  attempt(): Attempt;
  context(raw: RawAnswers): C;
  paths: { start: string; page(slug: string): string; check: string };
  /** The document title for a page's own title ("Care status – Refer a child"; `setTitle` adds the council). */
  title(page: string): string;
  caption: string;
  /** Who collects the answers and where their privacy notice is: shown on a page whose topic is `sensitive`. */
  privacy?: { controller: string; href: string };
  refusal: RefusalWords;
  /** Save and return: offers "Save and come back later" on each page, and is called with the page's path. */
  save?(from: string): void;
  /** A one-page form (no "check your answers"): what is around its questions, and the button that sends. */
  onePage?: { button: string; lead?: Child[]; end?: Child[] };
  check?: {
    title: string;
    sendHeading: string;
    /** What happens on sending, under the heading. */
    send(raw: RawAnswers): Child[];
    button: string;
  };
}

function pathOf<C extends AnswerContext>(p: FormPages<C>, step: Step): string {
  if (step.to === "start") return p.paths.start;
  if (step.to === "check") return p.paths.check;
  return step.change ? `${p.paths.page(step.slug)}?change=1` : p.paths.page(step.slug);
}

/** Sends under the attempt's idempotency key (a new one after a change); a refusal becomes problems to show. */
async function send<C extends AnswerContext>(
  p: FormPages<C>,
  a: Attempt,
  c: C,
  show: (problems: Problem[]) => void,
): Promise<void> {
  a.idempotencyKey ??= newIdempotencyKey();
  try {
    await p.form.submit(a, c, a.idempotencyKey);
  } catch (error) {
    show(refusalProblems(error, a, p.refusal));
  }
}

/** Every problem on every page the form asks now: where "resume" and a change go next. */
async function pageProblems<C extends AnswerContext>(p: FormPages<C>, raw: RawAnswers): Promise<KeyedProblem[]> {
  const c = p.context(raw);
  const today = todayInLondon();
  const pages = await Promise.all(visibleTopics(p.form.topics, c).map((t) => p.form.schema.page(t, raw, c, today)));
  return pages.flat();
}

/**
 * Where to carry on with answers that came back (a saved draft): the first page with a problem, else
 * the check page. A form whose checks load on use is judged by the engine's own checks here; what
 * only its full checks find is shown when the referrer presses "Send" on check your answers.
 */
export async function resumePath<C extends AnswerContext>(p: FormPages<C>): Promise<string> {
  const raw = p.attempt().raw;
  const problems = p.form.schema.loadedOnUse
    ? ownProblems(p.form.topics, raw, p.context(raw))
    : await pageProblems(p, raw);
  return pathOf(p, nextStep(visibleTopics(p.form.topics, p.context(raw)), "", { problems }));
}

/**
 * A page's controls. A run of checkbox questions (declarations, say) is one group of checkboxes
 * with one message, the first box left unticked.
 */
function pageControls<C extends AnswerContext>(questions: readonly Question<C>[], raw: RawAnswers, c: C) {
  const boxes = questions.filter((q) => q.kind === "checkbox");
  const controls = questions.filter((q) => q.kind !== "checkbox").map((q) => questionControl(q, raw, c));
  const group =
    boxes.length > 1
      ? checkboxes({
          id: controlId(boxes[0]?.key.split(".")[0] ?? "confirm"),
          legend: t("form.tickEach"),
          legendClass: "govuk-fieldset__legend--s",
          options: boxes.map((q) => ({ value: q.key, label: labelOf(q, c) })),
          values: boxes.filter((q) => raw[q.key] === "yes").map((q) => q.key),
        })
      : null;
  const single = boxes.length === 1 ? boxes.map((q) => questionControl(q, raw, c)) : [];
  const all: QuestionControl[] = [...controls, ...single];
  const fields: Record<string, Field> = Object.fromEntries(all.map((ctl) => [ctl.question.key, ctl.field]));
  if (group) for (const q of boxes) fields[q.key] = group;
  return {
    groups: [...questions.map((q) => all.find((ctl) => ctl.question === q)?.field.group), group?.group],
    fields,
    read(): RawAnswers {
      const typed: RawAnswers = Object.fromEntries(all.map((ctl) => [ctl.question.key, ctl.read()]));
      const ticked = group?.values() ?? [];
      if (group) for (const q of boxes) typed[q.key] = ticked.includes(q.key) ? "yes" : "";
      return typed;
    },
    files(): [string, File][] {
      return all.flatMap((ctl) => {
        const file = ctl.file?.();
        return file ? [[ctl.question.key, file] as [string, File]] : [];
      });
    },
    /** One message per field: a group of checkboxes shows only its first. */
    shown(problems: readonly KeyedProblem[]): Problem[] {
      const seen = new Set<Field>();
      return problems.filter((pr) => {
        const field = pr.key === undefined ? undefined : fields[pr.key];
        if (!field) return true;
        if (seen.has(field)) return false;
        seen.add(field);
        return true;
      });
    },
  };
}

/** One topic's page. `?change=…` comes from "check your answers": focus that question and go back there after. */
export function topicPage<C extends AnswerContext>(p: FormPages<C>, slug: string): void {
  const a = p.attempt();
  const c = p.context(a.raw);
  const pages = visibleTopics(p.form.topics, c);
  const topic = pages.find((t) => t.slug === slug);
  if (!topic) {
    // A page the form does not ask (now): the manager's page once the child is in area, say.
    const known = allTopics(p.form.topics).some((t) => t.slug === slug);
    if (known && p.check) navigate(p.paths.check, { replace: true });
    else notFoundPage();
    return;
  }
  const change = new URLSearchParams(location.search).get("change");
  const changing = change !== null;
  const onePage = p.onePage ?? null;
  const plan = placements(topic.questions, a.raw, p.context);
  const controls = pageControls(drawnQuestions(topic.questions, plan), a.raw, c);
  const revealed = revealing(plan, controls.fields, controls.groups);
  const summary = h("div");
  const button = (text: string, name: string) =>
    h(
      "button",
      {
        type: "submit",
        name,
        value: "1",
        class: "govuk-button govuk-button--secondary",
        "data-module": "govuk-button",
      },
      text,
    );
  const item = itemOf(p.form.topics, slug);
  const addAnother =
    item?.topic.repeat &&
    item.index === itemCount(item.topic.repeat, a.raw[countKey(item.topic)]) - 1 &&
    item.index + 1 < item.topic.repeat.max
      ? button(t("form.addAnother", { noun: item.topic.repeat.noun }), "add")
      : null;
  const save = p.save ? button(t("form.saveAndReturn"), "save") : null;
  const page = form(
    location.pathname,
    ...revealed.children,
    ...(onePage?.end ?? []),
    h(
      "div",
      { class: "govuk-button-group" },
      submitButton(onePage ? onePage.button : changing ? t("form.saveAndBack") : t("form.continue")),
      addAnother,
      save,
    ),
  );
  let pressed: Element | null = null;
  // Registered before onSubmit's listener, so the handler knows which button sent the form.
  page.addEventListener("submit", (event) => {
    pressed = event.submitter;
  });
  const title = p.title(topic.title);
  const reveal = () => showRevealed(revealed.hosts, topic, p.context({ ...a.raw, ...controls.read() }));
  page.addEventListener("change", reveal);
  reveal();
  onSubmit(page, async () => {
    saveAnswers(a, controls.read());
    for (const [key, file] of controls.files()) {
      a.files ??= new Map();
      a.files.set(key, file);
    }
    if (save && pressed === save) {
      p.save?.(location.pathname);
      return;
    }
    const now = p.context(a.raw);
    // Only what is asked now is checked: a question hidden again keeps its answer but is not asked.
    const asked = { ...topic, questions: visibleQuestions(topic, now) };
    const problems = await p.form.schema.page(asked, a.raw, now, todayInLondon());
    if (problems.length > 0) return showProblems(summary, title, controls.fields, controls.shown(problems));
    if (item && addAnother && pressed === addAnother) {
      saveAnswers(a, { [countKey(item.topic)]: String(item.index + 2) });
      navigate(p.paths.page(`${item.topic.slug}-${item.index + 2}`));
      return;
    }
    if (onePage) {
      return send(p, a, now, (problems) => showProblems(summary, title, controls.fields, problems));
    }
    const after = visibleTopics(p.form.topics, now);
    navigate(pathOf(p, nextStep(after, topic.slug, changing ? { problems: await pageProblems(p, a.raw) } : null)));
  });
  const back = onePage ? null : backLink(changing ? p.paths.check : pathOf(p, previousStep(pages, topic.slug)));
  showPage(
    title,
    back,
    twoThirds(
      summary,
      h("span", { class: "govuk-caption-l" }, p.caption),
      h("h1", { class: "govuk-heading-l" }, topic.title),
      topic.intro ? h("p", { class: "govuk-body" }, topic.intro) : null,
      topic.sensitive && p.privacy ? sensitiveNotice(topic.sensitive, p.privacy) : null,
      ...(onePage?.lead ?? []),
      page,
    ),
  );
  const focus = change && controls.fields[change] ? document.getElementById(controls.fields[change].id) : null;
  focus?.focus();
}

/**
 * The page's fields in order, each question revealed by a choice on the page moved under the option
 * that reveals it (GOV.UK's conditional reveal: `govuk-radios__conditional`, the radio's
 * `aria-controls` naming it) or, revealed by several options, wrapped in its place to show and hide.
 */
function revealing(
  plan: ReadonlyMap<string, Placement>,
  fields: Record<string, Field>,
  groups: readonly (HTMLElement | undefined)[],
): { children: (HTMLElement | undefined)[]; hosts: Map<string, HTMLElement> } {
  const children = [...groups];
  const hosts = new Map<string, HTMLElement>();
  for (const [key, place] of plan) {
    const field = fields[key];
    if (place.kind !== "revealed" || !field) continue;
    const at = children.indexOf(field.group);
    const host = h("div", { id: `conditional-${field.id}` }, field.group);
    hosts.set(key, host);
    const input = place.nested
      ? fields[place.by]?.group.querySelector<HTMLInputElement>(`input[value="${CSS.escape(place.values[0] ?? "")}"]`)
      : null;
    const item = input?.closest(".govuk-radios__item");
    if (input && item) {
      host.className = "govuk-radios__conditional";
      input.setAttribute("aria-controls", host.id);
      item.after(host);
      if (at >= 0) children[at] = undefined;
    } else if (at >= 0) children[at] = host;
  }
  return { children, hosts };
}

/** Shows each revealable question whose condition holds with the answers on the page now, hides the rest. */
function showRevealed<C extends AnswerContext>(hosts: ReadonlyMap<string, HTMLElement>, topic: Topic<C>, c: C): void {
  for (const q of topic.questions) {
    const host = hosts.get(q.key);
    if (!host) continue;
    const shown = q.when?.(c) ?? true;
    if (host.classList.contains("govuk-radios__conditional"))
      host.classList.toggle("govuk-radios__conditional--hidden", !shown);
    else host.hidden = !shown;
  }
}

/** Why a page asks for sensitive information, and where the privacy notice says what happens to it. */
function sensitiveNotice(what: string, privacy: { controller: string; href: string }): HTMLElement {
  return h(
    "div",
    { class: "govuk-inset-text" },
    h(
      "p",
      { class: "govuk-body" },
      t("form.sensitive", { what, controller: privacy.controller }),
      h("a", { href: privacy.href, class: "govuk-link", target: "_blank", rel: "noopener" }, t("form.sensitiveLink")),
      t("form.sensitiveEnd"),
    ),
  );
}

/** A summary-list stand-in for each question, so the error summary on "check your answers" links to its "Change" link. */
function changeLinkFields(keys: readonly string[]): Record<string, Field> {
  return Object.fromEntries(
    keys.map((key) => [key, { id: `change-${controlId(key)}`, group: h("div"), setError: () => {} } satisfies Field]),
  );
}

/** The label without the "(optional)" a question page needs and a summary does not. */
const summaryKey = (label: string) =>
  label.replace(
    /\s\((optional|you can leave this empty|if you have one|if you know it|dewisol|gelli di adael hwn yn wag|os oes gen ti un|os wyt ti'n ei wybod)\)$/,
    "",
  );

/**
 * About a phone's screen of answers (on a phone each row is its question, its answer and its "Change"
 * link, one under the other): check your answers is drawn this many rows at a time (`inParts`).
 */
const ROWS_A_PART = 10;

/**
 * The topics' headings and answers in parts of at least `rows` rows each, whole topics only; the last
 * part takes what is left. The page's first part is a phone's first screen and more.
 */
function inParts(sections: readonly { rows: number; nodes: HTMLElement[] }[], rows: number): HTMLElement[][] {
  const parts: HTMLElement[][] = [[]];
  let count = 0;
  for (const section of sections) {
    if (count >= rows) {
      parts.push([]);
      count = 0;
    }
    parts[parts.length - 1]?.push(...section.nodes);
    count += section.rows;
  }
  return parts;
}

/** Check your answers: every page's answers with "Change" links, then send. */
export function checkPage<C extends AnswerContext>(p: FormPages<C>): void {
  const check = p.check;
  if (!check) {
    notFoundPage();
    return;
  }
  const a = p.attempt();
  if (Object.keys(a.raw).length === 0) {
    navigate(p.paths.start, { replace: true });
    return;
  }
  const c = p.context(a.raw);
  const pages = visibleTopics(p.form.topics, c);
  const title = p.title(check.title);
  const fields = changeLinkFields(pages.flatMap((t) => visibleQuestions(t, c).map((q) => q.key)));
  const summary = h("div");
  const sections = pages.map((topic) => {
    const questions = visibleQuestions(topic, c);
    return {
      rows: questions.length,
      nodes: [
        h("h2", { class: "govuk-heading-m" }, topic.title),
        summaryList(
          questions.map((q) => {
            const text = answerText(q, a.raw[q.key], formatDateIn);
            return {
              key: summaryKey(labelOf(q, c)),
              value: q.kind === "textarea" ? multiline(text) : text,
              action: {
                href: `${p.paths.page(topic.slug)}?change=${encodeURIComponent(q.key)}`,
                hidden: q.short,
                id: `change-${controlId(q.key)}`,
              },
            };
          }),
        ),
      ],
    };
  });
  const sending = form(location.pathname, submitButton(check.button));
  onSubmit(sending, async () => {
    const now = p.context(a.raw);
    const problems = await p.form.schema.all(a.raw, now, todayInLondon());
    if (problems.length > 0) return showProblems(summary, title, fields, problems);
    await send(p, a, now, (problems) => showProblems(summary, title, fields, problems));
  });
  const parts = inParts(sections, ROWS_A_PART);
  parts[parts.length - 1]?.push(
    h("h2", { class: "govuk-heading-m" }, check.sendHeading),
    h("p", { class: "govuk-body" }, ...check.send(a.raw)),
    sending,
  );
  const last = pages[pages.length - 1];
  showPageInParts(title, [
    [
      backLink(last ? p.paths.page(last.slug) : p.paths.start),
      twoThirds(
        summary,
        h("span", { class: "govuk-caption-l" }, p.caption),
        h("h1", { class: "govuk-heading-l" }, check.title),
        ...parts.flat(),
      ),
    ],
    ...parts.slice(1),
  ]);
  // Arriving with problems (a saved draft, an address typed in): say so at once. Checks that load on
  // use wait for "Send" (see `loadedOnUse`); the engine's own are at hand.
  const arriving = p.form.schema.loadedOnUse
    ? ownProblems(p.form.topics, a.raw, c)
    : p.form.schema.all(a.raw, c, todayInLondon());
  void Promise.resolve(arriving).then((problems) => {
    if (problems.length > 0) showProblems(summary, title, fields, problems);
  });
}
