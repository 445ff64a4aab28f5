import { volunteerRouters } from "../parts/volunteers.js";
import { awsIdentityAdmin } from "./aws-identity.js";
import { httpHandler } from "./http-handler.js";

/**
 * Volunteer recruitment and the pipeline: tenant-scoped credentials, like the tenant function. Approving a
 * volunteer makes their account, a user-pool call with the function's own role (infra/lib/api.ts).
 */
export const handler = httpHandler(
  { routers: Object.values(volunteerRouters) },
  { tenantScoped: true, identity: awsIdentityAdmin, receipts: null },
);
