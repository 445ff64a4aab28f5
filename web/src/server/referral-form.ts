/**
 * The professional's referral form drawn as HTML by the public function, for a browser without
 * JavaScript (ADR 15). The questions, their words (English or Welsh) and their checks are the SPA's
 * own (`public/refer/questions.ts`, `validate.ts` on the domain's zod schemas); only the drawing is
 * here. Answers given so far travel in hidden fields of each page's form: nothing is kept between
 * pages on the server or in the browser beyond the page itself.
 *
 * Each page's form posts to its own address; the answer is the next page. The API's side (tenant,
 * rate limits, sending, verifying) comes in through `FormPorts`, so this module stays free of AWS.
 */
import type { ReferralForm, ReferralReceipt, SubmitReferral } from "@tandem/contracts/referrals";
import { formatDateIn, ruleMessage, t, useLanguage } from "../i18n";
import { keyFromApiPath } from "../public/refer/drafted";
import { referralTopics, selfTopics, type Topic, type VisibleContext } from "../public/refer/questions";
import {
  assembleReferral,
  assembleSelfReferral,
  referralProblems,
  selfReferralProblems,
  selfTopicProblems,
  topicProblems,
} from "../public/refer/validate";
import type { KeyedProblem } from "../questions/answers";
import { allTopics, answerText, labelOf, visibleQuestions, visibleTopics } from "../questions/model";
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

export interface FormRequest {
  slug: string;
  /** A professional's referral (`/{slug}/refer/…`) or a young person's own (`/{slug}/refer/myself/…`). */
  kind: "professional" | "self";
  /** Whether the council takes young people's own requests (its policy). */
  selfReferralsAccepted: boolean;
  /** The last part of the address: a topic's slug, "check", "check-email", or "" for the start. */
  page: string;
  /** What the page's form posted (application/x-www-form-urlencoded), or nothing from the start page. */
  fields: Readonly<Record<string, string>>;
  language: "en" | "cy";
  councilName: string;
  questions: ReferralForm["questions"];
  today: string;
}

/** An API refusal, in the API's own words: a field path ("answers.child.firstName") where it has one. */
export type Refused = { ok: false; problems: { path?: string; message: string }[] };

export interface FormPorts {
  submit(body: SubmitReferral, idempotencyKey: string): Promise<{ ok: true; receipt: ReferralReceipt } | Refused>;
  verify(reference: string, code: string): Promise<{ ok: true; reference: string; respondBy: string } | Refused>;
}

export interface HtmlPage {
  title: string;
  /** What goes inside `<main>`. */
  main: string;
  language: "en" | "cy";
  /** 404 for an address that names no page of the form; otherwise 200. */
  status?: 404;
}

/** Hidden fields the pages use for themselves, never answers (and KEY_FIELD, from ./html). */
const CHANGE_FIELD = "_change";
const RETURN_FIELD = "_return";
/** On the code page: the request was a young person's own, so the page speaks to them. */
const SELF_FIELD = "_self";
/**
 * The saved draft's token, when the answers came back from its e-mailed link: carried from page to page so
 * the referral sent deletes the draft (the link then says so) rather than leaving the child's answers to its TTL.
 */
export const DRAFT_FIELD = "_draft";

export async function referralFormPage(req: FormRequest, ports: FormPorts): Promise<HtmlPage> {
  await useLanguage(req.language);
  const form = new Pages(req);
  if (req.page === "check-email") return form.checkEmail(ports);
  if (req.kind === "self" && !req.selfReferralsAccepted) return form.selfClosedPage();
  const known = new Set(["", "check", ...allTopics(form.allPages()).map((x) => x.slug)]);
  if (!known.has(req.page)) return form.noPage();
  // The noscript button posts nothing but the address: the form starts (again) at its first page.
  const key = req.fields[KEY_FIELD];
  if (!key) return form.topicPage(form.topics()[0] as Topic, [], false);
  if (req.fields[CHANGE_FIELD]) {
    const topic = form.topics().find((x) => x.slug === req.fields[CHANGE_FIELD]);
    if (topic) return form.topicPage(topic, [], true);
  }
  if (req.page === "check") return req.fields[REVIEW_FIELD] ? form.checkPage([]) : form.send(ports);
  const topic = form.topics().find((x) => x.slug === req.page);
  if (!topic) return form.topicPage(form.topics()[0] as Topic, [], false);
  const problems = form.topicProblems(topic);
  if (problems.length > 0) return form.topicPage(topic, problems, req.fields[RETURN_FIELD] === "check");
  const pages = form.topics();
  const next = req.fields[RETURN_FIELD] === "check" ? undefined : pages[pages.indexOf(topic) + 1];
  return next ? form.topicPage(next, [], false) : form.checkPage([]);
}

