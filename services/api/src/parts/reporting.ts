import { benchmarkRoutes } from "../contexts/reporting/benchmark-routes.js";
import { cohortRoutes } from "../contexts/reporting/cohort-routes.js";
import { reportingRoutes } from "../contexts/reporting/routes.js";

/** The routers the reporting function serves (`/api/reporting`): figures, the cohort list and benchmarking. */
export const reportingRouters = {
  reporting: reportingRoutes,
  cohort: cohortRoutes,
  benchmark: benchmarkRoutes,
} as const;
