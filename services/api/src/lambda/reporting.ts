import { reportingRouters } from "../parts/reporting.js";
import { httpHandler } from "./http-handler.js";

/** A council's figures, its cohort list and benchmarking: tenant-scoped credentials, like the tenant function. */
export const handler = httpHandler({ routers: Object.values(reportingRouters) }, { tenantScoped: true });
