import { importRouters } from "../parts/imports.js";
import { httpHandler } from "./http-handler.js";

/** Spreadsheet imports (ADR 21): tenant-scoped credentials, like the tenant function. */
export const handler = httpHandler(
  { routers: Object.values(importRouters) },
  { tenantScoped: true, identity: null, receipts: null },
);
