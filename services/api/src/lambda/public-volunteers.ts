import { publicVolunteerRouters } from "../parts/public-volunteers.js";
import { pageShellBeside } from "./page-shell-file.js";
import { publicHttpHandler } from "./public-http-handler.js";

/**
 * The volunteer application and the referee's form, as JSON and drawn without JavaScript (no sign-in): a
 * council's records are reached with that council's scoped credentials, the platform's registry (which finds
 * the council from the address's slug) with the function's own.
 */
export const handler = publicHttpHandler(
  { routers: Object.values(publicVolunteerRouters) },
  { tenantScoped: "except-platform", identity: null, receipts: null, pageShell: pageShellBeside(import.meta.url) },
);
