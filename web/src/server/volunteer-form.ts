/**
 * The volunteer application drawn as HTML by the public function, for a browser without JavaScript
 * (ADR 15), as `referral-form.ts` draws the referral: the SPA's own topics (`public/volunteer/questions.ts`,
 * worded for the council's rules and language) and checks (`validate.ts` on the domain's zod schemas);
 * only the drawing is here. Answers travel in hidden fields; each page posts to its own address.
 */
import { formatDateIn, ruleMessage, t, useLanguage } from "../i18n";
import { applicationTopicsIn } from "../public/volunteer/questions";
import {
  type ApplicationRules,
  applicationProblemsOf,
  assembleApplication,
  keyFromApiPath,
  topicProblems,
} from "../public/volunteer/validate";
import type { KeyedProblem } from "../questions/answers";
import { allTopics, answerText, labelOf, type Topic, visibleQuestions, visibleTopics } from "../questions/model";
import {
  answersFrom,
  button,
  carriedFields,
  controlHtml,
  errorSummary,
  esc,
  firstInputId,
  hidden,
  KEY_FIELD,
  noSuchPage,
  p,
  REVIEW_FIELD,
  twoThirds,
} from "./html";
import type { HtmlPage, Refused } from "./referral-form";

export interface VolunteerFormRequest {
  slug: string;
  /** The last part of the address: a topic's slug ("referee-2" for the second referee), "check", or "" for the start. */
  page: string;
  fields: Readonly<Record<string, string>>;
  language: "en" | "cy";
  councilName: string;
  contact: { email: string; phone: string };
  rules: ApplicationRules;
  today: string;
}

export interface VolunteerFormPorts {
  /** The application as the JSON route takes it (`SubmitVolunteerApplication`), sent once under its key. */
  submit(body: Record<string, unknown>, idempotencyKey: string): Promise<{ ok: true; reference: string } | Refused>;
}

const CHANGE_FIELD = "_change";
const RETURN_FIELD = "_return";

export async function volunteerFormPage(req: VolunteerFormRequest, ports: VolunteerFormPorts): Promise<HtmlPage> {
  await useLanguage(req.language);
  const form = new Application(req);
  const pages = form.pages();
  const known = new Set(["", "check", ...allTopics(form.topics).map((x) => x.slug)]);
  if (!known.has(req.page)) return form.noPage();
  // The noscript button posts nothing but the address: the form starts at its first page.
  if (!req.fields[KEY_FIELD]) return form.topicPage(pages[0] as Topic, [], false);
  const change = pages.find((x) => x.slug === req.fields[CHANGE_FIELD]);
  if (change) return form.topicPage(change, [], true);
  if (req.page === "check") return req.fields[REVIEW_FIELD] ? form.checkPage([]) : form.send(ports);
  const topic = pages.find((x) => x.slug === req.page);
  if (!topic) return form.checkPage([]);
  const returning = req.fields[RETURN_FIELD] === "check";
  const problems = topicProblems(topic.questions, form.raw, req.rules, req.today);
  if (problems.length > 0) return form.topicPage(topic, problems, returning);
  const next = returning ? undefined : pages[pages.indexOf(topic) + 1];
  return next ? form.topicPage(next, [], false) : form.checkPage([]);
}

class Application {
  readonly topics: readonly Topic[];
  readonly raw: Record<string, string>;
  readonly key: string;

  constructor(private readonly req: VolunteerFormRequest) {
    this.topics = applicationTopicsIn(req.rules);
    this.raw = answersFrom(req.fields, allTopics(this.topics));
    this.key = req.fields[KEY_FIELD] || crypto.randomUUID();
  }

  pages(): Topic[] {
    return visibleTopics(this.topics, { raw: this.raw });
  }

  private path(page: string): string {
    const base = `/${encodeURIComponent(this.req.slug)}/volunteer${page ? `/${page}` : ""}`;
    return this.req.language === "cy" ? `${base}?lang=cy` : base;
  }

  private page(title: string, problems: boolean, ...main: string[]): HtmlPage {
    const full = `${t("apply.pageTitle", { title })} – ${this.req.councilName}`;
    return {
      title: problems ? `${t("shell.errorPrefix")}${full}` : full,
      main: twoThirds(...main),
      language: this.req.language,
    };
  }

  private carried(except: ReadonlySet<string>): string {
    return carriedFields(this.key, this.raw, except);
  }

  private get caption(): string {
    return `<span class="govuk-caption-l">${esc(t("volunteer.title"))}</span>`;
  }

  noPage(): HtmlPage {
    const back = this.req.fields[KEY_FIELD] ? { action: this.path("check"), carried: this.carried(new Set()) } : null;
    return { ...this.page(t("council.notFoundTitle"), false, ...noSuchPage(this.path(""), back)), status: 404 };
  }

