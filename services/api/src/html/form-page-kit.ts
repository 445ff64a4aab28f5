import { Problem } from "@tandem/domain/problems";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import type { HtmlPage } from "../../../../web/src/server/referral-form.js";
import type { AppEnv } from "../deps.js";
import { answerTo } from "../http/problems.js";
import { trieApp } from "../http/trie-app.js";
import { requireOrigin } from "../middleware/origin-check.js";
import { pageHtml, problemPage } from "./page-shell.js";

/**
 * What the forms drawn as HTML for a browser without JavaScript (ADR 15) share: the referral form's pages
 * (referral-form-pages.ts) and the volunteer application's (volunteer-form-pages.ts). With JavaScript the SPA
 * draws the same addresses and posts JSON to `/api/public/...`; without it the page's `<noscript>` offers a
 * button that posts to the page's own address, and from then on each page is a form posted here.
 */

/** What a page's form may hold: answers of every page travel in it, but a whole application is a few KB. */
const FORM_BODY_LIMIT = 64 * 1024;

const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: "no-referrer",
});

// Too large a post is answered as a page, like every other answer here: a person without script sees it.
const formBodyLimit = bodyLimit({
  maxSize: FORM_BODY_LIMIT,
  onError: (c) =>
    problemPage(c as Context<AppEnv>, {
      status: 413,
      key: "problem.formTooLarge",
      vars: { kb: FORM_BODY_LIMIT / 1024 },
    }),
});

/**
 * A router for one form's pages (`/{slug}/refer/…` or `/{slug}/volunteer/…`), each form's in the function that
 * serves that form's JSON routes (ADR 23): only same-site posts, the pages' no-script CSP and the body limit.
 */
export function formPageRouter(form: "refer" | "volunteer") {
  const router = trieApp<AppEnv>();
  router.use(`/:slug/${form}/*`, requireOrigin, pageHeaders, formBodyLimit);
  return router;
}

/**
 * A cross-site form posting here would act in the visitor's browser: only our own pages may post.
 * Browsers say where a post comes from in Sec-Fetch-Site; the pages' `no-referrer` policy makes their
 * Origin "null", so Origin is read only when it names a site. A browser that sends neither is let
 * through: the form is anonymous, so a forged post could do nothing its sender could not do directly.
 */
export function sameOrigin(c: Context<AppEnv>): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site !== undefined) return site === "same-origin";
  const origin = c.req.header("origin");
  if (!origin || origin === "null") return true;
  const own = new Set([new URL(c.var.deps.publicBaseUrl).origin, new URL(c.req.url).origin]);
  return own.has(origin);
}

export async function fieldsOf(c: Context<AppEnv>): Promise<Record<string, string>> {
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) return {};
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === "string") fields[name] = value;
  return fields;
}

/** A refusal from the data layer in words a page can show: field paths kept, anything else its message. */
const REFUSALS = new Set(["validation_failed", "rate_limited", "idempotency_key_reused", "conflict", "gone"]);

export function refused(error: unknown): { ok: false; problems: { path?: string; message: string }[] } {
  // Anything but a refusal of what was typed (a dependency down, a bug) is answered as a problem page.
  if (!(error instanceof Problem) || !REFUSALS.has(error.code)) throw error;
  if (error.fields?.length) return { ok: false, problems: error.fields.map((f) => ({ ...f })) };
  return { ok: false, problems: [{ message: error.message }] };
}

export const drawnPage = (c: Context<AppEnv>, drawn: HtmlPage) =>
  c.html(pageHtml(c.var.deps.pageShell, drawn), drawn.status ?? 200, { "cache-control": "no-store" });

/** A refusal from the data layer as a problem page, as the JSON routes would answer it. */
export async function asPage(c: Context<AppEnv>, draw: () => Promise<Response>) {
  try {
    return await draw();
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const answer = answerTo(error);
    return problemPage(c, { status: answer.status, message: error.message, code: error.code }, answer.headers);
  }
}
