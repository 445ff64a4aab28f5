import { figuresRouters } from "../parts/figures.js";
import { httpHandler } from "./http-handler.js";

/** The council's figures: its dashboard, tables and looked-after counts. Tenant-scoped credentials. */
export const handler = httpHandler(
  { routers: Object.values(figuresRouters) },
  { tenantScoped: true, identity: null, receipts: null },
);
