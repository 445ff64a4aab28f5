import { tenantRoutes } from "../contexts/tenants/routes.js";

/**
 * The router the tenant function serves: the council itself (settings, members, audit, /api/me:
 * `/api/tenant`, `/api/members`, `/api/me`, `/api/audit`). Its referrals and its volunteers have their own
 * functions (parts/referrals.ts, parts/volunteers.ts; ADR 23), as do the other tenant-scoped contexts.
 */
export const tenantRouters = {
  tenant: tenantRoutes,
} as const;
