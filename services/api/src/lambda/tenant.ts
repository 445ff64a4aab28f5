import { functionParts } from "../app.js";
import { httpHandler } from "./http-handler.js";

/** Every route that acts inside one council; its table access goes through tenant-scoped credentials. */
export const handler = httpHandler([...functionParts.tenant], { tenantScoped: true });
