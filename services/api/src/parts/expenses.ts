import { claimRoutes } from "../contexts/expenses/claim-routes.js";
import { expenseRoutes } from "../contexts/expenses/routes.js";

/**
 * The routers the expenses function serves: a match's claims (`/claims`) and finance's `/api/expenses`
 * (the month's claims queue, month end, payment file, payees). Apart from the scheme function (a match's
 * visits and receipts, with the receipts bucket; ADR 23): neither carries the other's code, and this one
 * has no grant of its own beyond the tenant session.
 */
export const expenseRouters = {
  claims: claimRoutes,
  expenses: expenseRoutes,
} as const;
