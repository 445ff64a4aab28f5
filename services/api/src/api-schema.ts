/**
 * The routes as types, for typed clients (the SPA's `web/src/api`). Type-only: a client imports this
 * module with `import type`, so no router, schema or handler code reaches its bundle, and a change to a
 * route's path, input or response schema becomes a type error in the client.
 */
import type { ErrorBody as ErrorBodySchema } from "@tandem/contracts/common";
import type { ExtractSchema } from "hono/types";
import type { z } from "zod";
import type { concernRoutes } from "./contexts/concerns/routes.js";
import type { claimRoutes } from "./contexts/expenses/claim-routes.js";
import type { expenseRoutes } from "./contexts/expenses/routes.js";
import type { importRoutes } from "./contexts/imports/routes.js";
import type { matchRoutes } from "./contexts/matches/match-routes.js";
import type { matchProfileRoutes } from "./contexts/matches/profile-routes.js";
import type { matchPublicRoutes } from "./contexts/matches/public-routes.js";
import type { platformRoutes } from "./contexts/platform/routes.js";
import type { publicRoutes } from "./contexts/public/routes.js";
import type { referralEntryRoutes } from "./contexts/referrals/entry-routes.js";
import type { referralPublicRoutes } from "./contexts/referrals/public-routes.js";
import type { referralTenantRoutes } from "./contexts/referrals/tenant-routes.js";
import type { benchmarkRoutes } from "./contexts/reporting/benchmark-routes.js";
import type { cohortRoutes } from "./contexts/reporting/cohort-routes.js";
import type { reportingRoutes } from "./contexts/reporting/routes.js";
import type { scheduleBackfillRoutes } from "./contexts/reviews/backfill-routes.js";
import type { complaintRoutes } from "./contexts/reviews/complaint-routes.js";
import type { matchEndingRoutes } from "./contexts/reviews/ending-routes.js";
import type { reviewMatchRoutes } from "./contexts/reviews/match-routes.js";
import type { reviewPublicRoutes } from "./contexts/reviews/public-routes.js";
import type { reviewTenantRoutes } from "./contexts/reviews/tenant-routes.js";
import type { tenantRoutes } from "./contexts/tenants/routes.js";
import type { visitRoutes } from "./contexts/visits/routes.js";
import type { pipelineRoutes } from "./contexts/volunteers/pipeline-routes.js";
import type { volunteerPublicRoutes } from "./contexts/volunteers/public-routes.js";
import type { volunteerTenantRoutes } from "./contexts/volunteers/tenant-routes.js";

type Routers =
  | typeof publicRoutes
  | typeof referralPublicRoutes
  | typeof volunteerPublicRoutes
  | typeof tenantRoutes
  | typeof referralTenantRoutes
  | typeof referralEntryRoutes
  | typeof volunteerTenantRoutes
  | typeof pipelineRoutes
  | typeof reviewPublicRoutes
  | typeof reviewTenantRoutes
  | typeof reviewMatchRoutes
  | typeof complaintRoutes
  | typeof matchEndingRoutes
  | typeof scheduleBackfillRoutes
  | typeof concernRoutes
  | typeof visitRoutes
  | typeof claimRoutes
  | typeof matchProfileRoutes
  | typeof matchRoutes
  | typeof matchPublicRoutes
  | typeof reportingRoutes
  | typeof expenseRoutes
  | typeof cohortRoutes
  | typeof benchmarkRoutes
  | typeof importRoutes
  | typeof platformRoutes;

/** Every route: `{ "/api/referrals/:id": { $get: { input, output, status, ... } }, ... }` (Hono's schema). */
export type ApiSchema = ExtractSchema<Routers>;

/** What every refusal answers (4xx), whichever route refused. */
export type ErrorBody = z.output<typeof ErrorBodySchema>;
