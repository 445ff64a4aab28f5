import { schemeRouters } from "../parts/scheme.js";
import { httpHandler } from "./http-handler.js";
import { tenantReceipts } from "./tenant-receipts.js";

/** A match's visits and their receipts: tenant-scoped credentials, like the tenant function. */
export const handler = httpHandler(
  { routers: Object.values(schemeRouters) },
  { tenantScoped: true, identity: null, receipts: tenantReceipts },
);