  topicPage(topic: Topic, problems: readonly KeyedProblem[], returning: boolean): HtmlPage {
    const questions = visibleQuestions(topic, { raw: this.raw });
    const kinds = new Map(questions.map((q) => [q.key, q.kind]));
    const errorOf = (key: string) => problems.find((x) => x.key === key)?.message;
    const sensitive = topic.sensitive
      ? `<p class="govuk-body">${esc(t("form.sensitive", { what: topic.sensitive, controller: this.req.councilName }))}<a class="govuk-link" href="/${esc(this.req.slug)}/privacy" target="_blank" rel="noopener">${esc(t("form.sensitiveLink"))}</a>${esc(t("form.sensitiveEnd"))}</p>`
      : "";
    return this.page(
      topic.title,
      problems.length > 0,
      errorSummary(
        problems.map((x) => ({
          message: x.message,
          href: x.key && kinds.has(x.key) ? `#${firstInputId(kinds.get(x.key) ?? "", x.key)}` : undefined,
        })),
      ),
      `<form method="post" action="${esc(this.path(topic.slug))}" novalidate>`,
      this.caption,
      `<h1 class="govuk-heading-l">${esc(topic.title)}</h1>`,
      topic.intro ? p(topic.intro) : "",
      sensitive,
      ...questions.map((q) =>
        controlHtml({ ...q, label: labelOf(q, { raw: this.raw }) }, this.raw[q.key] ?? "", errorOf(q.key)),
      ),
      this.carried(new Set(questions.map((q) => q.key))),
      returning ? hidden(RETURN_FIELD, "check") : "",
      button(returning ? t("form.saveAndBack") : t("form.continue")),
      "</form>",
    );
  }

  checkPage(problems: readonly KeyedProblem[]): HtmlPage {
    const c = { raw: this.raw };
    const sections = this.pages().map((topic) => {
      const rows = visibleQuestions(topic, c).map((q) => {
        const change = `<button type="submit" name="${CHANGE_FIELD}" value="${esc(topic.slug)}" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">${esc(t("form.change"))}<span class="govuk-visually-hidden"> ${esc(q.short)}</span></button>`;
        const answer = answerText(q, this.raw[q.key], formatDateIn);
        return `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${esc(labelOf(q, c))}</dt><dd class="govuk-summary-list__value govuk-!-text-break-word">${esc(answer)}</dd><dd class="govuk-summary-list__actions">${change}</dd></div>`;
      });
      return `<h2 class="govuk-heading-m">${esc(topic.title)}</h2><dl class="govuk-summary-list">${rows.join("")}</dl>`;
    });
    const email = (this.raw["contact.email"] ?? "").trim();
    return this.page(
      t("apply.checkTitle"),
      problems.length > 0,
      errorSummary(problems.map((x) => ({ message: x.message }))),
      `<form method="post" action="${esc(this.path("check"))}" novalidate>`,
      this.caption,
      `<h1 class="govuk-heading-l">${esc(t("apply.checkTitle"))}</h1>`,
      ...sections,
      `<h2 class="govuk-heading-m">${esc(t("apply.sendHeading"))}</h2>`,
      `<p class="govuk-body govuk-!-text-break-word">${esc(t("apply.sendConfirm"))}${esc(email)}${esc(t("apply.sendConfirmEnd"))}</p>`,
      this.carried(new Set()),
      button(t("apply.sendButton"), `name="_send" value="1"`),
      "</form>",
    );
  }

  /** Checks everything as the SPA does before sending, then sends once under the form's key. */
  async send(ports: VolunteerFormPorts): Promise<HtmlPage> {
    const problems = applicationProblemsOf(this.raw, this.req.rules, this.req.today);
    if (problems.length === 0) {
      const body = { ...assembleApplication(this.raw), language: this.req.language };
      const sent = await ports.submit(body, this.key);
      await useLanguage(this.req.language);
      if (sent.ok) return this.donePage(sent.reference);
      problems.push(
        ...sent.problems.map((x) => ({
          key: x.path ? keyFromApiPath(x.path) : undefined,
          message: ruleMessage(x.message),
        })),
      );
    }
    // As the SPA does: back to the first page with a problem, its problems shown there.
    const first = this.pages().find((x) => problems.some((pr) => x.questions.some((q) => q.key === pr.key)));
    return first ? this.topicPage(first, problems, true) : this.checkPage(problems);
  }

  donePage(reference: string): HtmlPage {
    const title = t("apply.sentTitle");
    const email = (this.raw["contact.email"] ?? "").trim();
    const { contact } = this.req;
    const ways = [
      contact.email ? `${esc(t("council.email"))}: ${esc(contact.email)}` : "",
      contact.phone ? `${esc(t("council.phone"))}: ${esc(contact.phone)}` : "",
    ].filter(Boolean);
    return this.page(
      title,
      false,
      `<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">${esc(title)}</h1><div class="govuk-panel__body">${esc(t("apply.yourReference"))}<br><strong class="tandem-reference">${esc(reference)}</strong></div></div>`,
      `<p class="govuk-body govuk-!-text-break-word">${esc(t("apply.sentTo"))}${esc(email)}${esc(t("apply.sentToEnd"))}</p>`,
      `<h2 class="govuk-heading-m">${esc(t("apply.next"))}</h2>`,
      p(t("apply.nextText")),
      ways.length
        ? `<h2 class="govuk-heading-m">${esc(t("council.contactHeading"))}</h2><ul class="govuk-list govuk-!-text-break-word">${ways.map((w) => `<li>${w}</li>`).join("")}</ul>`
        : "",
    );
  }
}