/** The confirmation once the e-mail's link has confirmed the referral (`referral-links.ts`). */
export async function referralDonePage(req: FormRequest, reference: string, respondBy: string): Promise<HtmlPage> {
  await useLanguage(req.language);
  return new Pages(req).donePage(reference, respondBy);
}

class Pages {
  readonly raw: Record<string, string>;
  readonly context: VisibleContext;
  readonly key: string;

  constructor(private readonly req: FormRequest) {
    this.raw = answersFrom(req.fields, req.kind === "self" ? selfTopics() : referralTopics());
    this.context = { questions: req.questions, raw: this.raw, councilName: req.councilName };
    this.key = req.fields[KEY_FIELD] || crypto.randomUUID();
  }

  private get self(): boolean {
    return this.req.kind === "self" || this.req.fields[SELF_FIELD] === "1";
  }

  allPages(): readonly Topic[] {
    return this.self ? selfTopics() : referralTopics();
  }

  noPage(): HtmlPage {
    const start = this.path("").replace("/?", "?").replace(/\/$/, "");
    const back = this.req.fields[KEY_FIELD] ? { action: this.path("check"), carried: this.carried(new Set()) } : null;
    return { ...this.page(t("council.notFoundTitle"), false, ...noSuchPage(start, back)), status: 404 };
  }

  topics(): Topic[] {
    return visibleTopics(this.self ? selfTopics() : referralTopics(), this.context);
  }

  topicProblems(topic: Topic): KeyedProblem[] {
    return this.self
      ? selfTopicProblems(topic, this.raw, this.req.today)
      : topicProblems(topic, this.raw, this.context, this.req.today);
  }

  private path(page: string, shared = false): string {
    const query = this.req.language === "cy" ? "?lang=cy" : "";
    const base = this.self && !shared ? "refer/myself" : "refer";
    return `/${encodeURIComponent(this.req.slug)}/${base}/${page}${query}`;
  }

  private get caption(): string {
    return this.self ? t("refer.selfCaption") : t("refer.title");
  }

  selfClosedPage(): HtmlPage {
    const title = t("self.closedTitle");
    return this.page(
      title,
      false,
      `<span class="govuk-caption-l">${esc(this.req.councilName)}</span>`,
      `<h1 class="govuk-heading-l">${esc(title)}</h1>`,
      p(t("self.closed1", { council: this.req.councilName })),
      p(t("self.closed2")),
    );
  }

  private page(title: string, problems: boolean, ...main: string[]): HtmlPage {
    const full = `${t("refer.pageTitle", { title })} – ${this.req.councilName}`;
    return {
      title: problems ? `${t("shell.errorPrefix")}${full}` : full,
      main: twoThirds(...main),
      language: this.req.language,
    };
  }

  private carried(except: ReadonlySet<string>): string {
    const draft = this.draftToken;
    return carriedFields(this.key, this.raw, except) + (draft ? hidden(DRAFT_FIELD, draft) : "");
  }

  /** As the API's submission takes it (1 to 200 characters); anything else is not a draft's token. */
  private get draftToken(): string | undefined {
    const token = this.req.fields[DRAFT_FIELD];
    return token && token.length <= 200 ? token : undefined;
  }

  private summary(problems: readonly KeyedProblem[], kinds: ReadonlyMap<string, string>): string {
    return errorSummary(
      problems.map((x) => ({
        message: x.message,
        href: x.key && kinds.has(x.key) ? `#${firstInputId(kinds.get(x.key) ?? "", x.key)}` : undefined,
      })),
    );
  }

