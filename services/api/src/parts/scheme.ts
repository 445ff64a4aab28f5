import { receiptRoutes } from "../contexts/visits/receipt-routes.js";
import { visitRoutes } from "../contexts/visits/routes.js";

/**
 * The routers the scheme function serves: the visits of a match and their receipts (a match's `/visits`,
 * `/visit-state` and `/receipts`, and `/api/visits/awaiting-approval`). Claims and finance (parts/expenses.ts),
 * matching and the matches themselves (parts/matches.ts), reviews (parts/reviews.ts) and concerns
 * (parts/concerns.ts) have their own functions (ADR 23). Only this function is told the receipts bucket.
 */
export const schemeRouters = {
  visits: visitRoutes,
  receipts: receiptRoutes,
} as const;
