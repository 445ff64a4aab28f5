import { reportingRouters } from "../parts/reporting.js";
import { httpHandler } from "./http-handler.js";

/**
 * Benchmarking across councils: tenant-scoped credentials, like the tenant function (the council's figures and
 * its cohort list are functions of their own, ADR 23).
 * The benchmark's choice and published figures sit in the platform's partition, which the tenant data role
 * refuses to a session tagged with the platform; they go through this function's own role, which reaches
 * exactly those items (infra/lib/api.ts, "ReadBenchmarkChoiceAndFigures").
 */
export const handler = httpHandler(
  { routers: Object.values(reportingRouters) },
  { tenantScoped: "except-platform", identity: null, receipts: null },
);
