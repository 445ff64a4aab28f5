import { tenantRouters } from "../parts/tenant.js";
import { httpHandler } from "./http-handler.js";

/** Every route that acts inside one council; its table access goes through tenant-scoped credentials. */
export const handler = httpHandler({ routers: Object.values(tenantRouters) }, { tenantScoped: true });
