import { z } from "@hono/zod-openapi";
import { SlugParam } from "@tandem/contracts/common";
import {
  CreateReferralDraft,
  DraftTokenParam,
  InformationAnswer,
  InformationAnswered,
  InformationRequestView,
  ReferralDraft,
  ReferralDraftCreated,
  ReferralForm,
  ReferralReceipt,
  ReferralTokenParam,
  ReferralVerified,
  SubmitReferral,
  UpdateReferralDraft,
  VerifyReferral,
} from "@tandem/contracts/referrals";
import {
  answerInformationRequest,
  createDraft,
  getDraft,
  getInformationRequest,
  londonDate,
  RATE_RULES,
  submitReferral,
  takeRateToken,
  updateDraft,
  verifyReferral,
} from "@tandem/data/referrals";
import { questionsFor } from "@tandem/domain/referrals";
import { ApiError } from "../../http/api-error.js";
import { defineRoute, jsonBody, jsonResponse } from "../../http/define-route.js";
import { publicTenant } from "../../http/public-tenant.js";
import { newRouter } from "../../http/router.js";
import { checkAnswers, clientAddress, linkBase, RequiredIdempotencyHeaders, rateLimited } from "./http-helpers.js";

const json = jsonResponse;
const base = "/api/public/tenants/{slug}";
const errors = {
  404: json(z.object({}), "No council's scheme is at that address"),
  429: json(z.object({}), "Too many requests from this address; Retry-After says when to try again"),
};
const writeErrors = { ...errors, 403: json(z.object({}), "The council's scheme is not taking requests online") };
const goneError = { 410: json(z.object({}), "The link or code was used already, has expired or is unknown") };

const form = defineRoute({
  method: "get",
  path: `${base}/referral-form`,
  summary: "What the council's referral form asks, under its current policy",
  tags: ["referrals (public)"],
  access: { kind: "public" },
  request: { params: SlugParam },
  responses: { 200: json(ReferralForm, "The form's settings"), ...writeErrors },
});

const createDraftRoute = defineRoute({
  method: "post",
  path: `${base}/referral-drafts`,
  summary: "Save answers part-way; a link to carry on is e-mailed",
  tags: ["referrals (public)"],
  access: { kind: "public" },
  request: { params: SlugParam, body: jsonBody(CreateReferralDraft) },
  responses: { 201: json(ReferralDraftCreated, "Saved; the link is in the e-mail"), ...writeErrors },
});

const getDraftRoute = defineRoute({
  method: "get",
  path: `${base}/referral-drafts/{token}`,
  summary: "The saved answers behind a resume link",
  tags: ["referrals (public)"],
  access: { kind: "public" },
  request: { params: DraftTokenParam },
  responses: { 200: json(ReferralDraft, "The saved answers"), ...errors, ...goneError },
});

const putDraftRoute = defineRoute({
  method: "put",
  path: `${base}/referral-drafts/{token}`,
  summary: "Replace the saved answers behind a resume link",
  tags: ["referrals (public)"],
  access: { kind: "public" },
  request: { params: DraftTokenParam, body: jsonBody(UpdateReferralDraft) },
  responses: {
    200: json(ReferralDraft, "Saved"),
    409: json(z.object({}), "Saved from elsewhere meanwhile"),
    ...writeErrors,
    ...goneError,
  },
});

const submit = defineRoute({
  method: "post",
  path: `${base}/referrals`,
  summary: "Submit a referral (professional or self-referral); Idempotency-Key required",
  description:
    "The answers are checked against today's date and the questions the council's policy asks (400 with field " +
    "paths). The referral is stored with the eligibility flags its policy version raises; it reaches the " +
    "coordinators once the referrer uses the link or code e-mailed to them (a self-referral without e-mail goes " +
    "straight to them, marked unverified).",
  tags: ["referrals (public)"],
  access: { kind: "public" },
  request: { params: SlugParam, headers: RequiredIdempotencyHeaders, body: jsonBody(SubmitReferral) },
  responses: {
    202: json(ReferralReceipt, "Received (or, for a retried Idempotency-Key, the first answer)"),
    422: json(z.object({}), "The Idempotency-Key was used for a different request"),
    ...writeErrors,
  },
});

const verify = defineRoute({
  method: "post",
  path: `${base}/referral-verifications`,
  summary: "Confirm the referrer's e-mail with the code or the link's token",
  tags: ["referrals (public)"],
  access: { kind: "public" },
  request: { params: SlugParam, body: jsonBody(VerifyReferral) },
  responses: {
    200: json(ReferralVerified, "Confirmed: the referral is with the coordinators"),
    ...writeErrors,
    ...goneError,
  },
});

