import { tenantRouters } from "../parts/tenant.js";
import { httpHandler } from "./http-handler.js";

/**
 * Every route that acts inside one council; its table access goes through tenant-scoped credentials.
 * The platform's records it reads (its operators, the benchmark, the providers' directory) go through
 * the function's own role, which reaches exactly those partitions (infra/lib/api.ts): the tenant data
 * role refuses a session tagged with the platform.
 */
export const handler = httpHandler({ routers: Object.values(tenantRouters) }, { tenantScoped: "except-platform" });
