import { SlugParam } from "@tandem/contracts/common";
import {
  REFERENCE_QUESTIONS,
  ReferenceFormView,
  ReferenceSubmitted,
  ReferenceTokenParam,
  SubmitReference,
  SubmitVolunteerApplication,
  VolunteerApplicationReceipt,
  VolunteerForm,
} from "@tandem/contracts/volunteer-forms";
import { RATE_RULES, takeRateToken } from "@tandem/data/core";
import { getReferenceForm, submitReference, submitVolunteerApplication } from "@tandem/data/volunteers";
import { invalid } from "@tandem/domain/problems";
import { applicationProblems } from "@tandem/domain/volunteers";
import { publicReading, publicWriting } from "../../http/access.js";
import { clientAddress } from "../../http/client-address.js";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { requiredIdempotencyHeaders } from "../../http/idempotency-header.js";
import { newRouter } from "../../http/router.js";

const json = jsonResponse;
const base = "/api/public/tenants/{slug}";

const route = routesFor({ tags: ["volunteers (public)"], access: publicWriting });

const form = route("get", `${base}/volunteer-form`, {
  summary: "What the council's volunteer application form needs to know of its policy",
  request: { params: SlugParam },
  responses: { 200: json(VolunteerForm, "The form's settings") },
});

const apply = route("post", `${base}/volunteer-applications`, {
  summary: "Apply to be an Independent Visitor; Idempotency-Key required",
  description:
    "The application is checked against the council's policy and today's date (minimum age, number of referees, " +
    "a professional referee; 400 with field paths). A referee who is the applicant is refused (400). The same " +
    "e-mail applying twice to one council is refused with 409. The applicant is e-mailed an acknowledgement.",
  refuses: ["rate_limited", "conflict", "idempotency_key_reused"],
  request: {
    params: SlugParam,
    headers: requiredIdempotencyHeaders("application"),
    body: jsonBody(SubmitVolunteerApplication),
  },
  responses: {
    202: json(VolunteerApplicationReceipt, "Received (or, for a retried Idempotency-Key, the first answer)"),
  },
});

const referenceForm = route("get", `${base}/references/{token}`, {
  summary: "The reference form behind a referee's link (opening it does not use it up)",
  access: publicReading,
  refuses: ["gone"],
  request: { params: ReferenceTokenParam },
  responses: { 200: json(ReferenceFormView, "Whom the reference is for, and the questions") },
});

const giveReference = route("post", `${base}/references/{token}`, {
  summary: "Give the reference (the link works once)",
  access: { ...publicWriting, rate: "information" },
  refuses: ["gone"],
  request: { params: ReferenceTokenParam, body: jsonBody(SubmitReference) },
  responses: { 200: json(ReferenceSubmitted, "Received") },
});

/** The public volunteer pages: no sign-in. Mounted by the public Lambda. */
export const volunteerPublicRoutes = newRouter()
  .openapi(form, (c) => {
    const { tenant } = c.var;
    const v = tenant.policy.volunteers;
    return c.json(
      VolunteerForm.parse({
        tenantName: tenant.name,
        about: tenant.branding.about ?? "",
        contactEmail: tenant.branding.contactEmail ?? "",
        contactPhone: tenant.branding.contactPhone ?? "",
        minimumAge: v.minimumAge,
        commitmentMonths: v.commitmentMonths,
        referencesRequired: v.referencesRequired,
        professionalReferenceRequired: v.professionalReferenceRequired,
        medicalDeclaration: v.medicalDeclaration,
      }),
      200,
    );
  })
  .openapi(apply, async (c) => {
    const { table, tenant, links, today } = c.var;
    const { language, ...application } = c.req.valid("json");
    const problems = applicationProblems(application, tenant.policy, today);
    if (problems.length > 0) throw invalid(problems.map((p) => ({ path: p.path.join("."), message: p.message })));
    // Counted only once the application is one the council could take; it shares the public-submission
    // allowance per client address with referrals.
    await takeRateToken(table, RATE_RULES.submit, clientAddress(c));
    const result = await submitVolunteerApplication(table, tenant, application, {
      links,
      idempotencyKey: c.req.valid("header")["idempotency-key"],
      language,
    });
    if (result.replayed) c.header("idempotent-replayed", "true");
    return c.json(VolunteerApplicationReceipt.parse(result.body), 202);
  })
  .openapi(referenceForm, async (c) => {
    const found = await getReferenceForm(c.var.table, c.req.valid("param").token);
    const view = { tenantName: c.var.tenant.name, ...found, questions: [...REFERENCE_QUESTIONS] };
    return c.json(ReferenceFormView.parse(view), 200);
  })
  .openapi(giveReference, async (c) => {
    await submitReference(c.var.table, c.req.valid("param").token, c.req.valid("json").answers);
    const message = `Thank you: your reference has reached ${c.var.tenant.name}'s Independent Visitor scheme.`;
    return c.json({ message }, 200);
  });
