import { ReferralReceipt, SubmitReferral, VerifyReferral } from "@tandem/contracts/referrals";
import { SubmitVolunteerApplication, VolunteerApplicationReceipt } from "@tandem/contracts/volunteers";
import { RATE_RULES, takeRateToken } from "@tandem/data/core";
import {
  answerInformationRequest,
  getDraft,
  getInformationRequest,
  submitReferral,
  verifyReferral,
} from "@tandem/data/referrals";
import { submitVolunteerApplication } from "@tandem/data/volunteers";
import { Problem } from "@tandem/domain/problems";
import { questionsFor } from "@tandem/domain/referrals";
import { applicationProblems } from "@tandem/domain/volunteers";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { type FormPorts, type HtmlPage, referralFormPage } from "../../../../web/src/server/referral-form.js";
import { type LinkPorts, referralLinkPage } from "../../../../web/src/server/referral-links.js";
import { type VolunteerFormPorts, volunteerFormPage } from "../../../../web/src/server/volunteer-form.js";
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
    problemPage(
      c as Context<AppEnv>,
      413,
      `What you sent is too large: a page of this form can send up to ${FORM_BODY_LIMIT / 1024} KB. Go back with your browser's Back button, shorten your longest answers and send the page again.`,
    ),
});

for (const path of ["/:slug/refer/*", "/:slug/volunteer/*"]) {
  formPageRoutes.use(path, requireOrigin, pageHeaders, formBodyLimit);
}

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

type Link = { kind: string; token: string };

async function referralPage(c: Context<AppEnv>, kind: Kind, page: string, link?: Link) {
  try {
    return await drawReferralPage(c, kind, page, link);
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const answer = answerTo(error);
    return problemPage(c, answer.status, error.message, answer.headers);
  }
}

/** Which allowance a post draws on: sending and confirming are counted as their JSON routes count them. */
function accessFor(page: string, fields: Record<string, string>, link: Link | undefined) {
  if (link?.kind === "verify" || (page === "check-email" && "code" in fields)) {
    return { ...publicWriting, rate: "verify" } as const;
  }
  if (link?.kind === "information" && "answer" in fields) return { ...publicWriting, rate: "information" } as const;
  return page === "check" && fields._send === "1" ? publicWriting : publicReading;
}

/** A link's token that is used up, expired or unknown is answered as such, not as a failure. */
async function unlessGone<T>(find: () => Promise<T>): Promise<T | null> {
  try {
    return await find();
  } catch (error) {
    if (error instanceof Problem && (error.code === "gone" || error.code === "not_found")) return null;
    throw error;
  }
}

async function drawReferralPage(c: Context<AppEnv>, kind: Kind, page: string, link?: Link) {
  if (!sameOrigin(c)) return problemPage(c, 403, "This form can only be sent from its own page");
  const fields = await fieldsOf(c);
  await publicTenant(c, accessFor(page, fields, link));
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
  const request = {
    slug: tenant.slug,
    kind,
    selfReferralsAccepted: tenant.policy.referrals.selfReferralsAccepted,
    page,
    fields,
    language,
    councilName: tenant.name,
    questions: questionsFor(tenant.policy),
    today,
  } as const;
  if (!link) return drawnPage(c, await referralFormPage(request, ports));
  const linkPorts: LinkPorts = {
    verifyLink: (token) =>
      unlessGone(async () => {
        const parsed = VerifyReferral.safeParse({ token });
        return parsed.success ? await verifyReferral(table, parsed.data, { links }) : null;
      }),
    draft: (token) => unlessGone(() => getDraft(table, token)),
    information: (token) => unlessGone(() => getInformationRequest(table, token)),
    async answer(token, answer) {
      try {
        await answerInformationRequest(table, token, answer, { links });
        return { ok: true };
      } catch (error) {
        if (error instanceof Problem && error.code === "gone") return null;
        const why = refused(error);
        return { ok: false, message: why.problems[0]?.message ?? "" };
      }
    },
  };
  return drawnPage(c, await referralLinkPage(request, link, { ...ports, ...linkPorts }));
}

const drawnPage = (c: Context<AppEnv>, drawn: HtmlPage) =>
  c.html(pageHtml(c.var.deps.pageShell, drawn), drawn.status ?? 200, { "cache-control": "no-store" });

/** A refusal from the data layer as a problem page, as the JSON routes would answer it. */
async function asPage(c: Context<AppEnv>, draw: () => Promise<Response>) {
  try {
    return await draw();
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const answer = answerTo(error);
    return problemPage(c, answer.status, error.message, answer.headers);
  }
}

/** The volunteer application (`/{slug}/volunteer/…`): sending is the JSON route's own checks and data function. */
async function volunteerPage(c: Context<AppEnv>, page: string) {
  if (!sameOrigin(c)) return problemPage(c, 403, "This form can only be sent from its own page");
  const fields = await fieldsOf(c);
  await publicTenant(c, page === "check" && fields._send === "1" ? publicWriting : publicReading);
  const { table, tenant, links, today } = c.var;
  const ports: VolunteerFormPorts = {
    async submit(body, idempotencyKey) {
      try {
        const parsed = SubmitVolunteerApplication.safeParse(body);
        if (!parsed.success) {
          return {
            ok: false,
            problems: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
          };
        }
        const { language, ...application } = parsed.data;
        const problems = applicationProblems(application, tenant.policy, today);
        if (problems.length > 0) {
          return { ok: false, problems: problems.map((x) => ({ path: x.path.join("."), message: x.message })) };
        }
        await takeRateToken(table, RATE_RULES.submit, clientAddress(c));
        const result = await submitVolunteerApplication(table, tenant, application, {
          links,
          idempotencyKey,
          language,
        });
        return { ok: true, reference: VolunteerApplicationReceipt.parse(result.body).reference };
      } catch (error) {
        return refused(error);
      }
    },
  };
  const v = tenant.policy.volunteers;
  const drawn = await volunteerFormPage(
    {
      slug: tenant.slug,
      page,
      fields,
      language: c.req.query("lang") === "cy" && tenant.branding.welsh ? "cy" : "en",
      councilName: tenant.name,
      contact: { email: tenant.branding.contactEmail ?? "", phone: tenant.branding.contactPhone ?? "" },
      rules: {
        minimumAge: v.minimumAge,
        referencesRequired: v.referencesRequired,
        professionalReferenceRequired: v.professionalReferenceRequired,
      },
      today,
    },
    ports,
  );
  return drawnPage(c, drawn);
}

// A young person's own request first: "myself" is not a topic of the professional's form.
formPageRoutes.post("/:slug/refer/myself", (c) => referralPage(c, "self", ""));
formPageRoutes.post("/:slug/refer/myself/:page", (c) => referralPage(c, "self", c.req.param("page")));
formPageRoutes.post("/:slug/refer", (c) => referralPage(c, "professional", ""));
formPageRoutes.post("/:slug/refer/:page", (c) => referralPage(c, "professional", c.req.param("page")));
// The e-mailed links (verify, resume, information), posted by the notice's button on the link's page.
formPageRoutes.post("/:slug/refer/:page/:token", (c) =>
  referralPage(c, "professional", "", { kind: c.req.param("page"), token: c.req.param("token") }),
);
formPageRoutes.post("/:slug/volunteer", (c) => asPage(c, () => volunteerPage(c, "")));
formPageRoutes.post("/:slug/volunteer/:page", (c) => asPage(c, () => volunteerPage(c, c.req.param("page"))));