  topicPage(topic: Topic, problems: readonly KeyedProblem[], returning: boolean): HtmlPage {
    const questions = visibleQuestions(topic, this.context);
    const own = new Set(questions.map((q) => q.key));
    const kinds = new Map(questions.map((q) => [q.key, q.kind]));
    const errorOf = (key: string) => problems.find((x) => x.key === key)?.message;
    const controls = questions.map((q) =>
      controlHtml({ ...q, label: labelOf(q, this.context) }, this.raw[q.key] ?? "", errorOf(q.key)),
    );
    const sensitive = topic.sensitive
      ? `<p class="govuk-body">${esc(t("form.sensitive", { what: topic.sensitive, controller: this.req.councilName }))}<a class="govuk-link" href="/${esc(this.req.slug)}/privacy" target="_blank" rel="noopener">${esc(t("form.sensitiveLink"))}</a>${esc(t("form.sensitiveEnd"))}</p>`
      : "";
    return this.page(
      topic.title,
      problems.length > 0,
      this.summary(problems, kinds),
      `<form method="post" action="${esc(this.path(topic.slug))}" novalidate>`,
      `<span class="govuk-caption-l">${esc(this.caption)}</span>`,
      `<h1 class="govuk-heading-l">${esc(topic.title)}</h1>`,
      topic.intro ? p(topic.intro) : "",
      sensitive,
      ...controls,
      this.carried(own),
      returning ? hidden(RETURN_FIELD, "check") : "",
      button(returning ? t("form.saveAndBack") : t("form.continue")),
      "</form>",
    );
  }

  checkPage(problems: readonly KeyedProblem[]): HtmlPage {
    const rows = this.topics()
      .flatMap((topic) => visibleQuestions(topic, this.context).map((q) => ({ topic, q })))
      .map(({ topic, q }) => {
        const answer = answerText(q, this.raw[q.key], formatDateIn);
        const change = `<button type="submit" name="${CHANGE_FIELD}" value="${esc(topic.slug)}" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">${esc(t("form.change"))}<span class="govuk-visually-hidden"> ${esc(q.short)}</span></button>`;
        return `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${esc(q.short.charAt(0).toUpperCase() + q.short.slice(1))}</dt><dd class="govuk-summary-list__value govuk-!-text-break-word">${esc(answer)}</dd><dd class="govuk-summary-list__actions">${change}</dd></div>`;
      });
    const email = this.email;
    const title = this.self ? t("refer.selfCheckTitle") : t("refer.checkTitle");
    const sendWords = !this.self
      ? email
        ? [t("refer.sendConfirm"), email, t("refer.sendConfirmEnd")]
        : [t("refer.sendConfirmNoEmail")]
      : email
        ? [t("refer.selfSendCode"), email, t("refer.selfSendCodeEnd")]
        : [t("refer.selfNoEmail")];
    return this.page(
      title,
      problems.length > 0,
      errorSummary(problems.map((x) => ({ message: x.message }))),
      `<form method="post" action="${esc(this.path("check"))}" novalidate>`,
      `<span class="govuk-caption-l">${esc(this.caption)}</span>`,
      `<h1 class="govuk-heading-l">${esc(title)}</h1>`,
      `<dl class="govuk-summary-list">${rows.join("")}</dl>`,
      `<h2 class="govuk-heading-m">${esc(this.self ? t("refer.selfSendHeading") : t("refer.sendHeading"))}</h2>`,
      `<p class="govuk-body govuk-!-text-break-word">${sendWords.map(esc).join("")}</p>`,
      this.carried(new Set()),
      button(this.self ? t("refer.selfSendButton") : t("refer.sendButton"), `name="_send" value="1"`),
      "</form>",
    );
  }

  private get email(): string {
    return (this.self ? this.raw.email : this.raw["referrer.workEmail"])?.trim() ?? "";
  }

  /** Sends the answers under the form's one idempotency key: a second press files one referral. */
  async send(ports: FormPorts): Promise<HtmlPage> {
    const problems = this.self
      ? selfReferralProblems(this.raw, this.req.today)
      : referralProblems(this.raw, this.context, this.req.today);
    if (problems.length > 0) {
      // As the SPA does: back to the first page with a problem, its problems shown there.
      const pages = this.topics();
      const first = pages.find((x) => problems.some((pr) => x.questions.some((q) => q.key === pr.key)));
      return first ? this.topicPage(first, problems, true) : this.checkPage(problems);
    }
    const draftToken = this.draftToken;
    const body = (
      this.self
        ? { kind: "self", answers: assembleSelfReferral(this.raw), language: this.req.language, draftToken }
        : {
            kind: "professional",
            answers: assembleReferral(this.raw, this.context),
            language: this.req.language,
            draftToken,
          }
    ) as SubmitReferral;
    const sent = await ports.submit(body, this.key);
    await useLanguage(this.req.language);
    if (!sent.ok) {
      return this.checkPage(
        sent.problems.map((x) => ({
          key: x.path ? keyFromApiPath(x.path) : undefined,
          message: ruleMessage(x.message),
        })),
      );
    }
    if (sent.receipt.verification !== "email") {
      return this.donePage(sent.receipt.reference, null, sent.receipt.message);
    }
    return this.codePage(sent.receipt.reference, this.email, [], "");
  }

