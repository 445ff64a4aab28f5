import { publicReferralRouters } from "../parts/public-referrals.js";
import { publicHttpHandler } from "./public-http-handler.js";

/**
 * The referral form's JSON API (no sign-in): a council's records are reached with that council's scoped
 * credentials, the platform's registry (which finds the council from the address's slug) with the function's own.
 */
export const handler = publicHttpHandler(
  { routers: Object.values(publicReferralRouters) },
  { tenantScoped: "except-platform", identity: null, receipts: null },
);
