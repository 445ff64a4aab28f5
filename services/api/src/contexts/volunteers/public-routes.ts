import { z } from "@hono/zod-openapi";
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
} from "@tandem/contracts/volunteers";
import { londonDate, RATE_RULES, takeRateToken } from "@tandem/data/referrals";
import { getReferenceForm, submitReference, submitVolunteerApplication } from "@tandem/data/volunteers";
import { applicationProblems } from "@tandem/domain/volunteers";
import { ApiError } from "../../http/api-error.js";
import { defineRoute, jsonBody, jsonResponse } from "../../http/define-route.js";
import { publicTenant } from "../../http/public-tenant.js";
import { newRouter } from "../../http/router.js";
import { clientAddress, rateLimited } from "../referrals/http-helpers.js";
import { RequiredIdempotencyHeaders, volunteerLinks } from "./http-helpers.js";

const json = jsonResponse;
const base = "/api/public/tenants/{slug}";
const errors = { 404: json(z.object({}), "No council's scheme is at that address") };
const writeErrors = {
  ...errors,
  403: json(z.object({}), "The council's scheme is not taking applications online"),
  429: json(z.object({}), "Too many requests from this address; Retry-After says when to try again"),
};
const goneError = {
  410: json(z.object({}), "The reference link was used already, was replaced by a newer one, or has expired"),
};

const form = defineRoute({
  method: "get",
  path: `${base}/volunteer-form`,
  summary: "What the council's volunteer application form needs to know of its policy",
  tags: ["volunteers (public)"],
  access: { kind: "public" },
  request: { params: SlugParam },
  responses: { 200: json(VolunteerForm, "The form's settings"), ...writeErrors },
});

const apply = defineRoute({
  method: "post",
  path: `${base}/volunteer-applications`,
  summary: "Apply to be an Independent Visitor; Idempotency-Key required",
  description:
    "The application is checked against the council's policy and today's date (minimum age, number of referees, " +
    "a professional referee; 400 with field paths). A referee who is the applicant is refused (400). The same " +
    "e-mail applying twice to one council is refused with 409. The applicant is e-mailed an acknowledgement.",
  tags: ["volunteers (public)"],
  access: { kind: "public" },
  request: { params: SlugParam, headers: RequiredIdempotencyHeaders, body: jsonBody(SubmitVolunteerApplication) },
  responses: {
    202: json(VolunteerApplicationReceipt, "Received (or, for a retried Idempotency-Key, the first answer)"),
    409: json(z.object({}), "An application from this e-mail was already made to this council"),
    422: json(z.object({}), "The Idempotency-Key was used for a different request"),
    ...writeErrors,
  },
});

const referenceForm = defineRoute({
  method: "get",
  path: `${base}/references/{token}`,
  summary: "The reference form behind a referee's link (opening it does not use it up)",
  tags: ["volunteers (public)"],
  access: { kind: "public" },
  request: { params: ReferenceTokenParam },
  responses: { 200: json(ReferenceFormView, "Whom the reference is for, and the questions"), ...errors, ...goneError },
});

const giveReference = defineRoute({
  method: "post",
  path: `${base}/references/{token}`,
  summary: "Give the reference (the link works once)",
  tags: ["volunteers (public)"],
  access: { kind: "public" },
  request: { params: ReferenceTokenParam, body: jsonBody(SubmitReference) },
  responses: { 200: json(ReferenceSubmitted, "Received"), ...writeErrors, ...goneError },
});

/** The public volunteer pages: no sign-in. Mounted by the public Lambda. */
export const volunteerPublicRoutes = newRouter()
  .openapi(form, async (c) => {
    const { tenant } = await publicTenant(c, c.req.valid("param").slug, { forWriting: true });
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
    const { tenant, table } = await publicTenant(c, c.req.valid("param").slug, { forWriting: true });
    const application = c.req.valid("json");
    const now = new Date();
    const problems = applicationProblems(application, tenant.policy, londonDate(now));
    if (problems.length > 0) {
      const fields = problems.map((p) => ({ path: p.path.join("."), message: p.message }));
      throw new ApiError(
        400,
        "validation_failed",
        `Check the request body: ${fields[0]?.path}: ${fields[0]?.message}`,
        {
          fields,
        },
      );
    }
    // Shares the public-submission allowance per client address with referrals.
    await rateLimited(c, () => takeRateToken(table, RATE_RULES.submit, clientAddress(c)));
    const result = await submitVolunteerApplication(table, tenant, application, {
      links: volunteerLinks(c, tenant),
      idempotencyKey: c.req.valid("header")["idempotency-key"],
      now,
    });
    if (result.replayed) c.header("idempotent-replayed", "true");
    return c.json(VolunteerApplicationReceipt.parse(result.body), 202);
  })
  .openapi(referenceForm, async (c) => {
    const { slug, token } = c.req.valid("param");
    const { tenant, table } = await publicTenant(c, slug, { forWriting: false });
    const found = await getReferenceForm(table, token);
    return c.json(
      ReferenceFormView.parse({ tenantName: tenant.name, ...found, questions: [...REFERENCE_QUESTIONS] }),
      200,
    );
  })
  .openapi(giveReference, async (c) => {
    const { slug, token } = c.req.valid("param");
    const { tenant, table } = await publicTenant(c, slug, { forWriting: true });
    await rateLimited(c, () => takeRateToken(table, RATE_RULES.information, clientAddress(c)));
    await submitReference(table, token, c.req.valid("json").answers);
    return c.json(
      { message: `Thank you: your reference has reached ${tenant.name}'s Independent Visitor scheme.` },
      200,
    );
  });
