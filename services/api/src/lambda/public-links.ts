import { publicLinkRouters } from "../parts/public-links.js";
import { publicHttpHandler } from "./public-http-handler.js";

/**
 * A review's feedback form and a match's agreement form behind their e-mailed links (no sign-in): a council's
 * records are reached with that council's scoped credentials, the platform's registry (which finds the council
 * from the address's slug) with the function's own.
 */
export const handler = publicHttpHandler(
  { routers: Object.values(publicLinkRouters) },
  { tenantScoped: "except-platform", identity: null, receipts: null },
);
