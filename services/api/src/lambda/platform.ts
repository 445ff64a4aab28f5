import { httpHandler } from "./http-handler.js";

/** The platform operator's routes: the tenant registry, never a tenant's records. */
export const handler = httpHandler(["platform"], { tenantScoped: false });
