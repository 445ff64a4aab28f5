import { concernRoutes } from "../contexts/concerns/routes.js";
import { expenseRoutes } from "../contexts/expenses/routes.js";
import { importRoutes } from "../contexts/imports/routes.js";
import { matchRoutes } from "../contexts/matches/match-routes.js";
import { matchProfileRoutes } from "../contexts/matches/profile-routes.js";
import { referralTenantRoutes } from "../contexts/referrals/tenant-routes.js";
import { benchmarkRoutes } from "../contexts/reporting/benchmark-routes.js";
import { cohortRoutes } from "../contexts/reporting/cohort-routes.js";
import { reportingRoutes } from "../contexts/reporting/routes.js";
import { reviewMatchRoutes } from "../contexts/reviews/match-routes.js";
import { reviewTenantRoutes } from "../contexts/reviews/tenant-routes.js";
import { tenantRoutes } from "../contexts/tenants/routes.js";
import { receiptRoutes } from "../contexts/visits/receipt-routes.js";
import { visitRoutes } from "../contexts/visits/routes.js";
import { pipelineRoutes } from "../contexts/volunteers/pipeline-routes.js";
import { volunteerTenantRoutes } from "../contexts/volunteers/tenant-routes.js";

/** The routers the tenant function serves: every route that acts inside one council. */
export const tenantRouters = {
  tenant: tenantRoutes,
  referrals: referralTenantRoutes,
  volunteers: volunteerTenantRoutes,
  pipeline: pipelineRoutes,
  reviews: reviewTenantRoutes,
  reviewMatches: reviewMatchRoutes,
  concerns: concernRoutes,
  visits: visitRoutes,
  matchProfiles: matchProfileRoutes,
  matches: matchRoutes,
  reporting: reportingRoutes,
  expenses: expenseRoutes,
  receipts: receiptRoutes,
  cohort: cohortRoutes,
  benchmark: benchmarkRoutes,
  imports: importRoutes,
} as const;
