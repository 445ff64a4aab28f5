import { bundledOpenApiDocument } from "../http/bundled-openapi.js";
import { publicRouters } from "../parts/public.js";
import { httpHandler } from "./http-handler.js";

/**
 * Health, the OpenAPI document and reference, and councils' public pages (referral and volunteer
 * forms, invitations, sign-up): no sign-in. A council's records are reached with that council's
 * scoped credentials; the platform's registry with the function's own. The OpenAPI document is the
 * one generated at build time, so this function imports no other function's routers.
 */
export const handler = httpHandler(
  { routers: Object.values(publicRouters), openApi: bundledOpenApiDocument },
  { tenantScoped: "except-platform" },
);
