import { endingRouters } from "../parts/endings.js";
import { httpHandler } from "./http-handler.js";

/** A match's ending and the backfill of review schedules: tenant-scoped credentials, like the tenant function. */
export const handler = httpHandler(
  { routers: Object.values(endingRouters) },
  { tenantScoped: true, identity: null, receipts: null },
);