const getInformation = defineRoute({
  method: "get",
  path: `${base}/information-requests/{token}`,
  summary: "The coordinator's question behind an information-request link",
  tags: ["referrals (public)"],
  access: { kind: "public" },
  request: { params: ReferralTokenParam },
  responses: { 200: json(InformationRequestView, "The question"), ...errors, ...goneError },
});

const answerInformation = defineRoute({
  method: "post",
  path: `${base}/information-requests/{token}`,
  summary: "Answer the coordinator's question (the link works once)",
  tags: ["referrals (public)"],
  access: { kind: "public" },
  request: { params: ReferralTokenParam, body: jsonBody(InformationAnswer) },
  responses: { 200: json(InformationAnswered, "Answered"), ...writeErrors, ...goneError },
});

/** The public referral pages: no sign-in. Mounted by the public Lambda. */
export const referralPublicRoutes = newRouter()
  .openapi(form, async (c) => {
    const { tenant } = await publicTenant(c, c.req.valid("param").slug, { forWriting: true });
    const r = tenant.policy.referrals;
    return c.json(
      {
        tenantName: tenant.name,
        policyVersion: tenant.policyVersion,
        questions: questionsFor(tenant.policy),
        selfReferralsAccepted: r.selfReferralsAccepted,
        respondWithinWorkingDays: r.responseWorkingDays,
      },
      200,
    );
  })
  .openapi(createDraftRoute, async (c) => {
    const { tenant, table } = await publicTenant(c, c.req.valid("param").slug, { forWriting: true });
    const body = c.req.valid("json");
    const created = await rateLimited(c, () =>
      createDraft(table, body, { links: linkBase(c, tenant), clientAddress: clientAddress(c) }),
    );
    return c.json(created, 201);
  })
  .openapi(getDraftRoute, async (c) => {
    const { slug, token } = c.req.valid("param");
    const { table } = await publicTenant(c, slug, { forWriting: false });
    return c.json(await getDraft(table, token), 200);
  })
  .openapi(putDraftRoute, async (c) => {
    const { slug, token } = c.req.valid("param");
    const { table } = await publicTenant(c, slug, { forWriting: true });
    const { answers } = c.req.valid("json");
    const saved = await rateLimited(c, () => updateDraft(table, token, answers, { clientAddress: clientAddress(c) }));
    return c.json(saved, 200);
  })
  .openapi(submit, async (c) => {
    const { tenant, table } = await publicTenant(c, c.req.valid("param").slug, { forWriting: true });
    const submission = c.req.valid("json");
    const now = new Date();
    checkAnswers(tenant, submission, londonDate(now));
    const result = await rateLimited(c, () =>
      submitReferral(table, tenant, submission, {
        links: linkBase(c, tenant),
        idempotencyKey: c.req.valid("header")["idempotency-key"],
        clientAddress: clientAddress(c),
        now,
      }),
    );
    if (result.replayed) c.header("idempotent-replayed", "true");
    return c.json(ReferralReceipt.parse(result.body), 202);
  })
  .openapi(verify, async (c) => {
    const { tenant, table } = await publicTenant(c, c.req.valid("param").slug, { forWriting: true });
    const body = c.req.valid("json");
    await rateLimited(c, () => takeRateToken(table, RATE_RULES.verify, clientAddress(c)));
    const result = await verifyReferral(table, body, { links: linkBase(c, tenant) });
    if (!result.ok) {
      throw new ApiError(400, "validation_failed", result.message, {
        fields: [{ path: result.field, message: result.message }],
      });
    }
    return c.json({ reference: result.reference, respondBy: result.respondBy }, 200);
  })
  .openapi(getInformation, async (c) => {
    const { slug, token } = c.req.valid("param");
    const { table } = await publicTenant(c, slug, { forWriting: false });
    return c.json(await getInformationRequest(table, token), 200);
  })
  .openapi(answerInformation, async (c) => {
    const { slug, token } = c.req.valid("param");
    const { tenant, table } = await publicTenant(c, slug, { forWriting: true });
    const { answer } = c.req.valid("json");
    await rateLimited(c, () => takeRateToken(table, RATE_RULES.information, clientAddress(c)));
    return c.json(await answerInformationRequest(table, token, answer, { links: linkBase(c, tenant) }), 200);
  });
