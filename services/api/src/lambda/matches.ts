import { matchRouters } from "../parts/matches.js";
import { httpHandler } from "./http-handler.js";

/** Matching and matches: tenant-scoped credentials, like the tenant function. */
export const handler = httpHandler(
  { routers: Object.values(matchRouters) },
  { tenantScoped: true, identity: null, receipts: null },
);
