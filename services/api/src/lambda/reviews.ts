import { reviewRouters } from "../parts/reviews.js";
import { httpHandler } from "./http-handler.js";

/** Reviews, supervision, complaints and a match's ending: tenant-scoped credentials, like the tenant function. */
export const handler = httpHandler({ routers: Object.values(reviewRouters) }, { tenantScoped: true });
