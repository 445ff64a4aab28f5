import { httpHandler } from "./http-handler.js";

/** Health, the OpenAPI document and reference, and councils' public pages: no sign-in. */
export const handler = httpHandler(["public"], { tenantScoped: false });
