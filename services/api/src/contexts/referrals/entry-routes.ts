import { EnterReferral, ReferralCreated } from "@tandem/contracts/referrals";
import { enterReferral } from "@tandem/data/referrals";
import { invalid } from "@tandem/domain/problems";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";
import { countMetric } from "../../observability/metrics.js";
import { checkProfessionalAnswers, ReferralIdempotencyHeaders } from "./http-helpers.js";

const coordinators = { kind: "tenant", roles: ["coordinator"] } as const;
const route = routesFor({ tags: ["referrals"], access: coordinators });

const enter = route("post", "/api/referrals", {
  summary: "Enter a referral received on paper, on the referrer's behalf; Idempotency-Key required",
  refuses: ["idempotency_key_reused", "conflict"],
  request: { headers: ReferralIdempotencyHeaders, body: jsonBody(EnterReferral) },
  responses: {
    201: jsonResponse(ReferralCreated, "Entered (or, for a retried Idempotency-Key, the first answer)"),
  },
});

/**
 * A referral received on paper, typed in by a coordinator (the referral-entry function). Apart from the triage
 * workspace (./tenant-routes.ts) because only this route checks a referral's answers, raises its eligibility
 * flags and writes a new one: together the two were over the 250 KB budget (ADR 23).
 */
export const referralEntryRoutes = newRouter().openapi(enter, async (c) => {
  const { table, tenant, links, today } = c.var;
  const body = c.req.valid("json");
  checkProfessionalAnswers(tenant, body.answers, today);
  // The public form quietly falls back to English; a coordinator typing this in is told, so the record is not wrong.
  if (body.language === "cy" && !tenant.branding.welsh)
    throw invalid([
      { path: "language", message: "This council's scheme does not offer Welsh: write to the referrer in English" },
    ]);
  const result = await enterReferral(table, tenant, body.answers, {
    language: body.language ?? "en",
    links,
    idempotencyKey: c.req.valid("header")["idempotency-key"],
  });
  if (result.replayed) c.header("idempotent-replayed", "true");
  else countMetric("referralsSubmitted", { tenant: tenant.id, channel: "staff entry" });
  return c.json(ReferralCreated.parse(result.body), 201);
});
