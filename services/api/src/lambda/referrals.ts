import { referralRouters } from "../parts/referrals.js";
import { httpHandler } from "./http-handler.js";

/** The council's referrals: tenant-scoped credentials, like the tenant function; no platform record read. */
export const handler = httpHandler(
  { routers: Object.values(referralRouters) },
  { tenantScoped: true, identity: null, receipts: null },
);
