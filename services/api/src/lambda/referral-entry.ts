import { referralEntryRouters } from "../parts/referral-entry.js";
import { httpHandler } from "./http-handler.js";

/** A referral entered from paper: tenant-scoped credentials, like the referrals function. */
export const handler = httpHandler(
  { routers: Object.values(referralEntryRouters) },
  { tenantScoped: true, identity: null, receipts: null },
);
