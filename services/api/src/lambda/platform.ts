import { platformRouters } from "../parts/platform.js";
import { awsIdentityAdmin } from "./aws-identity.js";
import { httpHandler } from "./http-handler.js";

/** The platform operator's routes: the tenant registry and sign-ups, never a tenant's records. */
export const handler = httpHandler(
  { routers: Object.values(platformRouters) },
  { tenantScoped: false, identity: awsIdentityAdmin, receipts: null },
);
