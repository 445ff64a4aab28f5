import { tenantRouters } from "../parts/tenant.js";
import { awsIdentityAdmin } from "./aws-identity.js";
import { httpHandler } from "./http-handler.js";

/**
 * The council itself (settings, members, audit, /api/me), and any signed-in path no other function names;
 * its table access goes through tenant-scoped credentials.
 * The platform's records it reads (its operators, the benchmark, the providers' directory) go through
 * the function's own role, which reaches exactly those partitions (infra/lib/api.ts): the tenant data
 * role refuses a session tagged with the platform.
 */
export const handler = httpHandler(
  { routers: Object.values(tenantRouters) },
  { tenantScoped: "except-platform", identity: awsIdentityAdmin, receipts: null },
);
