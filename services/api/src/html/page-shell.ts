import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type PageProblem, problemWords } from "../../../../web/src/server/problem-page.js";
import type { AppEnv } from "../deps.js";

/** What a drawn page needs from the page around it. */
export interface DrawnPage {
  title: string;
  main: string;
  language: "en" | "cy";
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/** Used when the SPA's built page is not at hand: GOV.UK's classes, unstyled but complete. */
const PLAIN_SHELL = `<!doctype html><html lang="en-GB" class="govuk-template"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tandem</title></head><body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content" tabindex="-1"></main></div></body></html>`;

/**
 * A drawn page inside the SPA's own built `index.html` (its stylesheet, header and footer), without its
 * scripts: a page drawn here holds answers only in its form, which the SPA would not know, so it must not
 * take the page over. The SPA's `<main>` (its `<noscript>` notice) is replaced by the page's.
 */
export function pageHtml(shell: string | null | undefined, page: DrawnPage): string {
  const lang = page.language === "cy" ? "cy" : "en-GB";
  return (shell ?? PLAIN_SHELL)
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link rel="modulepreload"[^>]*>/g, "")
    .replace(/<html lang="[^"]*"/, `<html lang="${lang}"`)
    .replace(/<title>[\s\S]*?<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace(/(<main\b[^>]*>)[\s\S]*?(<\/main>)/, (_all, open: string, close: string) => `${open}${page.main}${close}`);
}

/**
 * A refusal before any form could be drawn (an unknown council, a post from elsewhere, too many tries), in
 * the language the page's address asks for: a Welsh page's form posts with `?lang=cy`.
 */
export async function problemPage(c: Context<AppEnv>, problem: PageProblem, headers: Record<string, string> = {}) {
  const language = c.req.query("lang") === "cy" ? "cy" : "en";
  const words = await problemWords(language, problem);
  const main = `<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><h1 class="govuk-heading-l">${escapeHtml(words.title)}</h1><p class="govuk-body">${escapeHtml(words.message)}</p></div></div>`;
  return c.html(
    pageHtml(c.var.deps.pageShell, { title: `${words.title} – Tandem`, main, language }),
    problem.status as ContentfulStatusCode,
    {
      "cache-control": "no-store",
      ...headers,
    },
  );
}
