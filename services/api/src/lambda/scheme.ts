import { schemeRouters } from "../parts/scheme.js";
import { httpHandler } from "./http-handler.js";

/** Matching, matches, visits, reviews and money: tenant-scoped credentials, like the tenant function. */
export const handler = httpHandler({ routers: Object.values(schemeRouters) }, { tenantScoped: true });
