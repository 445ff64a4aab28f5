import { functionParts } from "../app.js";
import { httpHandler } from "./http-handler.js";

/** The platform operator's routes: the tenant registry and sign-ups, never a tenant's records. */
export const handler = httpHandler([...functionParts.platform], { tenantScoped: false });
