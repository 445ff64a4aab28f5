import { complaintRouters } from "../parts/complaints.js";
import { httpHandler } from "./http-handler.js";

/** The complaints register: tenant-scoped credentials, like the tenant function. */
export const handler = httpHandler(
  { routers: Object.values(complaintRouters) },
  { tenantScoped: true, identity: null, receipts: null },
);
