import { expenseRouters } from "../parts/expenses.js";
import { httpHandler } from "./http-handler.js";

/** A match's expense claims and finance's month end: tenant-scoped credentials, like the scheme function. */
export const handler = httpHandler(
  { routers: Object.values(expenseRouters) },
  { tenantScoped: true, identity: null, receipts: null },
);
