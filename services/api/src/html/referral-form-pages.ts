import { ReferralReceipt, SubmitReferral, VerifyReferral } from "@tandem/contracts/referral-forms";
import {
  answerInformationRequest,
  getDraft,
  getInformationRequest,
  submitReferral,
  verifyReferral,
} from "@tandem/data/referrals";
import { Problem } from "@tandem/domain/problems";
import { questionsFor } from "@tandem/domain/referrals";
import type { Context } from "hono";
import { type FormPorts, referralFormPage } from "../../../../web/src/server/referral-form.js";
import { type LinkPorts, referralLinkPage } from "../../../../web/src/server/referral-links.js";
import { checkAnswers } from "../contexts/referrals/http-helpers.js";
import type { AppEnv } from "../deps.js";
import { publicReading, publicWriting } from "../http/access.js";
import { clientAddress } from "../http/client-address.js";
import { publicTenant } from "../middleware/require-access.js";
import { countMetric } from "../observability/metrics.js";
import { asPage, drawnPage, fieldsOf, formPageRouter, refused, sameOrigin } from "./form-page-kit.js";
import { problemPage } from "./page-shell.js";

/**
 * The public referral form (the professional's and the young person's own) as HTML pages for a browser
 * without JavaScript (ADR 15). The questions, words and checks are the SPA's (`web/src/server/referral-form.ts`);
 * sending and verifying are the JSON routes' own data functions, with their rate limits, idempotency, audit
 * and e-mails.
 */
export const referralFormPageRoutes = formPageRouter("refer");

type Kind = "professional" | "self";

type Link = { kind: string; token: string };

const referralPage = (c: Context<AppEnv>, kind: Kind, page: string, link?: Link) =>
  asPage(c, () => drawReferralPage(c, kind, page, link));

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
  if (!sameOrigin(c)) return problemPage(c, { status: 403, key: "problem.notFromPage" });
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

// A young person's own request first: "myself" is not a topic of the professional's form.
referralFormPageRoutes.post("/:slug/refer/myself", (c) => referralPage(c, "self", ""));
referralFormPageRoutes.post("/:slug/refer/myself/:page", (c) => referralPage(c, "self", c.req.param("page")));
referralFormPageRoutes.post("/:slug/refer", (c) => referralPage(c, "professional", ""));
referralFormPageRoutes.post("/:slug/refer/:page", (c) => referralPage(c, "professional", c.req.param("page")));
// The e-mailed links (verify, resume, information), posted by the notice's button on the link's page.
referralFormPageRoutes.post("/:slug/refer/:page/:token", (c) =>
  referralPage(c, "professional", "", { kind: c.req.param("page"), token: c.req.param("token") }),
);
