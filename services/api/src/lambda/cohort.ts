import { cohortRouters } from "../parts/cohort.js";
import { httpHandler } from "./http-handler.js";

/** The council's looked-after list and who on it was never offered a visitor: tenant-scoped credentials. */
export const handler = httpHandler(
  { routers: Object.values(cohortRouters) },
  { tenantScoped: true, identity: null, receipts: null },
);
