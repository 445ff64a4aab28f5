import { OpenAPIHono } from "@hono/zod-openapi";
import type { OpenAPIObject } from "openapi3-ts/oas31";
import { API_INFO, createApp } from "./create-app.js";
import type { AppEnv, Deps } from "./deps.js";
import { apiDocs } from "./http/api-reference.js";
import { cohortRouters } from "./parts/cohort.js";
import { complaintRouters } from "./parts/complaints.js";
import { concernRouters } from "./parts/concerns.js";
import { endingRouters } from "./parts/endings.js";
import { expenseRouters } from "./parts/expenses.js";
import { figuresRouters } from "./parts/figures.js";
import { importRouters } from "./parts/imports.js";
import { matchRouters } from "./parts/matches.js";
import { platformRouters } from "./parts/platform.js";
import { publicRouters } from "./parts/public.js";
import { publicFormRouters } from "./parts/public-forms.js";
import { publicLinkRouters } from "./parts/public-links.js";
import { publicReferralRouters } from "./parts/public-referrals.js";
import { publicVolunteerRouters } from "./parts/public-volunteers.js";
import { referralEntryRouters } from "./parts/referral-entry.js";
import { referralRouters } from "./parts/referrals.js";
import { reportingRouters } from "./parts/reporting.js";
import { reviewRouters } from "./parts/reviews.js";
import { schemeRouters } from "./parts/scheme.js";
import { tenantRouters } from "./parts/tenant.js";
import { volunteerRouters } from "./parts/volunteers.js";

export { API_INFO };

/**
 * The API's routers, by bounded context, for the local runner, tests and the generated documents.
 * The Lambda entries do not import this module: each imports only its own part (services/api/src/parts/*).
 */
export const routers = {
  public: publicRouters.public,
  tenant: tenantRouters.tenant,
  platform: platformRouters.platform,
  referralsPublic: publicReferralRouters.referralsPublic,
  referrals: referralRouters.referrals,
  referralEntry: referralEntryRouters.referralEntry,
  volunteersPublic: publicVolunteerRouters.volunteersPublic,
  volunteers: volunteerRouters.volunteers,
  pipeline: volunteerRouters.pipeline,
  reviewsPublic: publicLinkRouters.reviewsPublic,
  reviews: reviewRouters.reviews,
  reviewMatches: reviewRouters.reviewMatches,
  complaints: complaintRouters.complaints,
  matchEndings: endingRouters.matchEndings,
  scheduleBackfill: endingRouters.scheduleBackfill,
  concerns: concernRouters.concerns,
  visits: schemeRouters.visits,
  claims: expenseRouters.claims,
  matchProfiles: matchRouters.matchProfiles,
  matches: matchRouters.matches,
  matchesPublic: publicLinkRouters.matchesPublic,
  // Each form's shell before its pages (html/form-shell.ts).
  referralFormShell: publicFormRouters.referralFormShell,
  referralFormPages: publicFormRouters.referralFormPages,
  volunteerFormShell: publicVolunteerRouters.volunteerFormShell,
  volunteerFormPages: publicVolunteerRouters.volunteerFormPages,
  reporting: figuresRouters.reporting,
  expenses: expenseRouters.expenses,
  receipts: schemeRouters.receipts,
  cohort: cohortRouters.cohort,
  benchmark: reportingRouters.benchmark,
  imports: importRouters.imports,
} as const;
export type RouterName = keyof typeof routers;

/**
 * The HTTP functions, each with the routers of its bounded contexts (services/api/src/parts/*, one Lambda
 * entry each). API Gateway sends each path prefix to its function (`functionPaths`, infra/lib/api.ts).
 */
export const functionParts = {
  public: Object.keys(publicRouters) as (keyof typeof publicRouters)[],
  "public-forms": Object.keys(publicFormRouters) as (keyof typeof publicFormRouters)[],
  "public-referrals": Object.keys(publicReferralRouters) as (keyof typeof publicReferralRouters)[],
  "public-volunteers": Object.keys(publicVolunteerRouters) as (keyof typeof publicVolunteerRouters)[],
  "public-links": Object.keys(publicLinkRouters) as (keyof typeof publicLinkRouters)[],
  platform: Object.keys(platformRouters) as (keyof typeof platformRouters)[],
  tenant: Object.keys(tenantRouters) as (keyof typeof tenantRouters)[],
  referrals: Object.keys(referralRouters) as (keyof typeof referralRouters)[],
  "referral-entry": Object.keys(referralEntryRouters) as (keyof typeof referralEntryRouters)[],
  volunteers: Object.keys(volunteerRouters) as (keyof typeof volunteerRouters)[],
  scheme: Object.keys(schemeRouters) as (keyof typeof schemeRouters)[],
  expenses: Object.keys(expenseRouters) as (keyof typeof expenseRouters)[],
  matches: Object.keys(matchRouters) as (keyof typeof matchRouters)[],
  reviews: Object.keys(reviewRouters) as (keyof typeof reviewRouters)[],
  endings: Object.keys(endingRouters) as (keyof typeof endingRouters)[],
  complaints: Object.keys(complaintRouters) as (keyof typeof complaintRouters)[],
  concerns: Object.keys(concernRouters) as (keyof typeof concernRouters)[],
  reporting: Object.keys(reportingRouters) as (keyof typeof reportingRouters)[],
  figures: Object.keys(figuresRouters) as (keyof typeof figuresRouters)[],
  cohort: Object.keys(cohortRouters) as (keyof typeof cohortRouters)[],
  imports: Object.keys(importRouters) as (keyof typeof importRouters)[],
} as const satisfies Record<string, readonly RouterName[]>;
export type HttpFunctionName = keyof typeof functionParts;

/** Builds the whole API (locally) or the given part of it, serving the OpenAPI document built from every router. */
export function createApi(deps: Deps, parts: readonly RouterName[] = Object.keys(routers) as RouterName[]) {
  return createApp(deps, { routers: parts.map((p) => routers[p]), openApi: apiDocs(openApiDocument) });
}

let cached: OpenAPIObject | undefined;

/** The OpenAPI document of every route, whichever part this process serves. */
export function openApiDocument(): OpenAPIObject {
  if (cached) return cached;
  const all = new OpenAPIHono<AppEnv>();
  all.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "A Cognito ID token (locally, from cognito-local: `pnpm token <email>`)",
  });
  for (const r of Object.values(routers)) all.route("/", r);
  cached = all.getOpenAPI31Document(API_INFO);
  return cached;
}
