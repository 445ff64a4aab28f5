import { reportingRouters } from "../parts/reporting.js";
import { httpHandler } from "./http-handler.js";

/**
 * A council's figures, its cohort list and benchmarking: tenant-scoped credentials, like the tenant function.
 * The benchmark's choice and published figures sit in the platform's partition, which the tenant data role
 * refuses to a session tagged with the platform; they go through this function's own role, which reaches
 * exactly those items (infra/lib/api.ts, "ReadBenchmarkChoiceAndFigures").
 */
export const handler = httpHandler({ routers: Object.values(reportingRouters) }, { tenantScoped: "except-platform" });
