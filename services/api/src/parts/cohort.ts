import { cohortRoutes } from "../contexts/reporting/cohort-routes.js";

/**
 * The router the cohort function serves: the council's list of looked-after children and those on it never
 * offered an Independent Visitor (`/api/reporting/cohort`, `/api/reporting/never-offered`). Apart from the
 * reporting function (ADR 23) so the figures' function carries neither the list's checks nor the CSV reader.
 */
export const cohortRouters = {
  cohort: cohortRoutes,
} as const;
