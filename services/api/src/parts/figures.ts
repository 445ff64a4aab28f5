import { reportingRoutes } from "../contexts/reporting/routes.js";

/**
 * The router the figures function serves: the manager's dashboard, its tables as CSV and the council's
 * monthly looked-after counts (`/api/reporting/dashboard`, `/tables`, `/looked-after`). Apart from the
 * reporting function (benchmarking, ADR 23): neither carries the other's code, and this one no benchmark grant.
 */
export const figuresRouters = {
  reporting: reportingRoutes,
} as const;
