import { SubmitVolunteerApplication, VolunteerApplicationReceipt } from "@tandem/contracts/volunteer-forms";
import { RATE_RULES, takeRateToken } from "@tandem/data/core";
import { submitVolunteerApplication } from "@tandem/data/volunteers";
import { applicationProblems } from "@tandem/domain/volunteers";
import type { Context } from "hono";
import { type VolunteerFormPorts, volunteerFormPage } from "../../../../web/src/server/volunteer-form.js";
import type { AppEnv } from "../deps.js";
import { publicReading, publicWriting } from "../http/access.js";
import { clientAddress } from "../http/client-address.js";
import { publicTenant } from "../middleware/require-access.js";
import { asPage, drawnPage, fieldsOf, formPageRouter, refused, sameOrigin } from "./form-page-kit.js";
import { problemPage } from "./page-shell.js";

/**
 * The volunteer application as HTML pages for a browser without JavaScript (ADR 15): the SPA's questions and
 * words (`web/src/server/volunteer-form.ts`); sending is the JSON route's own checks and data function.
 */
export const volunteerFormPageRoutes = formPageRouter("volunteer");

/** The volunteer application (`/{slug}/volunteer/…`): sending is the JSON route's own checks and data function. */
async function volunteerPage(c: Context<AppEnv>, page: string) {
  if (!sameOrigin(c)) return problemPage(c, { status: 403, key: "problem.notFromPage" });
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

volunteerFormPageRoutes.post("/:slug/volunteer", (c) => asPage(c, () => volunteerPage(c, "")));
volunteerFormPageRoutes.post("/:slug/volunteer/:page", (c) => asPage(c, () => volunteerPage(c, c.req.param("page"))));
