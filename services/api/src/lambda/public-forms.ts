import { publicFormRouters } from "../parts/public-forms.js";
import { httpHandler } from "./http-handler.js";

/**
 * A council's public forms (no sign-in): its records are reached with that council's scoped credentials,
 * the platform's registry (which finds the council from the address's slug) with the function's own.
 */
export const handler = httpHandler({ routers: Object.values(publicFormRouters) }, { tenantScoped: "except-platform" });
