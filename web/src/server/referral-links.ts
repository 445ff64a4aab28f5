/**
 * The referral's e-mailed links (`/{slug}/refer/{verify|resume|information}/{token}`) for a browser
 * without JavaScript (ADR 15). Opening a link is a `GET`, the SPA's: without script its notice's
 * button posts to the link's own address, and the answer is drawn here. So a link is used only by
 * that press, never by a mail scanner fetching the address.
 */
import { formatDateTimeIn, t, useLanguage } from "../i18n";
import { rawFromDraft } from "../public/refer/drafted";
import { referralTopics, selfTopics } from "../public/refer/questions";
import { button, controlHtml, errorSummary, esc, hidden, noSuchPage, p, twoThirds } from "./html";
import {
  DRAFT_FIELD,
  type FormPorts,
  type FormRequest,
  type HtmlPage,
  referralDonePage,
  referralFormPage,
} from "./referral-form";

/** What a link's token opens; `null` when the link has been used, has expired or is not known. */
export interface LinkPorts {
  verifyLink(token: string): Promise<{ reference: string; respondBy: string } | null>;
  draft(token: string): Promise<{ kind: "professional" | "self"; answers: Record<string, unknown> } | null>;
  information(token: string): Promise<{ reference: string; question: string; askedAt: string } | null>;
  answer(token: string, answer: string): Promise<{ ok: true } | { ok: false; message: string } | null>;
}

const MAX_ANSWER = 5000;

export async function referralLinkPage(
  req: FormRequest,
  link: { kind: string; token: string },
  ports: FormPorts & LinkPorts,
): Promise<HtmlPage> {
  await useLanguage(req.language);
  const page = (title: string, ...main: string[]): HtmlPage => ({
    title: `${t("refer.pageTitle", { title })} – ${req.councilName}`,
    main: twoThirds(...main),
    language: req.language,
  });
  const gone = (...advice: string[]) =>
    page(
      t("verify.goneTitle"),
      `<h1 class="govuk-heading-l">${esc(t("verify.goneTitle"))}</h1>`,
      ...advice.map((x) => p(x)),
    );
  const query = req.language === "cy" ? "?lang=cy" : "";
  const here = `/${encodeURIComponent(req.slug)}/refer/${link.kind}/${encodeURIComponent(link.token)}${query}`;

  if (link.kind === "verify") {
    const verified = await ports.verifyLink(link.token);
    if (!verified) return gone(t("verify.gone1"), t("verify.gone2"));
    return referralDonePage(req, verified.reference, verified.respondBy);
  }
  if (link.kind === "resume") {
    const draft = await ports.draft(link.token);
    if (!draft) return gone(t("save.gone1"), t("save.gone2"));
    // The saved answers as if posted: the form then asks what is missing or shows them to check.
    const topics = draft.kind === "self" ? selfTopics() : referralTopics();
    const fields = {
      _key: crypto.randomUUID(),
      _review: "1",
      ...rawFromDraft(draft.answers, topics),
      [DRAFT_FIELD]: link.token,
    };
    return referralFormPage({ ...req, kind: draft.kind, page: "check", fields }, ports);
  }
  if (link.kind === "information") {
    const request = await ports.information(link.token);
    if (!request) return gone(t("info.gone1"), t("info.gone2"));
    const typed = req.fields.answer;
    let problem: string | undefined;
    if (typed !== undefined) {
      const answer = typed.trim();
      if (!answer) problem = t("info.missing");
      else if (answer.length > MAX_ANSWER) problem = t("info.tooLong", { max: String(MAX_ANSWER) });
      else {
        const sent = await ports.answer(link.token, answer);
        await useLanguage(req.language);
        if (!sent) return gone(t("info.gone1"), t("info.gone2"));
        if (sent.ok) {
          return page(
            t("info.sent"),
            `<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">${esc(t("info.sent"))}</h1><div class="govuk-panel__body">${esc(t("info.referral"))}<br><strong class="tandem-reference">${esc(request.reference)}</strong></div></div>`,
            p(t("info.next")),
          );
        }
        problem = sent.message;
      }
    }
    const title = t("info.title");
    const drawn = page(
      title,
      errorSummary(problem ? [{ message: problem, href: "#answer" }] : []),
      `<span class="govuk-caption-l">${esc(t("info.caption", { reference: request.reference }))}</span>`,
      `<h1 class="govuk-heading-l">${esc(title)}</h1>`,
      p(t("info.asked", { when: formatDateTimeIn(request.askedAt) })),
      `<div class="govuk-inset-text govuk-!-text-break-word">${request.question.split("\n").map(esc).join("<br>")}</div>`,
      `<form method="post" action="${esc(here)}" novalidate>`,
      controlHtml(
        {
          key: "answer",
          kind: "textarea",
          label: t("info.label"),
          short: t("info.short"),
          hint: t("info.hint"),
          rows: 8,
        },
        typed ?? "",
        problem,
      ),
      hidden("_answering", "1"),
      button(t("info.send")),
      "</form>",
    );
    return problem ? { ...drawn, title: `${t("shell.errorPrefix")}${drawn.title}` } : drawn;
  }
  return {
    ...page(t("council.notFoundTitle"), ...noSuchPage(`/${encodeURIComponent(req.slug)}/refer${query}`, null)),
    status: 404,
  };
}
