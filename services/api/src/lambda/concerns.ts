import { concernRouters } from "../parts/concerns.js";
import { httpHandler } from "./http-handler.js";

/** Safeguarding concerns and their timers job: tenant-scoped credentials, like the tenant function. */
export const handler = httpHandler(
  { routers: Object.values(concernRouters) },
  { tenantScoped: true, identity: null, receipts: null },
);
