import { schemeRouters } from "../parts/scheme.js";
import { httpHandler } from "./http-handler.js";

/** A match's visits and their money (claims, receipts, finance): tenant-scoped credentials, like the tenant function. */
export const handler = httpHandler({ routers: Object.values(schemeRouters) }, { tenantScoped: true });
