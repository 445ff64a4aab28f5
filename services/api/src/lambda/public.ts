import { functionParts } from "../app.js";
import { httpHandler } from "./http-handler.js";

/**
 * Health, the OpenAPI document and reference, and councils' public pages (referral and volunteer
 * forms, invitations, sign-up): no sign-in. A council's records are reached with that council's
 * scoped credentials; the platform's registry with the function's own.
 */
export const handler = httpHandler([...functionParts.public], { tenantScoped: "except-platform" });
