import { scheduleBackfillRoutes } from "../contexts/reviews/backfill-routes.js";
import { matchEndingRoutes } from "../contexts/reviews/ending-routes.js";

/**
 * The routers the endings function serves: a match's ending (`/api/matches/{id}/ending`, `/end`) and the
 * one-off backfill of review schedules. Apart from the reviews function for the size of each (ADR 23): these
 * read or write matching's whole match record (an ending rewrites it and the child's referral), so they carry
 * those schemas, which reviews need not.
 */
export const endingRouters = {
  matchEndings: matchEndingRoutes,
  scheduleBackfill: scheduleBackfillRoutes,
} as const;
