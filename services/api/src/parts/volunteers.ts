import { pipelineRoutes } from "../contexts/volunteers/pipeline-routes.js";
import { volunteerTenantRoutes } from "../contexts/volunteers/tenant-routes.js";

/**
 * The routers the volunteers function serves: recruitment and a volunteer's own record (`/api/volunteers`,
 * the certificate among them) and the council's recruitment pipeline (`/api/tenant/pipeline`). Apart from
 * the tenant function (ADR 23's second addendum); the volunteer's own matches (`/api/volunteers/me/matches`)
 * are the scheme function's.
 */
export const volunteerRouters = {
  volunteers: volunteerTenantRoutes,
  pipeline: pipelineRoutes,
} as const;
