import { ReferralReceipt, SubmitReferral, VerifyReferral } from "@tandem/contracts/referrals";
import { submitReferral, verifyReferral } from "@tandem/data/referrals";
import { Problem } from "@tandem/domain/problems";
import { questionsFor } from "@tandem/domain/referrals";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { type FormPorts, type HtmlPage, referralFormPage } from "../../../../web/src/server/referral-form.js";
import { checkAnswers } from "../contexts/referrals/http-helpers.js";
import type { AppEnv } from "../deps.js";
import { publicReading, publicWriting } from "../http/access.js";
import { clientAddress } from "../http/client-address.js";
import { answerTo } from "../http/problems.js";
import { newRouter } from "../http/router.js";
import { requireOrigin } from "../middleware/origin-check.js";
import { publicTenant } from "../middleware/require-access.js";
import { countMetric } from "../observability/metrics.js";
import { pageHtml, problemPage } from "./page-shell.js";

/**
 * The public referral form as HTML pages for a browser without JavaScript (ADR 15). With JavaScript
 * the SPA draws the same addresses and posts JSON to `/api/public/...`; without it the page's
 * `<noscript>` offers a button that posts to the page's own address, and from then on each page is a
 * form posted here. The questions, words and checks are the SPA's (`web/src/server/referral-form.ts`);
 * sending and verifying are the JSON routes' own data functions, with their rate limits, idempotency,
 * audit and e-mails.
 */
export const formPageRoutes = newRouter();

formPageRoutes.use(
  "/:slug/refer/*",
  requireOrigin,
  secureHeaders({
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
  }),
  bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text("The form is too large to send", 413) }),
);

/**
 * A cross-site form posting here would act in the visitor's browser: only our own pages may post.
 * Browsers say where a post comes from in Sec-Fetch-Site; the pages' `no-referrer` policy makes their
 * Origin "null", so Origin is read only when it names a site. A browser that sends neither is let
 * through: the form is anonymous, so a forged post could do nothing its sender could not do directly.
 */
function sameOrigin(c: Context<AppEnv>): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site !== undefined) return site === "same-origin";
  const origin = c.req.header("origin");
  if (!origin || origin === "null") return true;
  const own = new Set([new URL(c.var.deps.publicBaseUrl).origin, new URL(c.req.url).origin]);
  return own.has(origin);
}

async function fieldsOf(c: Context<AppEnv>): Promise<Record<string, string>> {
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) return {};
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === "string") fields[name] = value;
  return fields;
}

/** A refusal from the data layer in words a page can show: field paths kept, anything else its message. */
const REFUSALS = new Set(["validation_failed", "rate_limited", "idempotency_key_reused", "conflict", "gone"]);

function refused(error: unknown): { ok: false; problems: { path?: string; message: string }[] } {
  // Anything but a refusal of what was typed (a dependency down, a bug) is answered as a problem page.
  if (!(error instanceof Problem) || !REFUSALS.has(error.code)) throw error;
  if (error.fields?.length) return { ok: false, problems: error.fields.map((f) => ({ ...f })) };
  return { ok: false, problems: [{ message: error.message }] };
}

type Kind = "professional" | "self";

async function referralPage(c: Context<AppEnv>, kind: Kind, page: string) {
  try {
    return await drawReferralPage(c, kind, page);
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const answer = answerTo(error);
    return problemPage(c, answer.status, error.message, answer.headers);
  }
}

async function drawReferralPage(c: Context<AppEnv>, kind: Kind, page: string) {
  if (!sameOrigin(c)) return problemPage(c, 403, "This form can only be sent from its own page");
  const fields = await fieldsOf(c);
  const sending = page === "check" && fields._send === "1";
  const verifying = page === "check-email" && "code" in fields;
  await publicTenant(c, verifying ? { ...publicWriting, rate: "verify" } : sending ? publicWriting : publicReading);
  const { table, tenant, links, today } = c.var;
  const ports: FormPorts = {
    async submit(body, idempotencyKey) {
      try {
        const submission = SubmitReferral.parse(body);
        checkAnswers(tenant, submission, today);
        const result = await submitReferral(table, tenant, submission, {
          links,
          idempotencyKey,
          clientAddress: clientAddress(c),
        });
        if (!result.replayed) countMetric("referralsSubmitted", { tenant: tenant.id, channel: "public form" });
        return { ok: true, receipt: ReferralReceipt.parse(result.body) };
      } catch (error) {
        return refused(error);
      }
    },
    async verify(reference, code) {
      const parsed = VerifyReferral.safeParse({ reference, code });
      if (!parsed.success) {
        return { ok: false, problems: parsed.error.issues.map((i) => ({ path: "code", message: i.message })) };
      }
      try {
        const verified = await verifyReferral(table, parsed.data, { links });
        return { ok: true, reference: verified.reference, respondBy: verified.respondBy };
      } catch (error) {
        return refused(error);
      }
    },
  };
  const language = c.req.query("lang") === "cy" && tenant.branding.welsh ? "cy" : "en";
  const drawn: HtmlPage = await referralFormPage(
    {
      slug: tenant.slug,
      kind,
      selfReferralsAccepted: tenant.policy.referrals.selfReferralsAccepted,
      page,
      fields,
      language,
      councilName: tenant.name,
      questions: questionsFor(tenant.policy),
      today,
    },
    ports,
  );
  return c.html(pageHtml(c.var.deps.pageShell, drawn), 200, { "cache-control": "no-store" });
}

// A young person's own request first: "myself" is not a topic of the professional's form.
formPageRoutes.post("/:slug/refer/myself", (c) => referralPage(c, "self", ""));
formPageRoutes.post("/:slug/refer/myself/:page", (c) => referralPage(c, "self", c.req.param("page")));
formPageRoutes.post("/:slug/refer", (c) => referralPage(c, "professional", ""));
formPageRoutes.post("/:slug/refer/:page", (c) => referralPage(c, "professional", c.req.param("page")));
