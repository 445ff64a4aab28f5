import { benchmarkRoutes } from "../contexts/reporting/benchmark-routes.js";

/**
 * The router the reporting function serves: benchmarking across councils (`/api/reporting/benchmark`,
 * `/api/reporting/benchmark-settings`), with the grants on the benchmark's platform items that only it has.
 * The council's own figures (parts/figures.ts) and the cohort list (parts/cohort.ts) have their own
 * functions (ADR 23), so none of the three carries the others' schemas.
 */
export const reportingRouters = {
  benchmark: benchmarkRoutes,
} as const;
