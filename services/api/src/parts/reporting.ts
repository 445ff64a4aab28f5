import { benchmarkRoutes } from "../contexts/reporting/benchmark-routes.js";
import { reportingRoutes } from "../contexts/reporting/routes.js";

/**
 * The routers the reporting function serves (`/api/reporting`): figures and benchmarking. The cohort list has
 * its own function (parts/cohort.ts).
 */
export const reportingRouters = {
  reporting: reportingRoutes,
  benchmark: benchmarkRoutes,
} as const;
