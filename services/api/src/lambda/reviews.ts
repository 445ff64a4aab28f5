import { reviewRouters } from "../parts/reviews.js";
import { httpHandler } from "./http-handler.js";

/** Reviews and supervision: tenant-scoped credentials, like the tenant function. */
export const handler = httpHandler(
  { routers: Object.values(reviewRouters) },
  { tenantScoped: true, identity: null, receipts: null },
);