  codePage(reference: string, email: string, problems: readonly KeyedProblem[], typedCode: string): HtmlPage {
    const title = t("verify.title");
    const kinds = new Map([
      ["reference", "text"],
      ["code", "text"],
    ]);
    const errorOf = (key: string) => problems.find((x) => x.key === key)?.message;
    const codeField = controlHtml(
      {
        key: "code",
        kind: "text",
        label: t("verify.codeLabel"),
        short: "code",
        hint: t("verify.codeHint"),
        autocomplete: "one-time-code",
        widthClass: "govuk-input--width-10",
      },
      typedCode,
      errorOf("code"),
    );
    const referenceField = reference
      ? hidden("reference", reference)
      : controlHtml(
          {
            key: "reference",
            kind: "text",
            label: t("verify.referenceLabel"),
            short: "reference",
            hint: t("verify.referenceHint"),
            widthClass: "govuk-input--width-10",
          },
          "",
          errorOf("reference"),
        );
    return this.page(
      title,
      problems.length > 0,
      this.summary(problems, kinds),
      `<h1 class="govuk-heading-l">${esc(title)}</h1>`,
      email
        ? `<p class="govuk-body govuk-!-text-break-word">${esc(t("verify.sentTo"))}${esc(email)}${esc(t("verify.sentToEnd"))}</p>`
        : p(t("verify.sent")),
      p(this.self ? t("verify.selfWhy") : t("verify.why")),
      reference
        ? `<div class="govuk-inset-text">${esc(t("verify.yourReference"))}<strong class="tandem-reference">${esc(reference)}</strong>${esc(this.self ? t("verify.selfKeep") : t("verify.keep"))}</div>`
        : "",
      `<form method="post" action="${esc(this.path("check-email", true))}" novalidate>`,
      this.self ? hidden(SELF_FIELD, "1") : "",
      referenceField,
      email ? hidden("email", email) : "",
      codeField,
      button(t("verify.confirm")),
      "</form>",
      p(t("verify.notArrived")),
    );
  }

  /** The code typed from the e-mail: the referral reaches the coordinators once it is right. */
  async checkEmail(ports: FormPorts): Promise<HtmlPage> {
    const reference = (this.req.fields.reference ?? "").trim();
    const email = this.req.fields.email ?? "";
    const code = (this.req.fields.code ?? "").trim();
    if (!("code" in this.req.fields)) return this.codePage("", "", [], "");
    const problems: KeyedProblem[] = [];
    if (!reference) problems.push({ key: "reference", message: t("verify.enterReference") });
    if (!code) problems.push({ key: "code", message: t("verify.enterCode") });
    else if (code.replace(/[\s-]/g, "").length !== 8) problems.push({ key: "code", message: t("verify.codeShape") });
    if (problems.length > 0) return this.codePage(reference, email, problems, code);
    const verified = await ports.verify(reference, code);
    await useLanguage(this.req.language);
    if (!verified.ok) {
      const onField = verified.problems.some((x) => x.path);
      const message = onField ? t("verify.codeWrong") : ruleMessage(verified.problems[0]?.message ?? "");
      return this.codePage(reference, email, [{ key: "code", message }], code);
    }
    return this.donePage(verified.reference, verified.respondBy);
  }

  donePage(reference: string, respondBy: string | null, message = ""): HtmlPage {
    const self = this.self;
    const title = self ? t("done.selfTitle") : t("done.title");
    // The API's receipt is in English; in Welsh the page says the same in its own words.
    const receiptWords =
      self && this.req.language === "cy" ? t("done.selfNoEmail", { council: this.req.councilName }) : message;
    return this.page(
      title,
      false,
      `<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">${esc(title)}</h1><div class="govuk-panel__body">${esc(t("done.reference"))}<br><strong class="tandem-reference">${esc(reference)}</strong></div></div>`,
      respondBy ? p(t(self ? "done.selfThanks" : "done.thanks", { council: this.req.councilName })) : "",
      `<h2 class="govuk-heading-m">${esc(t("done.next"))}</h2>`,
      respondBy
        ? `<p class="govuk-body">${esc(self ? t("done.selfHearBy") : t("done.hearBy"))}<strong>${esc(formatDateIn(respondBy))}</strong>.</p>`
        : "",
      !respondBy && receiptWords ? p(receiptWords, "govuk-body govuk-!-text-break-word") : "",
      p(self ? t("done.selfKeep") : t("done.quote")),
    );
  }
}
