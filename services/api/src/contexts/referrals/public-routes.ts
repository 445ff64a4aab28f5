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
} from "@tandem/contracts/referral-forms";
import {
  answerInformationRequest,
  createDraft,
  getDraft,
  getInformationRequest,
  submitReferral,
  updateDraft,
  verifyReferral,
} from "@tandem/data/referrals";
import { questionsFor } from "@tandem/domain/referrals";
import { publicReading, publicWriting } from "../../http/access.js";
import { clientAddress } from "../../http/client-address.js";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";
import { countMetric } from "../../observability/metrics.js";
import { checkAnswers, ReferralIdempotencyHeaders } from "./http-helpers.js";

const json = jsonResponse;
const base = "/api/public/tenants/{slug}";
/** Drafts and submissions count against the address's allowance in the data layer, where a replay does not. */
const countedInData = ["rate_limited"] as const;

const route = routesFor({ tags: ["referrals (public)"], access: publicWriting });

const form = route("get", `${base}/referral-form`, {
  summary: "What the council's referral form asks, under its current policy",
  request: { params: SlugParam },
  responses: { 200: json(ReferralForm, "The form's settings") },
});

const createDraftRoute = route("post", `${base}/referral-drafts`, {
  summary: "Save answers part-way; a link to carry on is e-mailed",
  refuses: countedInData,
  request: { params: SlugParam, body: jsonBody(CreateReferralDraft) },
  responses: { 201: json(ReferralDraftCreated, "Saved; the link is in the e-mail") },
});

const getDraftRoute = route("get", `${base}/referral-drafts/{token}`, {
  summary: "The saved answers behind a resume link",
  access: publicReading,
  refuses: ["gone"],
  request: { params: DraftTokenParam },
  responses: { 200: json(ReferralDraft, "The saved answers") },
});

const putDraftRoute = route("put", `${base}/referral-drafts/{token}`, {
  summary: "Replace the saved answers behind a resume link, if the caller saw the latest version (else 409)",
  refuses: [...countedInData, "version_conflict", "gone"],
  request: { params: DraftTokenParam, body: jsonBody(UpdateReferralDraft) },
  responses: { 200: json(ReferralDraft, "Saved") },
});

const submit = route("post", `${base}/referrals`, {
  summary: "Submit a referral (professional or self-referral); Idempotency-Key required",
  description:
    "The answers are checked against today's date and the questions the council's policy asks (400 with field " +
    "paths). The referral is stored with the eligibility flags its policy version raises; it reaches the " +
    "coordinators once the referrer uses the link or code e-mailed to them (a self-referral without e-mail goes " +
    "straight to them, marked unverified).",
  refuses: [...countedInData, "idempotency_key_reused", "conflict"],
  request: { params: SlugParam, headers: ReferralIdempotencyHeaders, body: jsonBody(SubmitReferral) },
  responses: { 202: json(ReferralReceipt, "Received (or, for a retried Idempotency-Key, the first answer)") },
});

const verify = route("post", `${base}/referral-verifications`, {
  summary: "Confirm the referrer's e-mail with the code or the link's token",
  access: { ...publicWriting, rate: "verify" },
  refuses: ["gone"],
  request: { params: SlugParam, body: jsonBody(VerifyReferral) },
  responses: { 200: json(ReferralVerified, "Confirmed: the referral is with the coordinators") },
});

const getInformation = route("get", `${base}/information-requests/{token}`, {
  summary: "The coordinator's question behind an information-request link",
  access: publicReading,
  refuses: ["gone"],
  request: { params: ReferralTokenParam },
  responses: { 200: json(InformationRequestView, "The question") },
});

const answerInformation = route("post", `${base}/information-requests/{token}`, {
  summary: "Answer the coordinator's question (the link works once)",
  access: { ...publicWriting, rate: "information" },
  refuses: ["gone"],
  request: { params: ReferralTokenParam, body: jsonBody(InformationAnswer) },
  responses: { 200: json(InformationAnswered, "Answered") },
});

/** The public referral pages: no sign-in. Mounted by the public Lambda. */
export const referralPublicRoutes = newRouter()
  .openapi(form, (c) => {
    const { tenant } = c.var;
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
    const opts = { links: c.var.links, clientAddress: clientAddress(c) };
    const draft = c.req.valid("json");
    // Welsh only where the council offers it (ADR 22).
    const language = draft.language === "cy" && c.var.tenant.branding.welsh ? "cy" : "en";
    return c.json(await createDraft(c.var.table, { ...draft, language }, opts), 201);
  })
  .openapi(getDraftRoute, async (c) => c.json(await getDraft(c.var.table, c.req.valid("param").token), 200))
  .openapi(putDraftRoute, async (c) => {
    const opts = { clientAddress: clientAddress(c) };
    return c.json(await updateDraft(c.var.table, c.req.valid("param").token, c.req.valid("json"), opts), 200);
  })
  .openapi(submit, async (c) => {
    const { table, tenant, links, today } = c.var;
    const submission = c.req.valid("json");
    checkAnswers(tenant, submission, today);
    const result = await submitReferral(table, tenant, submission, {
      links,
      idempotencyKey: c.req.valid("header")["idempotency-key"],
      clientAddress: clientAddress(c),
    });
    if (result.replayed) c.header("idempotent-replayed", "true");
    else countMetric("referralsSubmitted", { tenant: tenant.id, channel: "public form" });
    return c.json(ReferralReceipt.parse(result.body), 202);
  })
  .openapi(verify, async (c) =>
    c.json(await verifyReferral(c.var.table, c.req.valid("json"), { links: c.var.links }), 200),
  )
  .openapi(getInformation, async (c) =>
    c.json(await getInformationRequest(c.var.table, c.req.valid("param").token), 200),
  )
  .openapi(answerInformation, async (c) => {
    const { token } = c.req.valid("param");
    const { answer } = c.req.valid("json");
    return c.json(await answerInformationRequest(c.var.table, token, answer, { links: c.var.links }), 200);
  });
