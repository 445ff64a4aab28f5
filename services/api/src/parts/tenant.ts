import { referralTenantRoutes } from "../contexts/referrals/tenant-routes.js";
import { tenantRoutes } from "../contexts/tenants/routes.js";
import { pipelineRoutes } from "../contexts/volunteers/pipeline-routes.js";
import { volunteerTenantRoutes } from "../contexts/volunteers/tenant-routes.js";

/**
 * The routers the tenant function serves: the council itself (settings, members, audit, /api/me), its
 * referrals and its volunteers (`/api/tenant`, `/api/members`, `/api/me`, `/api/audit`, `/api/referrals`,
 * `/api/volunteers`). The other tenant-scoped contexts have their own functions (scheme, reporting, imports).
 */
export const tenantRouters = {
  tenant: tenantRoutes,
  referrals: referralTenantRoutes,
  volunteers: volunteerTenantRoutes,
  pipeline: pipelineRoutes,
} as const;
