import { expenseRoutes } from "../contexts/expenses/routes.js";
import { receiptRoutes } from "../contexts/visits/receipt-routes.js";
import { visitRoutes } from "../contexts/visits/routes.js";

/**
 * The routers the scheme function serves: the visits of a match and the money they cost (a match's
 * `/visits`, `/visit-state`, `/claims` and `/receipts`, and finance's `/api/expenses`). Matching and the
 * matches themselves (parts/matches.ts), reviews (parts/reviews.ts) and concerns (parts/concerns.ts) have
 * their own functions (ADR 23). Only this function is told the receipts bucket.
 */
export const schemeRouters = {
  visits: visitRoutes,
  expenses: expenseRoutes,
  receipts: receiptRoutes,
} as const;
